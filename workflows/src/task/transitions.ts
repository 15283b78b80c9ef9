/**
 * State transitions of the task workflow. Each takes a check's verdict (see rules.ts), mutates the state
 * synchronously and returns the read-model changes to publish, one per audit event, in order.
 * Pure: the caller supplies the workflow clock's `now`.
 */
import type {
  AmendScheduleInput,
  DecideExtensionInput,
  Extension,
  RequestExtensionInput,
  WithdrawTaskInput,
  AssignInput,
  AttachmentInput,
  AuditEventType,
  DecisionInput,
  OpenStep,
  RequestContributionsInput,
  ReviewStepKind,
  SetLeadUnitsInput,
  SetScheduleInput,
  SubmitInput,
  TaskChange,
  TaskStatus,
  UnitCode,
  UserRef,
} from '@app/contracts';
import { communeDate, headOfUnitDrafted, principalsOf, REVIEW_BY_SUBMISSION_NOTE, type Authority } from '@app/domain';
import { cycleDueDates, rescheduleFrom } from './cycles';
import {
  cycleCount,
  cycleDueAt,
  cycleOriginalDueAt,
  newPart,
  reviewerLeadsAlone,
  taskStatus,
  toSnapshot,
  type ContributionState,
  type PartState,
  type TaskState,
} from './state';
import { closeAllSteps, closeStep, openStep, partStep, refreshDueDates } from './steps';
import type { ContentInput } from './rules';

const userRef = (user: UserRef): UserRef => ({ id: user.id, fullName: user.fullName });

interface EventSpec {
  type: AuditEventType;
  from: TaskStatus | null;
  actor?: UserRef | null;
  authority?: Authority | null;
  comment?: string | null;
  data?: Record<string, unknown>;
  draft?: TaskChange['draft'];
}

/** Numbers the event and captures the state right after it, as the read model must show it. */
export function record(state: TaskState, now: Date, spec: EventSpec): TaskChange {
  state.seq += 1;
  const change: TaskChange = {
    workflowId: state.workflowId,
    snapshot: toSnapshot(state),
    event: {
      seq: state.seq,
      at: now.toISOString(),
      type: spec.type,
      actor: spec.actor ? userRef(spec.actor) : null,
      role: spec.authority?.role ?? null,
      onBehalfOf: spec.authority?.onBehalfOf ?? null,
      comment: spec.comment ?? null,
      from: spec.from,
      to: taskStatus(state),
      ...(spec.data ? { data: spec.data } : {}),
    },
  };
  if (spec.draft) change.draft = spec.draft;
  return change;
}

export function openCycle(state: TaskState, now: Date): TaskChange {
  return record(state, now, {
    type: 'CYCLE_OPENED',
    from: null,
    data: { cycle: state.cycle, cycles: cycleCount(state), dueAt: cycleDueAt(state) },
  });
}

export function applyAssign(state: TaskState, input: AssignInput, part: PartState, step: OpenStep, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  const assignee = userRef(input.assignee);
  closeStep(state, step, 'DONE', now);
  part.assignee = assignee;
  part.status = 'DRAFT';
  openStep(state, { kind: 'DRAFT', unit: part.unit, assignee }, now);
  return [
    record(state, now, {
      type: 'ASSIGNED',
      from,
      actor: input.actor,
      authority,
      comment: input.note?.trim() ? input.note.trim() : null,
      data: { unit: part.unit, assignee },
    }),
  ];
}

/**
 * The unit head gives a part being drafted to someone else: the previous assignee loses the step (a new step id),
 * the part keeps its draft versions and files, and a returned part keeps the reason it was returned for.
 */
export function applyReassign(state: TaskState, input: AssignInput, part: PartState, step: OpenStep, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  const previous = part.assignee ? userRef(part.assignee) : null;
  const assignee = userRef(input.assignee);
  closeStep(state, step, 'REASSIGNED', now);
  part.assignee = assignee;
  openStep(state, { kind: 'DRAFT', unit: part.unit, assignee }, now);
  return [
    record(state, now, {
      type: 'REASSIGNED',
      from,
      actor: input.actor,
      authority,
      comment: input.note?.trim() ? input.note.trim() : null,
      data: { unit: part.unit, from: previous, to: assignee },
    }),
  ];
}

