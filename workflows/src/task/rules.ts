/**
 * The checks behind every update validator: who may act comes from the approval policy (@app/domain, the one
 * home of that rule, run on this state's snapshot); what the input must look like is checked here. Pure functions
 * that throw RuleViolation; the workflow turns a violation into a non-retryable ApplicationFailure whose type is the
 * API's error code. The same check runs again at the start of each handler, so a handler never acts on a step
 * that another update closed in between.
 */
import { DEADLINE_KINDS } from '@app/contracts';
import type {
  Actor,
  AmendScheduleInput,
  DecideExtensionInput,
  Extension,
  RequestExtensionInput,
  WithdrawTaskInput,
  AssignInput,
  AttachmentInput,
  ContentRef,
  ContributeInput,
  DecisionInput,
  ErrorCode,
  OpenStep,
  RequestContributionsInput,
  SaveDraftInput,
  SetLeadUnitsInput,
  SetScheduleInput,
  SubmitInput,
  TaskAction,
  UnitCode,
} from '@app/contracts';
import { authorize, isIsoDate, type Authority, type Target } from '@app/domain';
import { toSnapshot, type ContributionState, type PartState, type TaskState } from './state';

export class RuleViolation extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/** What users read when the input itself is wrong (who may act has its messages in the policy). */
export const MESSAGES = {
  missingActor: 'Thiếu thông tin người thực hiện.',
  assigneeOutsideUnit: 'Người được phân công phải là cán bộ của đơn vị chủ trì.',
  sameAssignee: 'Phần việc đang do chính người này thực hiện.',
  emptyDraft: 'Nội dung dự thảo không được để trống.',
  badContent: 'Nội dung đã lưu không hợp lệ.',
  noDraft: 'Chưa có dự thảo để trình.',
  badAttachment: 'Tệp đính kèm không hợp lệ.',
  badDecision: 'Quyết định phải là phê duyệt hoặc trả lại.',
  returnNeedsReason: 'Trả lại dự thảo phải ghi rõ lý do.',
  noContributionUnits: 'Chưa chọn đơn vị phối hợp để xin ý kiến.',
  notCoUnit: (unit: UnitCode) => `Đơn vị ${unit} không phải đơn vị phối hợp của nhiệm vụ này.`,
  duplicateContribution: (unit: UnitCode) => `Đơn vị ${unit} đang có yêu cầu góp ý chưa trả lời.`,
  badDate: 'Ngày không hợp lệ: cần ngày dạng YYYY-MM-DD.',
  emptyContribution: 'Nội dung góp ý không được để trống.',
  noDueDates: 'Cần nhập ít nhất một ngày hạn.',
  noLeadUnits: 'Cần chọn ít nhất một đơn vị chủ trì.',
  extensionNeedsReason: 'Đề nghị gia hạn phải ghi rõ lý do.',
  extensionDate: 'Ngày gia hạn phải là ngày hợp lệ, sau thời hạn hiện tại.',
  extensionScope: 'Chỉ gia hạn thời hạn của nhiệm vụ, hoặc thời hạn góp ý của đơn vị phối hợp.',
  extensionPending: 'Đã có một đề nghị gia hạn đang chờ quyết định.',
  extensionUnknown: 'Không tìm thấy đề nghị gia hạn đang chờ quyết định.',
  decisionRequired: 'Cần ghi số, ngày của quyết định điều chỉnh kế hoạch.',
  badDeadlineKind: 'Loại thời hạn không hợp lệ.',
  badDecisionValue: 'Quyết định phải là đồng ý hoặc không đồng ý.',
} as const;

