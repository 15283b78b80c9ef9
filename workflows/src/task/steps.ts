/**
 * Opening and closing steps: the only place a step enters or leaves the task's state. Who holds a step comes
 * from the approval policy (holdersOf); when it is due, from stepDueAt below. Pure.
 */
import type { ClosedStep, OpenStep, ReviewStepKind, StepKind, StepOutcome, UnitCode, UserRef } from '@app/contracts';
import { holdersOf } from '@app/domain';
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
 * When a step is due: a contribution by its own date (or the cycle's), every other step by the cycle's date.
 * (Working-day deadlines for approval steps belong here too when the commune's settings give them.)
 */
export function stepDueAt(state: TaskState, kind: StepKind, ownDate?: string | null): string | null {
  if (kind === 'SET_SCHEDULE' || kind === 'SET_LEAD_UNIT') return null;
  if (kind === 'CONTRIBUTION') return ownDate ?? cycleDueAt(state);
  return cycleDueAt(state);
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
    dueAt: stepDueAt(state, spec.kind, spec.dueAt),
    escalationLevel: 0,
  };
  state.steps.push(step);
  return step;
}

export function closeStep(state: TaskState, step: OpenStep, outcome: StepOutcome, now: Date): void {
  state.steps = state.steps.filter((s) => s.stepId !== step.stepId);
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

/** Steps whose date follows the cycle's move with it (after the coordinator enters a date). */
export function refreshCycleDueDates(state: TaskState): void {
  for (const step of state.steps) {
    if (step.kind === 'CONTRIBUTION' && step.dueAt !== null) continue;
    step.dueAt = stepDueAt(state, step.kind, null);
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
