/**
 * Who may do what, and when: the checks behind every update validator. Pure functions over TaskState that
 * throw RuleViolation; the workflow turns a violation into a non-retryable ApplicationFailure whose type is
 * the API's error code. The same check runs again at the start of each handler, so a handler never acts on
 * a step that another update closed in between.
 */
import { UNIT_CODES, UNIT_NAMES } from '@app/contracts';
import type {
  Actor,
  AssignInput,
  AttachmentInput,
  ContributeInput,
  DecisionInput,
  ErrorCode,
  RequestContributionsInput,
  SaveDraftInput,
  Role,
  SetScheduleInput,
  SubmitInput,
  UnitCode,
  UserRef,
} from '@app/contracts';
import { cycleDueAt, type ContributionState, type PartState, type TaskState } from './state';
import { isIsoDate } from './cycles';

export class RuleViolation extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/** What users read when the workflow refuses an action (Vietnamese, shown as is by the web app). */
export const MESSAGES = {
  notFound: 'Không tìm thấy nhiệm vụ.',
  missingActor: 'Thiếu thông tin người thực hiện.',
  notYourStep: 'Bước này không thuộc quyền xử lý của bạn.',
  delegationNotValidToday: 'Ủy quyền phê duyệt của bạn không có hiệu lực vào ngày hôm nay.',
  selfApproval: 'Người soạn thảo không được tự phê duyệt dự thảo của mình.',
  stepClosed: 'Bước này đã được xử lý hoặc đã đóng.',
  wrongStep: 'Thao tác này không áp dụng cho bước hiện tại.',
  assigneeOutsideUnit: 'Người được phân công phải là cán bộ của đơn vị chủ trì.',
  emptyDraft: 'Nội dung dự thảo không được để trống.',
  noDraft: 'Chưa có dự thảo để trình.',
  badAttachment: 'Tệp đính kèm không hợp lệ.',
  badDecision: 'Quyết định phải là phê duyệt hoặc trả lại.',
  returnNeedsReason: 'Trả lại dự thảo phải ghi rõ lý do.',
  noContributionUnits: 'Chưa chọn đơn vị phối hợp để xin ý kiến.',
  contributionFromLead: 'Chỉ xin ý kiến đơn vị phối hợp, không xin ý kiến đơn vị chủ trì.',
  badUnit: 'Mã đơn vị không hợp lệ.',
  duplicateContribution: (unit: UnitCode) => `${UNIT_NAMES[unit]} đang có yêu cầu góp ý chưa trả lời.`,
  badDate: 'Ngày không hợp lệ: cần ngày dạng YYYY-MM-DD.',
  emptyContribution: 'Nội dung góp ý không được để trống.',
  scheduleForbidden: 'Chỉ cán bộ đầu mối CCHC hoặc quản trị viên được đặt thời hạn.',
  scheduleNotOnRequest: 'Chỉ đặt thời hạn cho nhiệm vụ thực hiện theo yêu cầu hoặc chưa có thời hạn.',
  noDueDates: 'Cần nhập ít nhất một ngày hạn.',
} as const;

function reject(code: ErrorCode, message: string): never {
  throw new RuleViolation(code, message);
}

export interface Authority {
  /** The role the actor acts in, as recorded in the audit trail. */
  role: Role;
  /** The Chairman, when a Vice Chairman acts by delegation. */
  onBehalfOf: UserRef | null;
}

const hasRole = (actor: Actor, role: Role) => Array.isArray(actor.roles) && actor.roles.includes(role);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isUnit = (value: unknown): value is UnitCode => (UNIT_CODES as readonly unknown[]).includes(value);

/** Staff draft and contribute; a unit head may do it himself, and is then recorded as such. */
function workerRole(actor: Actor): Role {
  return hasRole(actor, 'STAFF') ? 'STAFF' : 'UNIT_HEAD';
}

/** Another commune's task does not exist for this actor (the API answers 404 for it too). */
function requireActorOfCommune(state: TaskState, actor: Actor | undefined): asserts actor is Actor {
  if (!actor || !isText(actor.id) || !Array.isArray(actor.roles)) reject('VALIDATION', MESSAGES.missingActor);
  if (actor.commune !== state.input.commune) reject('NOT_FOUND', MESSAGES.notFound);
}

/** A delegation counts only on the days of its period (inclusive), judged by the commune's calendar. */
export function delegationValidOn(actor: Actor, today: string): boolean {
  const d = actor.delegation;
  return !!d && isIsoDate(d.from) && isIsoDate(d.until) && d.from <= today && today <= d.until;
}

type LocatedStep =
  | { kind: 'ASSIGN' | 'DRAFT' | 'UNIT_REVIEW'; part: PartState }
  | { kind: 'VHXH_REVIEW' | 'CHAIRMAN_REVIEW' }
  | { kind: 'CONTRIBUTION'; contribution: ContributionState };

