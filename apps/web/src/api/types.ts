/**
 * Shapes of the HTTP API (shared/design/api.md and its extensions). What the API passes through from the
 * workflow's snapshot (steps, parts, contributions) and the enumerations come from libs/contracts as types only,
 * so the browser bundle never pulls in workflow code.
 */
import type {
  AmendedField,
  AmendmentPreview,
  AmendmentRecord,
  AmendmentResult,
  AmendmentTaskView,
  Contribution,
  DeadlineKind,
  Extension,
  OpenStep,
  PlanPreview,
  PreviewTask,
  PreviewUnitCell,
  PreviewWarning,
  ReturnInfo,
  Role,
  StepKind,
  TaskAction,
  TaskPart,
  TaskStatus,
  Unit,
  UnitCode,
  UnitKind,
  UserRef,
} from '../../../../libs/contracts/src';
import type { StatusWord } from '../../../../libs/domain/src/deadlines/status-word';

export type {
  AmendedField,
  AmendmentPreview,
  AmendmentRecord,
  AmendmentResult,
  AmendmentTaskView,
  Contribution,
  DeadlineKind,
  Extension,
  OpenStep,
  PlanPreview,
  PreviewTask,
  PreviewUnitCell,
  PreviewWarning,
  ReturnInfo,
  Role,
  StatusWord,
  StepKind,
  TaskAction,
  TaskPart,
  TaskStatus,
  Unit,
  UnitCode,
  UnitKind,
  UserRef,
};

/** How a due date stands today, by the commune's working days (api.md "Working days and due dates"). */
export type DueState = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE' | 'NO_DATE';

export interface UnitRef {
  code: UnitCode;
  name: string;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  /** Null for an account above the communes (SUPERADMIN, DEPARTMENT_VIEWER). */
  commune?: string | null;
  /** The commune's name as stored ("Xã An Lão"): the web shows it everywhere. */
  communeName?: string | null;
  unit: UnitRef | null;
  roles: Role[];
}

export interface LoginResult {
  accessToken: string;
  user: User;
}

export interface AppConfig {
  temporalUiUrl: string | null;
  maxAttachmentBytes: number;
  commune: string | null;
  /** The signed-in user's commune name. */
  communeName?: string | null;
  /** Not in the contract yet; "default" when absent. */
  temporalNamespace?: string;
  /** The "Hộp thư thử" page exists (outside production). */
  devMailbox?: boolean;
}

export interface Plan {
  id: string;
  commune: string;
  year: number;
  title: string;
  status: 'DRAFT' | 'ACTIVE';
  taskCount: number;
}

export interface PlanWarning {
  taskNumber: number | null;
  code: string;
  message: string;
}

export interface ImportResult {
  planId: string;
  taskCount: number;
  groups: unknown;
  warnings: PlanWarning[];
}

export interface Deadline {
  raw: string;
  kind: DeadlineKind;
  dueDates: string[];
  originalDueDates?: string[];
}

/** An open step as the API shows it: who holds it, since when, by when, and how that date stands today. */
export interface StepView {
  stepId: string;
  kind: StepKind;
  unit: UnitCode | null;
  unitName: string | null;
  /** The role that holds the step when no person is named. */
  holderRole: Role;
  assignee: UserRef | null;
  openedAt: string;
  dueAt: string | null;
  dueState: DueState;
  /** 0 = none; the place in the commune's ladder of reminders and escalations reached so far. */
  escalationLevel: number;
  /** Working days the step has been with its holder. */
  workingDaysOpen: number;
}
export type CurrentStep = StepView;

export interface Task {
  id: string;
  planId: string;
  number: number;
  /** What users know the task by ("12", "III.2"); `number` is its key. Absent from older servers. */
  displayNumber?: string;
  /** Where the task was read in the plan file ("hàng 5 của bảng 2"). */
  source?: string | null;
  /** Withdrawn from the plan by an amendment (it stays on the board). */
  withdrawn?: { at: string; decision: string | null } | null;
  group: { code: string; title: string };
  content: string;
  /** For a task led by several units, `code` joins their codes and `name` is the cell text; see leadUnits. */
  leadUnit: UnitRef;
  leadUnits?: UnitRef[];
  coUnits: UnitRef[];
  coUnitsText: string;
  deadline: Deadline;
  product: string;
  status: TaskStatus;
  currentStep: CurrentStep | null;
  /** 1-based cycle of a recurring or continuous task (one per period). */
  cycle?: number;
  /** The cycle's date now (extended, if an extension was granted). */
  cycleDueAt?: string | null;
  /** The cycle's first date, which on-time counts use. */
  cycleOriginalDueAt?: string | null;
  /** "Đang thực hiện quá hạn", "Hoàn thành đúng hạn"…: the tracker's word for the cycle, from the API. */
  statusWord?: { key: StatusWord; text: string };
  workflowId?: string;
}

export interface DraftVersion {
  version: number;
  unit: UnitCode;
  content: string;
  author: UserRef;
  createdAt: string;
}

export interface Attachment {
  id: string;
  name: string;
  size: number;
  sha256: string;
  uploadedBy?: UserRef;
  createdAt?: string;
}

/**
 * A task with everything the task page shows. An action answers with the same shape without `drafts`,
 * `attachments` and `temporalUiUrl` (it comes from the workflow's snapshot): see {@link TaskUpdate}.
 */
