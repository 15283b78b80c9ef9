import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DeadlineKind } from './plan';
import type { Role, UnitCode } from './organisation';

export const TASK_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'UNIT_REVIEW',
  'VHXH_REVIEW',
  'CHAIRMAN_REVIEW',
  'RETURNED',
  'COMPLETED',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * Kinds of human step. ASSIGN: the unit head picks a staff member; DRAFT: the assignee writes the product;
 * CONTRIBUTION: a cooperating unit's input; UNIT_REVIEW / VHXH_REVIEW / CHAIRMAN_REVIEW: the approval chain;
 * SET_SCHEDULE: the coordinator enters a date for an on-request or unknown deadline.
 */
export const STEP_KINDS = ['ASSIGN', 'DRAFT', 'CONTRIBUTION', 'UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW', 'SET_SCHEDULE'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface UserRef {
  id: string;
  fullName: string;
}

/** A current delegation of the Chairman's approvals, as the API found it; the workflow re-checks the period. */
export interface DelegationRef {
  id: string;
  fromUser: UserRef;
  /** ISO dates, inclusive. */
  from: string;
  until: string;
}

/** Who is acting, as the API authenticated them. The workflow re-checks everything it relies on. */
export interface Actor {
  id: string;
  fullName: string;
  commune: string;
  unit: UnitCode | null;
  roles: Role[];
  /** Present when the actor acts for the Chairman by delegation. */
  delegation?: DelegationRef;
}

export interface TaskWorkflowInput {
  commune: string;
  planId: string;
  year: number;
  taskId: string;
  number: number;
  title: string;
  /** Usually one unit; "all units" tasks (e.g. task 19) have one part per unit, collected before the chain. */
  leadUnits: UnitCode[];
  coUnits: UnitCode[];
  deadlineKind: DeadlineKind;
  /** ISO dates from the parsed schedule (or entered by the coordinator). */
  dueDates: string[];
  /** Carried across continue-as-new; absent on the first run. */
  carry?: TaskCarry;
}

/** What survives from one cycle to the next (continue-as-new). */
export interface TaskCarry {
  cycle: number;
  /** Audit sequence: keeps read-model writes idempotent and ordered across runs. */
  seq: number;
  assignees: Partial<Record<UnitCode, UserRef>>;
  /**
   * Due date of every cycle as settled so far (index = cycle - 1; the coordinator may have entered dates).
   * Absent: computed from `deadlineKind`, `dueDates` and `year`. `dueDates` itself keeps the original dates.
   */
  cycleDueDates?: (string | null)[];
}

export interface OpenStep {
  /** Unique within the workflow across cycles, e.g. "c1:KT:draft:2". Sent back by callers to detect double clicks. */
  stepId: string;
  kind: StepKind;
  unit: UnitCode | null;
  /** The role that holds the step when no person is named (e.g. UNIT_HEAD of KT, CHAIRMAN). */
  holderRole: Role;
  assignee: UserRef | null;
  /** ISO date, or null when the schedule has no date yet. */
  dueAt: string | null;
}

export type PartStatus = 'ASSIGN' | 'DRAFT' | 'UNIT_REVIEW' | 'DONE';

export interface TaskPart {
  unit: UnitCode;
  status: PartStatus;
  assignee: UserRef | null;
  /** Who submitted the current draft; never approves it. */
  drafter: UserRef | null;
  draftVersion: number;
  returnReason: string | null;
}

export interface Contribution {
  unit: UnitCode;
  dueAt: string | null;
  requestedBy: UserRef;
  content: string | null;
  contributor: UserRef | null;
}

export interface TaskSnapshot {
  taskId: string;
  commune: string;
  status: TaskStatus;
  cycle: number;
  cycleDueAt: string | null;
  parts: TaskPart[];
  contributions: Contribution[];
  openSteps: OpenStep[];
  lastReturnReason: string | null;
  seq: number;
}

export type AuditEventType =
  | 'CYCLE_OPENED'
  | 'ASSIGNED'
  | 'DRAFT_SAVED'
  | 'ATTACHMENT_ADDED'
  | 'SUBMITTED'
  | 'CONTRIBUTION_REQUESTED'
  | 'CONTRIBUTED'
  | 'APPROVED'
  | 'RETURNED'
  | 'COMPLETED'
  | 'SCHEDULE_SET';

/** One entry of the append-only trail, written together with the read model. */
export interface TaskEvent {
  seq: number;
  /** Workflow time, ISO. */
  at: string;
  type: AuditEventType;
  actor: UserRef | null;
  role: Role | null;
  onBehalfOf: UserRef | null;
  comment: string | null;
  from: TaskStatus | null;
  to: TaskStatus | null;
  /** Event-specific data: draft version number, attachment id, contribution unit, … */
  data?: Record<string, unknown>;
}

/** Payload of the read-model activity: the whole state after an event, plus the event itself. */
export interface TaskChange {
  workflowId: string;
  snapshot: TaskSnapshot;
  event: TaskEvent;
  /** A new draft version to store, when the event saved one. */
  draft?: {
    unit: UnitCode;
    version: number;
    content: string;
    author: UserRef;
    /** Cycle the version belongs to (versions restart at 1 each cycle); always set by the task workflow. */
    cycle?: number;
  };
}

// ---- Messages. Wire names are recorded in workflow histories: never rename them. ----

export interface AssignInput { actor: Actor; stepId: string; assignee: UserRef & { unit: UnitCode; roles: Role[] } }
export interface SaveDraftInput { actor: Actor; content: string }
export interface AttachmentInput { actor: Actor; attachment: { id: string; name: string; size: number; sha256: string } }
export interface SubmitInput { actor: Actor; stepId: string; note?: string }
export interface RequestContributionsInput { actor: Actor; requests: { unit: UnitCode; dueAt: string | null }[] }
export interface ContributeInput { actor: Actor; unit: UnitCode; content: string }
export interface DecisionInput { actor: Actor; stepId: string; decision: 'approve' | 'return'; comment?: string }
export interface SetScheduleInput { actor: Actor; dueDates: string[] }

export const assignUpdate = defineUpdate<TaskSnapshot, [AssignInput]>('assign');
export const saveDraftUpdate = defineUpdate<TaskSnapshot, [SaveDraftInput]>('saveDraft');
export const addAttachmentUpdate = defineUpdate<TaskSnapshot, [AttachmentInput]>('addAttachment');
export const submitUpdate = defineUpdate<TaskSnapshot, [SubmitInput]>('submit');
export const requestContributionsUpdate = defineUpdate<TaskSnapshot, [RequestContributionsInput]>('requestContributions');
export const contributeUpdate = defineUpdate<TaskSnapshot, [ContributeInput]>('contribute');
export const decideUpdate = defineUpdate<TaskSnapshot, [DecisionInput]>('decide');
export const setScheduleUpdate = defineUpdate<TaskSnapshot, [SetScheduleInput]>('setSchedule');
export const taskSnapshotQuery = defineQuery<TaskSnapshot>('snapshot');

/** Activities the task workflow calls (implemented by the worker; idempotent, keyed by workflowId + seq). */
export interface TaskActivities {
  applyTaskChange(change: TaskChange): Promise<void>;
}

export const taskWorkflowId = (commune: string, year: number, number: number) => `${commune}:${year}:task:${number}`;
export const planWorkflowId = (commune: string, year: number) => `${commune}:${year}:plan`;
export const TASK_QUEUE = 'cchc';
