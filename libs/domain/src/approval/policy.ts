/**
 * The approval policy: who may take which action on a task now. Pure and deterministic, over the task's snapshot
 * (the workflow builds one from its live state; the API reads the one the read model stored), so the workflow's
 * validators, the API's pre-check, the inbox and the web's buttons all give the same answer.
 *
 * Rules, in one place:
 * - a step is taken by the people its principals name (role, unit, assignee; the Chairman's role through a valid
 *   delegation); the unit head of a part may reassign it while it is being drafted;
 * - separation of duties: nobody decides (approves or returns) a step on a draft they wrote;
 * - contributions are answered only by the co-units they were asked of (their steps name those units);
 * - the coordinator (or an administrator) sets dates and lead units;
 * - a step that has just moved on answers STEP_CLOSED to whoever held it, not "not yours".
 */
import { REVIEW_STEP_KINDS } from '@app/contracts';
import type { Actor, ErrorCode, OpenStep, Principal, ReportSnapshot, Role, StepKind, TaskAction, TaskSnapshot, UserRef } from '@app/contracts';

/** What the policy decides on: a task or a report, as its workflow's snapshot says it stands. */
export type PolicySubject = TaskSnapshot | ReportSnapshot;

const isReport = (subject: PolicySubject): subject is ReportSnapshot => 'reportId' in subject;
import { POLICY_MESSAGES } from './messages';
import { delegationValidOn, principal, principalsOf } from './principals';

/** The role the actor acts in, as recorded in the trail, and the Chairman when a Vice Chairman acts for him. */
export interface Authority {
  role: Role;
  onBehalfOf: UserRef | null;
}

export type Verdict =
  | { ok: true; step: OpenStep | null; authority: Authority }
  | { ok: false; code: ErrorCode; message: string };

/** Which open steps an action applies to, and who may take it on such a step. */
interface StepRule {
  kinds: readonly StepKind[];
  holders: (step: OpenStep) => Principal[];
  /** Approving or returning: separation of duties applies. */
  decides?: boolean;
}

const byPrincipals = (step: OpenStep) => step.principals;
const unitHead = (step: OpenStep) => (step.unit ? [principal.unitRole(step.unit, 'UNIT_HEAD')] : []);
const DRAFTING: readonly StepKind[] = ['DRAFT'];

const STEP_RULES: Partial<Record<TaskAction, StepRule>> = {
  assign: { kinds: ['ASSIGN'], holders: byPrincipals },
  reassign: { kinds: DRAFTING, holders: unitHead },
  saveDraft: { kinds: DRAFTING, holders: byPrincipals },
  addAttachment: { kinds: DRAFTING, holders: byPrincipals },
  submit: { kinds: DRAFTING, holders: byPrincipals },
  requestContributions: { kinds: DRAFTING, holders: byPrincipals },
  approve: { kinds: REVIEW_STEP_KINDS, holders: byPrincipals, decides: true },
  return: { kinds: REVIEW_STEP_KINDS, holders: byPrincipals, decides: true },
  contribute: { kinds: ['CONTRIBUTION'], holders: byPrincipals },
  setLeadUnit: { kinds: ['SET_LEAD_UNIT'], holders: () => [principal.role('COORDINATOR'), principal.role('ADMIN')] },
  // The holder of a dated step, or his unit head, asks for a new date; the EXTENSION step's holder decides.
  requestExtension: { kinds: ['ASSIGN', 'DRAFT', 'UNIT_REVIEW', 'CONTRIBUTION'], holders: (step) => [...step.principals, ...unitHead(step)] },
  decideExtension: { kinds: ['EXTENSION'], holders: byPrincipals, decides: true },
  // Reports: a unit's input by its staff or head, the commune's report by the coordinator, who also sends it.
  saveInput: { kinds: ['REPORT_INPUT'], holders: byPrincipals },
  submitInput: { kinds: ['REPORT_INPUT'], holders: byPrincipals },
  saveReportDraft: { kinds: ['REPORT_DRAFT'], holders: byPrincipals },
  submitReport: { kinds: ['REPORT_DRAFT'], holders: byPrincipals },
  sendReport: { kinds: ['REPORT_SUBMIT'], holders: byPrincipals },
};

const deny = (code: ErrorCode, message: string): Verdict => ({ ok: false, code, message });
const hasRole = (actor: Actor, role: Role) => Array.isArray(actor.roles) && actor.roles.includes(role);

