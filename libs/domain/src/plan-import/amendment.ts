import type {
  AmendedField,
  AmendmentPreview,
  AmendmentTaskView,
  ParsedPlan,
  ParsedTask,
  PreviewWarning,
  SourceRef,
  TaskStatus,
} from '@app/contracts';
import { parseDeadline } from './deadline';
import { describeSource } from './document';
import { diffPlans } from './plan-diff';
import { previewTask, unknownUnitNames } from './preview';
import { resolveUnits, type UnitDirectory } from './units';

/**
 * Amending an active plan (plan section IV: "nếu phát sinh các nội dung, nhiệm vụ cần sửa đổi, bổ sung … xem xét,
 * quyết định"): what a revised plan, or an edit of one task, changes in the tasks already running, and how each
 * change reaches them. Pure; the API carries the effects out (workflows, rows, the amendment record).
 */

/** A task of the active plan as the read model keeps it. */
export interface StoredPlanTask {
  id: string;
  /** The task's place in the latest plan document (its number there when numbering runs through the plan). */
  position: number;
  displayNumber: string;
  group: string;
  content: string;
  leadUnitsText: string;
  coUnitsText: string;
  deadlineRaw: string;
  product: string;
  source: SourceRef | null;
  status: TaskStatus;
  /** Withdrawn by an earlier amendment: no longer part of the plan, kept with its trail. */
  withdrawn: boolean;
}

/**
 * A stored task read the way the plan reads a row: its unit cells against today's directory and its deadline phrase
 * in the plan's year. Both sides of an amendment are read alike, so a variant added to the directory, or a date the
 * coordinator entered for an "on request" task, is not taken for a change of the plan.
 */
export function storedTaskAsParsed(task: StoredPlanTask, year: number, directory: UnitDirectory): ParsedTask {
  const lead = resolveUnits(task.leadUnitsText, directory);
  const co = resolveUnits(task.coUnitsText, directory);
  return {
    number: task.position,
    displayNumber: task.displayNumber,
    group: task.group,
    content: task.content,
    leadUnits: lead.codes,
    coUnits: co.codes,
    leadExternal: lead.external,
    coExternal: co.external,
    leadUnitsText: task.leadUnitsText,
    coUnitsText: task.coUnitsText,
    deadline: parseDeadline(task.deadlineRaw, year),
    product: task.product,
    source: task.source ?? { kind: 'line', line: 0 },
  };
}

export const amendmentTaskView = (task: ParsedTask): AmendmentTaskView => ({
  displayNumber: task.displayNumber,
  group: task.group,
  content: task.content,
  leadUnitsText: task.leadUnitsText,
  coUnitsText: task.coUnitsText,
  deadline: task.deadline,
  product: task.product,
});

export interface PlannedChange<T extends StoredPlanTask = StoredPlanTask> {
  task: T;
  before: ParsedTask;
  after: ParsedTask;
  /** What changed in meaning, plus "number" when the task is now known by another number. */
  fields: AmendedField[];
  /** The new deadline goes to the task's workflow (amendSchedule), and to the row once the workflow took it. */
  schedule: boolean;
  /** Fields recorded as changed by the decision but not applied to the running task, with the reason. */
  notApplied: { field: AmendedField; reason: string }[];
  /** Its place in the revised plan (ordering only). */
  position: number;
}

export interface PlannedWithdrawal<T extends StoredPlanTask = StoredPlanTask> {
  task: T;
  before: ParsedTask;
  /** For the coordinator: a completed task keeps its result and trail. */
  note: string | null;
}

export interface PlannedAmendment<T extends StoredPlanTask = StoredPlanTask> {
  added: ParsedTask[];
  changed: PlannedChange<T>[];
  withdrawn: PlannedWithdrawal<T>[];
  unchangedCount: number;
  /** Tasks kept whose place in the plan moved (ordering only, not a change of the plan). */
  positions: { taskId: string; position: number }[];
  /** What stops the amendment from being applied as a whole (a decision is applied entirely or not at all). */
  blocking: PreviewWarning[];
}

