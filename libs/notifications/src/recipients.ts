/**
 * Who is told, and about what: the one home of that rule. Pure — from the task's event, the snapshot the workflow
 * recorded with it, and the commune's directory of people (active users and the Chairman's delegations), it names
 * each person to tell and the notice he gets. Principals are matched to people by the approval policy itself
 * (principalsOf), so "who holds a step" and "who is told about it" can never disagree.
 *
 * Decisions kept here:
 * - a notice goes to people who must act now (the holders of a step the event opened) or whose work the event
 *   concludes (the drafters and the coordinator when the Chairman approves); nobody is told of his own action;
 * - a step "opened by this event" is one whose `openedAt` is the event's time: a transition opens its steps and
 *   records its event with the same workflow clock reading;
 * - COMPLETED is silent: it always follows the final APPROVED, which already told the drafters and the coordinator;
 *   CYCLE_OPENED is silent too (at activation it would be one message per task; the daily digest lists open work);
 * - a step found late when its plan is activated (`data.atActivation`) is told to its holder and unit head only,
 *   whatever rung its lateness reached; the coordinator gets one list (lateAtActivation), not a message per step;
 * - a reminder a person turned off (emailReminders = false) still lands in the app, only the e-mail is left out;
 *   escalations and everything else cannot be turned off.
 */
import type { EscalationTarget, OpenStep, Principal, ReportChange, Role, TaskChange, UnitCode, UserRef } from '@app/contracts';
import { communeDate, principal, principalsOf, tellsAnyone } from '@app/domain';

/** An active person of the commune as the notifier sees him. */
export interface Person {
  id: string;
  fullName: string;
  email: string | null;
  unit: UnitCode | null;
  unitName?: string | null;
  roles: Role[];
  /** False when he turned e-mail reminders off (PUT /me/preferences). */
  emailReminders: boolean;
}

/** A delegation of the Chairman's approvals that has not been ended (the period is checked here, per day). */
export interface DelegationGrant {
  toUserId: string;
  fromUser: UserRef;
  /** ISO dates, inclusive. */
  from: string;
  until: string;
}

/** The commune's people who can be told: active users only, and the delegations not ended. */
export interface Directory {
  people: Person[];
  delegations: DelegationGrant[];
}

/** What a notice is about: the in-app kind is derived from it (see inAppKind). */
export type NoticeKind =
  | 'ASSIGNED'
  | 'CONTRIBUTION_REQUESTED'
  | 'SUBMITTED_TO_YOU'
  | 'RETURNED'
  | 'APPROVED'
  | 'REMINDER'
  | 'OVERDUE'
  | 'ESCALATED'
  | 'EXTENSION_REQUESTED'
  | 'EXTENSION_DECIDED';

export interface Notice {
  kind: NoticeKind;
  person: Person;
  /** The step the notice is about (opened for him, reminded, late), when there is one. */
  step: OpenStep | null;
  /** Whether an e-mail goes with the in-app notification. */
  email: boolean;
  /** Set when he is reached as the Chairman's delegate (a Vice Chairman). */
  onBehalfOf: UserRef | null;
}

export interface NoticeContext {
  directory: Directory;
}

const DEFAULT_TARGETS: Record<'OVERDUE' | 'ESCALATED', EscalationTarget[]> = {
  OVERDUE: ['HOLDER', 'UNIT_HEAD'],
  ESCALATED: ['COORDINATOR'],
};

const REVIEW_KINDS = new Set(['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW']);

/** The delegation a person holds on `today`, if he is a Vice Chairman with one in its period. */
function delegationOf(person: Person, directory: Directory, today: string) {
  if (!person.roles.includes('VICE_CHAIRMAN')) return undefined;
  const grant = directory.delegations.find((d) => d.toUserId === person.id && d.from <= today && today <= d.until);
  return grant ? { id: `${grant.toUserId}:${grant.from}`, fromUser: grant.fromUser, from: grant.from, until: grant.until } : undefined;
}

/**
 * The active people a set of principals reaches on `today`, each with the Chairman he acts for when he is reached
 * only through a delegation. Matching is the approval policy's (principalsOf).
 */
export function resolvePrincipals(keys: Principal[], directory: Directory, today: string, commune = ''): { person: Person; onBehalfOf: UserRef | null }[] {
  const found: { person: Person; onBehalfOf: UserRef | null }[] = [];
  for (const person of directory.people) {
    const delegation = delegationOf(person, directory, today);
    const mine = principalsOf({ id: person.id, fullName: person.fullName, commune, unit: person.unit, roles: person.roles, delegation }, today);
    const matched = keys.filter((k) => mine.includes(k));
    if (matched.length === 0) continue;
    const onlyAsDelegate = matched.every((k) => k === principal.role('CHAIRMAN')) && !person.roles.includes('CHAIRMAN');
    found.push({ person, onBehalfOf: onlyAsDelegate && delegation ? { ...delegation.fromUser } : null });
  }
  return found;
}