/** The role recorded for the actor when a key of `keys` let him act. */
function authorityFor(actor: Actor, matched: Principal, today: string): Authority {
  if (matched === principal.role('CHAIRMAN') && !hasRole(actor, 'CHAIRMAN') && delegationValidOn(actor, today)) {
    const chairman = actor.delegation!.fromUser;
    return { role: 'VICE_CHAIRMAN', onBehalfOf: { id: chairman.id, fullName: chairman.fullName } };
  }
  const named = /^(?:role|unit:[^:]+):([A-Z_]+)$/.exec(matched);
  if (named) return { role: named[1] as Role, onBehalfOf: null };
  // Matched as the named person (a drafter): staff draft, a unit head may draft himself.
  return { role: hasRole(actor, 'STAFF') || !hasRole(actor, 'UNIT_HEAD') ? 'STAFF' : 'UNIT_HEAD', onBehalfOf: null };
}

export interface Target {
  /** The step the caller saw; without it, any open step the action applies to. */
  stepId?: string;
  /** For a contribution: the co-unit answering. */
  unit?: string;
}

/** May `actor` take `action` on the task now? The verdict names the step and the authority, or the refusal. */
export function authorize(task: PolicySubject, actor: Actor, action: TaskAction, target: Target, today: string): Verdict {
  if (!actor || typeof actor.id !== 'string' || actor.commune !== task.commune) return deny('NOT_FOUND', POLICY_MESSAGES.notFound);
  const mine = principalsOf(actor, today);

  if (action === 'reopenReport') return authorizeReopen(task, actor);
  if (action === 'setSchedule' || action === 'amendSchedule' || action === 'withdraw') {
    if (isReport(task)) return deny('VALIDATION', POLICY_MESSAGES.wrongStep);
    return action === 'setSchedule' ? authorizeSetSchedule(task, actor) : authorizeAmendment(task, actor);
  }
  const rule = STEP_RULES[action];
  if (!rule) return deny('FORBIDDEN', POLICY_MESSAGES.notAvailableYet);

  const open = task.openSteps.filter(
    (s) => rule.kinds.includes(s.kind) && (target.unit === undefined || s.unit === target.unit),
  );
  const candidates = target.stepId === undefined ? open : open.filter((s) => s.stepId === target.stepId);
  if (target.stepId !== undefined && candidates.length === 0 && task.openSteps.some((s) => s.stepId === target.stepId)) {
    return deny('VALIDATION', POLICY_MESSAGES.wrongStep);
  }
  for (const step of candidates) {
    const matched = rule.holders(step).find((key) => mine.includes(key));
    if (!matched) continue;
    if (rule.decides && step.excludedUserIds.includes(actor.id)) return deny('SELF_APPROVAL', POLICY_MESSAGES.selfApproval);
    return { ok: true, step, authority: authorityFor(actor, matched, today) };
  }

  const chairmanStepOpen = candidates.some((s) => s.kind === 'CHAIRMAN_REVIEW');
  if (chairmanStepOpen && hasRole(actor, 'VICE_CHAIRMAN') && actor.delegation && !delegationValidOn(actor, today)) {
    return deny('NOT_YOUR_STEP', POLICY_MESSAGES.delegationNotValidToday);
  }
  // Nothing the actor may take. If the step he saw, or one he held, has just moved on, that is what he needs to hear;
  // a step he names that is open but someone else's is simply not his.
  if (target.stepId !== undefined) {
    return candidates.length === 0 ? deny('STEP_CLOSED', POLICY_MESSAGES.stepClosed) : deny('NOT_YOUR_STEP', POLICY_MESSAGES.notYourStep);
  }
  const heldBefore = task.closedSteps.some(
    (s) => rule.kinds.includes(s.kind) && (target.unit === undefined || s.unit === target.unit) && s.principals.some((key) => mine.includes(key)),
  );
  if (heldBefore) return deny('STEP_CLOSED', POLICY_MESSAGES.stepClosed);
  if (task.status === 'COMPLETED' && candidates.length === 0) return deny('STEP_CLOSED', POLICY_MESSAGES.taskClosed);
  return deny('NOT_YOUR_STEP', POLICY_MESSAGES.notYourStep);
}