export function applySaveDraft(state: TaskState, input: ContentInput, part: PartState, authority: Authority, now: Date): TaskChange[] {
  part.draftVersion += 1;
  const version = part.draftVersion;
  const stored = input.ref ? { contentId: input.ref.id } : { content: input.inline ?? '' };
  return [
    record(state, now, {
      type: 'DRAFT_SAVED',
      from: taskStatus(state),
      actor: input.actor,
      authority,
      data: { unit: part.unit, version, ...(input.ref ? { contentId: input.ref.id, sha256: input.ref.sha256, chars: input.ref.chars } : {}) },
      draft: { unit: part.unit, version, ...stored, author: userRef(input.actor), cycle: state.cycle },
    }),
  ];
}

export function applyAddAttachment(state: TaskState, input: AttachmentInput, part: PartState, authority: Authority, now: Date): TaskChange[] {
  const { id, name, size, sha256 } = input.attachment;
  return [
    record(state, now, {
      type: 'ATTACHMENT_ADDED',
      from: taskStatus(state),
      actor: input.actor,
      authority,
      // `attachmentId` lets the read model link the uploaded file row; the rest is for the trail.
      data: { unit: part.unit, attachmentId: id, attachment: { id, name, size, sha256 } },
    }),
  ];
}

/**
 * The draft goes up. When the drafter holds the unit review himself (the unit head drafted his unit's part),
 * his submission stands for that review: nobody decides on a draft they wrote, so waiting for him would wedge it.
 */
export function applySubmit(state: TaskState, input: SubmitInput, part: PartState, step: OpenStep, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  closeStep(state, step, 'DONE', now);
  part.drafter = userRef(input.actor);
  part.drafterPrincipals = principalsOf(input.actor, communeDate(now));
  part.returnReason = null;
  const submitted = (): TaskChange =>
    record(state, now, {
      type: 'SUBMITTED',
      from,
      actor: input.actor,
      authority,
      comment: input.note?.trim() ? input.note : null,
      data: { unit: part.unit, version: part.draftVersion },
    });

  if (!headOfUnitDrafted(part.drafterPrincipals, part.unit)) {
    part.status = 'UNIT_REVIEW';
    openStep(state, { kind: 'UNIT_REVIEW', unit: part.unit }, now);
    return [submitted()];
  }
  part.status = 'DONE';
  const chain = state.parts.every((p) => p.status === 'DONE') ? openChain(state, now) : null;
  // Recorded after every state change, so each event's snapshot is the state the read model must end with.
  return [submitted(), waived(state, now, input.actor, 'UNIT_REVIEW', part.unit), ...(chain?.() ?? [])];
}

/** The trail's note that a drafter's submission stood for a review level he holds himself. */
function waived(state: TaskState, now: Date, actor: UserRef, level: ReviewStepKind, unit: UnitCode | null): TaskChange {
  return record(state, now, {
    type: 'REVIEW_BY_SUBMISSION',
    from: null,
    actor,
    authority: { role: 'UNIT_HEAD', onBehalfOf: null },
    comment: REVIEW_BY_SUBMISSION_NOTE,
    data: { level, unit },
  });
}

/**
 * Every part is done: the draft goes to the reviewing unit (Phòng VH-XH), or straight to the Chairman when that unit
 * led the task alone. A reviewing-unit head who drafted a part has spoken by submitting it. Mutates the state now and
 * returns the recording of its own event, for the caller to run after recording the event that led here.
 */
function openChain(state: TaskState, now: Date): () => TaskChange[] {
  const reviewerDrafted = state.parts.find((p) => headOfUnitDrafted(p.drafterPrincipals, state.input.reviewingUnit));
  if (reviewerLeadsAlone(state) || reviewerDrafted) {
    state.stage = 'CHAIRMAN_REVIEW';
    openStep(state, { kind: 'CHAIRMAN_REVIEW', unit: null }, now);
    if (reviewerLeadsAlone(state) || !reviewerDrafted) return () => [];
    return () => [waived(state, now, reviewerDrafted.drafter!, 'VHXH_REVIEW', state.input.reviewingUnit)];
  }
  state.stage = 'VHXH_REVIEW';
  openStep(state, { kind: 'VHXH_REVIEW', unit: state.input.reviewingUnit }, now);
  return () => [];
}

