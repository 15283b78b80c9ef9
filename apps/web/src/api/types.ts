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
  OpenStep,
  PlanPreview,
  PreviewTask,
  PreviewUnitCell,
  PreviewWarning,
  Role,
  StepKind,
  TaskPart,
  TaskStatus,
  Unit,
  UnitCode,
  UnitKind,
  UserRef,
} from '../../../../libs/contracts/src';

export type {
  AmendedField,
  AmendmentPreview,
  AmendmentRecord,
  AmendmentResult,
  AmendmentTaskView,
  Contribution,
  DeadlineKind,
  OpenStep,
  PlanPreview,
  PreviewTask,
  PreviewUnitCell,
  PreviewWarning,
  Role,
  StepKind,
  TaskPart,
  TaskStatus,
  Unit,
  UnitCode,
  UnitKind,
  UserRef,
};

export interface UnitRef {
  code: UnitCode;
  name: string;
}

export interface User {
  id: string;
  username: string;
  fullName: string;
  commune?: string;
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
  commune: string;
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

export interface CurrentStep {
  kind: StepKind;
  assignee: UserRef | null;
  unit: UnitCode | null;
  dueAt: string | null;
}

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
  cycleDueAt?: string | null;
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

/** What the caller may do on a task now (api.md "Additions": `allowedActions`). */
export type TaskAction =
  | 'assign'
  | 'reassign'
  | 'saveDraft'
  | 'addAttachment'
  | 'submit'
  | 'approve'
  | 'return'
  | 'requestContributions'
  | 'contribute'
  | 'setSchedule'
  | 'requestExtension'
  | 'decideExtension';

export interface TaskDetail extends Task {
  drafts: DraftVersion[];
  attachments: Attachment[];
  steps: OpenStep[];
  parts: TaskPart[];
  contributions: Contribution[];
  lastReturnReason: string | null;
  workflowId: string;
  cycle: number;
  /** Link to this task's workflow in the Temporal UI, when the server knows the UI. */
  temporalUiUrl?: string | null;
  /** The actions the caller may take now; absent from servers older than api.md's "Additions". */
  allowedActions?: TaskAction[];
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
  overdue: boolean;
  onBehalfOf?: UserRef | string | null;
  stepId: string;
  groupCode: string;
  status: TaskStatus;
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
