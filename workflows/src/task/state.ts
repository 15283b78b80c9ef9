/**
 * The task workflow's state in one plain object, and what is derived from it (status, snapshot, carry).
 * Pure: no Temporal imports, so the rules and transitions are unit-tested directly.
 *
 * The step model: every step a person must take is an entry of `steps` (id, kind, holder, openedAt, dueAt,
 * escalation level), opened and closed by the functions of steps.ts. Parts and contributions say where the work
 * stands; they do not carry step ids of their own.
 */
import type {
  ClosedStep,
  Contribution,
  DeadlineRules,
  Extension,
  OpenStep,
  PartStatus,
  Principal,
  ReturnInfo,
  TaskCarry,
  TaskPart,
  TaskSnapshot,
  TaskStatus,
  TaskWorkflowInput,
  UnitCode,
  UserRef,
} from '@app/contracts';
import { cycleDueDates, firstOpenCycle } from './cycles';

/** Where the cycle stands once its parts are done: the shared review chain, then completion (or withdrawal). */
export type ChainStage = 'PARTS' | 'VHXH_REVIEW' | 'CHAIRMAN_REVIEW' | 'COMPLETED' | 'WITHDRAWN';

export interface PartState extends TaskPart {
  /** The drafter's keys when he submitted: a reviewer among them has already spoken by submitting. */
  drafterPrincipals: Principal[];
}

export interface ContributionState extends Contribution {
  /** The date asked with the request, if any (else the step's date follows the task's). */
  askedDueAt: string | null;
}

/** The reviewing unit of runs started before it was a setting. */
export const DEFAULT_REVIEWING_UNIT = 'VHXH';

export interface TaskState {
  workflowId: string;
  input: Omit<TaskWorkflowInput, 'carry'> & { reviewingUnit: UnitCode };
  cycle: number;
  /** Due date of every cycle (index cycle - 1); the coordinator may fill in dates later. */
  schedule: (string | null)[];
  /** The first date of every cycle, kept when a date is extended or amended (on-time counts use it). */
  originalSchedule: (string | null)[];
  /** The commune's calendar and deadline settings; null in runs recorded before deadlines acted (no timers). */
  rules: DeadlineRules | null;
  /** Keys of the reminders and rungs already fired, per open step. */
  alerts: Record<string, string[]>;
  extensions: Extension[];
  completedAt: string | null;
  /** Bumped by every change a person makes: the main loop re-plans its timers when it moves. */
  revision: number;
  /** Last audit sequence number used; carried across cycles. */
  seq: number;
  /** Makes step ids unique within the cycle (the cycle number makes them unique across cycles). */
  stepCounter: number;
  stage: ChainStage;
  /** Open steps, in the order they opened. */
  steps: OpenStep[];
  /** Steps closed in this cycle, newest last (bounded). */
  closedSteps: ClosedStep[];
  parts: PartState[];
  contributions: ContributionState[];
  lastReturn: ReturnInfo | null;
}

/**
 * A new cycle's state; its steps are opened by `openFirstSteps` (steps.ts). `startDay`: the commune's date when the
 * workflow first runs; given, the first run skips cycles whose due date is already behind (see firstOpenCycle).
 * Without it (histories recorded before that rule), cycle 1.
 */
export function createTaskState(input: TaskWorkflowInput, workflowId: string, startDay?: string): TaskState {
  const { carry, ...rest } = input;
  const schedule = carry?.cycleDueDates ?? cycleDueDates(input.deadlineKind, input.dueDates, input.year);
  const originalSchedule = carry?.originalCycleDueDates ?? [...schedule];
  const cycle = carry?.cycle ?? (startDay ? firstOpenCycle(schedule, startDay) : 1);
  return {
    workflowId,
    input: { ...rest, leadUnits: uniqueUnits(rest.leadUnits ?? []), reviewingUnit: rest.reviewingUnit ?? DEFAULT_REVIEWING_UNIT },
    cycle,
    schedule,
    originalSchedule,
    rules: null,
    alerts: {},
    extensions: [],
    completedAt: null,
    revision: 0,
    seq: carry?.seq ?? 0,
    stepCounter: 0,
    stage: 'PARTS',
    steps: [],
    closedSteps: [],
    parts: uniqueUnits(rest.leadUnits ?? []).map((unit) => newPart(unit, carry?.assignees[unit] ?? null)),
    contributions: [],
    lastReturn: null,
  };
}