/** Sends a part back to its drafter with the reviewer's reason. */
function sendBack(state: TaskState, part: PartState, reason: string, now: Date): void {
  part.status = 'DRAFT';
  part.returnReason = reason;
  openStep(state, { kind: 'DRAFT', unit: part.unit, assignee: part.assignee }, now);
}

function closeCycle(state: TaskState, now: Date): void {
  state.stage = 'COMPLETED';
  state.completedAt = now.toISOString();
  // Contributions still open when the cycle completes are no longer awaited.
  for (const c of state.contributions) c.open = false;
  closeAllSteps(state, 'CANCELLED', now);
}

export function applyDecide(state: TaskState, input: DecisionInput, step: OpenStep, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  const level = step.kind as ReviewStepKind;
  const unit = step.unit;
  const base = { from, actor: input.actor, authority, comment: input.comment?.trim() ? input.comment : null, data: { level, unit } };
  const part = level === 'UNIT_REVIEW' ? state.parts.find((p) => p.unit === unit)! : null;

  if (input.decision === 'return') {
    const reason = input.comment!.trim();
    closeStep(state, step, 'RETURNED', now);
    state.lastReturn = { by: userRef(input.actor), role: authority.role, onBehalfOf: authority.onBehalfOf, level, at: now.toISOString(), reason };
    if (part) {
      sendBack(state, part, reason, now);
    } else {
      state.stage = 'PARTS';
      for (const p of state.parts) sendBack(state, p, reason, now);
    }
    return [record(state, now, { ...base, type: 'RETURNED' })];
  }

  closeStep(state, step, 'APPROVED', now);
  if (part) {
    part.status = 'DONE';
    const chain = state.parts.every((p) => p.status === 'DONE') ? openChain(state, now) : null;
    const approved = record(state, now, { ...base, type: 'APPROVED' });
    return [approved, ...(chain?.() ?? [])];
  }
  if (level === 'VHXH_REVIEW') {
    state.stage = 'CHAIRMAN_REVIEW';
    openStep(state, { kind: 'CHAIRMAN_REVIEW', unit: null }, now);
    return [record(state, now, { ...base, type: 'APPROVED' })];
  }
  closeCycle(state, now);
  const approved = record(state, now, { ...base, type: 'APPROVED' });
  // The cycle's own event: a system event, so no actor and no "from" of its own.
  const completed = record(state, now, {
    type: 'COMPLETED',
    from: null,
    data: { cycle: state.cycle, cycles: cycleCount(state), lastCycle: state.cycle >= cycleCount(state) },
  });
  return [approved, completed];
}

export function applyRequestContributions(state: TaskState, input: RequestContributionsInput, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  return input.requests.map((request) => {
    const askedDueAt = request.dueAt ?? null;
    // Without a date of its own, the contribution is due by the rule of stepDueAt (before the task's date).
    const step = openStep(state, { kind: 'CONTRIBUTION', unit: request.unit, dueAt: askedDueAt }, now);
    const contribution: ContributionState = {
      unit: request.unit,
      dueAt: step.dueAt,
      askedDueAt,
      requestedBy: userRef(input.actor),
      content: null,
      contentId: null,
      contributor: null,
      open: true,
    };
    state.contributions.push(contribution);
    return record(state, now, {
      type: 'CONTRIBUTION_REQUESTED',
      from,
      actor: input.actor,
      authority,
      data: { unit: request.unit, dueAt: contribution.dueAt },
    });
  });
}

export function applyContribute(
  state: TaskState,
  input: ContentInput & { unit: UnitCode },
  contribution: ContributionState,
  step: OpenStep,
  authority: Authority,
  now: Date,
): TaskChange[] {
  closeStep(state, step, 'DONE', now);
  contribution.open = false;
  contribution.contributor = userRef(input.actor);
  if (input.ref) contribution.contentId = input.ref.id;
  else contribution.content = input.inline ?? null;
  return [
    record(state, now, {
      type: 'CONTRIBUTED',
      from: taskStatus(state),
      actor: input.actor,
      authority,
      data: { unit: contribution.unit, ...(input.ref ? { contentId: input.ref.id, sha256: input.ref.sha256 } : { content: input.inline }) },
    }),
  ];
}

