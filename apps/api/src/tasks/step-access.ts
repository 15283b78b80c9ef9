import { DelegationRef, OpenStep, StepKind, TaskSnapshot, UserRef } from '@app/contracts';
import { AuthUser } from '../common/current-user';

export const REVIEW_KINDS: StepKind[] = ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'];

/**
 * Whether the user may act on an open step, as the API sees it before asking the workflow (which checks again).
 * Returns whom the user acts for when it is by delegation.
 */
export function mayAct(step: OpenStep, user: AuthUser, delegation?: DelegationRef): { onBehalfOf?: UserRef } | null {
  if (step.assignee) return step.assignee.id === user.id ? {} : null;
  if (step.unit && step.unit !== user.unit) return null;
  if (user.roles.includes(step.holderRole)) return {};
  if (step.kind === 'CONTRIBUTION' && user.roles.includes('UNIT_HEAD')) return {};
  if (step.holderRole === 'CHAIRMAN' && delegation) return { onBehalfOf: delegation.fromUser };
  return null;
}

/** The people who wrote the draft under review; none of them may approve it, at any level. */
export function draftersOf(snapshot: TaskSnapshot): string[] {
  return snapshot.parts.map((p) => p.drafter?.id).filter((id): id is string => !!id);
}

export type AccessProblem = 'STEP_CLOSED' | 'NOT_YOUR_STEP' | 'SELF_APPROVAL';

/**
 * Finds the open step of the given kinds the user may take. With a stepId (what the page showed), a step that
 * is no longer open is STEP_CLOSED: a double click or someone else acted first.
 */
export function findStep(
  snapshot: TaskSnapshot,
  user: AuthUser,
  kinds: StepKind[],
  stepId: string | undefined,
  delegation?: DelegationRef,
): { step: OpenStep; onBehalfOf?: UserRef } | { problem: AccessProblem } {
  const open = snapshot.openSteps.filter((s) => kinds.includes(s.kind));
  const candidates = stepId ? open.filter((s) => s.stepId === stepId) : open;
  if (stepId && !candidates.length) return { problem: 'STEP_CLOSED' };
  for (const step of candidates) {
    const access = mayAct(step, user, delegation);
    if (!access) continue;
    if (REVIEW_KINDS.includes(step.kind) && draftersOf(snapshot).includes(user.id)) return { problem: 'SELF_APPROVAL' };
    return { step, ...access };
  }
  return { problem: open.length || stepId ? 'NOT_YOUR_STEP' : 'STEP_CLOSED' };
}
