import { api, download, upload, type UploadProgress } from './client';
import type {
  AmendmentPreview,
  AmendmentRecord,
  AmendmentResult,
  AppConfig,
  AppNotification,
  Attachment,
  BulkResult,
  Delegation,
  HandledTask,
  HistoryEvent,
  ImportResult,
  InboxItem,
  LoginResult,
  MailboxEntry,
  MailboxMessage,
  MyTask,
  OverdueReport,
  SetAsideChange,
  Plan,
  PlanPreview,
  Preferences,
  Role,
  Task,
  TaskDetail,
  TaskUpdate,
  Unit,
  UnitCode,
  UnitKind,
  User,
} from './types';

const fileForm = (file: File, fields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  return form;
};

export interface UnitInput {
  name: string;
  aliases: string[];
  kind: UnitKind;
  reviewing?: boolean;
}

/** One task edited on the board: what changes (or its withdrawal), and the decision. */
export interface TaskAmendment {
  decision: string;
  content?: string;
  product?: string;
  deadline?: string;
  withdraw?: boolean;
}

const q = (params: Record<string, string | undefined>) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) s.set(k, v);
  const text = s.toString();
  return text ? `?${text}` : '';
};
const id = encodeURIComponent;

export const Api = {
  login: (username: string, password: string) =>
    api<LoginResult>('/auth/login', { method: 'POST', body: { username, password }, anonymous: true }),
  me: () => api<User>('/me'),
  config: () => api<AppConfig>('/config'),
  users: (filter: { unit?: UnitCode; role?: Role } = {}) => api<User[]>(`/users${q(filter)}`),

  plans: () => api<Plan[]>('/plans'),
  previewPlan: (file: File) => api<PlanPreview>('/plans/import/preview', { method: 'POST', body: fileForm(file) }),
  importPlan: (file: File) => api<ImportResult>('/plans/import', { method: 'POST', body: fileForm(file) }),
  previewAmendment: (planId: string, file: File) =>
    api<AmendmentPreview>(`/plans/${id(planId)}/amendments/preview`, { method: 'POST', body: fileForm(file) }),
  applyAmendment: (planId: string, file: File, decision: string) =>
    api<AmendmentResult>(`/plans/${id(planId)}/amendments`, { method: 'POST', body: fileForm(file, { decision }) }),
  taskAmendments: (taskId: string) => api<AmendmentRecord[]>(`/tasks/${id(taskId)}/amendments`),
  amendTask: (taskId: string, amendment: TaskAmendment) =>
    api<AmendmentResult>(`/tasks/${id(taskId)}/amendment`, { method: 'PUT', body: amendment }),

  units: () => api<Unit[]>('/units'),
  createUnit: (code: string, input: UnitInput) => api<Unit>('/units', { method: 'POST', body: { code, ...input } }),
  updateUnit: (code: string, input: UnitInput) => api<Unit>(`/units/${id(code)}`, { method: 'PUT', body: input }),
  /** Keeps a name a plan used as a variant of the unit, so the next import recognises it. */
  addUnitAlias: (code: string, alias: string) => api<Unit>(`/units/${id(code)}/aliases`, { method: 'POST', body: { alias } }),
  activatePlan: (planId: string) => api<unknown>(`/plans/${id(planId)}/activate`, { method: 'POST' }),
  planTasks: (planId: string, filter: { group?: string; unit?: string; status?: string } = {}) =>
    api<Task[]>(`/plans/${id(planId)}/tasks${q(filter)}`),

  task: (taskId: string) => api<TaskDetail>(`/tasks/${id(taskId)}`),
  history: (taskId: string) => api<HistoryEvent[]>(`/tasks/${id(taskId)}/history`),
  // Every action answers with the updated task (the workflow's snapshot: no drafts, attachments, Temporal link).
  /** Assigns an ASSIGN step, or on a DRAFT step gives the part to someone else (reassign). */
  assign: (taskId: string, assigneeId: string, stepId?: string, note?: string) =>
    api<TaskUpdate>(`/tasks/${id(taskId)}/assign`, { method: 'POST', body: { assigneeId, stepId, note: note || undefined } }),
  saveDraft: (taskId: string, content: string) => api<TaskUpdate>(`/tasks/${id(taskId)}/draft`, { method: 'PUT', body: { content } }),
  uploadAttachment: (taskId: string, file: File, onProgress?: (p: UploadProgress) => void) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload<Attachment>(`/tasks/${id(taskId)}/attachments`, form, onProgress);
  },
  downloadAttachment: (taskId: string, att: Attachment) =>
    download(`/tasks/${id(taskId)}/attachments/${id(att.id)}`, att.name),
  submit: (taskId: string, stepId: string | undefined, note?: string) =>
    api<TaskUpdate>(`/tasks/${id(taskId)}/submit`, { method: 'POST', body: { stepId, note: note || undefined } }),
  decide: (taskId: string, stepId: string, decision: 'approve' | 'return', comment?: string) =>
    api<TaskUpdate>(`/tasks/${id(taskId)}/decision`, {
      method: 'POST',
      body: { stepId, decision, comment: comment || undefined },
    }),
  setSchedule: (taskId: string, dueDates: string[]) =>
    api<TaskUpdate>(`/tasks/${id(taskId)}/schedule`, { method: 'PUT', body: { dueDates } }),
  setLeadUnits: (taskId: string, units: UnitCode[]) =>
    api<TaskUpdate>(`/tasks/${id(taskId)}/lead-units`, { method: 'PUT', body: { units } }),
  requestContributions: (taskId: string, requests: { unit: UnitCode; dueAt: string | null }[]) =>
    api<TaskUpdate>(`/tasks/${id(taskId)}/contributions/request`, { method: 'POST', body: { requests } }),
  contribute: (taskId: string, unit: UnitCode, content: string) =>
    api<TaskUpdate>(`/tasks/${id(taskId)}/contributions`, { method: 'POST', body: { unit, content } }),
  /** TASK: the task's date (decided by the Chairman); STEP: a contribution's date (decided by the unit head). */
  requestExtension: (taskId: string, body: { newDueAt: string; reason: string; scope: 'TASK' | 'STEP'; stepId?: string }) =>
    api<TaskUpdate>(`/tasks/${id(taskId)}/extension`, { method: 'POST', body }),
  decideExtension: (taskId: string, decision: 'approve' | 'reject', comment?: string) =>
    api<TaskUpdate>(`/tasks/${id(taskId)}/extension/decision`, {
      method: 'POST',
      body: { decision, comment: comment || undefined },
    }),

  overdue: () => api<OverdueReport>('/overdue'),
  /** "Đã trình / Đã xử lý": what I sent or decided, and where each task is now. */
  handled: () => api<HandledTask[]>('/inbox/handled'),

  /** Changes the tracking data refused and set aside (coordinator, administrator). */
  setAside: () => api<SetAsideChange[]>('/health/set-aside'),

  myTasks: () => api<MyTask[]>('/my/tasks'),
  inbox: () => api<InboxItem[]>('/inbox'),
  /** Each item names the step the approver saw, so the same request sent twice approves once. */
  bulkApprove: (items: { taskId: string; stepId: string }[], comment?: string) =>
    api<BulkResult[]>('/inbox/bulk-approve', { method: 'POST', body: { items, comment: comment || undefined } }),

  notifications: (unread = false) => api<AppNotification[]>(`/notifications${unread ? '?unread=true' : ''}`),
  notificationCount: () => api<{ unread: number }>('/notifications/count'),
  markNotificationRead: (notificationId: string) => api<AppNotification>(`/notifications/${id(notificationId)}/read`, { method: 'POST' }),
  markAllNotificationsRead: () => api<{ marked: number }>('/notifications/read-all', { method: 'POST' }),
  preferences: () => api<Preferences>('/me/preferences'),
  setPreferences: (prefs: Preferences) => api<Preferences>('/me/preferences', { method: 'PUT', body: prefs }),
  mailbox: () => api<MailboxEntry[]>('/dev/mailbox'),
  mailboxMessage: (messageId: string) => api<MailboxMessage>(`/dev/mailbox/${id(messageId)}`),

  delegations: () => api<Delegation[]>('/delegations'),
  createDelegation: (toUserId: string, from: string, until: string) =>
    api<Delegation>('/delegations', { method: 'POST', body: { toUserId, from, until } }),
  endDelegation: (delegationId: string) => api<unknown>(`/delegations/${id(delegationId)}`, { method: 'DELETE' }),
};