export function applySetSchedule(state: TaskState, input: SetScheduleInput, authority: Authority, now: Date): TaskChange[] {
  state.schedule = rescheduleFrom(state.schedule, state.cycle, input.dueDates);
  const scheduleStep = state.steps.find((s) => s.kind === 'SET_SCHEDULE');
  if (scheduleStep && cycleDueAt(state) !== null) closeStep(state, scheduleStep, 'DONE', now);
  if (state.originalSchedule[state.cycle - 1] == null) state.originalSchedule = [...state.schedule];
  // Steps and contributions that follow the task's date take the newly entered one.
  refreshDueDates(state);
  return [
    record(state, now, {
      type: 'SCHEDULE_SET',
      from: taskStatus(state),
      actor: input.actor,
      authority,
      data: { dueDates: state.schedule.slice(state.cycle - 1), cycleDueAt: cycleDueAt(state) },
    }),
  ];
}

/** The coordinator names the lead unit(s) of a task the plan gave none: their parts start with assignment. */
export function applySetLeadUnits(state: TaskState, input: SetLeadUnitsInput, step: OpenStep, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  closeStep(state, step, 'DONE', now);
  const units = [...new Set(input.units)];
  state.input.leadUnits = units;
  state.input.coUnits = state.input.coUnits.filter((u) => !units.includes(u));
  state.parts = units.map((unit) => newPart(unit, null));
  for (const part of state.parts) openStep(state, { kind: 'ASSIGN', unit: part.unit }, now);
  return [record(state, now, { type: 'LEAD_UNITS_SET', from, actor: input.actor, authority, data: { units } })];
}

/** The part of a step (for assignment, drafting and unit review). */
export function partOf(state: TaskState, step: OpenStep): PartState | undefined {
  return state.parts.find((p) => p.unit === step.unit && partStep(state, p.unit)?.stepId === step.stepId);
}

/**
 * A request for a new date: the task's (decided by the Chairman or his delegate) or a contribution's (decided by
 * the head of the unit asked). The request is a step of its own, in the decider's inbox; the requester may not
 * decide it.
 */
export function applyRequestExtension(
  state: TaskState,
  input: RequestExtensionInput,
  from: OpenStep,
  authority: Authority,
  now: Date,
): TaskChange[] {
  const status = taskStatus(state);
  const contribution = input.scope === 'STEP' ? state.contributions.find((c) => c.open && c.unit === from.unit) : undefined;
  const extension: Extension = {
    extensionId: `c${state.cycle}:ext:${state.extensions.length + 1}`,
    scope: input.scope,
    stepId: from.stepId,
    unit: input.scope === 'STEP' ? from.unit : null,
    requestedBy: userRef(input.actor),
    reason: input.reason.trim(),
    originalDueAt: input.scope === 'TASK' ? cycleOriginalDueAt(state) : (contribution?.askedDueAt ?? from.dueAt),
    currentDueAt: input.scope === 'TASK' ? cycleDueAt(state) : from.dueAt,
    newDueAt: input.newDueAt,
    status: 'PENDING',
    decidedBy: null,
  };
  state.extensions.push(extension);
  const decision = openStep(state, { kind: 'EXTENSION', unit: extension.unit }, now);
  decision.excludedUserIds = [input.actor.id];
  const { extensionId, scope, stepId, originalDueAt, currentDueAt, newDueAt, reason } = extension;
  return [
    record(state, now, {
      type: 'EXTENSION_REQUESTED',
      from: status,
      actor: input.actor,
      authority,
      comment: reason,
      data: { extensionId, scope, stepId, originalDueAt, currentDueAt, newDueAt, reason, decisionStepId: decision.stepId },
    }),
  ];
}

