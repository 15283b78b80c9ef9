/**
 * The task workflow's state in one plain object, and the views derived from it (status, open steps,
 * snapshot). Pure: no Temporal imports, so the rules can be unit-tested directly.
 */
import type {
  Contribution,
  OpenStep,
  PartStatus,
  StepKind,
  TaskCarry,
  TaskPart,
  TaskSnapshot,
  TaskStatus,
  TaskWorkflowInput,
  UnitCode,
  UserRef,
} from '@app/contracts';
import { cycleDueDates, firstOpenCycle } from './cycles';

/** Where the cycle stands once its parts are done: the shared review chain, then completion. */
export type ChainStage = 'PARTS' | 'VHXH_REVIEW' | 'CHAIRMAN_REVIEW' | 'COMPLETED';

export interface PartState extends TaskPart {
  /** Id of the part's open step (ASSIGN, DRAFT or UNIT_REVIEW); null once the part is done. */
  stepId: string | null;
}

export interface ContributionState extends Contribution {
  /** Id of the open CONTRIBUTION step; null once answered or closed with the cycle. */
  stepId: string | null;
}

export interface TaskState {
  workflowId: string;
  input: Omit<TaskWorkflowInput, 'carry'>;
  cycle: number;
  /** Due date of every cycle (index cycle - 1); the coordinator may fill in dates later. */
  schedule: (string | null)[];
  /** Last audit sequence number used; carried across cycles. */
  seq: number;
  /** Makes step ids unique within the cycle (the cycle number makes them unique across cycles). */
  stepCounter: number;
  stage: ChainStage;
  /** Open VHXH_REVIEW or CHAIRMAN_REVIEW step. */
  chainStepId: string | null;
  /** Open SET_SCHEDULE step while the cycle has no due date. */
  scheduleStepId: string | null;
  parts: PartState[];
  contributions: ContributionState[];
  lastReturnReason: string | null;
}

export function nextStepId(state: TaskState, scope: string, kind: StepKind): string {
  state.stepCounter += 1;
  return `c${state.cycle}:${scope}:${kind.toLowerCase()}:${state.stepCounter}`;
}

/**
 * Opens a cycle. The first cycle starts with assignment; later cycles (continue-as-new) keep each unit's
 * assignee and start straight with drafting.
 */
/**
 * `startDay`: the commune's date when the workflow first runs; given, the first run skips cycles whose due date
 * is already behind (see firstOpenCycle). Without it (histories recorded before that rule), cycle 1.
 */
export function createTaskState(input: TaskWorkflowInput, workflowId: string, startDay?: string): TaskState {
  const { carry, ...rest } = input;
  const schedule = carry?.cycleDueDates ?? cycleDueDates(input.deadlineKind, input.dueDates, input.year);
  const cycle = carry?.cycle ?? (startDay ? firstOpenCycle(schedule, startDay) : 1);
  const state: TaskState = {
    workflowId,
    input: rest,
    cycle,
    schedule,
    seq: carry?.seq ?? 0,
    stepCounter: 0,
    stage: 'PARTS',
    chainStepId: null,
    scheduleStepId: null,
    parts: [],
    contributions: [],
    lastReturnReason: null,
  };
  state.parts = uniqueUnits(input.leadUnits).map((unit) => {
    const assignee = carry?.assignees[unit] ?? null;
    const status: PartStatus = assignee ? 'DRAFT' : 'ASSIGN';
    return {
      unit,
      status,
      assignee,
      drafter: null,
      draftVersion: 0,
      returnReason: null,
      stepId: nextStepId(state, unit, assignee ? 'DRAFT' : 'ASSIGN'),
    };
  });
  if (cycleDueAt(state) === null) state.scheduleStepId = nextStepId(state, 'schedule', 'SET_SCHEDULE');
  return state;
}

function uniqueUnits(units: UnitCode[]): UnitCode[] {
  return [...new Set(units)];
}

export function cycleDueAt(state: TaskState): string | null {
  return state.schedule[state.cycle - 1] ?? null;
}

/** How many cycles the schedule has; the workflow completes after the last. */
export function cycleCount(state: TaskState): number {
  return Math.max(state.schedule.length, 1);
}

/** A VH-XH-only task: its unit review already is the VH-XH review, so the chain skips that level. */
export function vhxhLeadsAlone(state: TaskState): boolean {
  return state.parts.length === 1 && state.parts[0].unit === 'VHXH';
}