/** Who an escalation target names for a step. */
function targetPrincipals(target: EscalationTarget, step: OpenStep): Principal[] {
  switch (target) {
    case 'HOLDER':
      return step.principals;
    case 'UNIT_HEAD':
      return step.unit ? [principal.unitRole(step.unit, 'UNIT_HEAD')] : [];
    case 'COORDINATOR':
      return [principal.role('COORDINATOR')];
    case 'CHAIRMAN':
      return [principal.role('CHAIRMAN')];
  }
}

const isTarget = (x: unknown): x is EscalationTarget => x === 'HOLDER' || x === 'UNIT_HEAD' || x === 'COORDINATOR' || x === 'CHAIRMAN';

/** The notices one task event gives: at most one per person, never to the person who acted. */
export function noticesFor(change: TaskChange, ctx: NoticeContext): Notice[] {
  const { event, snapshot } = change;
  // The domain's list of events that may tell anyone is the gate (the workflow asks it too); the cases below say whom.
  if (!tellsAnyone(event.type)) return [];
  const today = communeDate(new Date(event.at));
  const data = event.data ?? {};
  const opened = (pred: (s: OpenStep) => boolean) => snapshot.openSteps.filter((s) => s.openedAt === event.at && pred(s));
  const stepNamed = () => snapshot.openSteps.find((s) => s.stepId === data.stepId) ?? null;

  const notices: Notice[] = [];
  const add = (kind: NoticeKind, keys: Principal[], step: OpenStep | null, excluded: string[] = []) => {
    for (const { person, onBehalfOf } of resolvePrincipals(keys, ctx.directory, today, snapshot.commune)) {
      if (person.id === event.actor?.id || excluded.includes(person.id)) continue;
      if (notices.some((n) => n.person.id === person.id)) continue;
      notices.push({ kind, person, step, email: true, onBehalfOf });
    }
  };
  // Asked to act on a step: not those the step excludes (nobody decides on his own draft or request).
  const toHoldersOf = (kind: NoticeKind, steps: OpenStep[]) => steps.forEach((s) => add(kind, s.principals, s, s.excludedUserIds));

  switch (event.type) {
    case 'ASSIGNED':
    case 'REASSIGNED':
      toHoldersOf('ASSIGNED', opened((s) => s.kind === 'DRAFT' && s.unit === data.unit));
      break;
    case 'SUBMITTED':
      toHoldersOf('SUBMITTED_TO_YOU', opened((s) => REVIEW_KINDS.has(s.kind)));
      break;
    case 'APPROVED': {
      if (data.level === 'CHAIRMAN_REVIEW' || snapshot.status === 'COMPLETED') {
        const drafters = snapshot.parts.flatMap((p) => (p.drafter ? [principal.user(p.drafter.id)] : []));
        add('APPROVED', drafters, null);
        add('APPROVED', [principal.role('COORDINATOR')], null);
      } else {
        toHoldersOf('SUBMITTED_TO_YOU', opened((s) => REVIEW_KINDS.has(s.kind)));
      }
      break;
    }
    case 'RETURNED':
      for (const step of opened((s) => s.kind === 'DRAFT')) {
        const part = snapshot.parts.find((p) => p.unit === step.unit);
        add('RETURNED', [...step.principals, ...(part?.drafter ? [principal.user(part.drafter.id)] : [])], step);
      }
      break;
    case 'CONTRIBUTION_REQUESTED':
      toHoldersOf('CONTRIBUTION_REQUESTED', opened((s) => s.kind === 'CONTRIBUTION' && s.unit === data.unit));
      break;
    case 'REMINDER': {
      const step = stepNamed();
      if (!step) break; // the step moved on since the timer fired: nothing to remind
      for (const { person, onBehalfOf } of resolvePrincipals(step.principals, ctx.directory, today, snapshot.commune)) {
        if (person.id === event.actor?.id || notices.some((n) => n.person.id === person.id)) continue;
        notices.push({ kind: 'REMINDER', person, step, email: person.emailReminders, onBehalfOf });
      }
      break;
    }
    case 'OVERDUE':
    case 'ESCALATED': {
      const step = stepNamed();
      if (!step) break; // the step moved on since the timer fired
      if (data.atActivation === true) {
        // Found late when the plan was activated: the holder and his unit head hear it, once, whatever rung the
        // lateness reached; the people above them get the plan's one list instead of a message per task.
        add('OVERDUE', (['HOLDER', 'UNIT_HEAD'] as const).flatMap((t) => targetPrincipals(t, step)), step);
        break;
      }
      const targets = Array.isArray(data.to) && data.to.every(isTarget) && data.to.length > 0 ? (data.to as EscalationTarget[]) : DEFAULT_TARGETS[event.type];
      add(event.type, targets.flatMap((t) => targetPrincipals(t, step)), step);
      break;
    }
    case 'EXTENSION_REQUESTED': {
      const deciding = opened((s) => s.kind === 'EXTENSION');
      if (deciding.length > 0) {
        toHoldersOf('EXTENSION_REQUESTED', deciding);
      } else {
        // Runs that record no EXTENSION step: the task's date is the Chairman's, a step's date its unit head's.
        const step = stepNamed();
        const keys = data.scope === 'STEP' && step?.unit ? [principal.unitRole(step.unit, 'UNIT_HEAD')] : [principal.role('CHAIRMAN')];
        add('EXTENSION_REQUESTED', keys, step);
      }
      break;
    }
    case 'EXTENSION_APPROVED':
    case 'EXTENSION_REJECTED': {
      const requester = (snapshot.extensions ?? []).find((e) => e.extensionId === data.extensionId)?.requestedBy;
      if (requester) add('EXTENSION_DECIDED', [principal.user(requester.id)], stepNamed());
      break;
    }
    default:
      break;
  }
  return notices;
}