/** Fields written to the task's row; the running workflow keeps the units it was started with. */
const ROW_FIELDS: readonly AmendedField[] = ['group', 'content', 'product', 'number', 'deadline'];

const NOT_APPLIED_REASON: Partial<Record<AmendedField, string>> = {
  leadUnits:
    'Nhiệm vụ đang thực hiện giữ đơn vị chủ trì đã giao; nếu cần giao đơn vị khác, rút nhiệm vụ này và bổ sung nhiệm vụ mới.',
  coUnits: 'Nhiệm vụ đang thực hiện giữ các đơn vị phối hợp đã giao; đơn vị chủ trì có thể đề nghị thêm đơn vị phối hợp khi soạn.',
};

/** Said when a task's workflow has already ended (a completed task): what it did stays as it was. */
export const ENDED_NOTES = {
  deadline: 'Nhiệm vụ đã hoàn thành: giữ thời hạn đã thực hiện.',
  withdrawn: 'Nhiệm vụ đã hoàn thành: giữ kết quả và quá trình xử lý, chỉ ghi nhận rút khỏi kế hoạch.',
};

function plannedChange<T extends StoredPlanTask>(
  task: T,
  before: ParsedTask,
  after: ParsedTask,
  diffFields: AmendedField[],
  year: number,
  blocking: PreviewWarning[],
): PlannedChange<T> | null {
  const fields: AmendedField[] = [...diffFields];
  if (before.displayNumber !== after.displayNumber) fields.push('number');
  if (fields.length === 0) return null;
  const notApplied: PlannedChange<T>['notApplied'] = [];
  let schedule = false;
  for (const field of fields) {
    const reason = NOT_APPLIED_REASON[field];
    if (reason) notApplied.push({ field, reason });
  }
  // A completed task's workflow may still run (a recurring task between cycles: the new date is for the cycles to come)
  // or have ended (its date stays as it was met); the workflow answers which.
  if (fields.includes('deadline')) {
    if (after.deadline.kind === 'UNKNOWN') {
      blocking.push({
        code: 'UNKNOWN_DEADLINE',
        message: `Nhiệm vụ ${after.displayNumber}: chưa đọc được thời hạn mới "${after.deadline.raw}"; hãy ghi thời hạn như trong kế hoạch (ví dụ "Trước 30/11/${year}", "Quý IV/${year}") rồi thử lại.`,
      });
    } else schedule = true;
  }
  return { task, before, after, fields, schedule, notApplied, position: after.number };
}

function plannedWithdrawal<T extends StoredPlanTask>(task: T, before: ParsedTask): PlannedWithdrawal<T> {
  return { task, before, note: task.status === 'COMPLETED' ? ENDED_NOTES.withdrawn : null };
}

/**
 * What a revised plan changes in the active one: the tasks it adds, changes (which fields, and how each is applied)
 * and withdraws. Tasks already withdrawn are not part of the plan any more. Pairing and "what changed" are diffPlans'.
 */
export function planAmendment<T extends StoredPlanTask>(stored: T[], year: number, revised: ParsedPlan, directory: UnitDirectory): PlannedAmendment<T> {
  const blocking: PreviewWarning[] = [];
  if (revised.year !== year) {
    blocking.push({
      code: 'YEAR_MISMATCH',
      message: `Văn bản điều chỉnh là kế hoạch năm ${revised.year}, không phải kế hoạch năm ${year} đang thực hiện.`,
    });
  }
  const current = stored.filter((t) => !t.withdrawn);
  const parsed = new Map<ParsedTask, T>();
  for (const task of current) parsed.set(storedTaskAsParsed(task, year, directory), task);
  const diff = diffPlans({ tasks: [...parsed.keys()] }, revised);

  const changed: PlannedChange<T>[] = [];
  const positions: PlannedAmendment['positions'] = [];
  for (const match of [...diff.changed, ...diff.unchanged]) {
    const task = parsed.get(match.before)!;
    const fields = 'fields' in match ? (match.fields as AmendedField[]) : [];
    const change = plannedChange(task, match.before, match.after, fields, year, blocking);
    if (change) changed.push(change);
    if (task.position !== match.after.number) positions.push({ taskId: task.id, position: match.after.number });
  }
  changed.sort((a, b) => a.position - b.position);
  return {
    added: diff.added,
    changed,
    withdrawn: diff.withdrawn.map((task) => plannedWithdrawal(parsed.get(task)!, task)),
    unchangedCount: current.length - changed.length - diff.withdrawn.length,
    positions,
    blocking,
  };
}

