/**
 * The step book of a workflow (a task's cycle, a report): its open steps, the steps closed in this cycle, the
 * alerts already fired and the commune's deadline rules. Opening and closing a step happens only here; who holds it
 * comes from the approval policy (holdersOf), when it is due from the caller (the domain's stepDueDate). Pure.
 */
import type { ClosedStep, DeadlineRules, OpenStep, StepKind, StepOutcome, UnitCode, UserRef } from '@app/contracts';
import { holdersOf } from '@app/domain';

export interface StepBook {
  /** The cycle the step ids belong to (a report has one). */
  cycle: number;
  stepCounter: number;
  steps: OpenStep[];
  closedSteps: ClosedStep[];
  /** Keys of the reminders and rungs already fired, per open step. */
  alerts: Record<string, string[]>;
  /** The commune's calendar and deadline settings; null in runs recorded before deadlines acted (no timers). */
  rules: DeadlineRules | null;
}

/** Whether a step of the book is past its date on `today`: what Temporal's list shows as CchcOverdue. */
export function anyStepLate(book: Pick<StepBook, 'steps'>, today: string): boolean {
  return book.steps.some((s) => s.dueAt !== null && s.dueAt < today);
}

/** Enough closed steps to answer "just moved on" for any step of the cycle, without growing without bound. */
const CLOSED_STEPS_KEPT = 40;

export function nextStepId(book: StepBook, scope: string, kind: StepKind): string {
  book.stepCounter += 1;
  return `c${book.cycle}:${scope}:${kind.toLowerCase()}:${book.stepCounter}`;
}

export interface OpenSpec {
  kind: StepKind;
  unit: UnitCode | null;
  assignee?: UserRef | null;
  dueAt: string | null;
  /** Separation of duties: who may not decide this step (the drafters of what it decides). */
  excludedUserIds?: string[];
}

export function openStepIn(book: StepBook, spec: OpenSpec, now: Date): OpenStep {
  const assignee = spec.assignee ? { id: spec.assignee.id, fullName: spec.assignee.fullName } : null;
  const { principals, holderRole } = holdersOf(spec.kind, spec.unit, assignee);
  const scope = spec.kind === 'SET_SCHEDULE' ? 'schedule' : spec.kind === 'SET_LEAD_UNIT' ? 'lead' : (spec.unit ?? 'UBND');
  const step: OpenStep = {
    stepId: nextStepId(book, scope, spec.kind),
    kind: spec.kind,
    unit: spec.unit,
    holderRole,
    assignee,
    principals,
    excludedUserIds: spec.excludedUserIds ?? [],
    openedAt: now.toISOString(),
    dueAt: spec.dueAt,
    escalationLevel: 0,
  };
  book.steps.push(step);
  return step;
}

export function closeStep(book: StepBook, step: OpenStep, outcome: StepOutcome, now: Date): void {
  book.steps = book.steps.filter((s) => s.stepId !== step.stepId);
  // Acting on a step stops its reminders and its ladder.
  delete book.alerts[step.stepId];
  const closed: ClosedStep = { stepId: step.stepId, kind: step.kind, unit: step.unit, principals: step.principals, closedAt: now.toISOString(), outcome };
  book.closedSteps = [...book.closedSteps, closed].slice(-CLOSED_STEPS_KEPT);
}

export function closeAllSteps(book: StepBook, outcome: StepOutcome, now: Date): void {
  for (const step of [...book.steps]) closeStep(book, step, outcome, now);
}

export function findStep(book: StepBook, stepId: string): OpenStep | undefined {
  return book.steps.find((s) => s.stepId === stepId);
}
