/** The task's rules and transitions as plain functions (with the approval policy they ask): no Temporal, no server. */
import type { DecisionInput, TaskWorkflowInput } from '@app/contracts';
import { addDays, asAssignee, delegated, peopleOf } from '../../../test/support/workflows/people';
import {
  checkAddAttachment,
  checkAssign,
  checkContribute,
  checkDecide,
  checkRequestContributions,
  checkSaveDraft,
  checkSetSchedule,
  checkSetLeadUnits,
  checkSubmit,
  RuleViolation,
} from './rules';
import { carryForward, createTaskState as createState, taskStatus, toSnapshot, type TaskState } from './state';
import { openFirstSteps } from './steps';
import {
  applyAssign,
  applyContribute,
  applyDecide,
  applyReassign,
  applyRequestContributions,
  applySaveDraft,
  applySetLeadUnits,
  applySetSchedule,
  applySubmit,
  openCycle,
} from './transitions';
import { delegationValidOn } from '@app/domain';

const commune = 'an-lao';
const p = peopleOf(commune);
const today = '2026-05-10';
const now = new Date('2026-05-10T03:00:00Z');

const input = (overrides: Partial<TaskWorkflowInput> = {}): TaskWorkflowInput => ({
  commune,
  planId: 'plan-1',
  year: 2026,
  taskId: 'task-12',
  number: 12,
  title: 'Rà soát thủ tục hành chính',
  leadUnits: ['KT'],
  coUnits: ['VP'],
  deadlineKind: 'FIXED',
  dueDates: ['2026-06-30'],
  ...overrides,
});

function violation(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof RuleViolation) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a rule violation');
}

/** A cycle's state with its first steps open, as the workflow starts it. */
function createTaskState(...args: Parameters<typeof createState>): TaskState {
  const s = createState(...args);
  openFirstSteps(s, now);
  return s;
}
const openSteps = (s: TaskState) => toSnapshot(s).openSteps;
const stepOf = (s: TaskState, kind: string, unit?: string) => openSteps(s).find((x) => x.kind === kind && (!unit || x.unit === unit))!.stepId;

/** Drives a state through the rules exactly as the workflow's handlers do. */
const act = {
  assign(s: TaskState, actor = p.ktHead, assignee = p.ktStaff, unit = actor.unit!) {
    const i = { actor, stepId: stepOf(s, 'ASSIGN', unit), assignee: asAssignee(assignee) };
    const v = checkAssign(s, i, today);
    return applyAssign(s, i, v.part, v.step, v.authority, now);
  },
  reassign(s: TaskState, actor: typeof p.ktHead, assignee: typeof p.ktHead, unit = actor.unit!) {
    const i = { actor, stepId: stepOf(s, 'DRAFT', unit), assignee: asAssignee(assignee) };
    const v = checkAssign(s, i, today);
    expect(v.reassign).toBe(true);
    return applyReassign(s, i, v.part, v.step, v.authority, now);
  },
  draft(s: TaskState, actor = p.ktStaff, content = 'Dự thảo') {
    const i = { actor, draft: { id: `draft-${Math.random()}`, sha256: 'a'.repeat(64), chars: content.length } };
    const v = checkSaveDraft(s, i, today);
    return applySaveDraft(s, v.content, v.part, v.authority, now);
  },
  submit(s: TaskState, actor = p.ktStaff, unit = actor.unit!) {
    const i = { actor, stepId: stepOf(s, 'DRAFT', unit) };
    const v = checkSubmit(s, i, today);
    return applySubmit(s, i, v.part, v.step, v.authority, now);
  },
  decide(s: TaskState, actor: typeof p.ktHead, kind: string, decision: 'approve' | 'return', comment?: string, unit?: string, day = today) {
    const i: DecisionInput = { actor, stepId: stepOf(s, kind, unit), decision, comment };
    const v = checkDecide(s, i, day);
    return applyDecide(s, i, v.step, v.authority, now);
  },
};

