/** The task rules and transitions as plain functions: no Temporal, no server. */
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
  checkSubmit,
  delegationValidOn,
  RuleViolation,
} from './rules';
import { carryForward, createTaskState, openSteps, taskStatus, toSnapshot, type TaskState } from './state';
import {
  applyAssign,
  applyContribute,
  applyDecide,
  applyRequestContributions,
  applySaveDraft,
  applySetSchedule,
  applySubmit,
  openCycle,
} from './transitions';

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

const stepOf = (s: TaskState, kind: string, unit?: string) => openSteps(s).find((x) => x.kind === kind && (!unit || x.unit === unit))!.stepId;

/** Drives a state through the rules exactly as the workflow's handlers do. */
const act = {
  assign(s: TaskState, actor = p.ktHead, assignee = p.ktStaff, unit = actor.unit!) {
    const i = { actor, stepId: stepOf(s, 'ASSIGN', unit), assignee: asAssignee(assignee) };
    const v = checkAssign(s, i);
    return applyAssign(s, i, v.part, v.authority, now);
  },
  draft(s: TaskState, actor = p.ktStaff, content = 'Dự thảo') {
    const i = { actor, content };
    const v = checkSaveDraft(s, i);
    return applySaveDraft(s, i, v.part, v.authority, now);
  },
  submit(s: TaskState, actor = p.ktStaff, unit = actor.unit!) {
    const i = { actor, stepId: stepOf(s, 'DRAFT', unit) };
    const v = checkSubmit(s, i);
    return applySubmit(s, i, v.part, v.authority, now);
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

describe('state', () => {
  test('a new task waits for the head of each lead unit to assign it', () => {
    const s = createTaskState(input({ leadUnits: ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'] }), 'wf');
    expect(taskStatus(s)).toBe('NOT_STARTED');
    expect(openSteps(s).map((x) => [x.kind, x.unit, x.holderRole, x.dueAt])).toEqual(
      ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'].map((u) => ['ASSIGN', u, 'UNIT_HEAD', '2026-06-30']),
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
    });
    const second = createTaskState({ ...input({ deadlineKind: 'CONTINUOUS', dueDates: [] }), carry }, 'wf');
    expect(toSnapshot(second)).toMatchObject({ cycle: 2, cycleDueAt: '2026-06-05', status: 'IN_PROGRESS', seq: first.seq });
    const [step] = openSteps(second);
    expect(step).toMatchObject({ kind: 'DRAFT', assignee: { id: p.ktStaff.id } });
    expect(step.stepId.startsWith('c2:KT:draft:')).toBe(true);
    expect(openSteps(first).map((x) => x.stepId)).not.toContain(step.stepId);
  });

  test('a snapshot is a copy: changing it does not change the state', () => {
    const s = submitted();
    const snap = toSnapshot(s);
    snap.parts[0].drafter!.id = 'someone-else';
    expect(s.parts[0].drafter!.id).toBe(p.ktStaff.id);
  });
});

describe('events', () => {
  test('each change numbers its event and carries the state after it', () => {
    const s = createTaskState(input(), 'wf-1');
    const opened = openCycle(s, now);
    expect(opened.event).toMatchObject({ seq: 1, type: 'CYCLE_OPENED', from: null, to: 'NOT_STARTED', actor: null, data: { cycle: 1, cycles: 1, dueAt: '2026-06-30' } });
    const [assigned] = act.assign(s);
    expect(assigned.event).toMatchObject({ seq: 2, type: 'ASSIGNED', from: 'NOT_STARTED', to: 'IN_PROGRESS', role: 'UNIT_HEAD', at: now.toISOString() });
    expect(assigned.snapshot.seq).toBe(2);
    const [saved] = act.draft(s, p.ktStaff, 'Nội dung dự thảo');
    expect(saved.draft).toEqual({ unit: 'KT', version: 1, content: 'Nội dung dự thảo', author: { id: p.ktStaff.id, fullName: p.ktStaff.fullName }, cycle: 1 });
    expect(saved.workflowId).toBe('wf-1');
  });

  test("the Chairman's approval completes the cycle and closes open contributions", () => {
    const s = createTaskState(input(), 'wf');
    act.assign(s);
    const req = { actor: p.ktStaff, requests: [{ unit: 'VP' as const, dueAt: null }] };
    const rv = checkRequestContributions(s, req);
    applyRequestContributions(s, req, rv.part, rv.authority, now);
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
    expect(violation(() => checkContribute(s, { actor: p.vpStaff, unit: 'VP', content: 'Muộn' })).code).toBe('STEP_CLOSED');
  });
});

describe('assignment and drafting', () => {
  test('only the head of the part’s unit assigns, to someone of that unit', () => {
    const s = createTaskState(input(), 'wf');
    const stepId = stepOf(s, 'ASSIGN');
    expect(violation(() => checkAssign(s, { actor: p.vpHead, stepId, assignee: asAssignee(p.ktStaff) })).code).toBe('NOT_YOUR_STEP');
    expect(violation(() => checkAssign(s, { actor: p.ktStaff, stepId, assignee: asAssignee(p.ktStaff) })).code).toBe('NOT_YOUR_STEP');
    expect(violation(() => checkAssign(s, { actor: p.ktHead, stepId, assignee: asAssignee(p.vpStaff) })).code).toBe('VALIDATION');
    expect(violation(() => checkAssign(s, { actor: { ...p.ktHead, commune: 'xa-khac' }, stepId, assignee: asAssignee(p.ktStaff) })).code).toBe(
      'NOT_FOUND',
    );
    // The head may take the work himself.
    expect(checkAssign(s, { actor: p.ktHead, stepId, assignee: asAssignee(p.ktHead) }).authority.role).toBe('UNIT_HEAD');
    act.assign(s);
    expect(violation(() => checkAssign(s, { actor: p.ktHead, stepId, assignee: asAssignee(p.ktStaff) })).code).toBe('STEP_CLOSED');
  });

  test('drafting actions belong to the assignee while the draft is with him', () => {
    const s = createTaskState(input(), 'wf');
    expect(violation(() => checkSaveDraft(s, { actor: p.ktStaff, content: 'x' })).code).toBe('NOT_YOUR_STEP');
    act.assign(s);
    expect(violation(() => checkSaveDraft(s, { actor: p.ktStaff, content: '  ' })).message).toBe('Nội dung dự thảo không được để trống.');
    expect(violation(() => checkSubmit(s, { actor: p.ktStaff, stepId: stepOf(s, 'DRAFT') }))).toEqual({
      code: 'VALIDATION',
      message: 'Chưa có dự thảo để trình.',
    });
    const attachment = { id: 'f1', name: 'phu-luc.xlsx', size: 10, sha256: 'ab' };
    expect(checkAddAttachment(s, { actor: p.ktStaff, attachment }).authority.role).toBe('STAFF');
    expect(violation(() => checkAddAttachment(s, { actor: p.ktStaff, attachment: { ...attachment, name: '' } })).code).toBe('VALIDATION');
    act.draft(s);
    act.submit(s);
    expect(violation(() => checkSaveDraft(s, { actor: p.ktStaff, content: 'x' })).code).toBe('STEP_CLOSED');
  });

  test('a submit names a step: the draft step, not another', () => {
    const s = createTaskState(input(), 'wf');
    act.assign(s);
    act.draft(s);
    const assignStepId = 'c1:KT:assign:1';
    expect(violation(() => checkSubmit(s, { actor: p.ktStaff, stepId: assignStepId })).code).toBe('STEP_CLOSED');
    expect(violation(() => checkSubmit(s, { actor: p.ktHead, stepId: stepOf(s, 'DRAFT') })).code).toBe('NOT_YOUR_STEP');
  });
});

describe('reviews', () => {
  test('each level belongs to its holder', () => {
    const s = submitted();
    const unitStep = stepOf(s, 'UNIT_REVIEW');
    const decide = (actor: typeof p.ktHead, stepId = unitStep) => () => checkDecide(s, { actor, stepId, decision: 'approve' }, today);
    expect(violation(decide(p.vpHead)).code).toBe('NOT_YOUR_STEP');
    expect(violation(decide(p.ktStaff)).code).toBe('NOT_YOUR_STEP');
    expect(violation(decide(p.chairman)).code).toBe('NOT_YOUR_STEP');
    act.decide(s, p.ktHead, 'UNIT_REVIEW', 'approve');
    const vhxhStep = stepOf(s, 'VHXH_REVIEW');
    expect(violation(decide(p.ktHead, vhxhStep)).code).toBe('NOT_YOUR_STEP');
    expect(violation(decide(p.coordinator, vhxhStep)).code).toBe('NOT_YOUR_STEP');
    expect(violation(decide(p.ktHead, unitStep)).code).toBe('STEP_CLOSED');
  });

  test('the drafter never approves his own draft, at any level; returning it is allowed', () => {
    const s = createTaskState(input(), 'wf');
    act.assign(s, p.ktHead, p.ktHead);
    act.draft(s, p.ktHead);
    act.submit(s, p.ktHead);
    const stepId = stepOf(s, 'UNIT_REVIEW');
    expect(violation(() => checkDecide(s, { actor: p.ktHead, stepId, decision: 'approve' }, today))).toEqual({
      code: 'SELF_APPROVAL',
      message: 'Người soạn thảo không được tự phê duyệt dự thảo của mình.',
    });
    expect(checkDecide(s, { actor: p.ktHead, stepId, decision: 'return', comment: 'Sửa lại' }, today).authority.role).toBe('UNIT_HEAD');

    // The VH-XH head who drafted his unit's part of an all-units task cannot pass the whole at VH-XH level.
    const all = createTaskState(input({ leadUnits: ['VHXH', 'KT'] }), 'wf');
    act.assign(all, p.vhxhHead, p.vhxhHead);
    act.assign(all, p.ktHead, p.ktStaff);
    act.draft(all, p.vhxhHead);
    act.draft(all, p.ktStaff);
    act.submit(all, p.vhxhHead);
    act.submit(all, p.ktStaff);
    act.decide(all, p.ktHead, 'UNIT_REVIEW', 'approve', undefined, 'KT');
    expect(violation(() => act.decide(all, p.vhxhHead, 'UNIT_REVIEW', 'approve', undefined, 'VHXH')).code).toBe('SELF_APPROVAL');
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

  test('a return from the chain sends every part back; the status shows RETURNED until resubmitted', () => {
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

describe('contributions and schedule', () => {
  test('requests go to cooperating units, once at a time; answers come from that unit', () => {
    const s = createTaskState(input(), 'wf');
    act.assign(s);
    const ask = (requests: { unit: string; dueAt: string | null }[]) => () =>
      checkRequestContributions(s, { actor: p.ktStaff, requests: requests as { unit: 'VP'; dueAt: string | null }[] });
    expect(violation(ask([])).code).toBe('VALIDATION');
    expect(violation(ask([{ unit: 'KT', dueAt: null }])).code).toBe('VALIDATION');
    expect(violation(ask([{ unit: 'XX', dueAt: null }])).code).toBe('VALIDATION');
    expect(violation(ask([{ unit: 'VP', dueAt: '31/05/2026' }])).code).toBe('VALIDATION');
    expect(violation(ask([{ unit: 'VP', dueAt: null }, { unit: 'VP', dueAt: null }])).code).toBe('VALIDATION');
    const req = { actor: p.ktStaff, requests: [{ unit: 'VP' as const, dueAt: '2026-05-31' }] };
    const v = checkRequestContributions(s, req);
    applyRequestContributions(s, req, v.part, v.authority, now);
    expect(violation(ask([{ unit: 'VP', dueAt: null }])).message).toBe('Văn phòng HĐND và UBND xã đang có yêu cầu góp ý chưa trả lời.');

    expect(violation(() => checkContribute(s, { actor: p.ktStaff, unit: 'VP', content: 'x' })).code).toBe('NOT_YOUR_STEP');
    expect(violation(() => checkContribute(s, { actor: p.ttpvhccStaff, unit: 'TTPVHCC', content: 'x' })).code).toBe('STEP_CLOSED');
    expect(violation(() => checkContribute(s, { actor: p.vpStaff, unit: 'VP', content: '' })).code).toBe('VALIDATION');
    const c = { actor: p.vpHead, unit: 'VP' as const, content: 'Thống nhất' };
    const cv = checkContribute(s, c);
    const [contributed] = applyContribute(s, c, cv.contribution, cv.authority, now);
    expect(contributed.event).toMatchObject({ type: 'CONTRIBUTED', role: 'UNIT_HEAD', data: { unit: 'VP', content: 'Thống nhất' } });
    expect(toSnapshot(s).contributions[0]).toMatchObject({ content: 'Thống nhất', contributor: { id: p.vpHead.id } });
  });

  test('the coordinator enters dates for an on-request task', () => {
    const s = createTaskState(input({ deadlineKind: 'ON_REQUEST', dueDates: [] }), 'wf');
    expect(openSteps(s).map((x) => x.kind)).toEqual(['ASSIGN', 'SET_SCHEDULE']);
    expect(violation(() => checkSetSchedule(s, { actor: p.ktHead, dueDates: ['2026-07-01'] })).code).toBe('FORBIDDEN');
    expect(violation(() => checkSetSchedule(s, { actor: p.coordinator, dueDates: ['2026-02-30'] })).code).toBe('VALIDATION');
    const i = { actor: p.coordinator, dueDates: ['2026-09-01', '2026-07-01'] };
    const v = checkSetSchedule(s, i);
    const [set] = applySetSchedule(s, i, v.authority, now);
    expect(set.event).toMatchObject({ type: 'SCHEDULE_SET', role: 'COORDINATOR', data: { dueDates: ['2026-07-01', '2026-09-01'], cycleDueAt: '2026-07-01' } });
    expect(openSteps(s).map((x) => [x.kind, x.dueAt])).toEqual([['ASSIGN', '2026-07-01']]);
    expect(s.schedule).toEqual(['2026-07-01', '2026-09-01']);
    // An admin may do it too; a dated FIXED task is not rescheduled this way.
    expect(checkSetSchedule(s, { actor: { ...p.ktHead, roles: ['ADMIN'] }, dueDates: ['2026-08-01'] }).authority.role).toBe('ADMIN');
    const fixed = createTaskState(input(), 'wf');
    expect(violation(() => checkSetSchedule(fixed, { actor: p.coordinator, dueDates: ['2026-08-01'] })).code).toBe('VALIDATION');
  });
});
