/**
 * The report's checks and transitions. Who may act is the approval policy's (the same as tasks'); what the input
 * must look like is checked here. Each transition mutates the state synchronously and returns the read-model changes
 * to publish, one per event, in order. Pure: the caller supplies `now` and `today`.
 */
import type {
  Actor,
  ContentRef,
  DecisionInput,
  ErrorCode,
  OpenStep,
  ReopenReportInput,
  ReportChange,
  ReportEventType,
  ReportStatus,
  ReviewStepKind,
  SaveReportDraftInput,
  SaveUnitInputInput,
  StepKind,
  SubmitReportInput,
  SubmitUnitInputInput,
  TaskAction,
  UnitCode,
  UserRef,
} from '@app/contracts';
import { addWorkingDays, authorize, communeDate, headOfUnitDrafted, principalsOf, REVIEW_BY_SUBMISSION_NOTE, stepDueDate, type Authority, type Target } from '@app/domain';
import { closeStep, openStepIn } from '../steps/book';
import { reportStatus, toReportSnapshot, type ReportState, type UnitInputState } from './state';

export class ReportRuleViolation extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportRuleViolation';
  }
}

const MESSAGES = {
  missingActor: 'Thiếu thông tin người thực hiện.',
  badContent: 'Nội dung đã lưu không hợp lệ.',
  noInput: 'Đơn vị chưa lưu nội dung báo cáo để gửi.',
  noDraft: 'Chưa có dự thảo báo cáo để trình.',
  badDecision: 'Quyết định phải là phê duyệt hoặc trả lại.',
  returnNeedsReason: 'Trả lại báo cáo phải ghi rõ lý do.',
  reopenNeedsReason: 'Mở lại báo cáo phải ghi rõ lý do (ý kiến của Sở Nội vụ).',
} as const;