/** The people a set of principals reaches, for messages that are not about one task event (digest, late list). */
export function peopleFor(keys: Principal[], directory: Directory, today: string): Person[] {
  return resolvePrincipals(keys, directory, today).map((r) => r.person);
}

/**
 * The notices one report event gives, by the same rules as tasks': the holders of the steps the event opened are
 * asked to act (a unit's input, a review, the commune's draft, the sending), a return tells the step's holders and
 * the drafter, the Chairman's approval tells the coordinator, the ladder's alerts go to their targets; nobody is told
 * of his own action. Report events have their own names; each is mapped here to the notice of the same meaning.
 */
export function reportNoticesFor(change: ReportChange, ctx: NoticeContext): Notice[] {
  const { event, snapshot } = change;
  const today = communeDate(new Date(event.at));
  const data = event.data ?? {};
  const opened = (pred: (s: OpenStep) => boolean) => snapshot.openSteps.filter((s) => s.openedAt === event.at && pred(s));
  const notices: Notice[] = [];
  const add = (kind: NoticeKind, keys: Principal[], step: OpenStep | null, excluded: string[] = [], email = true) => {
    for (const { person, onBehalfOf } of resolvePrincipals(keys, ctx.directory, today, snapshot.commune)) {
      if (person.id === event.actor?.id || excluded.includes(person.id)) continue;
      if (notices.some((n) => n.person.id === person.id)) continue;
      notices.push({ kind, person, step, email: email || person.emailReminders, onBehalfOf });
    }
  };
  const toHoldersOf = (kind: NoticeKind, steps: OpenStep[]) => steps.forEach((s) => add(kind, s.principals, s, s.excludedUserIds));
  const stepNamed = () => snapshot.openSteps.find((s) => s.stepId === data.stepId) ?? null;

  switch (event.type) {
    case 'REPORT_OPENED':
    case 'REPORT_REOPENED':
      toHoldersOf('ASSIGNED', opened(() => true));
      break;
    case 'INPUT_SUBMITTED':
    case 'REPORT_SUBMITTED':
    case 'REVIEW_BY_SUBMISSION':
      toHoldersOf('SUBMITTED_TO_YOU', opened((s) => REVIEW_KINDS.has(s.kind)));
      break;
    case 'APPROVED':
      if (data.level === 'CHAIRMAN_REVIEW') {
        add('APPROVED', [...(snapshot.draft.drafter ? [principal.user(snapshot.draft.drafter.id)] : []), principal.role('COORDINATOR')], null);
      } else {
        // A unit head's approval opens the coordinator's draft once every unit is in; VH-XH's opens the Chairman's.
        toHoldersOf('SUBMITTED_TO_YOU', opened((s) => REVIEW_KINDS.has(s.kind)));
        toHoldersOf('ASSIGNED', opened((s) => s.kind === 'REPORT_DRAFT'));
      }
      break;
    case 'RETURNED':
      for (const step of opened((s) => s.kind === 'REPORT_INPUT' || s.kind === 'REPORT_DRAFT')) {
        const drafter = step.kind === 'REPORT_INPUT' ? snapshot.units.find((u) => u.unit === step.unit)?.drafter : snapshot.draft.drafter;
        add('RETURNED', [...step.principals, ...(drafter ? [principal.user(drafter.id)] : [])], step);
      }
      break;
    case 'REPORT_SENT':
      add('APPROVED', [principal.role('COORDINATOR'), principal.role('CHAIRMAN')], null);
      break;
    case 'REMINDER': {
      const step = stepNamed();
      if (step) add('REMINDER', step.principals, step, [], false);
      break;
    }
    case 'OVERDUE':
    case 'ESCALATED': {
      const step = stepNamed();
      if (!step) break;
      const targets = Array.isArray(data.to) && data.to.every(isTarget) && data.to.length > 0 ? (data.to as EscalationTarget[]) : DEFAULT_TARGETS[event.type];
      add(event.type, targets.flatMap((t) => targetPrincipals(t, step)), step);
      break;
    }
    default:
      break;
  }
  return notices;
}