/** An edit of one task on the board: new content, product or deadline phrase, or its withdrawal. */
export interface TaskEdit {
  content?: string;
  product?: string;
  deadline?: string;
  withdraw?: boolean;
}

/**
 * One task edited on the board, planned like a revised plan that differs in that task only, so it is applied and
 * recorded the same way.
 */
export function taskAmendment<T extends StoredPlanTask>(task: T, year: number, edit: TaskEdit, directory: UnitDirectory): PlannedAmendment<T> {
  const before = storedTaskAsParsed(task, year, directory);
  const empty: PlannedAmendment<T> = { added: [], changed: [], withdrawn: [], unchangedCount: 0, positions: [], blocking: [] };
  if (task.withdrawn) {
    return { ...empty, blocking: [{ code: 'WITHDRAWN', message: `Nhiệm vụ ${task.displayNumber} đã được rút khỏi kế hoạch.` }] };
  }
  if (edit.withdraw) return { ...empty, withdrawn: [plannedWithdrawal(task, before)] };
  const after: ParsedTask = {
    ...before,
    content: edit.content ?? before.content,
    product: edit.product ?? before.product,
    deadline: edit.deadline === undefined ? before.deadline : parseDeadline(edit.deadline, year),
  };
  const diff = diffPlans({ tasks: [before] }, { tasks: [after] });
  const blocking: PreviewWarning[] = [];
  const change = plannedChange(task, before, after, diff.changed[0]?.fields ?? [], year, blocking);
  return { ...empty, changed: change ? [change] : [], unchangedCount: change ? 0 : 1, blocking };
}

/**
 * The fields an applied change writes to the task's row (the others are recorded, not applied). `scheduled`: whether
 * the task's workflow took the new deadline (a workflow that has ended keeps the date that was met).
 */
export function rowFieldsOf(change: PlannedChange, scheduled = change.schedule): AmendedField[] {
  return change.fields.filter(
    (f) => ROW_FIELDS.includes(f) && !change.notApplied.some((n) => n.field === f) && (f !== 'deadline' || scheduled),
  );
}

/** What applying a revised plan would do, as the coordinator checks it before giving the decision. */
export function amendmentPreview(planId: string, planned: PlannedAmendment<StoredPlanTask>, revised: ParsedPlan, directory: UnitDirectory): AmendmentPreview {
  return {
    planId,
    groups: revised.groups,
    added: planned.added.map((task) => previewTask(revised, task, directory)),
    changed: planned.changed.map((c) => ({
      taskId: c.task.id,
      status: c.task.status,
      before: amendmentTaskView(c.before),
      after: amendmentTaskView(c.after),
      fields: c.fields,
      notApplied: c.notApplied,
    })),
    withdrawn: planned.withdrawn.map((w) => ({ taskId: w.task.id, status: w.task.status, task: amendmentTaskView(w.before), note: w.note })),
    unchangedCount: planned.unchangedCount,
    blocking: planned.blocking,
    warnings: revised.warnings
      .filter((w) => w.taskNumber === null)
      .map((w) => ({ code: w.code, message: w.message, ...(w.source ? { where: describeSource(w.source) } : {}) })),
    unknownUnits: unknownUnitNames(revised.tasks.map((task) => previewTask(revised, task, directory))),
  };
}