function reject(code: ErrorCode, message: string): never {
  throw new RuleViolation(code, message);
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isUnitCode = (value: unknown): value is UnitCode => typeof value === 'string' && /^[A-Za-z0-9_-]{1,32}$/.test(value);

function requireActor(actor: Actor | undefined): asserts actor is Actor {
  if (!actor || !isText(actor.id) || !Array.isArray(actor.roles)) reject('VALIDATION', MESSAGES.missingActor);
}

/** Asks the policy; a refusal becomes the violation the caller sees. */
function permit(state: TaskState, actor: Actor, action: TaskAction, target: Target, today: string): { step: OpenStep; authority: Authority } {
  const verdict = authorize(toSnapshot(state), actor, action, target, today);
  if (!verdict.ok) reject(verdict.code, verdict.message);
  return { step: verdict.step!, authority: verdict.authority };
}

const partOfStep = (state: TaskState, step: OpenStep): PartState => state.parts.find((p) => p.unit === step.unit)!;

export function checkAssign(
  state: TaskState,
  input: AssignInput,
  today: string,
): { part: PartState; step: OpenStep; authority: Authority; reassign: boolean } {
  requireActor(input?.actor);
  // The same update assigns an ASSIGN step and reassigns a part being drafted (its DRAFT step).
  const target = state.steps.find((s) => s.stepId === input.stepId);
  const action: TaskAction = target?.kind === 'DRAFT' ? 'reassign' : 'assign';
  const { step, authority } = permit(state, input.actor, action, { stepId: input.stepId }, today);
  const part = partOfStep(state, step);
  const { assignee } = input;
  const fits =
    !!assignee &&
    isText(assignee.id) &&
    isText(assignee.fullName) &&
    assignee.unit === part.unit &&
    Array.isArray(assignee.roles) &&
    (assignee.roles.includes('STAFF') || assignee.roles.includes('UNIT_HEAD'));
  if (!fits) reject('VALIDATION', MESSAGES.assigneeOutsideUnit);
  if (action === 'reassign' && part.assignee?.id === assignee.id) reject('VALIDATION', MESSAGES.sameAssignee);
  return { part, step, authority, reassign: action === 'reassign' };
}

/** A text as the workflow records it: the id of what the API stored, or inline in histories recorded before. */
export interface ContentInput {
  actor: Actor;
  ref?: ContentRef;
  inline?: string;
}

function contentOf(actor: Actor, ref: ContentRef | undefined, inline: string | undefined, emptyMessage: string): ContentInput {
  if (ref !== undefined) {
    const fits = isText(ref?.id) && typeof ref.sha256 === 'string' && /^[0-9a-f]{64}$/.test(ref.sha256) && Number.isInteger(ref.chars) && ref.chars > 0;
    if (!fits) reject('VALIDATION', MESSAGES.badContent);
    return { actor, ref: { id: ref.id, sha256: ref.sha256, chars: ref.chars } };
  }
  if (!isText(inline)) reject('VALIDATION', emptyMessage);
  return { actor, inline };
}

export function checkSaveDraft(state: TaskState, input: SaveDraftInput, today: string): { part: PartState; content: ContentInput; authority: Authority } {
  requireActor(input?.actor);
  const { step, authority } = permit(state, input.actor, 'saveDraft', {}, today);
  return { part: partOfStep(state, step), content: contentOf(input.actor, input.draft, input.content, MESSAGES.emptyDraft), authority };
}

export function checkAddAttachment(state: TaskState, input: AttachmentInput, today: string): { part: PartState; authority: Authority } {
  requireActor(input?.actor);
  const { step, authority } = permit(state, input.actor, 'addAttachment', {}, today);
  const a = input.attachment;
  if (!a || !isText(a.id) || !isText(a.name) || typeof a.size !== 'number' || a.size < 0 || !isText(a.sha256)) {
    reject('VALIDATION', MESSAGES.badAttachment);
  }
  return { part: partOfStep(state, step), authority };
}

export function checkSubmit(state: TaskState, input: SubmitInput, today: string): { part: PartState; step: OpenStep; authority: Authority } {
  requireActor(input?.actor);
  const { step, authority } = permit(state, input.actor, 'submit', { stepId: input.stepId }, today);
  const part = partOfStep(state, step);
  if (part.draftVersion < 1) reject('VALIDATION', MESSAGES.noDraft);
  return { part, step, authority };
}

/** `today` is the workflow clock's date in the commune's zone. */
export function checkDecide(state: TaskState, input: DecisionInput, today: string): { step: OpenStep; authority: Authority } {
  requireActor(input?.actor);
  if (input.decision !== 'approve' && input.decision !== 'return') reject('VALIDATION', MESSAGES.badDecision);
  const verdict = permit(state, input.actor, input.decision, { stepId: input.stepId }, today);
  if (input.decision === 'return' && !isText(input.comment)) reject('VALIDATION', MESSAGES.returnNeedsReason);
  return verdict;
}

export function checkRequestContributions(state: TaskState, input: RequestContributionsInput, today: string): { authority: Authority } {
  requireActor(input?.actor);
  const { authority } = permit(state, input.actor, 'requestContributions', {}, today);
  if (!Array.isArray(input.requests) || input.requests.length === 0) reject('VALIDATION', MESSAGES.noContributionUnits);
  const seen = new Set<UnitCode>();
  for (const request of input.requests) {
    if (!request || !isUnitCode(request.unit)) reject('VALIDATION', MESSAGES.noContributionUnits);
    // Only the co-units the plan names are asked; the lead unit does not cooperate with itself.
    if (!state.input.coUnits.includes(request.unit) || state.input.leadUnits.includes(request.unit)) reject('VALIDATION', MESSAGES.notCoUnit(request.unit));
    if (request.dueAt !== null && request.dueAt !== undefined && !isIsoDate(request.dueAt)) reject('VALIDATION', MESSAGES.badDate);
    const alreadyOpen = state.contributions.some((c) => c.unit === request.unit && c.open);
    if (seen.has(request.unit) || alreadyOpen) reject('VALIDATION', MESSAGES.duplicateContribution(request.unit));
    seen.add(request.unit);
  }
  return { authority };
}

export function checkContribute(
  state: TaskState,
  input: ContributeInput,
  today: string,
): { contribution: ContributionState; step: OpenStep; content: ContentInput & { unit: UnitCode }; authority: Authority } {
  requireActor(input?.actor);
  if (!isUnitCode(input.unit)) reject('VALIDATION', MESSAGES.noContributionUnits);
  const { step, authority } = permit(state, input.actor, 'contribute', { unit: input.unit }, today);
  const contribution = state.contributions.find((c) => c.unit === input.unit && c.open)!;
  const content = contentOf(input.actor, input.contribution, input.content, MESSAGES.emptyContribution);
  return { contribution, step, content: { ...content, unit: input.unit }, authority };
}

export function checkSetSchedule(state: TaskState, input: SetScheduleInput, today: string): { authority: Authority } {
  requireActor(input?.actor);
  const { authority } = permit(state, input.actor, 'setSchedule', {}, today);
  if (!Array.isArray(input.dueDates) || input.dueDates.length === 0) reject('VALIDATION', MESSAGES.noDueDates);
  if (!input.dueDates.every(isIsoDate)) reject('VALIDATION', MESSAGES.badDate);
  return { authority };
}

export function checkSetLeadUnits(state: TaskState, input: SetLeadUnitsInput, today: string): { step: OpenStep; authority: Authority } {
  requireActor(input?.actor);
  const verdict = permit(state, input.actor, 'setLeadUnit', {}, today);
  if (!Array.isArray(input.units) || input.units.length === 0 || !input.units.every(isUnitCode)) reject('VALIDATION', MESSAGES.noLeadUnits);
  return verdict;
}

export function checkRequestExtension(state: TaskState, input: RequestExtensionInput, today: string): { step: OpenStep; authority: Authority } {
  requireActor(input?.actor);
  if (input.scope !== 'TASK' && input.scope !== 'STEP') reject('VALIDATION', MESSAGES.extensionScope);
  const verdict = permit(state, input.actor, 'requestExtension', input.stepId ? { stepId: input.stepId } : {}, today);
  // A contribution has a date of its own; every other step follows the task's date, which is the task's to extend.
  if (input.scope === 'STEP' && verdict.step.kind !== 'CONTRIBUTION') reject('VALIDATION', MESSAGES.extensionScope);
  if (!isText(input.reason)) reject('VALIDATION', MESSAGES.extensionNeedsReason);
  const current = input.scope === 'TASK' ? state.schedule[state.cycle - 1] : verdict.step.dueAt;
  if (!isIsoDate(input.newDueAt) || !current || input.newDueAt <= current) reject('VALIDATION', MESSAGES.extensionDate);
  if (state.extensions.some((e) => e.status === 'PENDING')) reject('VALIDATION', MESSAGES.extensionPending);
  return verdict;
}

export function checkDecideExtension(
  state: TaskState,
  input: DecideExtensionInput,
  today: string,
): { extension: Extension; step: OpenStep; authority: Authority } {
  requireActor(input?.actor);
  if (input.decision !== 'approve' && input.decision !== 'reject') reject('VALIDATION', MESSAGES.badDecisionValue);
  const extension = state.extensions.find((e) => e.extensionId === input.extensionId);
  if (!extension) reject('VALIDATION', MESSAGES.extensionUnknown);
  if (extension.status !== 'PENDING') reject('STEP_CLOSED', 'Đề nghị gia hạn này đã được quyết định.');
  // The decision step of this request: the EXTENSION step opened with it.
  const decisionStep = state.steps.find((s) => s.kind === 'EXTENSION' && s.unit === extension.unit);
  const verdict = permit(state, input.actor, 'decideExtension', decisionStep ? { stepId: decisionStep.stepId } : {}, today);
  return { extension, ...verdict };
}

export function checkAmendSchedule(state: TaskState, input: AmendScheduleInput, today: string): { authority: Authority } {
  requireActor(input?.actor);
  const { authority } = permit(state, input.actor, 'amendSchedule', {}, today);
  if (!(DEADLINE_KINDS as readonly string[]).includes(input.deadlineKind)) reject('VALIDATION', MESSAGES.badDeadlineKind);
  if (!Array.isArray(input.dueDates) || !input.dueDates.every(isIsoDate)) reject('VALIDATION', MESSAGES.badDate);
  if (!isText(input.decision)) reject('VALIDATION', MESSAGES.decisionRequired);
  return { authority };
}

export function checkWithdraw(state: TaskState, input: WithdrawTaskInput, today: string): { authority: Authority } {
  requireActor(input?.actor);
  const { authority } = permit(state, input.actor, 'withdraw', {}, today);
  if (!isText(input.decision)) reject('VALIDATION', MESSAGES.decisionRequired);
  return { authority };
}