function locateOpenStep(state: TaskState, stepId: unknown): LocatedStep | null {
  if (!isText(stepId)) return null;
  const part = state.parts.find((p) => p.stepId === stepId);
  if (part && part.status !== 'DONE') return { kind: part.status, part };
  if (state.chainStepId === stepId && (state.stage === 'VHXH_REVIEW' || state.stage === 'CHAIRMAN_REVIEW')) {
    return { kind: state.stage };
  }
  const contribution = state.contributions.find((c) => c.stepId === stepId);
  if (contribution) return { kind: 'CONTRIBUTION', contribution };
  return null;
}

function requireOpenStep(state: TaskState, stepId: unknown): LocatedStep {
  return locateOpenStep(state, stepId) ?? reject('STEP_CLOSED', MESSAGES.stepClosed);
}

/** The drafters of the draft now climbing the chain: none of them may approve it, at any level. */
export function draftersOf(state: TaskState): Set<string> {
  return new Set(state.parts.flatMap((p) => (p.drafter ? [p.drafter.id] : [])));
}

export function checkAssign(state: TaskState, input: AssignInput): { part: PartState; authority: Authority } {
  requireActorOfCommune(state, input?.actor);
  const step = requireOpenStep(state, input.stepId);
  if (step.kind !== 'ASSIGN') reject('VALIDATION', MESSAGES.wrongStep);
  const { actor, assignee } = input;
  if (!hasRole(actor, 'UNIT_HEAD') || actor.unit !== step.part.unit) reject('NOT_YOUR_STEP', MESSAGES.notYourStep);
  const assigneeFits =
    !!assignee &&
    isText(assignee.id) &&
    assignee.unit === step.part.unit &&
    Array.isArray(assignee.roles) &&
    (assignee.roles.includes('STAFF') || assignee.roles.includes('UNIT_HEAD'));
  if (!assigneeFits) reject('VALIDATION', MESSAGES.assigneeOutsideUnit);
  return { part: step.part, authority: { role: 'UNIT_HEAD', onBehalfOf: null } };
}

/** Drafting actions have no step id: they belong to whichever part the actor is drafting now. */
function requireDraftingPart(state: TaskState, actor: Actor): PartState {
  const mine = state.parts.filter((p) => p.assignee?.id === actor.id);
  if (mine.length === 0) reject('NOT_YOUR_STEP', MESSAGES.notYourStep);
  return mine.find((p) => p.status === 'DRAFT') ?? reject('STEP_CLOSED', MESSAGES.stepClosed);
}

export function checkSaveDraft(state: TaskState, input: SaveDraftInput): { part: PartState; authority: Authority } {
  requireActorOfCommune(state, input?.actor);
  const part = requireDraftingPart(state, input.actor);
  if (!isText(input.content)) reject('VALIDATION', MESSAGES.emptyDraft);
  return { part, authority: { role: workerRole(input.actor), onBehalfOf: null } };
}

export function checkAddAttachment(state: TaskState, input: AttachmentInput): { part: PartState; authority: Authority } {
  requireActorOfCommune(state, input?.actor);
  const part = requireDraftingPart(state, input.actor);
  const a = input.attachment;
  if (!a || !isText(a.id) || !isText(a.name) || typeof a.size !== 'number' || a.size < 0 || !isText(a.sha256)) {
    reject('VALIDATION', MESSAGES.badAttachment);
  }
  return { part, authority: { role: workerRole(input.actor), onBehalfOf: null } };
}

export function checkSubmit(state: TaskState, input: SubmitInput): { part: PartState; authority: Authority } {
  requireActorOfCommune(state, input?.actor);
  const step = requireOpenStep(state, input.stepId);
  if (step.kind !== 'DRAFT') reject('VALIDATION', MESSAGES.wrongStep);
  if (step.part.assignee?.id !== input.actor.id) reject('NOT_YOUR_STEP', MESSAGES.notYourStep);
  if (step.part.draftVersion < 1) reject('VALIDATION', MESSAGES.noDraft);
  return { part: step.part, authority: { role: workerRole(input.actor), onBehalfOf: null } };
}

export type ReviewStep = { kind: 'UNIT_REVIEW'; part: PartState } | { kind: 'VHXH_REVIEW' | 'CHAIRMAN_REVIEW' };

