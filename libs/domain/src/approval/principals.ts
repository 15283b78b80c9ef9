/**
 * Principals: the keys by which a step names who holds it and by which a person is matched against it. The read
 * model stores a step's principals, so the inbox is one indexed read: the open steps sharing a key with the caller.
 */
import type { Actor, Principal, Role, StepKind, UnitCode, UserRef } from '@app/contracts';
import { isIsoDate } from '../calendar';

export const principal = {
  user: (id: string): Principal => `user:${id}`,
  role: (role: Role): Principal => `role:${role}`,
  unitRole: (unit: UnitCode, role: Role): Principal => `unit:${unit}:${role}`,
};

/**
 * The chain's one shortcut: the head of a unit who drafted its text himself has already spoken for that unit by
 * submitting it, so the unit's review (or Phòng VH-XH's, for its head) is not asked of him again.
 */
export function headOfUnitDrafted(drafterPrincipals: readonly Principal[], unit: UnitCode): boolean {
  return drafterPrincipals.includes(principal.unitRole(unit, 'UNIT_HEAD'));
}

/** A delegation counts only on the days of its period (inclusive), judged by the commune's calendar. */
export function delegationValidOn(actor: Actor, today: string): boolean {
  const d = actor.delegation;
  return !!d && isIsoDate(d.from) && isIsoDate(d.until) && d.from <= today && today <= d.until;
}

const hasRole = (actor: Actor, role: Role) => Array.isArray(actor.roles) && actor.roles.includes(role);

/**
 * Every key the actor answers to today: himself, his roles, his roles in his unit, and the Chairman's role while he
 * holds a valid delegation of the Chairman's approvals (a Vice Chairman).
 */
export function principalsOf(actor: Actor, today: string): Principal[] {
  const roles = Array.isArray(actor.roles) ? actor.roles : [];
  const keys: Principal[] = [principal.user(actor.id), ...roles.map(principal.role)];
  if (actor.unit) keys.push(...roles.map((role) => principal.unitRole(actor.unit!, role)));
  if (hasRole(actor, 'VICE_CHAIRMAN') && delegationValidOn(actor, today)) keys.push(principal.role('CHAIRMAN'));
  return [...new Set(keys)];
}

/** Who holds a step of this kind, and the role shown for it when no person is named. */
export function holdersOf(
  kind: StepKind,
  unit: UnitCode | null,
  assignee: UserRef | null,
): { principals: Principal[]; holderRole: Role } {
  switch (kind) {
    case 'SET_LEAD_UNIT':
    case 'SET_SCHEDULE':
      return { principals: [principal.role('COORDINATOR')], holderRole: 'COORDINATOR' };
    case 'ASSIGN':
    case 'UNIT_REVIEW':
    case 'VHXH_REVIEW':
      return { principals: [principal.unitRole(unit!, 'UNIT_HEAD')], holderRole: 'UNIT_HEAD' };
    case 'DRAFT':
      return { principals: [principal.user(assignee!.id)], holderRole: 'STAFF' };
    case 'CONTRIBUTION':
      return { principals: [principal.unitRole(unit!, 'STAFF'), principal.unitRole(unit!, 'UNIT_HEAD')], holderRole: 'STAFF' };
    case 'CHAIRMAN_REVIEW':
      return { principals: [principal.role('CHAIRMAN')], holderRole: 'CHAIRMAN' };
    case 'REPORT_INPUT':
      // Any staff member of the unit may fill in its input; the head may too.
      return { principals: [principal.unitRole(unit!, 'STAFF'), principal.unitRole(unit!, 'UNIT_HEAD')], holderRole: 'STAFF' };
    case 'REPORT_DRAFT':
    case 'REPORT_SUBMIT':
      return { principals: [principal.role('COORDINATOR')], holderRole: 'COORDINATOR' };
    case 'EXTENSION':
      // The task's deadline is the Chairman's (or his delegate's) to move; a step inside a unit, its head's.
      return unit
        ? { principals: [principal.unitRole(unit, 'UNIT_HEAD')], holderRole: 'UNIT_HEAD' }
        : { principals: [principal.role('CHAIRMAN')], holderRole: 'CHAIRMAN' };
  }
}