export interface TaskDetail extends Task {
  drafts: DraftVersion[];
  attachments: Attachment[];
  steps: StepView[];
  parts: TaskPart[];
  contributions: Contribution[];
  lastReturnReason: string | null;
  lastReturn?: ReturnInfo | null;
  extensions?: Extension[];
  workflowId: string;
  cycle: number;
  /** Link to this task's workflow in the Temporal UI, when the server knows the UI. */
  temporalUiUrl?: string | null;
  /** The actions the caller may take now: the web shows a button only for a listed action. */
  allowedActions: TaskAction[];
}

/** What an action answers: the task from the workflow's snapshot. */
export type TaskUpdate = Omit<TaskDetail, 'drafts' | 'attachments' | 'temporalUiUrl'> &
  Partial<Pick<TaskDetail, 'drafts' | 'attachments' | 'temporalUiUrl'>>;

/** GET /inbox/handled: a task I sent or decided, with my last action on it, and where it is now. */
export interface HandledTask extends Task {
  lastAction: { type: string; at: string; comment: string | null };
}

/** GET /overdue. */
export interface OverdueItem {
  taskId: string;
  number: number;
  title: string;
  stepId: string;
  kind: StepKind;
  /** The step's unit, or the task's lead unit for a step of the whole commune (the Chairman's). */
  unit: UnitCode | null;
  unitName: string | null;
  holderRole: Role;
  assignee: string | null;
  dueAt: string;
  workingDaysLate: number;
  escalationLevel: number;
}
export interface OverdueReport {
  today: string;
  total: number;
  perUnit: { unit: UnitCode | null; count: number }[];
  items: OverdueItem[];
}

export interface MyTask extends Task {
  returnReason: string | null;
  myRole: 'ASSIGNEE';
}

export interface HistoryEvent {
  at: string;
  type: string;
  actor: UserRef | null;
  onBehalfOf?: UserRef | string | null;
  role: Role | null;
  comment?: string | null;
  from?: TaskStatus | null;
  to?: TaskStatus | null;
  /** Event details: draft version, attachment, contribution unit, cycle… */
  data?: Record<string, unknown> | null;
}

export interface InboxItem {
  /** Null for a report's step: then `reportId` (and its period) says which report. */
  taskId: string;
  reportId?: string | null;
  period?: string | null;
  year?: number | null;
  planId: string;
  number: number;
  title: string;
  kind: StepKind;
  unit: UnitRef | null;
  dueAt: string | null;
  dueState: DueState;
  overdue: boolean;
  openedAt?: string;
  escalationLevel?: number;
  onBehalfOf?: UserRef | string | null;
  stepId: string;
  groupCode: string;
  status: TaskStatus;
  deadlineRaw?: string;
}

export interface BulkResult {
  taskId: string;
  ok: boolean;
  code?: string;
  message?: string;
}

export interface Delegation {
  id: string;
  fromUser: UserRef;
  toUser: UserRef;
  from: string;
  until: string;
  active: boolean;
  revokedAt: string | null;
  createdAt?: string;
}

/** api.md "Notifications". */
export type NotificationKind =
  | 'ASSIGNED'
  | 'SUBMITTED_TO_YOU'
  | 'RETURNED'
  | 'APPROVED'
  | 'REMINDER'
  | 'OVERDUE'
  | 'ESCALATED'
  | 'EXTENSION'
  | 'REPORT_INPUT_DUE'
  | 'REPORT_SUBMITTED'
  | 'DIGEST';

export interface AppNotification {
  id: string;
  at: string;
  kind: NotificationKind;
  taskId?: string;
  reportId?: string;
  title: string;
  body: string;
  read: boolean;
}

export interface Preferences {
  emailReminders: boolean;
}

export interface MailboxEntry {
  id: string;
  from: string;
  to: string[];
  subject: string;
  date: string | null;
  size: number;
}

export interface MailboxMessage extends MailboxEntry {
  messageId: string | null;
  text: string;
  html: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

/** A commune of the deployment (SUPERADMIN's list; the login's selector has code and name only). */
export interface Commune {
  code: string;
  name: string;
  province?: string | null;
}

/** A person as the commune's admin manages him. */
export interface ManagedUser extends User {
  email: string | null;
  active: boolean;
}

export interface StatusWordRef {
  key: string;
  text: string;
}

export interface OverviewCommune {
  code: string;
  name: string;
  plan: { id: string; status: string; statusText: string; taskCount: number } | null;
  tasks: { total: number; byWord: Record<string, number>; overdue: number; onTimeRate: number | null };
  reports: Array<{ id: string; period: string; status: string; statusText: string; dueAt: string; submittedAt: string | null }>;
}

export interface Overview {
  year: number;
  statusWords: StatusWordRef[];
  communes: OverviewCommune[];
}

export interface CommuneBoard {
  commune: { code: string; name: string };
  plan: { id: string; title: string; status: string; statusText: string } | null;
  tasks: Task[];
}

/** A workflow change the tracking data refused (bad data) and set aside; GET /health/set-aside. */
export interface SetAsideChange {
  workflowId: string;
  seq: number;
  taskId: string | null;
  eventType: string | null;
  error: string;
  setAsideAt: string;
}