/** A part starts with its assignment, or straight with drafting when the previous cycle's assignee carries over. */
export function newPart(unit: UnitCode, assignee: UserRef | null): PartState {
  const status: PartStatus = assignee ? 'DRAFT' : 'ASSIGN';
  return { unit, status, assignee, drafter: null, drafterPrincipals: [], draftVersion: 0, returnReason: null };
}

function uniqueUnits(units: UnitCode[]): UnitCode[] {
  return [...new Set(units)];
}

export function cycleDueAt(state: TaskState): string | null {
  return state.schedule[state.cycle - 1] ?? null;
}

export function cycleOriginalDueAt(state: TaskState): string | null {
  return state.originalSchedule[state.cycle - 1] ?? cycleDueAt(state);
}

/** How many cycles the schedule has; the workflow completes after the last. */
export function cycleCount(state: TaskState): number {
  return Math.max(state.schedule.length, 1);
}

/** A task led by the reviewing unit alone: its unit review already is that unit's review, so the chain skips it. */
export function reviewerLeadsAlone(state: TaskState): boolean {
  return state.parts.length === 1 && state.parts[0].unit === state.input.reviewingUnit;
}

const PART_ORDER: Record<PartStatus, number> = { ASSIGN: 0, DRAFT: 1, UNIT_REVIEW: 2, DONE: 3 };

/** The task's status is its least advanced part until every part is done, then the chain's stage. */
export function taskStatus(state: TaskState): TaskStatus {
  if (state.stage !== 'PARTS') return state.stage;
  // No part yet: the plan named no unit of the commune, the coordinator sets one first.
  if (state.parts.length === 0) return 'NOT_STARTED';
  const least = state.parts.reduce((a, b) => (PART_ORDER[b.status] < PART_ORDER[a.status] ? b : a));
  switch (least.status) {
    case 'ASSIGN':
      return 'NOT_STARTED';
    case 'DRAFT':
      return state.parts.some((p) => p.status === 'DRAFT' && p.returnReason !== null) ? 'RETURNED' : 'IN_PROGRESS';
    case 'UNIT_REVIEW':
    case 'DONE':
      // DONE while others are pending cannot be the least advanced; the last unit approval moves the stage on.
      return 'UNIT_REVIEW';
  }
}

const copyUser = (user: UserRef | null): UserRef | null => (user ? { id: user.id, fullName: user.fullName } : null);

/** A deep copy: snapshots leave the workflow (queries, update results, activity payloads) and must not alias state. */
export function toSnapshot(state: TaskState): TaskSnapshot {
  return {
    taskId: state.input.taskId,
    commune: state.input.commune,
    status: taskStatus(state),
    cycle: state.cycle,
    cycleDueAt: cycleDueAt(state),
    cycleOriginalDueAt: cycleOriginalDueAt(state),
    completedAt: state.completedAt,
    deadlineKind: state.input.deadlineKind,
    leadUnits: [...state.input.leadUnits],
    coUnits: [...state.input.coUnits],
    reviewingUnit: state.input.reviewingUnit,
    parts: state.parts.map(({ drafterPrincipals: _keys, ...part }) => ({
      ...part,
      assignee: copyUser(part.assignee),
      drafter: copyUser(part.drafter),
    })),
    contributions: state.contributions.map(({ askedDueAt: _asked, ...c }) => ({ ...c, requestedBy: copyUser(c.requestedBy)!, contributor: copyUser(c.contributor) })),
    openSteps: state.steps.map((s) => ({ ...s, assignee: copyUser(s.assignee), principals: [...s.principals], excludedUserIds: [...s.excludedUserIds] })),
    closedSteps: state.closedSteps.map((s) => ({ ...s, principals: [...s.principals] })),
    lastReturnReason: state.lastReturn?.reason ?? null,
    lastReturn: state.lastReturn ? { ...state.lastReturn, by: copyUser(state.lastReturn.by)!, onBehalfOf: copyUser(state.lastReturn.onBehalfOf) } : null,
    extensions: state.extensions.map((e) => ({ ...e, requestedBy: copyUser(e.requestedBy)!, decidedBy: copyUser(e.decidedBy) })),
    seq: state.seq,
  };
}

/** What the next cycle needs (continue-as-new). */
export function carryForward(state: TaskState): TaskCarry {
  const assignees: TaskCarry['assignees'] = {};
  for (const part of state.parts) if (part.assignee) assignees[part.unit] = copyUser(part.assignee)!;
  return {
    cycle: state.cycle + 1,
    seq: state.seq,
    assignees,
    cycleDueDates: [...state.schedule],
    originalCycleDueDates: [...state.originalSchedule],
  };
}
