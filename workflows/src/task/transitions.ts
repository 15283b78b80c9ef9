/**
 * State transitions of the task workflow. Each takes a check's verdict (see rules.ts), mutates the state
 * synchronously and returns the read-model changes to publish, one per audit event, in order.
 * Pure: the caller supplies the workflow clock's `now`.
 */
import type {
  Actor,
  AttachmentInput,
  AuditEventType,
  ContributeInput,
  DecisionInput,
  RequestContributionsInput,
  SaveDraftInput,
  SetScheduleInput,
  SubmitInput,
  TaskChange,
  TaskStatus,
  UserRef,
  AssignInput,
} from '@app/contracts';
import type { Authority, ReviewStep } from './rules';
import { rescheduleFrom } from './cycles';
import {
  cycleCount,
  cycleDueAt,
  nextStepId,
  taskStatus,
  toSnapshot,
  vhxhLeadsAlone,
  type ContributionState,
  type PartState,
  type TaskState,
} from './state';

const userRef = (user: UserRef): UserRef => ({ id: user.id, fullName: user.fullName });

interface EventSpec {
  type: AuditEventType;
  from: TaskStatus | null;
  actor?: Actor | null;
  authority?: Authority | null;
  comment?: string | null;
  data?: Record<string, unknown>;
  draft?: TaskChange['draft'];
}

/** Numbers the event and captures the state right after it, as the read model must show it. */
function record(state: TaskState, now: Date, spec: EventSpec): TaskChange {
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

export function applyAssign(state: TaskState, input: AssignInput, part: PartState, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  part.assignee = userRef(input.assignee);
  part.status = 'DRAFT';
  part.stepId = nextStepId(state, part.unit, 'DRAFT');
  return [
    record(state, now, {
      type: 'ASSIGNED',
      from,
      actor: input.actor,
      authority,
      data: { unit: part.unit, assignee: userRef(input.assignee) },
    }),
  ];
}

export function applySaveDraft(state: TaskState, input: SaveDraftInput, part: PartState, authority: Authority, now: Date): TaskChange[] {
  part.draftVersion += 1;
  const version = part.draftVersion;
  return [
    record(state, now, {
      type: 'DRAFT_SAVED',
      from: taskStatus(state),
      actor: input.actor,
      authority,
      data: { unit: part.unit, version },
      draft: { unit: part.unit, version, content: input.content, author: userRef(input.actor), cycle: state.cycle },
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

export function applySubmit(state: TaskState, input: SubmitInput, part: PartState, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  part.status = 'UNIT_REVIEW';
  part.drafter = userRef(input.actor);
  part.returnReason = null;
  part.stepId = nextStepId(state, part.unit, 'UNIT_REVIEW');
  return [
    record(state, now, {
      type: 'SUBMITTED',
      from,
      actor: input.actor,
      authority,
      comment: input.note?.trim() ? input.note : null,
      data: { unit: part.unit, version: part.draftVersion },
    }),
  ];
}

/** Sends a part (or, from the shared chain, every part) back to its drafter with the reviewer's reason. */
function sendBack(state: TaskState, part: PartState, reason: string): void {
  part.status = 'DRAFT';
  part.returnReason = reason;
  part.stepId = nextStepId(state, part.unit, 'DRAFT');
}

function closeCycle(state: TaskState): void {
  state.stage = 'COMPLETED';
  state.chainStepId = null;
  state.scheduleStepId = null;
  // Contributions still open when the cycle completes are no longer awaited.
  for (const c of state.contributions) c.stepId = null;
}

export function applyDecide(state: TaskState, input: DecisionInput, step: ReviewStep, authority: Authority, now: Date): TaskChange[] {
  const from = taskStatus(state);
  const level = step.kind;
  const unit = step.kind === 'UNIT_REVIEW' ? step.part.unit : step.kind === 'VHXH_REVIEW' ? 'VHXH' : null;
  const base = { from, actor: input.actor, authority, comment: input.comment?.trim() ? input.comment : null, data: { level, unit } };

  if (input.decision === 'return') {
    const reason = input.comment!.trim();
    state.lastReturnReason = reason;
    if (step.kind === 'UNIT_REVIEW') {
      sendBack(state, step.part, reason);
    } else {
      state.stage = 'PARTS';
      state.chainStepId = null;
      for (const part of state.parts) sendBack(state, part, reason);
    }
    return [record(state, now, { ...base, type: 'RETURNED' })];
  }

  if (step.kind === 'UNIT_REVIEW') {
    step.part.status = 'DONE';
    step.part.stepId = null;
    if (state.parts.every((p) => p.status === 'DONE')) {
      state.stage = vhxhLeadsAlone(state) ? 'CHAIRMAN_REVIEW' : 'VHXH_REVIEW';
      state.chainStepId = nextStepId(state, state.stage === 'VHXH_REVIEW' ? 'VHXH' : 'UBND', state.stage);
    }
    return [record(state, now, { ...base, type: 'APPROVED' })];
  }
  if (step.kind === 'VHXH_REVIEW') {
    state.stage = 'CHAIRMAN_REVIEW';
    state.chainStepId = nextStepId(state, 'UBND', 'CHAIRMAN_REVIEW');
    return [record(state, now, { ...base, type: 'APPROVED' })];
  }
  closeCycle(state);
  const approved = record(state, now, { ...base, type: 'APPROVED' });
  // The cycle's own event: a system event, so no actor and no "from" of its own.
  const completed = record(state, now, {
    type: 'COMPLETED',
    from: null,
    data: { cycle: state.cycle, cycles: cycleCount(state), lastCycle: state.cycle >= cycleCount(state) },
  });
  return [approved, completed];
}

export function applyRequestContributions(
  state: TaskState,
  input: RequestContributionsInput,
  _part: PartState,
  authority: Authority,
  now: Date,
): TaskChange[] {
  const from = taskStatus(state);
  return input.requests.map((request) => {
    const contribution: ContributionState = {
      unit: request.unit,
      // Without a date of its own, the contribution is due with the cycle.
      dueAt: request.dueAt ?? cycleDueAt(state),
      requestedBy: userRef(input.actor),
      content: null,
      contributor: null,
      stepId: nextStepId(state, request.unit, 'CONTRIBUTION'),
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
  input: ContributeInput,
  contribution: ContributionState,
  authority: Authority,
  now: Date,
): TaskChange[] {
  contribution.content = input.content;
  contribution.contributor = userRef(input.actor);
  contribution.stepId = null;
  return [
    record(state, now, {
      type: 'CONTRIBUTED',
      from: taskStatus(state),
      actor: input.actor,
      authority,
      data: { unit: contribution.unit, content: input.content },
    }),
  ];
}

export function applySetSchedule(state: TaskState, input: SetScheduleInput, authority: Authority, now: Date): TaskChange[] {
  state.schedule = rescheduleFrom(state.schedule, state.cycle, input.dueDates);
  if (cycleDueAt(state) !== null) state.scheduleStepId = null;
  // Contributions asked for "by the cycle's date" follow the newly entered date.
  for (const c of state.contributions) if (c.stepId && c.dueAt === null) c.dueAt = cycleDueAt(state);
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
