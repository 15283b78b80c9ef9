/**
 * Opening and closing steps: the only place a step enters or leaves the task's state. Who holds a step comes
 * from the approval policy (holdersOf); when it is due, from stepDueAt below. Pure.
 */
import type { OpenStep, ReviewStepKind, StepKind, UnitCode, UserRef } from '@app/contracts';
import { communeDate, stepDueDate } from '@app/domain';
import { closeAllSteps, closeStep, findStep, nextStepId, openStepIn } from '../steps/book';
import { cycleDueAt, type TaskState } from './state';

export { closeAllSteps, closeStep, findStep, nextStepId };

/** The drafters of the draft now climbing the chain: none of them may decide on it, at any level. */
export function drafterIds(state: TaskState): string[] {
  return [...new Set(state.parts.flatMap((p) => (p.drafter ? [p.drafter.id] : [])))];
}

/**
 * When a step is due, by the domain's rule (libs/domain deadlines) with the commune's rules. Runs recorded before
 * deadlines acted have no rules: every step then follows the cycle's date, a contribution its own.
 */
export function stepDueAt(state: TaskState, kind: StepKind, openedAt: string, ownDate?: string | null): string | null {
  if (!state.rules) {
    if (kind === 'SET_SCHEDULE' || kind === 'SET_LEAD_UNIT') return null;
    if (kind === 'CONTRIBUTION') return ownDate ?? cycleDueAt(state);
    return cycleDueAt(state);
  }
  const openedOn = communeDate(Date.parse(openedAt));
  return stepDueDate({ kind, openedOn, cycleDueAt: cycleDueAt(state), ownDate }, state.rules.settings, state.rules.calendar);
}

export interface StepSpec {
  kind: StepKind;
  unit: UnitCode | null;
  assignee?: UserRef | null;
  /** A date of its own (contributions). */
  dueAt?: string | null;
}

export function openStep(state: TaskState, spec: StepSpec, now: Date): OpenStep {
  return openStepIn(
    state,
    {
      kind: spec.kind,
      unit: spec.unit,
      assignee: spec.assignee,
      dueAt: stepDueAt(state, spec.kind, now.toISOString(), spec.dueAt),
      excludedUserIds: isReview(spec.kind) ? drafterIds(state) : [],
    },
    now,
  );
}

export function isReview(kind: StepKind): kind is ReviewStepKind {
  return kind === 'UNIT_REVIEW' || kind === 'VHXH_REVIEW' || kind === 'CHAIRMAN_REVIEW';
}

export const PART_STEP_KINDS: readonly StepKind[] = ['ASSIGN', 'DRAFT', 'UNIT_REVIEW'];

/** The open step of a part (assignment, drafting or its unit review), if any. */
export function partStep(state: TaskState, unit: UnitCode): OpenStep | undefined {
  return state.steps.find((s) => s.unit === unit && PART_STEP_KINDS.includes(s.kind));
}

/**
 * Recomputes every open step's date (the cycle's date moved, or the commune's rules changed). A contribution asked
 * with a date keeps it; an EXTENSION step keeps its own SLA. A step whose date moved starts a new ladder.
 */
export function refreshDueDates(state: TaskState): void {
  for (const step of state.steps) {
    const own = step.kind === 'CONTRIBUTION' ? (state.contributions.find((c) => c.open && c.unit === step.unit)?.askedDueAt ?? null) : null;
    step.dueAt = stepDueAt(state, step.kind, step.openedAt, own);
    const contribution = step.kind === 'CONTRIBUTION' ? state.contributions.find((c) => c.open && c.unit === step.unit) : undefined;
    if (contribution) contribution.dueAt = step.dueAt;
  }
}

/**
 * The steps a cycle opens with: the coordinator's date when the cycle has none, the lead unit when the plan named
 * none, else each part's assignment (or drafting, when the assignee carried over from the previous cycle).
 */
export function openFirstSteps(state: TaskState, now: Date): void {
  if (state.parts.length === 0) openStep(state, { kind: 'SET_LEAD_UNIT', unit: null }, now);
  for (const part of state.parts) {
    openStep(state, part.status === 'DRAFT' ? { kind: 'DRAFT', unit: part.unit, assignee: part.assignee } : { kind: 'ASSIGN', unit: part.unit }, now);
  }
  if (cycleDueAt(state) === null) openStep(state, { kind: 'SET_SCHEDULE', unit: null }, now);
}
