/**
 * Opening and closing steps: the only place a step enters or leaves the task's state. Who holds a step comes
 * from the approval policy (holdersOf); when it is due, from stepDueAt below. Pure.
 */
import type { ClosedStep, OpenStep, ReviewStepKind, StepKind, StepOutcome, UnitCode, UserRef } from '@app/contracts';
import { communeDate, holdersOf, stepDueDate } from '@app/domain';
import { cycleDueAt, type TaskState } from './state';

/** Enough closed steps to answer "just moved on" for any step of the cycle, without growing without bound. */
const CLOSED_STEPS_KEPT = 40;

export function nextStepId(state: TaskState, scope: string, kind: StepKind): string {
  state.stepCounter += 1;
  return `c${state.cycle}:${scope}:${kind.toLowerCase()}:${state.stepCounter}`;
}

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
  const assignee = spec.assignee ? { id: spec.assignee.id, fullName: spec.assignee.fullName } : null;
  const { principals, holderRole } = holdersOf(spec.kind, spec.unit, assignee);
  const scope = spec.kind === 'SET_SCHEDULE' ? 'schedule' : spec.kind === 'SET_LEAD_UNIT' ? 'lead' : (spec.unit ?? 'UBND');
  const step: OpenStep = {
    stepId: nextStepId(state, scope, spec.kind),
    kind: spec.kind,
    unit: spec.unit,
    holderRole,
    assignee,
    principals,
    excludedUserIds: isReview(spec.kind) ? drafterIds(state) : [],
    openedAt: now.toISOString(),
    dueAt: stepDueAt(state, spec.kind, now.toISOString(), spec.dueAt),
    escalationLevel: 0,
  };
  state.steps.push(step);
  return step;
}

export function closeStep(state: TaskState, step: OpenStep, outcome: StepOutcome, now: Date): void {
  state.steps = state.steps.filter((s) => s.stepId !== step.stepId);
  // Acting on a step stops its reminders and its ladder.
  delete state.alerts[step.stepId];
  const closed: ClosedStep = { stepId: step.stepId, kind: step.kind, unit: step.unit, principals: step.principals, closedAt: now.toISOString(), outcome };
  state.closedSteps = [...state.closedSteps, closed].slice(-CLOSED_STEPS_KEPT);
}

export function closeAllSteps(state: TaskState, outcome: StepOutcome, now: Date): void {
  for (const step of [...state.steps]) closeStep(state, step, outcome, now);
}

export function isReview(kind: StepKind): kind is ReviewStepKind {
  return kind === 'UNIT_REVIEW' || kind === 'VHXH_REVIEW' || kind === 'CHAIRMAN_REVIEW';
}

export const PART_STEP_KINDS: readonly StepKind[] = ['ASSIGN', 'DRAFT', 'UNIT_REVIEW'];

/** The open step of a part (assignment, drafting or its unit review), if any. */
export function partStep(state: TaskState, unit: UnitCode): OpenStep | undefined {
  return state.steps.find((s) => s.unit === unit && PART_STEP_KINDS.includes(s.kind));
}

export function findStep(state: TaskState, stepId: string): OpenStep | undefined {
  return state.steps.find((s) => s.stepId === stepId);
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