/** Who holds a review step: the unit's head, VH-XH's head, or the Chairman (or his delegate, today). */
function reviewAuthority(step: ReviewStep, actor: Actor, today: string): Authority {
  if (step.kind === 'UNIT_REVIEW' || step.kind === 'VHXH_REVIEW') {
    const unit = step.kind === 'UNIT_REVIEW' ? step.part.unit : 'VHXH';
    if (hasRole(actor, 'UNIT_HEAD') && actor.unit === unit) return { role: 'UNIT_HEAD', onBehalfOf: null };
    reject('NOT_YOUR_STEP', MESSAGES.notYourStep);
  }
  if (hasRole(actor, 'CHAIRMAN')) return { role: 'CHAIRMAN', onBehalfOf: null };
  if (hasRole(actor, 'VICE_CHAIRMAN') && actor.delegation) {
    if (!delegationValidOn(actor, today)) reject('NOT_YOUR_STEP', MESSAGES.delegationNotValidToday);
    const chairman = actor.delegation.fromUser;
    return { role: 'VICE_CHAIRMAN', onBehalfOf: { id: chairman.id, fullName: chairman.fullName } };
  }
  reject('NOT_YOUR_STEP', MESSAGES.notYourStep);
}

/** `today` is the workflow clock's date in the commune's zone. */
export function checkDecide(state: TaskState, input: DecisionInput, today: string): { step: ReviewStep; authority: Authority } {
  requireActorOfCommune(state, input?.actor);
  const located = requireOpenStep(state, input.stepId);
  if (located.kind !== 'UNIT_REVIEW' && located.kind !== 'VHXH_REVIEW' && located.kind !== 'CHAIRMAN_REVIEW') {
    reject('VALIDATION', MESSAGES.wrongStep);
  }
  const step = located as ReviewStep;
  const authority = reviewAuthority(step, input.actor, today);
  if (input.decision !== 'approve' && input.decision !== 'return') reject('VALIDATION', MESSAGES.badDecision);
  if (input.decision === 'return' && !isText(input.comment)) reject('VALIDATION', MESSAGES.returnNeedsReason);
  if (input.decision === 'approve' && draftersOf(state).has(input.actor.id)) reject('SELF_APPROVAL', MESSAGES.selfApproval);
  return { step, authority };
}

export function checkRequestContributions(
  state: TaskState,
  input: RequestContributionsInput,
): { part: PartState; authority: Authority } {
  requireActorOfCommune(state, input?.actor);
  const part = requireDraftingPart(state, input.actor);
  if (!Array.isArray(input.requests) || input.requests.length === 0) reject('VALIDATION', MESSAGES.noContributionUnits);
  const seen = new Set<UnitCode>();
  for (const request of input.requests) {
    if (!request || !isUnit(request.unit)) reject('VALIDATION', MESSAGES.badUnit);
    if (state.input.leadUnits.includes(request.unit)) reject('VALIDATION', MESSAGES.contributionFromLead);
    if (request.dueAt !== null && request.dueAt !== undefined && !isIsoDate(request.dueAt)) reject('VALIDATION', MESSAGES.badDate);
    const alreadyOpen = state.contributions.some((c) => c.unit === request.unit && c.stepId !== null);
    if (seen.has(request.unit) || alreadyOpen) reject('VALIDATION', MESSAGES.duplicateContribution(request.unit));
    seen.add(request.unit);
  }
  return { part, authority: { role: workerRole(input.actor), onBehalfOf: null } };
}

export function checkContribute(state: TaskState, input: ContributeInput): { contribution: ContributionState; authority: Authority } {
  requireActorOfCommune(state, input?.actor);
  const { actor } = input;
  if (!isUnit(input.unit)) reject('VALIDATION', MESSAGES.badUnit);
  const ofUnit = actor.unit === input.unit && (hasRole(actor, 'STAFF') || hasRole(actor, 'UNIT_HEAD'));
  if (!ofUnit) reject('NOT_YOUR_STEP', MESSAGES.notYourStep);
  const contribution =
    state.contributions.find((c) => c.unit === input.unit && c.stepId !== null) ?? reject('STEP_CLOSED', MESSAGES.stepClosed);
  if (!isText(input.content)) reject('VALIDATION', MESSAGES.emptyContribution);
  return { contribution, authority: { role: workerRole(actor), onBehalfOf: null } };
}

export function checkSetSchedule(state: TaskState, input: SetScheduleInput): { authority: Authority } {
  requireActorOfCommune(state, input?.actor);
  const { actor } = input;
  if (!hasRole(actor, 'COORDINATOR') && !hasRole(actor, 'ADMIN')) reject('FORBIDDEN', MESSAGES.scheduleForbidden);
  const kind = state.input.deadlineKind;
  if (kind !== 'ON_REQUEST' && kind !== 'UNKNOWN' && cycleDueAt(state) !== null) reject('VALIDATION', MESSAGES.scheduleNotOnRequest);
  if (state.stage === 'COMPLETED') reject('STEP_CLOSED', MESSAGES.stepClosed);
  if (!Array.isArray(input.dueDates) || input.dueDates.length === 0) reject('VALIDATION', MESSAGES.noDueDates);
  if (!input.dueDates.every(isIsoDate)) reject('VALIDATION', MESSAGES.badDate);
  return { authority: { role: hasRole(actor, 'COORDINATOR') ? 'COORDINATOR' : 'ADMIN', onBehalfOf: null } };
}