const PART_ORDER: Record<PartStatus, number> = { ASSIGN: 0, DRAFT: 1, UNIT_REVIEW: 2, DONE: 3 };

/** The task's status is its least advanced part until every part is done, then the chain's stage. */
export function taskStatus(state: TaskState): TaskStatus {
  if (state.stage !== 'PARTS') return state.stage;
  const least = state.parts.reduce((a, b) => (PART_ORDER[b.status] < PART_ORDER[a.status] ? b : a));
  switch (least.status) {
    case 'ASSIGN':
      return 'NOT_STARTED';
    case 'DRAFT':
      return state.parts.some((p) => p.status === 'DRAFT' && p.returnReason !== null) ? 'RETURNED' : 'IN_PROGRESS';
    case 'UNIT_REVIEW':
      return 'UNIT_REVIEW';
    case 'DONE':
      // Unreachable while parts are pending: the last unit approval moves the stage on.
      return 'UNIT_REVIEW';
  }
}

export function openSteps(state: TaskState): OpenStep[] {
  const dueAt = cycleDueAt(state);
  const steps: OpenStep[] = [];
  for (const part of state.parts) {
    if (!part.stepId) continue;
    if (part.status === 'ASSIGN') {
      steps.push({ stepId: part.stepId, kind: 'ASSIGN', unit: part.unit, holderRole: 'UNIT_HEAD', assignee: null, dueAt });
    } else if (part.status === 'DRAFT') {
      steps.push({ stepId: part.stepId, kind: 'DRAFT', unit: part.unit, holderRole: 'STAFF', assignee: part.assignee, dueAt });
    } else if (part.status === 'UNIT_REVIEW') {
      steps.push({ stepId: part.stepId, kind: 'UNIT_REVIEW', unit: part.unit, holderRole: 'UNIT_HEAD', assignee: null, dueAt });
    }
  }
  if (state.chainStepId && state.stage === 'VHXH_REVIEW') {
    steps.push({ stepId: state.chainStepId, kind: 'VHXH_REVIEW', unit: 'VHXH', holderRole: 'UNIT_HEAD', assignee: null, dueAt });
  }
  if (state.chainStepId && state.stage === 'CHAIRMAN_REVIEW') {
    steps.push({ stepId: state.chainStepId, kind: 'CHAIRMAN_REVIEW', unit: null, holderRole: 'CHAIRMAN', assignee: null, dueAt });
  }
  for (const c of state.contributions) {
    if (!c.stepId) continue;
    steps.push({ stepId: c.stepId, kind: 'CONTRIBUTION', unit: c.unit, holderRole: 'STAFF', assignee: null, dueAt: c.dueAt });
  }
  if (state.scheduleStepId) {
    steps.push({ stepId: state.scheduleStepId, kind: 'SET_SCHEDULE', unit: null, holderRole: 'COORDINATOR', assignee: null, dueAt: null });
  }
  return steps;
}

/** A deep copy: snapshots leave the workflow (queries, activity payloads) and must not alias state. */
export function toSnapshot(state: TaskState): TaskSnapshot {
  return {
    taskId: state.input.taskId,
    commune: state.input.commune,
    status: taskStatus(state),
    cycle: state.cycle,
    cycleDueAt: cycleDueAt(state),
    parts: state.parts.map(({ stepId: _stepId, ...part }) => ({
      ...part,
      assignee: copyUser(part.assignee),
      drafter: copyUser(part.drafter),
    })),
    contributions: state.contributions.map(({ stepId: _stepId, ...c }) => ({
      ...c,
      requestedBy: { ...c.requestedBy },
      contributor: copyUser(c.contributor),
    })),
    openSteps: openSteps(state).map((s) => ({ ...s, assignee: copyUser(s.assignee) })),
    lastReturnReason: state.lastReturnReason,
    seq: state.seq,
  };
}

function copyUser(user: UserRef | null): UserRef | null {
  return user ? { id: user.id, fullName: user.fullName } : null;
}

/** What the next cycle needs (continue-as-new). */
export function carryForward(state: TaskState): TaskCarry {
  const assignees: TaskCarry['assignees'] = {};
  for (const part of state.parts) if (part.assignee) assignees[part.unit] = copyUser(part.assignee)!;
  return { cycle: state.cycle + 1, seq: state.seq, assignees, cycleDueDates: [...state.schedule] };
}