function submitted(overrides: Partial<TaskWorkflowInput> = {}): TaskState {
  const s = createTaskState(input(overrides), 'an-lao:2026:task:12');
  act.assign(s);
  act.draft(s);
  act.submit(s);
  return s;
}

describe('state and the step model', () => {
  test('a new task waits for the head of each lead unit to assign it; each step names its holder, opening and due date', () => {
    const s = createTaskState(input({ leadUnits: ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'] }), 'wf');
    expect(taskStatus(s)).toBe('NOT_STARTED');
    expect(openSteps(s).map((x) => [x.kind, x.unit, x.holderRole, x.principals, x.dueAt, x.openedAt, x.escalationLevel])).toEqual(
      ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'].map((u) => ['ASSIGN', u, 'UNIT_HEAD', [`unit:${u}:UNIT_HEAD`], '2026-06-30', now.toISOString(), 0]),
    );
  });

  test('a later cycle starts with drafting by the same assignee, and step ids stay unique', () => {
    const first = submitted({ deadlineKind: 'CONTINUOUS', dueDates: [] });
    const carry = carryForward(first);
    expect(carry).toEqual({
      cycle: 2,
      seq: first.seq,
      assignees: { KT: { id: p.ktStaff.id, fullName: p.ktStaff.fullName } },
      cycleDueDates: ['2026-03-05', '2026-06-05', '2026-09-05', '2026-12-05'],
      originalCycleDueDates: ['2026-03-05', '2026-06-05', '2026-09-05', '2026-12-05'],
    });
    const second = createTaskState({ ...input({ deadlineKind: 'CONTINUOUS', dueDates: [] }), carry }, 'wf');
    expect(toSnapshot(second)).toMatchObject({ cycle: 2, cycleDueAt: '2026-06-05', status: 'IN_PROGRESS', seq: first.seq });
    const [step] = openSteps(second);
    expect(step).toMatchObject({ kind: 'DRAFT', assignee: { id: p.ktStaff.id }, principals: [`user:${p.ktStaff.id}`] });
    expect(step.stepId.startsWith('c2:KT:draft:')).toBe(true);
    expect(openSteps(first).map((x) => x.stepId)).not.toContain(step.stepId);
  });

  test('a snapshot is a copy: changing it does not change the state', () => {
    const s = submitted();
    const snap = toSnapshot(s);
    snap.parts[0].drafter!.id = 'someone-else';
    snap.openSteps[0].principals.push('role:ADMIN');
    expect(s.parts[0].drafter!.id).toBe(p.ktStaff.id);
    expect(s.steps[0].principals).toEqual(['unit:KT:UNIT_HEAD']);
  });

  test('a review step excludes the drafters of what it decides', () => {
    const s = submitted();
    expect(openSteps(s)[0]).toMatchObject({ kind: 'UNIT_REVIEW', excludedUserIds: [p.ktStaff.id] });
  });
});

describe('events', () => {
  test('each change numbers its event and carries the state after it; draft text travels as an id', () => {
    const s = createTaskState(input(), 'wf-1');
    const opened = openCycle(s, now);
    expect(opened.event).toMatchObject({ seq: 1, type: 'CYCLE_OPENED', from: null, to: 'NOT_STARTED', actor: null, data: { cycle: 1, cycles: 1, dueAt: '2026-06-30' } });
    const [assigned] = act.assign(s);
    expect(assigned.event).toMatchObject({ seq: 2, type: 'ASSIGNED', from: 'NOT_STARTED', to: 'IN_PROGRESS', role: 'UNIT_HEAD', at: now.toISOString() });
    expect(assigned.snapshot.seq).toBe(2);
    const [saved] = act.draft(s, p.ktStaff, 'Nội dung dự thảo');
    expect(saved.draft).toEqual({ unit: 'KT', version: 1, contentId: expect.stringMatching(/^draft-/), author: { id: p.ktStaff.id, fullName: p.ktStaff.fullName }, cycle: 1 });
    expect(JSON.stringify(saved)).not.toContain('Nội dung dự thảo');
    expect(saved.workflowId).toBe('wf-1');
  });

  test('a draft recorded inline (histories from before texts moved to PostgreSQL) still reads', () => {
    const s = createTaskState(input(), 'wf');
    act.assign(s);
    const v = checkSaveDraft(s, { actor: p.ktStaff, content: 'Bản cũ' }, today);
    const [saved] = applySaveDraft(s, v.content, v.part, v.authority, now);
    expect(saved.draft).toMatchObject({ version: 1, content: 'Bản cũ' });
  });

  test("the Chairman's approval completes the cycle and closes open contributions and steps", () => {
    const s = createTaskState(input(), 'wf');
    act.assign(s);
    const req = { actor: p.ktStaff, requests: [{ unit: 'VP', dueAt: null }] };
    const rv = checkRequestContributions(s, req, today);
    applyRequestContributions(s, req, rv.authority, now);
    act.draft(s);
    act.submit(s);
    act.decide(s, p.ktHead, 'UNIT_REVIEW', 'approve');
    act.decide(s, p.vhxhHead, 'VHXH_REVIEW', 'approve');
    const changes = act.decide(s, p.chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect(changes.map((c) => [c.event.type, c.event.from, c.event.to])).toEqual([
      ['APPROVED', 'CHAIRMAN_REVIEW', 'COMPLETED'],
      ['COMPLETED', null, 'COMPLETED'],
    ]);
    expect(openSteps(s)).toEqual([]);
    expect(violation(() => checkContribute(s, { actor: p.vpStaff, unit: 'VP', content: 'Muộn' }, today)).code).toBe('STEP_CLOSED');
  });
});

describe('assignment, reassignment and drafting', () => {
  test('only the head of the part’s unit assigns, to someone of that unit', () => {
    const s = createTaskState(input(), 'wf');
    const stepId = stepOf(s, 'ASSIGN');
    expect(violation(() => checkAssign(s, { actor: p.vpHead, stepId, assignee: asAssignee(p.ktStaff) }, today)).code).toBe('NOT_YOUR_STEP');
    expect(violation(() => checkAssign(s, { actor: p.ktStaff, stepId, assignee: asAssignee(p.ktStaff) }, today)).code).toBe('NOT_YOUR_STEP');
    expect(violation(() => checkAssign(s, { actor: p.ktHead, stepId, assignee: asAssignee(p.vpStaff) }, today)).code).toBe('VALIDATION');
    expect(violation(() => checkAssign(s, { actor: { ...p.ktHead, commune: 'xa-khac' }, stepId, assignee: asAssignee(p.ktStaff) }, today)).code).toBe('NOT_FOUND');
    // The head may take the work himself.
    expect(checkAssign(s, { actor: p.ktHead, stepId, assignee: asAssignee(p.ktHead) }, today).authority.role).toBe('UNIT_HEAD');
    act.assign(s);
    expect(violation(() => checkAssign(s, { actor: p.ktHead, stepId, assignee: asAssignee(p.ktStaff) }, today)).code).toBe('STEP_CLOSED');
  });

  test('the unit head reassigns a part during drafting: REASSIGNED in the trail, the old assignee loses the step, drafts stay', () => {
    const s = createTaskState(input(), 'wf');
    act.assign(s);
    act.draft(s);
    const oldStep = stepOf(s, 'DRAFT');
    const colleague = { ...p.ktStaff, id: `${p.ktStaff.id}-2`, fullName: 'Lý Thị Hoa' };
    expect(violation(() => checkAssign(s, { actor: p.vpHead, stepId: oldStep, assignee: asAssignee(colleague) }, today)).code).toBe('NOT_YOUR_STEP');
    expect(violation(() => checkAssign(s, { actor: p.ktHead, stepId: oldStep, assignee: asAssignee(p.ktStaff) }, today)).code).toBe('VALIDATION');
    const [changed] = act.reassign(s, p.ktHead, colleague);
    expect(changed.event).toMatchObject({ type: 'REASSIGNED', role: 'UNIT_HEAD', data: { unit: 'KT', from: { id: p.ktStaff.id }, to: { id: colleague.id } } });
    expect(s.parts[0]).toMatchObject({ assignee: { id: colleague.id }, draftVersion: 1 });
    expect(stepOf(s, 'DRAFT')).not.toBe(oldStep);
    expect(violation(() => checkSaveDraft(s, { actor: p.ktStaff, content: 'x' }, today)).code).toBe('STEP_CLOSED');
    expect(violation(() => checkSubmit(s, { actor: p.ktStaff, stepId: oldStep }, today)).code).toBe('STEP_CLOSED');
    act.submit(s, colleague, 'KT');
    expect(taskStatus(s)).toBe('UNIT_REVIEW');
  });

  test('drafting actions belong to the assignee while the draft is with him', () => {
    const s = createTaskState(input(), 'wf');
    expect(violation(() => checkSaveDraft(s, { actor: p.ktStaff, content: 'x' }, today)).code).toBe('NOT_YOUR_STEP');
    act.assign(s);
    expect(violation(() => checkSaveDraft(s, { actor: p.ktStaff, content: '  ' }, today)).message).toBe('Nội dung dự thảo không được để trống.');
    expect(violation(() => checkSaveDraft(s, { actor: p.ktStaff, draft: { id: 'x', sha256: 'nope', chars: 1 } }, today)).code).toBe('VALIDATION');
    expect(violation(() => checkSubmit(s, { actor: p.ktStaff, stepId: stepOf(s, 'DRAFT') }, today))).toEqual({
      code: 'VALIDATION',
      message: 'Chưa có dự thảo để trình.',
    });
    const attachment = { id: 'f1', name: 'phu-luc.xlsx', size: 10, sha256: 'ab' };
    expect(checkAddAttachment(s, { actor: p.ktStaff, attachment }, today).authority.role).toBe('STAFF');
    expect(violation(() => checkAddAttachment(s, { actor: p.ktStaff, attachment: { ...attachment, name: '' } }, today)).code).toBe('VALIDATION');
    act.draft(s);
    act.submit(s);
    expect(violation(() => checkSaveDraft(s, { actor: p.ktStaff, content: 'x' }, today)).code).toBe('STEP_CLOSED');
  });

  test('a submit names a step: the draft step, not another', () => {
    const s = createTaskState(input(), 'wf');
    act.assign(s);
    act.draft(s);
    expect(violation(() => checkSubmit(s, { actor: p.ktStaff, stepId: 'c1:KT:assign:1' }, today)).code).toBe('STEP_CLOSED');
    expect(violation(() => checkSubmit(s, { actor: p.ktHead, stepId: stepOf(s, 'DRAFT') }, today)).code).toBe('NOT_YOUR_STEP');
  });
});

describe('reviews', () => {
  test('each level belongs to its holder; a level that has moved on is STEP_CLOSED to whoever held it', () => {
    const s = submitted();
    const unitStep = stepOf(s, 'UNIT_REVIEW');
    const decide = (actor: typeof p.ktHead, stepId?: string) => () => checkDecide(s, { actor, stepId: stepId as string, decision: 'approve' }, today);
    expect(violation(decide(p.vpHead, unitStep)).code).toBe('NOT_YOUR_STEP');
    expect(violation(decide(p.ktStaff, unitStep)).code).toBe('NOT_YOUR_STEP');
    expect(violation(decide(p.chairman, unitStep)).code).toBe('NOT_YOUR_STEP');
    expect(violation(decide(p.vhxhHead)).code).toBe('NOT_YOUR_STEP');
    act.decide(s, p.ktHead, 'UNIT_REVIEW', 'approve');
    const vhxhStep = stepOf(s, 'VHXH_REVIEW');
    expect(violation(decide(p.ktHead, vhxhStep)).code).toBe('NOT_YOUR_STEP');
    expect(violation(decide(p.coordinator, vhxhStep)).code).toBe('NOT_YOUR_STEP');
    expect(violation(decide(p.ktHead, unitStep)).code).toBe('STEP_CLOSED');
    // Without a step id too: the KT head held the unit review that just moved on.
    expect(violation(decide(p.ktHead)).code).toBe('STEP_CLOSED');
  });

  test('the unit head who drafts his unit’s part: his submission stands for the unit review, the draft goes to VH-XH', () => {
    const s = createTaskState(input(), 'wf');
    act.assign(s, p.ktHead, p.ktHead);
    act.draft(s, p.ktHead);
    const changes = act.submit(s, p.ktHead);
    expect(changes.map((c) => c.event.type)).toEqual(['SUBMITTED', 'REVIEW_BY_SUBMISSION']);
    expect(changes[1].event).toMatchObject({ actor: { id: p.ktHead.id }, data: { level: 'UNIT_REVIEW', unit: 'KT' }, comment: expect.stringContaining('thay cho bước duyệt') });
    expect(taskStatus(s)).toBe('VHXH_REVIEW');
    expect(openSteps(s)).toEqual([expect.objectContaining({ kind: 'VHXH_REVIEW', excludedUserIds: [p.ktHead.id] })]);
    // Published in order, and the last snapshot is where the task now is.
    expect(changes.map((c) => c.event.seq)).toEqual([changes[0].event.seq, changes[0].event.seq + 1]);
    expect(changes[1].snapshot).toMatchObject({ status: 'VHXH_REVIEW', openSteps: [expect.objectContaining({ kind: 'VHXH_REVIEW' })] });
  });

  test('nobody decides (approves or returns) a step on a draft they wrote', () => {
    // The VH-XH head drafted his unit's part of a shared task; the KT head reviews KT's part.
    const all = createTaskState(input({ leadUnits: ['VHXH', 'KT'] }), 'wf');
    act.assign(all, p.vhxhHead, p.vhxhHead);
    act.assign(all, p.ktHead, p.ktHead);
    act.draft(all, p.vhxhHead);
    act.submit(all, p.vhxhHead);
    act.draft(all, p.ktHead);
    // Both heads drafted: their submissions stand for their unit reviews, and VH-XH's for its level too.
    const changes = act.submit(all, p.ktHead);
    expect(changes.map((c) => [c.event.type, c.event.data?.level])).toEqual([
      ['SUBMITTED', undefined],
      ['REVIEW_BY_SUBMISSION', 'UNIT_REVIEW'],
      ['REVIEW_BY_SUBMISSION', 'VHXH_REVIEW'],
    ]);
    expect(taskStatus(all)).toBe('CHAIRMAN_REVIEW');
    expect(changes.map((c) => c.event.seq)).toEqual([0, 1, 2].map((i) => changes[0].event.seq + i));
    expect(changes[2].snapshot.status).toBe('CHAIRMAN_REVIEW');
    const stepId = stepOf(all, 'CHAIRMAN_REVIEW');
    // A staff drafter of the same unit still cannot decide on it at a level he might hold.
    const s = submitted();
    const unitStep = stepOf(s, 'UNIT_REVIEW');
    const headAlsoStaff = { ...p.ktStaff, roles: ['STAFF', 'UNIT_HEAD'] as typeof p.ktStaff.roles };
    for (const decision of ['approve', 'return'] as const) {
      expect(violation(() => checkDecide(s, { actor: headAlsoStaff, stepId: unitStep, decision, comment: 'x' }, today))).toEqual({
        code: 'SELF_APPROVAL',
        message: 'Người soạn thảo không được tự quyết định (duyệt hoặc trả lại) dự thảo của mình.',
      });
    }
    expect(checkDecide(all, { actor: p.chairman, stepId, decision: 'approve' }, today).authority.role).toBe('CHAIRMAN');
  });

  test('a return needs a reason, and a decision is approve or return', () => {
    const s = submitted();
    const stepId = stepOf(s, 'UNIT_REVIEW');
    for (const comment of [undefined, '', ' \n ']) {
      expect(violation(() => checkDecide(s, { actor: p.ktHead, stepId, decision: 'return', comment }, today))).toEqual({
        code: 'VALIDATION',
        message: 'Trả lại dự thảo phải ghi rõ lý do.',
      });
    }
    expect(violation(() => checkDecide(s, { actor: p.ktHead, stepId, decision: 'maybe' as 'approve' }, today)).code).toBe('VALIDATION');
  });

  test('a return from the chain sends every part back with who returned it; the status shows RETURNED until resubmitted', () => {
    const s = createTaskState(input({ leadUnits: ['VP', 'KT'] }), 'wf');
    for (const [head, staff] of [[p.vpHead, p.vpStaff], [p.ktHead, p.ktStaff]] as const) {
      act.assign(s, head, staff);
      act.draft(s, staff);
      act.submit(s, staff);
      // The least advanced part: KT is not even assigned while VP is already under review.
      expect(taskStatus(s)).toBe(head === p.vpHead ? 'NOT_STARTED' : 'UNIT_REVIEW');
      act.decide(s, head, 'UNIT_REVIEW', 'approve', undefined, head.unit!);
    }
    expect(taskStatus(s)).toBe('VHXH_REVIEW');
    const [returned] = act.decide(s, p.vhxhHead, 'VHXH_REVIEW', 'return', 'Thống nhất số liệu');
    expect(returned.event).toMatchObject({ type: 'RETURNED', from: 'VHXH_REVIEW', to: 'RETURNED', comment: 'Thống nhất số liệu' });
    expect(returned.snapshot.lastReturn).toEqual({
      by: { id: p.vhxhHead.id, fullName: p.vhxhHead.fullName },
      role: 'UNIT_HEAD',
      onBehalfOf: null,
      level: 'VHXH_REVIEW',
      at: now.toISOString(),
      reason: 'Thống nhất số liệu',
    });
    expect(s.parts.map((x) => [x.status, x.returnReason])).toEqual([
      ['DRAFT', 'Thống nhất số liệu'],
      ['DRAFT', 'Thống nhất số liệu'],
    ]);
    act.submit(s, p.vpStaff);
    expect(taskStatus(s)).toBe('RETURNED');
    act.submit(s, p.ktStaff);
    expect(taskStatus(s)).toBe('UNIT_REVIEW');
  });

  test('a VH-XH-led task skips the VH-XH level; a shared task does not', () => {
    const alone = createTaskState(input({ leadUnits: ['VHXH'] }), 'wf');
    act.assign(alone, p.vhxhHead, p.coordinator);
    act.draft(alone, p.coordinator);
    act.submit(alone, p.coordinator);
    act.decide(alone, p.vhxhHead, 'UNIT_REVIEW', 'approve');
    expect(taskStatus(alone)).toBe('CHAIRMAN_REVIEW');

    const shared = createTaskState(input({ leadUnits: ['VHXH', 'KT'] }), 'wf');
    for (const [head, staff] of [[p.vhxhHead, p.coordinator], [p.ktHead, p.ktStaff]] as const) {
      act.assign(shared, head, staff);
      act.draft(shared, staff);
      act.submit(shared, staff);
      act.decide(shared, head, 'UNIT_REVIEW', 'approve', undefined, head.unit!);
    }
    expect(taskStatus(shared)).toBe('VHXH_REVIEW');
  });

  test('the reviewing unit is a setting: another unit’s head holds the VH-XH level', () => {
    const s = createTaskState(input({ reviewingUnit: 'VP' }), 'wf');
    act.assign(s);
    act.draft(s);
    act.submit(s);
    act.decide(s, p.ktHead, 'UNIT_REVIEW', 'approve');
    expect(openSteps(s)).toEqual([expect.objectContaining({ kind: 'VHXH_REVIEW', unit: 'VP', principals: ['unit:VP:UNIT_HEAD'] })]);
    expect(violation(() => act.decide(s, p.vhxhHead, 'VHXH_REVIEW', 'approve')).code).toBe('NOT_YOUR_STEP');
    act.decide(s, p.vpHead, 'VHXH_REVIEW', 'approve');
    expect(taskStatus(s)).toBe('CHAIRMAN_REVIEW');
  });
});

describe('delegation', () => {
  test('valid on the days of its period, inclusive, by the commune calendar', () => {
    const vice = delegated(p.viceChairman, p.chairman, '2026-05-01', '2026-05-10');
    expect(delegationValidOn(vice, '2026-05-01')).toBe(true);
    expect(delegationValidOn(vice, '2026-05-10')).toBe(true);
    expect(delegationValidOn(vice, '2026-04-30')).toBe(false);
    expect(delegationValidOn(vice, '2026-05-11')).toBe(false);
    expect(delegationValidOn(p.viceChairman, '2026-05-05')).toBe(false);
  });

  test("the Vice Chairman approves on the Chairman's behalf only inside the period", () => {
    const s = submitted();
    act.decide(s, p.ktHead, 'UNIT_REVIEW', 'approve');
    act.decide(s, p.vhxhHead, 'VHXH_REVIEW', 'approve');
    const stepId = stepOf(s, 'CHAIRMAN_REVIEW');
    const late = delegated(p.viceChairman, p.chairman, addDays(today, -10), addDays(today, -1));
    expect(violation(() => checkDecide(s, { actor: late, stepId, decision: 'approve' }, today))).toEqual({
      code: 'NOT_YOUR_STEP',
      message: 'Ủy quyền phê duyệt của bạn không có hiệu lực vào ngày hôm nay.',
    });
    const valid = delegated(p.viceChairman, p.chairman, addDays(today, -1), addDays(today, 1));
    const [approved] = act.decide(s, valid, 'CHAIRMAN_REVIEW', 'approve');
    expect(approved.event).toMatchObject({
      actor: { id: p.viceChairman.id },
      role: 'VICE_CHAIRMAN',
      onBehalfOf: { id: p.chairman.id, fullName: p.chairman.fullName },
    });
  });
});

describe('contributions, schedule and lead units', () => {
  test('requests go to the named co-units only, once at a time; answers come from that unit', () => {
    const s = createTaskState(input({ coUnits: ['VP'] }), 'wf');
    act.assign(s);
    const ask = (requests: { unit: string; dueAt: string | null }[]) => () => checkRequestContributions(s, { actor: p.ktStaff, requests }, today);
    expect(violation(ask([])).code).toBe('VALIDATION');
    expect(violation(ask([{ unit: 'KT', dueAt: null }])).code).toBe('VALIDATION');
    expect(violation(ask([{ unit: 'TTPVHCC', dueAt: null }]))).toEqual({ code: 'VALIDATION', message: 'Đơn vị TTPVHCC không phải đơn vị phối hợp của nhiệm vụ này.' });
    expect(violation(ask([{ unit: 'VP', dueAt: '31/05/2026' }])).code).toBe('VALIDATION');
    expect(violation(ask([{ unit: 'VP', dueAt: null }, { unit: 'VP', dueAt: null }])).code).toBe('VALIDATION');
    const req = { actor: p.ktStaff, requests: [{ unit: 'VP', dueAt: '2026-05-31' }] };
    const v = checkRequestContributions(s, req, today);
    applyRequestContributions(s, req, v.authority, now);
    expect(violation(ask([{ unit: 'VP', dueAt: null }])).message).toBe('Đơn vị VP đang có yêu cầu góp ý chưa trả lời.');
    expect(openSteps(s).find((x) => x.kind === 'CONTRIBUTION')).toMatchObject({ unit: 'VP', dueAt: '2026-05-31', principals: ['unit:VP:STAFF', 'unit:VP:UNIT_HEAD'] });

    expect(violation(() => checkContribute(s, { actor: p.ktStaff, unit: 'VP', content: 'x' }, today)).code).toBe('NOT_YOUR_STEP');
    expect(violation(() => checkContribute(s, { actor: p.ttpvhccStaff, unit: 'TTPVHCC', content: 'x' }, today)).code).toBe('NOT_YOUR_STEP');
    expect(violation(() => checkContribute(s, { actor: p.vpStaff, unit: 'VP', content: '' }, today)).code).toBe('VALIDATION');
    const ref = { id: 'c-1', sha256: 'b'.repeat(64), chars: 10 };
    const cv = checkContribute(s, { actor: p.vpHead, unit: 'VP', contribution: ref }, today);
    const [contributed] = applyContribute(s, cv.content, cv.contribution, cv.step, cv.authority, now);
    expect(contributed.event).toMatchObject({ type: 'CONTRIBUTED', role: 'UNIT_HEAD', data: { unit: 'VP', contentId: 'c-1' } });
    expect(toSnapshot(s).contributions[0]).toMatchObject({ contentId: 'c-1', content: null, open: false, contributor: { id: p.vpHead.id } });
    expect(violation(() => checkContribute(s, { actor: p.vpStaff, unit: 'VP', content: 'lần hai' }, today)).code).toBe('STEP_CLOSED');
  });

  test('the coordinator enters dates for an on-request task; the open steps take the date', () => {
    const s = createTaskState(input({ deadlineKind: 'ON_REQUEST', dueDates: [] }), 'wf');
    expect(openSteps(s).map((x) => [x.kind, x.principals])).toEqual([['ASSIGN', ['unit:KT:UNIT_HEAD']], ['SET_SCHEDULE', ['role:COORDINATOR']]]);
    expect(violation(() => checkSetSchedule(s, { actor: p.ktHead, dueDates: ['2026-07-01'] }, today)).code).toBe('FORBIDDEN');
    expect(violation(() => checkSetSchedule(s, { actor: p.coordinator, dueDates: ['2026-02-30'] }, today)).code).toBe('VALIDATION');
    const i = { actor: p.coordinator, dueDates: ['2026-09-01', '2026-07-01'] };
    const v = checkSetSchedule(s, i, today);
    const [set] = applySetSchedule(s, i, v.authority, now);
    expect(set.event).toMatchObject({ type: 'SCHEDULE_SET', role: 'COORDINATOR', data: { dueDates: ['2026-07-01', '2026-09-01'], cycleDueAt: '2026-07-01' } });
    expect(openSteps(s).map((x) => [x.kind, x.dueAt])).toEqual([['ASSIGN', '2026-07-01']]);
    expect(s.schedule).toEqual(['2026-07-01', '2026-09-01']);
    // An admin may do it too; a dated FIXED task is not rescheduled this way.
    expect(checkSetSchedule(s, { actor: { ...p.ktHead, roles: ['ADMIN'] }, dueDates: ['2026-08-01'] }, today).authority.role).toBe('ADMIN');
    const fixed = createTaskState(input(), 'wf');
    expect(violation(() => checkSetSchedule(fixed, { actor: p.coordinator, dueDates: ['2026-08-01'] }, today)).code).toBe('VALIDATION');
  });

  test('a task imported without a lead unit starts with the coordinator naming it; nothing crashes', () => {
    const s = createTaskState(input({ leadUnits: [] }), 'wf');
    expect(taskStatus(s)).toBe('NOT_STARTED');
    expect(openCycle(s, now).event).toMatchObject({ type: 'CYCLE_OPENED', to: 'NOT_STARTED' });
    expect(openSteps(s).map((x) => [x.kind, x.principals])).toEqual([['SET_LEAD_UNIT', ['role:COORDINATOR']]]);
    expect(violation(() => checkSetLeadUnits(s, { actor: p.ktHead, units: ['KT'] }, today)).code).toBe('NOT_YOUR_STEP');
    expect(violation(() => checkSetLeadUnits(s, { actor: p.coordinator, units: [] }, today)).code).toBe('VALIDATION');
    const i = { actor: p.coordinator, units: ['KT'] };
    const v = checkSetLeadUnits(s, i, today);
    const [set] = applySetLeadUnits(s, i, v.step, v.authority, now);
    expect(set.event).toMatchObject({ type: 'LEAD_UNITS_SET', role: 'COORDINATOR', data: { units: ['KT'] } });
    expect(set.snapshot.leadUnits).toEqual(['KT']);
    expect(openSteps(s).map((x) => [x.kind, x.unit])).toEqual([['ASSIGN', 'KT']]);
    act.assign(s);
    expect(taskStatus(s)).toBe('IN_PROGRESS');
  });
});
