/**
 * The contract's `Task` (api.md), built from the read model's row and, after an action, from the snapshot the
 * workflow's update returned (so an action answers without reading the database again). What the caller may do
 * (`allowedActions`) and what each due date means (`dueState`) come from the domain's policy and calendar.
 */
import type { Actor, OpenStep, TaskSnapshot } from '@app/contracts';
import {
  allowedActions,
  communeDate,
  describeSource,
  dueState,
  STATUS_WORDS,
  statusWord,
  workingDaysBetween,
  type WorkingCalendar,
} from '@app/domain';
import type { TaskRow } from '@app/persistence';

export interface ViewContext {
  actor: Actor;
  today: string;
  calendar: WorkingCalendar;
  /** The commune's due-soon window in working days (its first reminder). */
  dueSoonWorkingDays: number;
}

const unitRef = (row: TaskRow, code: string | null) => (code ? { code, name: row.unit_names[code] ?? code } : null);

function stepView(row: TaskRow, step: OpenStep, ctx: ViewContext) {
  return {
    stepId: step.stepId,
    kind: step.kind,
    unit: step.unit,
    unitName: step.unit ? (row.unit_names[step.unit] ?? step.unit) : null,
    holderRole: step.holderRole,
    assignee: step.assignee,
    openedAt: step.openedAt,
    dueAt: step.dueAt,
    dueState: dueState(step.dueAt, ctx.today, ctx.calendar, ctx.dueSoonWorkingDays),
    escalationLevel: step.escalationLevel,
    // How long the step has been with its holder, in working days (the board's "đang ở … N ngày làm việc").
    workingDaysOpen: workingDaysBetween(communeDate(Date.parse(step.openedAt)), ctx.today, ctx.calendar),
  };
}

/** The status word of the cycle, counted against its original date (libs/domain deadlines). */
function statusWordOf(row: TaskRow, snapshot: TaskSnapshot | null, ctx: ViewContext) {
  const key = statusWord(
    {
      status: snapshot?.status ?? row.status,
      dueAt: snapshot?.cycleDueAt ?? null,
      originalDueAt: snapshot?.cycleOriginalDueAt ?? null,
      completedOn: snapshot?.completedAt ? communeDate(Date.parse(snapshot.completedAt)) : null,
    },
    ctx.today,
  );
  return { key, text: STATUS_WORDS[key] };
}

/** The task as the list and the board show it. */
export function toTask(row: TaskRow, ctx: ViewContext, snapshot: TaskSnapshot | null = row.snapshot) {
  const leadUnits = snapshot?.leadUnits ?? row.lead_units;
  const coUnits = snapshot?.coUnits ?? row.co_units;
  const main = snapshot?.openSteps.find((s) => s.kind !== 'CONTRIBUTION') ?? snapshot?.openSteps[0] ?? null;
  return {
    id: row.id,
    planId: row.plan_id,
    number: row.number,
    /** What users know it by ("12", "III.2"); `number` is the key. */
    displayNumber: row.display_number,
    /** Where the task was read in the plan file: "hàng 5 của bảng 2", "dòng 280". */
    source: row.source ? describeSource(row.source) : null,
    group: { code: row.group_code, title: row.group_title ?? '' },
    content: row.content,
    leadUnit: leadUnits.length === 1 ? unitRef(row, leadUnits[0]) : { code: leadUnits.join(','), name: row.lead_units_text },
    leadUnits: leadUnits.map((u) => unitRef(row, u)),
    leadUnitsText: row.lead_units_text,
    coUnits: coUnits.map((u) => unitRef(row, u)),
    coUnitsText: row.co_units_text,
    deadline: { raw: row.deadline_raw, kind: row.deadline_kind, dueDates: row.due_dates, originalDueDates: row.original_due_dates },
    product: row.product,
    status: snapshot?.status ?? row.status,
    cycle: snapshot?.cycle ?? row.cycle,
    cycleDueAt: snapshot?.cycleDueAt ?? null,
    cycleOriginalDueAt: snapshot?.cycleOriginalDueAt ?? null,
    statusWord: statusWordOf(row, snapshot, ctx),
    currentStep: main ? stepView(row, main, ctx) : null,
    workflowId: row.workflow_id,
    /** Withdrawn from the plan by an amendment: it stays visible, with its trail. */
    withdrawn: row.withdrawn_at ? { at: row.withdrawn_at, decision: row.withdrawn_decision } : null,
  };
}

/** The task page: the task, its open steps, parts, contributions, the last return and what the caller may do. */
export function toTaskDetail(row: TaskRow, ctx: ViewContext, snapshot: TaskSnapshot | null = row.snapshot) {
  return {
    ...toTask(row, ctx, snapshot),
    steps: snapshot?.openSteps.map((s) => stepView(row, s, ctx)) ?? [],
    parts: snapshot?.parts ?? [],
    contributions: snapshot?.contributions ?? [],
    lastReturnReason: snapshot?.lastReturn?.reason ?? snapshot?.lastReturnReason ?? null,
    lastReturn: snapshot?.lastReturn ?? null,
    extensions: snapshot?.extensions ?? [],
    allowedActions: snapshot ? allowedActions(snapshot, ctx.actor, ctx.today) : [],
  };
}