/** Approved, the new date replaces the current one (the original stays for on-time counts) and the timers move. */
export function applyDecideExtension(
  state: TaskState,
  input: DecideExtensionInput,
  extension: Extension,
  step: OpenStep,
  authority: Authority,
  now: Date,
): TaskChange[] {
  const from = taskStatus(state);
  closeStep(state, step, input.decision === 'approve' ? 'APPROVED' : 'RETURNED', now);
  extension.status = input.decision === 'approve' ? 'APPROVED' : 'REJECTED';
  extension.decidedBy = userRef(input.actor);
  if (input.decision === 'approve') {
    if (extension.scope === 'TASK') {
      state.schedule = state.schedule.map((d, i) => (i === state.cycle - 1 ? extension.newDueAt : d));
    } else {
      const contribution = state.contributions.find((c) => c.open && c.unit === extension.unit);
      if (contribution) contribution.askedDueAt = extension.newDueAt;
    }
    refreshDueDates(state);
  }
  const { extensionId, scope, stepId, originalDueAt, newDueAt } = extension;
  return [
    record(state, now, {
      type: input.decision === 'approve' ? 'EXTENSION_APPROVED' : 'EXTENSION_REJECTED',
      from,
      actor: input.actor,
      authority,
      comment: input.comment?.trim() ? input.comment.trim() : null,
      data: { extensionId, scope, stepId, originalDueAt, newDueAt },
    }),
  ];
}

/**
 * An amendment of the plan gives the task a new deadline. Cycles already behind keep their dates; from the current
 * cycle on the new dates apply, the first dates are kept beside them, and the timers follow.
 */
export function applyAmendSchedule(state: TaskState, input: AmendScheduleInput, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  const next = cycleDueDates(input.deadlineKind, input.dueDates, state.input.year);
  // A completed cycle keeps its date: the amendment applies from the next one.
  const index = state.stage === 'COMPLETED' ? state.cycle : state.cycle - 1;
  const upcoming = next.length > index ? next.slice(index) : next.slice(-1);
  state.schedule = [...state.schedule.slice(0, index), ...upcoming];
  state.originalSchedule = state.schedule.map((d, i) => state.originalSchedule[i] ?? d);
  state.input.deadlineKind = input.deadlineKind;
  state.input.dueDates = [...input.dueDates];
  const scheduleStep = state.steps.find((s) => s.kind === 'SET_SCHEDULE');
  if (scheduleStep && cycleDueAt(state) !== null) closeStep(state, scheduleStep, 'DONE', now);
  if (!scheduleStep && cycleDueAt(state) === null) openStep(state, { kind: 'SET_SCHEDULE', unit: null }, now);
  refreshDueDates(state);
  return [
    record(state, now, {
      type: 'SCHEDULE_AMENDED',
      from,
      actor: input.actor,
      authority,
      comment: `Điều chỉnh thời hạn theo ${input.decision.trim()}`,
      data: { deadlineKind: input.deadlineKind, dueDates: state.schedule.slice(index), originalDueDates: state.originalSchedule.slice(index), decision: input.decision.trim() },
    }),
  ];
}

/** Withdrawn from the plan by an amendment: every open step closes and the workflow ends; the trail stays. */
export function applyWithdraw(state: TaskState, input: WithdrawTaskInput, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  closeAllSteps(state, 'CANCELLED', now);
  for (const c of state.contributions) c.open = false;
  state.stage = 'WITHDRAWN';
  return [
    record(state, now, {
      type: 'WITHDRAWN',
      from,
      actor: input.actor,
      authority,
      comment: `Rút khỏi kế hoạch theo ${input.decision.trim()}`,
      data: { decision: input.decision.trim() },
    }),
  ];
}

/** Quarters that ended before the plan was activated: in the trail as missed, not silently skipped. */
export function recordMissedCycles(state: TaskState, firstCycle: number, now: Date): TaskChange[] {
  const changes: TaskChange[] = [];
  for (let cycle = 1; cycle < firstCycle; cycle++) {
    changes.push(
      record(state, now, {
        type: 'CYCLE_MISSED',
        from: null,
        comment: 'Không thực hiện do kích hoạt kế hoạch muộn',
        data: { cycle, dueAt: state.schedule[cycle - 1] ?? null },
      }),
    );
  }
  return changes;
}