function reject(code: ErrorCode, message: string): never {
  throw new ReportRuleViolation(code, message);
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const userRef = (u: UserRef): UserRef => ({ id: u.id, fullName: u.fullName });

function requireActor(actor: Actor | undefined): asserts actor is Actor {
  if (!actor || !isText(actor.id) || !Array.isArray(actor.roles)) reject('VALIDATION', MESSAGES.missingActor);
}

function permit(state: ReportState, actor: Actor, action: TaskAction, target: Target, today: string): { step: OpenStep | null; authority: Authority } {
  const verdict = authorize(toReportSnapshot(state), actor, action, target, today);
  if (!verdict.ok) reject(verdict.code, verdict.message);
  return { step: verdict.step, authority: verdict.authority };
}

function contentRef(ref: ContentRef | undefined): ContentRef {
  const fits = !!ref && isText(ref.id) && typeof ref.sha256 === 'string' && /^[0-9a-f]{64}$/.test(ref.sha256) && Number.isInteger(ref.chars) && ref.chars > 0;
  if (!fits) reject('VALIDATION', MESSAGES.badContent);
  return { id: ref.id, sha256: ref.sha256, chars: ref.chars };
}

// ---- due dates and events ----

/** When a report step is due: the units' date for their inputs, the commune's for the rest; approvals by the SLA. */
function reportStepDue(state: ReportState, kind: StepKind, now: Date, reopened = false): string | null {
  const openedOn = communeDate(now);
  let date = kind === 'REPORT_INPUT' ? state.input.inputDueAt : state.input.dueAt;
  // Sent back by Sở Nội vụ after its date: the correction gets the approval SLA from today.
  if (reopened && state.rules) date = addWorkingDays(openedOn, state.rules.settings.approvalSlaWorkingDays, state.rules.calendar);
  if (!state.rules) return date;
  return stepDueDate({ kind, openedOn, cycleDueAt: date }, state.rules.settings, state.rules.calendar);
}

function open(state: ReportState, kind: StepKind, unit: UnitCode | null, now: Date, excludedUserIds: string[] = [], reopened = false): OpenStep {
  return openStepIn(state, { kind, unit, dueAt: reportStepDue(state, kind, now, reopened), excludedUserIds }, now);
}

interface EventSpec {
  type: ReportEventType;
  from: ReportStatus | null;
  actor?: UserRef | null;
  authority?: Authority | null;
  comment?: string | null;
  data?: Record<string, unknown>;
}

export function recordReport(state: ReportState, now: Date, spec: EventSpec): ReportChange {
  state.seq += 1;
  return {
    workflowId: state.workflowId,
    snapshot: toReportSnapshot(state),
    event: {
      seq: state.seq,
      at: now.toISOString(),
      type: spec.type,
      actor: spec.actor ? userRef(spec.actor) : null,
      role: spec.authority?.role ?? null,
      onBehalfOf: spec.authority?.onBehalfOf ?? null,
      comment: spec.comment ?? null,
      from: spec.from,
      to: reportStatus(state),
      ...(spec.data ? { data: spec.data } : {}),
    },
  };
}

// ---- opening ----

/** The report opens by asking every unit for its input. */
export function openReport(state: ReportState, now: Date): ReportChange {
  for (const unit of state.units) open(state, 'REPORT_INPUT', unit.unit, now);
  return recordReport(state, now, {
    type: 'REPORT_OPENED',
    from: null,
    data: { period: state.input.period, inputDueAt: state.input.inputDueAt, dueAt: state.input.dueAt, units: state.units.map((u) => u.unit) },
  });
}

/** Every input approved: the coordinator drafts the commune's report. */
function openDrafting(state: ReportState, now: Date): void {
  state.stage = 'DRAFTING';
  open(state, 'REPORT_DRAFT', null, now);
}

// ---- unit inputs ----

const unitOf = (state: ReportState, unit: UnitCode): UnitInputState | undefined => state.units.find((u) => u.unit === unit);

export function saveInput(state: ReportState, input: SaveUnitInputInput, today: string, now: Date): ReportChange[] {
  requireActor(input?.actor);
  const { authority } = permit(state, input.actor, 'saveInput', { unit: input.unit }, today);
  const ref = contentRef(input.input);
  const unit = unitOf(state, input.unit)!;
  unit.version += 1;
  unit.contentId = ref.id;
  return [
    recordReport(state, now, {
      type: 'INPUT_SAVED',
      from: reportStatus(state),
      actor: input.actor,
      authority,
      data: { unit: unit.unit, version: unit.version, contentId: ref.id, sha256: ref.sha256 },
    }),
  ];
}

/**
 * A unit's input goes to its head. A head who drafted it himself has spoken by submitting (as for tasks); once every
 * input is approved the coordinator drafts the report.
 */
export function submitInput(state: ReportState, input: SubmitUnitInputInput, today: string, now: Date): ReportChange[] {
  requireActor(input?.actor);
  const { step, authority } = permit(state, input.actor, 'submitInput', { unit: input.unit, ...(input.stepId ? { stepId: input.stepId } : {}) }, today);
  const unit = unitOf(state, input.unit)!;
  if (unit.version < 1) reject('VALIDATION', MESSAGES.noInput);
  const from = reportStatus(state);
  closeStep(state, step!, 'DONE', now);
  unit.drafter = userRef(input.actor);
  unit.drafterPrincipals = principalsOf(input.actor, today);
  unit.returnReason = null;
  const submitted = () =>
    recordReport(state, now, {
      type: 'INPUT_SUBMITTED',
      from,
      actor: input.actor,
      authority,
      comment: isText(input.note) ? input.note.trim() : null,
      data: { unit: unit.unit, version: unit.version },
    });
  if (!headOfUnitDrafted(unit.drafterPrincipals, unit.unit)) {
    unit.status = 'UNIT_REVIEW';
    open(state, 'UNIT_REVIEW', unit.unit, now, [input.actor.id]);
    return [submitted()];
  }
  unit.status = 'APPROVED';
  unit.approvedBy = userRef(input.actor);
  if (state.units.every((u) => u.status === 'APPROVED')) openDrafting(state, now);
  return [
    submitted(),
    recordReport(state, now, {
      type: 'REVIEW_BY_SUBMISSION',
      from: null,
      actor: input.actor,
      authority: { role: 'UNIT_HEAD', onBehalfOf: null },
      comment: REVIEW_BY_SUBMISSION_NOTE,
      data: { level: 'UNIT_REVIEW', unit: unit.unit },
    }),
  ];
}

// ---- the commune's draft ----

export function saveDraft(state: ReportState, input: SaveReportDraftInput, today: string, now: Date): ReportChange[] {
  requireActor(input?.actor);
  const { authority } = permit(state, input.actor, 'saveReportDraft', {}, today);
  const ref = contentRef(input.draft);
  state.draft.version += 1;
  state.draft.contentId = ref.id;
  return [
    recordReport(state, now, {
      type: 'REPORT_DRAFT_SAVED',
      from: reportStatus(state),
      actor: input.actor,
      authority,
      data: { version: state.draft.version, contentId: ref.id, sha256: ref.sha256 },
    }),
  ];
}

export function submitReport(state: ReportState, input: SubmitReportInput, today: string, now: Date): ReportChange[] {
  requireActor(input?.actor);
  const { step, authority } = permit(state, input.actor, 'submitReport', input.stepId ? { stepId: input.stepId } : {}, today);
  if (state.draft.version < 1) reject('VALIDATION', MESSAGES.noDraft);
  const from = reportStatus(state);
  closeStep(state, step!, 'DONE', now);
  state.draft.drafter = userRef(input.actor);
  state.draft.drafterPrincipals = principalsOf(input.actor, today);
  state.sentBack = null;
  const submitted = () =>
    recordReport(state, now, {
      type: 'REPORT_SUBMITTED',
      from,
      actor: input.actor,
      authority,
      comment: isText(input.note) ? input.note.trim() : null,
      data: { version: state.draft.version },
    });
  // Phòng VH-XH's head who drafted the report himself has spoken for his unit (as for tasks): on to the Chairman.
  if (headOfUnitDrafted(state.draft.drafterPrincipals, state.input.reviewingUnit)) {
    state.stage = 'CHAIRMAN_REVIEW';
    open(state, 'CHAIRMAN_REVIEW', null, now, [input.actor.id]);
    return [
      submitted(),
      recordReport(state, now, {
        type: 'REVIEW_BY_SUBMISSION',
        from: null,
        actor: input.actor,
        authority: { role: 'UNIT_HEAD', onBehalfOf: null },
        comment: REVIEW_BY_SUBMISSION_NOTE,
        data: { level: 'VHXH_REVIEW', unit: state.input.reviewingUnit },
      }),
    ];
  }
  state.stage = 'VHXH_REVIEW';
  open(state, 'VHXH_REVIEW', state.input.reviewingUnit, now, [input.actor.id]);
  return [submitted()];
}

// ---- decisions (a unit's input, VH-XH, the Chairman) ----

export function decide(state: ReportState, input: DecisionInput, today: string, now: Date): ReportChange[] {
  requireActor(input?.actor);
  if (input.decision !== 'approve' && input.decision !== 'return') reject('VALIDATION', MESSAGES.badDecision);
  const { step, authority } = permit(state, input.actor, input.decision, { stepId: input.stepId }, today);
  if (input.decision === 'return' && !isText(input.comment)) reject('VALIDATION', MESSAGES.returnNeedsReason);
  const from = reportStatus(state);
  const level = step!.kind as ReviewStepKind;
  const comment = isText(input.comment) ? input.comment.trim() : null;
  const base = { from, actor: input.actor, authority, comment, data: { level, unit: step!.unit } };
  closeStep(state, step!, input.decision === 'approve' ? 'APPROVED' : 'RETURNED', now);

  if (level === 'UNIT_REVIEW') {
    const unit = unitOf(state, step!.unit!)!;
    if (input.decision === 'return') {
      unit.status = 'WAITING';
      unit.returnReason = comment;
      open(state, 'REPORT_INPUT', unit.unit, now);
      return [recordReport(state, now, { ...base, type: 'RETURNED' })];
    }
    unit.status = 'APPROVED';
    unit.approvedBy = userRef(input.actor);
    if (state.units.every((u) => u.status === 'APPROVED')) openDrafting(state, now);
    return [recordReport(state, now, { ...base, type: 'APPROVED' })];
  }

  if (input.decision === 'return') {
    state.lastReturn = { by: userRef(input.actor), role: authority.role, onBehalfOf: authority.onBehalfOf, level, at: now.toISOString(), reason: comment! };
    state.sentBack = 'RETURNED';
    state.stage = 'DRAFTING';
    open(state, 'REPORT_DRAFT', null, now, [], true);
    return [recordReport(state, now, { ...base, type: 'RETURNED' })];
  }
  if (level === 'VHXH_REVIEW') {
    state.stage = 'CHAIRMAN_REVIEW';
    open(state, 'CHAIRMAN_REVIEW', null, now, state.draft.drafter ? [state.draft.drafter.id] : []);
    return [recordReport(state, now, { ...base, type: 'APPROVED' })];
  }
  state.stage = 'APPROVED';
  open(state, 'REPORT_SUBMIT', null, now);
  return [recordReport(state, now, { ...base, type: 'APPROVED' })];
}

// ---- sending and reopening ----

/** Who sends: the check of the `send` update (the sending itself is an activity the workflow runs). */
export function checkSend(state: ReportState, actor: Actor, today: string): { step: OpenStep; authority: Authority } {
  requireActor(actor);
  const { step, authority } = permit(state, actor, 'sendReport', {}, today);
  return { step: step!, authority };
}

export function recordSent(
  state: ReportState,
  actor: Actor,
  authority: Authority,
  sent: { to: string; messageId: string; at: string },
  now: Date,
): ReportChange[] {
  const from = reportStatus(state);
  state.submission = { at: sent.at, by: userRef(actor), to: sent.to, messageId: sent.messageId };
  state.stage = 'SUBMITTED';
  return [recordReport(state, now, { type: 'REPORT_SENT', from, actor, authority, data: { to: sent.to, messageId: sent.messageId, submission: state.submissions } })];
}

/** Sở Nội vụ sent it back: the coordinator records why, and the report climbs the chain again. */
export function reopen(state: ReportState, input: ReopenReportInput, today: string, now: Date): ReportChange[] {
  requireActor(input?.actor);
  const { authority } = permit(state, input.actor, 'reopenReport', {}, today);
  if (!isText(input.reason)) reject('VALIDATION', MESSAGES.reopenNeedsReason);
  const from = reportStatus(state);
  state.reopenings.push({ at: now.toISOString(), by: userRef(input.actor), reason: input.reason.trim() });
  state.sentBack = 'REOPENED';
  state.stage = 'DRAFTING';
  open(state, 'REPORT_DRAFT', null, now, [], true);
  return [recordReport(state, now, { type: 'REPORT_REOPENED', from, actor: input.actor, authority, comment: input.reason.trim() })];
}

/** After a failed sending the coordinator may try again: his step comes back. */
export function reopenSendStep(state: ReportState, now: Date): void {
  open(state, 'REPORT_SUBMIT', null, now);
}
