import { DeadlineKind, TaskSnapshot, UNIT_NAMES, UnitCode } from '@app/contracts';

export interface TaskRow {
  id: string;
  plan_id: string;
  commune: string;
  number: number;
  group_code: string;
  content: string;
  lead_units: UnitCode[];
  co_units: UnitCode[];
  lead_units_text: string;
  co_units_text: string;
  deadline_raw: string;
  deadline_kind: DeadlineKind;
  due_dates: string[];
  original_due_dates: string[];
  product: string;
  workflow_id: string;
  status: string;
  current_step: { stepId: string; kind: string; assignee: { id: string; fullName: string } | null; unit: UnitCode | null; dueAt: string | null } | null;
  cycle: number;
  snapshot: TaskSnapshot | null;
  group_title?: string;
}

export const unitRef = (code: UnitCode | null) => (code ? { code, name: UNIT_NAMES[code] ?? code } : null);

/** The contract's `Task` (api.md). The deadline's raw text is always kept beside what it was parsed into. */
export function toTask(r: TaskRow) {
  const lead = r.lead_units.length === 1 ? unitRef(r.lead_units[0]) : { code: r.lead_units.join(','), name: r.lead_units_text };
  return {
    id: r.id,
    planId: r.plan_id,
    number: r.number,
    group: { code: r.group_code, title: r.group_title ?? '' },
    content: r.content,
    leadUnit: lead,
    leadUnits: r.lead_units.map(unitRef),
    leadUnitsText: r.lead_units_text,
    coUnits: r.co_units.map(unitRef),
    coUnitsText: r.co_units_text,
    deadline: { raw: r.deadline_raw, kind: r.deadline_kind, dueDates: r.due_dates, originalDueDates: r.original_due_dates },
    product: r.product,
    status: r.status,
    cycle: r.cycle,
    cycleDueAt: r.snapshot?.cycleDueAt ?? null,
    currentStep: r.current_step
      ? { stepId: r.current_step.stepId, kind: r.current_step.kind, assignee: r.current_step.assignee, unit: r.current_step.unit, dueAt: r.current_step.dueAt }
      : null,
    workflowId: r.workflow_id,
  };
}

/** Selects task rows with their group title; callers add WHERE clauses on `t`. */
export const TASK_SELECT = `
  SELECT t.*, g->>'title' AS group_title
  FROM plan_tasks t
  JOIN plans p ON p.id = t.plan_id
  LEFT JOIN LATERAL (SELECT x AS g FROM jsonb_array_elements(p.groups) x WHERE x->>'code' = t.group_code LIMIT 1) gg ON true`;