/** Dates are the coordinator's (or an administrator's), for tasks on request or still without a date. */
function authorizeSetSchedule(task: TaskSnapshot, actor: Actor): Verdict {
  const role: Role | null = hasRole(actor, 'COORDINATOR') ? 'COORDINATOR' : hasRole(actor, 'ADMIN') ? 'ADMIN' : null;
  if (!role) return deny('FORBIDDEN', POLICY_MESSAGES.coordinatorOnly);
  if (task.status === 'COMPLETED') return deny('STEP_CLOSED', POLICY_MESSAGES.taskClosed);
  const onRequest = task.deadlineKind === 'ON_REQUEST' || task.deadlineKind === 'UNKNOWN';
  if (!onRequest && task.cycleDueAt !== null) return deny('VALIDATION', POLICY_MESSAGES.scheduleNotOnRequest);
  return { ok: true, step: task.openSteps.find((s) => s.kind === 'SET_SCHEDULE') ?? null, authority: { role, onBehalfOf: null } };
}

/** Amending or withdrawing a task follows a decision of the People's Committee; the coordinator records it. */
function authorizeAmendment(task: TaskSnapshot, actor: Actor): Verdict {
  const role: Role | null = hasRole(actor, 'COORDINATOR') ? 'COORDINATOR' : hasRole(actor, 'ADMIN') ? 'ADMIN' : null;
  if (!role) return deny('FORBIDDEN', POLICY_MESSAGES.coordinatorOnly);
  if (task.status === 'WITHDRAWN') return deny('STEP_CLOSED', POLICY_MESSAGES.taskClosed);
  return { ok: true, step: null, authority: { role, onBehalfOf: null } };
}

/** A report sent back by Sở Nội vụ is reopened by the coordinator (or an administrator), with the reason. */
function authorizeReopen(subject: PolicySubject, actor: Actor): Verdict {
  if (!isReport(subject)) return deny('VALIDATION', POLICY_MESSAGES.wrongStep);
  const role: Role | null = hasRole(actor, 'COORDINATOR') ? 'COORDINATOR' : hasRole(actor, 'ADMIN') ? 'ADMIN' : null;
  if (!role) return deny('FORBIDDEN', POLICY_MESSAGES.coordinatorOnly);
  if (subject.status !== 'SUBMITTED') return deny('STEP_CLOSED', POLICY_MESSAGES.notSubmitted);
  return { ok: true, step: null, authority: { role, onBehalfOf: null } };
}

const REPORT_ACTIONS: TaskAction[] = ['saveInput', 'submitInput', 'approve', 'return', 'saveReportDraft', 'submitReport', 'sendReport', 'reopenReport'];

/** The actions the actor may take on a report now (what the web shows as buttons). */
function allowedReportActions(report: ReportSnapshot, actor: Actor, today: string): TaskAction[] {
  return REPORT_ACTIONS.filter((action) => {
    const verdict = authorize(report, actor, action, {}, today);
    if (!verdict.ok) return false;
    // Something to send up first: a saved input of that unit, a saved draft of the report.
    if (action === 'submitInput') return (report.units.find((u) => u.unit === verdict.step?.unit)?.version ?? 0) > 0;
    if (action === 'submitReport') return report.draft.version > 0;
    return true;
  });
}

/**
 * The actions the actor may take now, in the order of TASK_ACTIONS: what the web shows as buttons. An action is
 * listed only when it would be authorised, and `submit` only once there is a draft to send.
 */
export function allowedActions(task: PolicySubject, actor: Actor, today: string): TaskAction[] {
  if (isReport(task)) return allowedReportActions(task, actor, today);
  const actions: TaskAction[] = [];
  const candidates: TaskAction[] = [
    'setLeadUnit',
    'assign',
    'reassign',
    'saveDraft',
    'addAttachment',
    'submit',
    'approve',
    'return',
    'requestContributions',
    'contribute',
    'setSchedule',
    'requestExtension',
    'decideExtension',
  ];
  for (const action of candidates) {
    const verdict = authorize(task, actor, action, {}, today);
    if (!verdict.ok) continue;
    if (action === 'submit') {
      const part = task.parts.find((p) => p.unit === verdict.step?.unit);
      if (!part || part.draftVersion < 1) continue;
    }
    if (action === 'requestContributions' && task.coUnits.length === 0) continue;
    // A new date can be asked only for a step that has one, and one request at a time.
    if (action === 'requestExtension' && (!verdict.step?.dueAt || task.extensions.some((e) => e.status === 'PENDING'))) continue;
    actions.push(action);
  }
  return actions;
}

/** The Chairman an actor acts for on this step, when he holds it through a delegation (for the inbox). */
export function actingFor(step: OpenStep, actor: Actor, today: string): UserRef | null {
  if (!step.principals.includes(principal.role('CHAIRMAN')) || hasRole(actor, 'CHAIRMAN')) return null;
  return delegationValidOn(actor, today) ? { ...actor.delegation!.fromUser } : null;
}
