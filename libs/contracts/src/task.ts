import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DeadlineKind } from './plan';
import type { Role, UnitCode } from './organisation';
import type { DeadlineRules } from './deadlines';

export const TASK_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'UNIT_REVIEW',
  'VHXH_REVIEW',
  'CHAIRMAN_REVIEW',
  'RETURNED',
  'COMPLETED',
  'WITHDRAWN',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * Kinds of human step. ASSIGN: the unit head picks a staff member; DRAFT: the assignee writes the product;
 * CONTRIBUTION: a cooperating unit's input; UNIT_REVIEW / VHXH_REVIEW / CHAIRMAN_REVIEW: the approval chain
 * (VHXH_REVIEW is held by the commune's reviewing unit, Phòng Văn hóa - Xã hội by default);
 * SET_SCHEDULE: the coordinator enters a date for an on-request or unknown deadline;
 * SET_LEAD_UNIT: the coordinator names the lead unit of a task imported without one;
 * EXTENSION: a request for a new date, decided by the Chairman (or his delegate) for the task's deadline and by the
 * unit head for a step inside his unit.
 * Reports: REPORT_INPUT (a unit's input, by its staff or head; then its head's UNIT_REVIEW), REPORT_DRAFT (the
 * coordinator drafts the commune's report; then VHXH_REVIEW and CHAIRMAN_REVIEW), REPORT_SUBMIT (the coordinator
 * sends the approved report to Sở Nội vụ).
 */
export const STEP_KINDS = [
  'SET_LEAD_UNIT',
  'ASSIGN',
  'DRAFT',
  'CONTRIBUTION',
  'UNIT_REVIEW',
  'VHXH_REVIEW',
  'CHAIRMAN_REVIEW',
  'SET_SCHEDULE',
  'EXTENSION',
  'REPORT_INPUT',
  'REPORT_DRAFT',
  'REPORT_SUBMIT',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const REVIEW_STEP_KINDS = ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'] as const satisfies readonly StepKind[];
export type ReviewStepKind = (typeof REVIEW_STEP_KINDS)[number];

/**
 * What a person may do on a task or a report (api.md "What the caller may do"); the approval policy lists them per
 * caller. Reports share approve/return with tasks.
 */
export const TASK_ACTIONS = [
  'assign',
  'reassign',
  'saveDraft',
  'addAttachment',
  'submit',
  'approve',
  'return',
  'requestContributions',
  'contribute',
  'setSchedule',
  'setLeadUnit',
  'requestExtension',
  'decideExtension',
  'amendSchedule',
  'withdraw',
  'saveInput',
  'submitInput',
  'saveReportDraft',
  'submitReport',
  'sendReport',
  'reopenReport',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/**
 * Who a step is held by, as a key the read model indexes: `user:<id>`, `role:<ROLE>` or `unit:<CODE>:<ROLE>`.
 * A caller's own keys come from the approval policy (principalsOf); the inbox is the open steps sharing one.
 */
export type Principal = string;

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
  /**
   * Usually one unit; "all units" tasks (e.g. task 19) have one part per unit, collected before the chain.
   * Empty when the plan named no unit of the commune: the coordinator sets it first (SET_LEAD_UNIT).
   */
  leadUnits: UnitCode[];
  /** The commune's reviewing unit (VHXH_REVIEW); absent in runs started before it was a setting: 'VHXH'. */
  reviewingUnit?: UnitCode;
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
  /** The first date of every cycle (before extensions and amendments); absent in runs from before. */
  originalCycleDueDates?: (string | null)[];
}

/** One open step of a task: who holds it, since when, and by when (the one step model). */
export interface OpenStep {
  /** Unique within the workflow across cycles, e.g. "c1:KT:draft:2". Sent back by callers to detect double clicks. */
  stepId: string;
  kind: StepKind;
  unit: UnitCode | null;
  /** The role that holds the step when no person is named (e.g. UNIT_HEAD of KT, CHAIRMAN). */
  holderRole: Role;
  assignee: UserRef | null;
  /** Who may act on it (computed by the approval policy when the step opens). */
  principals: Principal[];
  /** Separation of duties: people who may not decide this step (the drafters of the draft under review). */
  excludedUserIds: string[];
  /** Workflow time the step opened, ISO instant. */
  openedAt: string;
  /** ISO date, or null when the schedule has no date yet. */
  dueAt: string | null;
  /** 0 = none; raised by reminders and the escalation ladder. */
  escalationLevel: number;
}

export type StepOutcome = 'DONE' | 'APPROVED' | 'RETURNED' | 'REASSIGNED' | 'WAIVED' | 'CANCELLED';

/** A step closed during the current cycle: lets the policy answer STEP_CLOSED (not 403) to whoever held it. */
export interface ClosedStep {
  stepId: string;
  kind: StepKind;
  unit: UnitCode | null;
  principals: Principal[];
  closedAt: string;
  outcome: StepOutcome;
}

/** Large text lives in PostgreSQL; workflows carry its id and hash only. */
export interface ContentRef {
  id: string;
  sha256: string;
  /** Length in characters. */
  chars: number;
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
  /** Inline text of contributions recorded before texts moved to PostgreSQL; null otherwise. */
  content: string | null;
  /** The stored text (see ContentRef), once answered. */
  contentId: string | null;
  contributor: UserRef | null;
  /** True while the request waits for an answer. */
  open: boolean;
}

/** The last return of the draft: who sent it back, at which level, when and why. */
export interface ReturnInfo {
  by: UserRef;
  role: Role | null;
  onBehalfOf: UserRef | null;
  level: ReviewStepKind;
  at: string;
  reason: string;
}

/** A request for a new date and its outcome; the original date stays beside the new one. */
export interface Extension {
  extensionId: string;
  scope: 'TASK' | 'STEP';
  /** The step whose date moves (STEP), or the step the request was made from (TASK). */
  stepId: string | null;
  unit: UnitCode | null;
  requestedBy: UserRef;
  reason: string;
  originalDueAt: string | null;
  currentDueAt: string | null;
  newDueAt: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
  decidedBy: UserRef | null;
}

/**
 * The task as its workflow sees it after an event: what the read model stores and what the approval policy reads
 * (the API runs the same policy on the stored snapshot that the workflow runs on its live state).
 */
export interface TaskSnapshot {
  taskId: string;
  commune: string;
  status: TaskStatus;
  cycle: number;
  /** The cycle's date now (extended or amended). */
  cycleDueAt: string | null;
  /** The cycle's first date: on-time counts use it. */
  cycleOriginalDueAt: string | null;
  /** When the cycle was completed (workflow time, ISO), or null. */
  completedAt: string | null;
  deadlineKind: DeadlineKind;
  leadUnits: UnitCode[];
  coUnits: UnitCode[];
  /** The unit whose head holds VHXH_REVIEW (Phòng Văn hóa - Xã hội unless the commune's settings say otherwise). */
  reviewingUnit: UnitCode;
  parts: TaskPart[];
  contributions: Contribution[];
  openSteps: OpenStep[];
  closedSteps: ClosedStep[];
  lastReturnReason: string | null;
  lastReturn: ReturnInfo | null;
  extensions: Extension[];
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
  | 'SCHEDULE_SET'
  | 'REASSIGNED'
  | 'REVIEW_BY_SUBMISSION'
  | 'LEAD_UNITS_SET'
  /** data: { stepId, stepKind, unit, dueAt, workingDaysLeft, to: ['HOLDER'] } */
  | 'REMINDER'
  /** The first rung (the due date has passed). data: { stepId, stepKind, unit, dueAt, rung, afterWorkingDays, to, workingDaysLate, atActivation } */
  | 'OVERDUE'
  /** A later rung of the ladder; data as OVERDUE. */
  | 'ESCALATED'
  /** data: { extensionId, scope: 'TASK' | 'STEP', stepId, originalDueAt, currentDueAt, newDueAt, reason } */
  | 'EXTENSION_REQUESTED'
  /** data: { extensionId, scope, stepId, originalDueAt, newDueAt } */
  | 'EXTENSION_APPROVED'
  | 'EXTENSION_REJECTED'
  /** A quarter that ended before the plan was activated: shown as missed, not silently skipped. data: { cycle, dueAt } */
  | 'CYCLE_MISSED'
  /** The plan was amended: new dates (the original kept). data: { deadlineKind, dueDates, originalDueDates, decision } */
  | 'SCHEDULE_AMENDED'
  /** Withdrawn from the plan by an amendment; the workflow ends. data: { decision } */
  | 'WITHDRAWN';

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
    /** The stored text (new runs); histories recorded before carry `content` inline instead. */
    contentId?: string;
    content?: string;
    author: UserRef;
    /** Cycle the version belongs to (versions restart at 1 each cycle); always set by the task workflow. */
    cycle?: number;
  };
}

// ---- Messages. Wire names are recorded in workflow histories: never rename them. ----

/** On an ASSIGN step it assigns the part; on the part's DRAFT step the unit head reassigns it. */
export interface AssignInput { actor: Actor; stepId: string; assignee: UserRef & { unit: UnitCode; roles: Role[] }; note?: string }
/** `draft` refers to the text stored by the API; `content` inline is how histories recorded before carry it. */
export interface SaveDraftInput { actor: Actor; draft?: ContentRef; content?: string }
export interface AttachmentInput { actor: Actor; attachment: { id: string; name: string; size: number; sha256: string } }
export interface SubmitInput { actor: Actor; stepId: string; note?: string }
export interface RequestContributionsInput { actor: Actor; requests: { unit: UnitCode; dueAt: string | null }[] }
export interface ContributeInput { actor: Actor; unit: UnitCode; contribution?: ContentRef; content?: string }
export interface DecisionInput { actor: Actor; stepId: string; decision: 'approve' | 'return'; comment?: string }
export interface SetScheduleInput { actor: Actor; dueDates: string[] }
export interface SetLeadUnitsInput { actor: Actor; units: UnitCode[] }
/**
 * The holder of a step (or his unit head) asks for a new date. scope TASK: the task's deadline (the cycle's due
 * date), decided by the Chairman or his delegate; scope STEP: one step inside the unit, decided by the unit head.
 */
export interface RequestExtensionInput { actor: Actor; scope: 'TASK' | 'STEP'; stepId?: string; newDueAt: string; reason: string }
export interface DecideExtensionInput { actor: Actor; extensionId: string; decision: 'approve' | 'reject'; comment?: string }
/** An amendment of the plan changes the task's deadline; the first dates are kept for on-time counts. */
export interface AmendScheduleInput { actor: Actor; deadlineKind: DeadlineKind; dueDates: string[]; decision: string }
/** An amendment withdraws the task from the plan ("Rút khỏi kế hoạch theo Quyết định số …"); its workflow ends. */
export interface WithdrawTaskInput { actor: Actor; decision: string }

export const assignUpdate = defineUpdate<TaskSnapshot, [AssignInput]>('assign');
export const saveDraftUpdate = defineUpdate<TaskSnapshot, [SaveDraftInput]>('saveDraft');
export const addAttachmentUpdate = defineUpdate<TaskSnapshot, [AttachmentInput]>('addAttachment');
export const submitUpdate = defineUpdate<TaskSnapshot, [SubmitInput]>('submit');
export const requestContributionsUpdate = defineUpdate<TaskSnapshot, [RequestContributionsInput]>('requestContributions');
export const contributeUpdate = defineUpdate<TaskSnapshot, [ContributeInput]>('contribute');
export const decideUpdate = defineUpdate<TaskSnapshot, [DecisionInput]>('decide');
export const setScheduleUpdate = defineUpdate<TaskSnapshot, [SetScheduleInput]>('setSchedule');
export const setLeadUnitsUpdate = defineUpdate<TaskSnapshot, [SetLeadUnitsInput]>('setLeadUnits');
export const requestExtensionUpdate = defineUpdate<TaskSnapshot, [RequestExtensionInput]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<TaskSnapshot, [DecideExtensionInput]>('decideExtension');
export const amendScheduleUpdate = defineUpdate<TaskSnapshot, [AmendScheduleInput]>('amendSchedule');
export const withdrawTaskUpdate = defineUpdate<TaskSnapshot, [WithdrawTaskInput]>('withdraw');
export const taskSnapshotQuery = defineQuery<TaskSnapshot>('snapshot');

/** Activities the task workflow calls (implemented by the worker; idempotent, keyed by workflowId + seq). */
export interface TaskActivities {
  /**
   * Writes one change into the read model and the trail. A change the database refuses for a reason no retry can
   * fix (bad data) is set aside for the coordinator and reported as such, so later changes go through.
   */
  applyTaskChange(change: TaskChange): Promise<void | { setAside: true }>;
  /** The commune's working-day calendar and deadline settings (libs/persistence, edited by the admin). */
  deadlineRules(commune: string): Promise<DeadlineRules>;
  /**
   * Tells the people an event concerns (in-app notification and e-mail): who is told is decided by
   * libs/notifications from the event and the snapshot. Idempotent per (workflow id, seq, recipient).
   */
  notifyTaskEvent(change: TaskChange): Promise<void>;
}

export const taskWorkflowId = (commune: string, year: number, number: number) => `${commune}:${year}:task:${number}`;
export const planWorkflowId = (commune: string, year: number) => `${commune}:${year}:plan`;
export const TASK_QUEUE = 'cchc';
