/**
 * The task workflow on the time-skipping server. The read-model activity is the edge: it is replaced by a
 * recorder, and the tests assert what the read model (and so a user) would see.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { taskSnapshotQuery, type TaskSnapshot, type UnitCode } from '@app/contracts';
import {
  addDays,
  bundleForTests,
  createTestEnv,
  delegated,
  rejectionOf,
  runTaskTest,
  TaskDriver,
  type TaskTest,
} from '../support/workflows/harness';
import { NO_EXCEPTIONS, startOfDayAfter, subtractWorkingDays } from '@app/domain';

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, bundle] = await Promise.all([createTestEnv(), bundleForTests()]);
});
afterAll(async () => {
  await env?.teardown();
});

const run = (body: (t: TaskTest) => Promise<void>) => runTaskTest(env, bundle, body);

const eventsOf = (t: TaskTest, task: TaskDriver) => t.recorder.of(task.workflowId).map((c) => c.event);
const trail = (t: TaskTest, task: TaskDriver) => eventsOf(t, task).map((e) => `${e.type}:${e.from ?? '-'}>${e.to}`);

/** Assignment, one draft and submission of a single-unit task. */
async function draftUp(task: TaskDriver, head: TaskTest['people']['ktHead'], staff: TaskTest['people']['ktStaff']) {
  await task.assign(head, staff);
  await task.saveDraft(staff, 'Báo cáo rà soát thủ tục hành chính, dự thảo lần 1');
  return task.submit(staff);
}

test('full chain of a Phòng Kinh tế task: assign, draft, three approvals, completed', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff, vhxhHead, chairman } = t.people;
    const task = await t.startTask();

    let snap = await task.snapshot();
    expect(snap.status).toBe('NOT_STARTED');
    expect(snap.openSteps).toEqual([
      {
        stepId: expect.stringMatching(/^c1:KT:assign:\d+$/),
        kind: 'ASSIGN',
        unit: 'KT',
        holderRole: 'UNIT_HEAD',
        assignee: null,
        principals: ['unit:KT:UNIT_HEAD'],
        excludedUserIds: [],
        openedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        dueAt: `${t.nextYear}-06-30`,
        escalationLevel: 0,
      },
    ]);

    snap = await task.assign(ktHead, ktStaff);
    expect(snap.status).toBe('IN_PROGRESS');
    expect(snap.openSteps).toEqual([
      expect.objectContaining({ kind: 'DRAFT', unit: 'KT', holderRole: 'STAFF', assignee: { id: ktStaff.id, fullName: ktStaff.fullName } }),
    ]);

    await task.saveDraft(ktStaff, 'Dự thảo lần 1');
    snap = await task.saveDraft(ktStaff, 'Dự thảo lần 2');
    expect(snap.parts[0].draftVersion).toBe(2);
    await task.addAttachment(ktStaff, 'bao-cao-ra-soat.docx');

    snap = await task.submit(ktStaff, 'KT', 'Kính trình trưởng phòng');
    expect(snap.status).toBe('UNIT_REVIEW');
    expect(snap.parts[0]).toMatchObject({ status: 'UNIT_REVIEW', drafter: { id: ktStaff.id } });

    snap = await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
    expect(snap.status).toBe('VHXH_REVIEW');
    expect(snap.openSteps).toEqual([expect.objectContaining({ kind: 'VHXH_REVIEW', unit: 'VHXH', holderRole: 'UNIT_HEAD' })]);

    snap = await task.decide(vhxhHead, 'VHXH_REVIEW', 'approve', 'Đạt yêu cầu');
    expect(snap.status).toBe('CHAIRMAN_REVIEW');
    expect(snap.openSteps).toEqual([expect.objectContaining({ kind: 'CHAIRMAN_REVIEW', unit: null, holderRole: 'CHAIRMAN' })]);

    snap = await task.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect(snap.status).toBe('COMPLETED');
    expect(snap.openSteps).toEqual([]);

    // One cycle only: the workflow completes; its final state stays queryable.
    expect(await task.closedStatus()).toBe('COMPLETED');
    expect(await task.snapshot()).toMatchObject({ status: 'COMPLETED', cycle: 1, seq: 10 });

    expect(trail(t, task)).toEqual([
      'CYCLE_OPENED:->NOT_STARTED',
      'ASSIGNED:NOT_STARTED>IN_PROGRESS',
      'DRAFT_SAVED:IN_PROGRESS>IN_PROGRESS',
      'DRAFT_SAVED:IN_PROGRESS>IN_PROGRESS',
      'ATTACHMENT_ADDED:IN_PROGRESS>IN_PROGRESS',
      'SUBMITTED:IN_PROGRESS>UNIT_REVIEW',
      'APPROVED:UNIT_REVIEW>VHXH_REVIEW',
      'APPROVED:VHXH_REVIEW>CHAIRMAN_REVIEW',
      'APPROVED:CHAIRMAN_REVIEW>COMPLETED',
      'COMPLETED:->COMPLETED',
    ]);
    const changes = t.recorder.of(task.workflowId);
    expect(changes.map((c) => c.event.seq)).toEqual(changes.map((_, i) => i + 1));
    expect(changes.every((c) => c.snapshot.seq === c.event.seq)).toBe(true);
    expect(changes[2].draft).toEqual({ unit: 'KT', version: 1, content: 'Dự thảo lần 1', author: { id: ktStaff.id, fullName: ktStaff.fullName }, cycle: 1 });
    const byType = (type: string) => changes.filter((c) => c.event.type === type).map((c) => c.event);
    expect(byType('ASSIGNED')[0]).toMatchObject({ actor: { id: ktHead.id }, role: 'UNIT_HEAD', data: { unit: 'KT', assignee: { id: ktStaff.id } } });
    expect(byType('ATTACHMENT_ADDED')[0]).toMatchObject({
      role: 'STAFF',
      data: { unit: 'KT', attachmentId: expect.any(String), attachment: { name: 'bao-cao-ra-soat.docx', size: 1024 } },
    });
    expect(byType('SUBMITTED')[0]).toMatchObject({ actor: { id: ktStaff.id }, role: 'STAFF', comment: 'Kính trình trưởng phòng' });
    expect(byType('APPROVED').map((e) => [e.actor?.id, e.role, e.onBehalfOf])).toEqual([
      [ktHead.id, 'UNIT_HEAD', null],
      [vhxhHead.id, 'UNIT_HEAD', null],
      [chairman.id, 'CHAIRMAN', null],
    ]);
    expect(byType('APPROVED')[1].comment).toBe('Đạt yêu cầu');
    expect(changes.every((c) => !Number.isNaN(Date.parse(c.event.at)))).toBe(true);
  });
});

test('a return at each level sends the draft back, and the resubmission climbs the whole chain again', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff, vhxhHead, chairman } = t.people;
    const task = await t.startTask();
    await draftUp(task, ktHead, ktStaff);

    // Unit level.
    let snap = await task.decide(ktHead, 'UNIT_REVIEW', 'return', 'Bổ sung số liệu quý I');
    expect(snap.status).toBe('RETURNED');
    expect(snap.parts[0]).toMatchObject({ status: 'DRAFT', returnReason: 'Bổ sung số liệu quý I' });
    expect(snap.lastReturnReason).toBe('Bổ sung số liệu quý I');
    expect(snap.openSteps).toEqual([expect.objectContaining({ kind: 'DRAFT', assignee: expect.objectContaining({ id: ktStaff.id }) })]);
    snap = await task.draftAndSubmit(ktStaff, 'Dự thảo lần 2, đã bổ sung số liệu');
    expect(snap.status).toBe('UNIT_REVIEW');
    expect(snap.parts[0].returnReason).toBeNull();

    // VH-XH level: back to the drafter, then unit review again.
    await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
    snap = await task.decide(vhxhHead, 'VHXH_REVIEW', 'return', 'Chưa đúng mẫu báo cáo');
    expect(snap.status).toBe('RETURNED');
    expect(snap.parts[0]).toMatchObject({ status: 'DRAFT', returnReason: 'Chưa đúng mẫu báo cáo' });
    snap = await task.draftAndSubmit(ktStaff, 'Dự thảo lần 3, đúng mẫu');
    expect(snap.status).toBe('UNIT_REVIEW');
    await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
    await task.decide(vhxhHead, 'VHXH_REVIEW', 'approve');

    // Chairman level.
    snap = await task.decide(chairman, 'CHAIRMAN_REVIEW', 'return', 'Làm rõ kiến nghị');
    expect(snap.status).toBe('RETURNED');
    expect(snap.openSteps.map((s) => s.kind)).toEqual(['DRAFT']);
    snap = await task.draftAndSubmit(ktStaff, 'Dự thảo lần 4');
    expect(snap.status).toBe('UNIT_REVIEW');
    await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
    await task.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
    snap = await task.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect(snap.status).toBe('COMPLETED');
    expect(snap.parts[0].draftVersion).toBe(4);

    const returned = eventsOf(t, task).filter((e) => e.type === 'RETURNED');
    expect(returned.map((e) => [e.from, e.to, e.comment, e.role, e.data?.level])).toEqual([
      ['UNIT_REVIEW', 'RETURNED', 'Bổ sung số liệu quý I', 'UNIT_HEAD', 'UNIT_REVIEW'],
      ['VHXH_REVIEW', 'RETURNED', 'Chưa đúng mẫu báo cáo', 'UNIT_HEAD', 'VHXH_REVIEW'],
      ['CHAIRMAN_REVIEW', 'RETURNED', 'Làm rõ kiến nghị', 'CHAIRMAN', 'CHAIRMAN_REVIEW'],
    ]);
    const submitted = eventsOf(t, task).filter((e) => e.type === 'SUBMITTED');
    expect(submitted.map((e) => [e.from, e.to])).toEqual([
      ['IN_PROGRESS', 'UNIT_REVIEW'],
      ['RETURNED', 'UNIT_REVIEW'],
      ['RETURNED', 'UNIT_REVIEW'],
      ['RETURNED', 'UNIT_REVIEW'],
    ]);
  });
});

test('a failed read-model write is retried, and the update answers once the change is written', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff } = t.people;
    const task = await t.startTask();
    // The cycle's first write must be done before the failure is armed, or that write would take it.
    while (!eventsOf(t, task).some((e) => e.type === 'CYCLE_OPENED')) await new Promise((r) => setTimeout(r, 20));
    const attemptsBefore = t.recorder.attempts;
    t.recorder.failNext(1);
    const snap = await task.assign(ktHead, ktStaff);
    expect(snap.status).toBe('IN_PROGRESS');
    expect(t.recorder.attempts - attemptsBefore).toBe(2);
    // Written once, and already there when the update returned.
    expect(eventsOf(t, task).filter((e) => e.type === 'ASSIGNED')).toHaveLength(1);
  });
});

test('when the read model stays down past the retries, the workflow re-sends the change later', async () => {
  await run(async (t) => {
    // All five attempts of the first write fail (the activity's retry policy gives up).
    t.recorder.failNext(5);
    const task = await t.startTask();
    await env.sleep(3 * 60_000);
    expect(t.recorder.attempts).toBe(6);
    expect(eventsOf(t, task).map((e) => e.type)).toEqual(['CYCLE_OPENED']);
    // Nothing was lost or doubled: the next action follows in sequence.
    await task.assign(t.people.ktHead, t.people.ktStaff);
    expect(eventsOf(t, task).map((e) => e.seq)).toEqual([1, 2]);
  });
});

test('returning without a reason is rejected and changes nothing', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff } = t.people;
    const task = await t.startTask();
    await draftUp(task, ktHead, ktStaff);
    const before = await task.snapshot();

    for (const comment of [undefined, '', '   ']) {
      expect(await rejectionOf(task.decide(ktHead, 'UNIT_REVIEW', 'return', comment))).toEqual({
        type: 'VALIDATION',
        message: 'Trả lại dự thảo phải ghi rõ lý do.',
      });
    }
    expect(await task.snapshot()).toEqual(before);
  });
});

test('when Phòng VH-XH leads, its unit review is the VH-XH review and goes straight to the Chairman', async () => {
  await run(async (t) => {
    const { vhxhHead, coordinator, chairman } = t.people;
    const task = await t.startTask({ number: 3, leadUnits: ['VHXH'], coUnits: ['VP', 'KT'] });
    await task.assign(vhxhHead, coordinator);
    await task.draftAndSubmit(coordinator, 'Báo cáo CCHC quý');
    let snap = await task.decide(vhxhHead, 'UNIT_REVIEW', 'approve');
    expect(snap.status).toBe('CHAIRMAN_REVIEW');
    expect(snap.openSteps.map((s) => s.kind)).toEqual(['CHAIRMAN_REVIEW']);
    snap = await task.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect(snap.status).toBe('COMPLETED');
    expect(trail(t, task)).not.toContainEqual(expect.stringContaining('VHXH_REVIEW'));
  });
});

test('an all-units task collects five parts before the chain starts', async () => {
  await run(async (t) => {
    const p = t.people;
    const units: [UnitCode, typeof p.ktHead, typeof p.ktStaff][] = [
      ['VP', p.vpHead, p.vpStaff],
      ['VHXH', p.vhxhHead, p.coordinator],
      ['KT', p.ktHead, p.ktStaff],
      ['TTPVHCC', p.ttpvhccHead, p.ttpvhccStaff],
      ['TTDVSNC', p.ttdvsncHead, p.ttdvsncStaff],
    ];
    const task = await t.startTask({ number: 19, leadUnits: units.map(([u]) => u), coUnits: [] });
    let snap = await task.snapshot();
    expect(snap.parts.map((x) => x.unit)).toEqual(['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC']);
    expect(snap.openSteps.filter((s) => s.kind === 'ASSIGN')).toHaveLength(5);

    // A head may only assign his own unit's part.
    expect((await rejectionOf(task.assign(p.vpHead, p.ktStaff, 'KT'))).type).toBe('NOT_YOUR_STEP');

    for (const [, head, staff] of units) await task.assign(head, staff);
    snap = await task.snapshot();
    expect(snap.status).toBe('IN_PROGRESS');

    // The least advanced part sets the status; the chain waits for every part.
    for (const [unit, head, staff] of units.slice(0, 4)) {
      await task.draftAndSubmit(staff, `Phần của ${unit}`);
      snap = await task.decide(head, 'UNIT_REVIEW', 'approve', undefined, unit);
      expect(snap.status).toBe('IN_PROGRESS');
      expect(snap.openSteps.some((s) => s.kind === 'VHXH_REVIEW')).toBe(false);
    }
    const [lastUnit, lastHead, lastStaff] = units[4];
    snap = await task.draftAndSubmit(lastStaff, 'Phần của TTDVSNC');
    expect(snap.status).toBe('UNIT_REVIEW');
    // The unit head of one part returns it: only that part goes back.
    snap = await task.decide(lastHead, 'UNIT_REVIEW', 'return', 'Thiếu phụ lục', lastUnit);
    expect(snap.status).toBe('RETURNED');
    expect(snap.parts.filter((x) => x.status === 'DRAFT').map((x) => x.unit)).toEqual([lastUnit]);
    await task.draftAndSubmit(lastStaff, 'Phần của TTDVSNC, có phụ lục');
    snap = await task.decide(lastHead, 'UNIT_REVIEW', 'approve', undefined, lastUnit);
    expect(snap.status).toBe('VHXH_REVIEW');
    expect(snap.parts.every((x) => x.status === 'DONE')).toBe(true);

    // A return from the chain sends every part back to its drafter.
    snap = await task.decide(p.vhxhHead, 'VHXH_REVIEW', 'return', 'Các phần chưa thống nhất số liệu');
    expect(snap.status).toBe('RETURNED');
    expect(snap.parts.map((x) => [x.status, x.returnReason])).toEqual(units.map(() => ['DRAFT', 'Các phần chưa thống nhất số liệu']));
    for (const [unit, head, staff] of units) {
      await task.submit(staff);
      await task.decide(head, 'UNIT_REVIEW', 'approve', undefined, unit);
    }
    await task.decide(p.vhxhHead, 'VHXH_REVIEW', 'approve');
    snap = await task.decide(p.chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect(snap.status).toBe('COMPLETED');
  });
});

test('co-unit contributions run beside drafting and close with the cycle', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff, vpStaff, vpHead, ttpvhccStaff, vhxhHead, chairman } = t.people;
    // Two milestones: after the first cycle the workflow stays open, waiting for the second period.
    const task = await t.startTask({ coUnits: ['VP', 'TTPVHCC'], deadlineKind: 'MILESTONES', dueDates: [`${t.nextYear}-06-30`, `${t.nextYear}-12-31`] });
    await task.assign(ktHead, ktStaff);

    expect(await rejectionOf(task.requestContributions(ktStaff, [{ unit: 'KT', dueAt: null }]))).toMatchObject({ type: 'VALIDATION' });
    expect((await rejectionOf(task.requestContributions(vpStaff, [{ unit: 'VP', dueAt: null }]))).type).toBe('NOT_YOUR_STEP');

    let snap = await task.requestContributions(ktStaff, [
      { unit: 'VP', dueAt: `${t.nextYear}-05-15` },
      { unit: 'TTPVHCC', dueAt: null },
    ]);
    expect(snap.status).toBe('IN_PROGRESS');
    expect(snap.contributions).toEqual([
      { unit: 'VP', dueAt: `${t.nextYear}-05-15`, requestedBy: { id: ktStaff.id, fullName: ktStaff.fullName }, content: null, contentId: null, contributor: null, open: true },
      // Asked without a date: due three working days before the task's (the commune's setting).
      { unit: 'TTPVHCC', dueAt: subtractWorkingDays(`${t.nextYear}-06-30`, 3, NO_EXCEPTIONS), requestedBy: { id: ktStaff.id, fullName: ktStaff.fullName }, content: null, contentId: null, contributor: null, open: true },
    ]);
    const contributionSteps = snap.openSteps.filter((s) => s.kind === 'CONTRIBUTION');
    expect(contributionSteps.map((s) => [s.unit, s.holderRole, s.dueAt])).toEqual([
      ['VP', 'STAFF', `${t.nextYear}-05-15`],
      ['TTPVHCC', 'STAFF', subtractWorkingDays(`${t.nextYear}-06-30`, 3, NO_EXCEPTIONS)],
    ]);
    expect(new Set(snap.openSteps.map((s) => s.stepId)).size).toBe(snap.openSteps.length);
    // Asking the same unit again while it has not answered is refused.
    expect((await rejectionOf(task.requestContributions(ktStaff, [{ unit: 'VP', dueAt: null }]))).type).toBe('VALIDATION');

    // Only someone of the asked unit answers; the head of that unit may too.
    expect((await rejectionOf(task.contribute(ktStaff, 'VP', 'Ý kiến')))).toMatchObject({ type: 'NOT_YOUR_STEP' });
    snap = await task.contribute(vpStaff, 'VP', 'Văn phòng thống nhất nội dung, đề nghị bổ sung mục 3');
    expect(snap.contributions[0]).toMatchObject({
      content: 'Văn phòng thống nhất nội dung, đề nghị bổ sung mục 3',
      contributor: { id: vpStaff.id, fullName: vpStaff.fullName },
    });
    expect(snap.openSteps.filter((s) => s.kind === 'CONTRIBUTION').map((s) => s.unit)).toEqual(['TTPVHCC']);
    expect((await rejectionOf(task.contribute(vpHead, 'VP', 'Ý kiến thêm'))).type).toBe('STEP_CLOSED');

    // An open contribution does not hold up submission; it closes when the cycle completes.
    await task.saveDraft(ktStaff, 'Dự thảo có ý kiến Văn phòng');
    snap = await task.submit(ktStaff);
    expect(snap.status).toBe('UNIT_REVIEW');
    expect(snap.openSteps.map((s) => s.kind).sort()).toEqual(['CONTRIBUTION', 'UNIT_REVIEW']);
    await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
    await task.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
    snap = await task.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect(snap.openSteps).toEqual([]);
    expect(snap.contributions.map((c) => [c.unit, c.content !== null])).toEqual([
      ['VP', true],
      ['TTPVHCC', false],
    ]);
    expect((await rejectionOf(task.contribute(ttpvhccStaff, 'TTPVHCC', 'Muộn'))).type).toBe('STEP_CLOSED');

    const types = eventsOf(t, task).map((e) => e.type);
    expect(types.filter((x) => x === 'CONTRIBUTION_REQUESTED')).toHaveLength(2);
    expect(types.filter((x) => x === 'CONTRIBUTED')).toHaveLength(1);
  });
});

test('NOT_YOUR_STEP for the wrong unit or role, NOT_FOUND for another commune', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff, vpHead, vpStaff, vhxhHead, chairman, viceChairman } = t.people;
    const task = await t.startTask();
    const notYours = { type: 'NOT_YOUR_STEP', message: 'Bước này không thuộc quyền xử lý của bạn.' };

    expect(await rejectionOf(task.assign(vpHead, vpStaff, 'KT'))).toEqual(notYours);
    expect(await rejectionOf(task.assign(ktStaff, ktStaff, 'KT'))).toEqual(notYours);
    // Assigning someone of another unit is a bad request, not a permission problem.
    expect(await rejectionOf(task.assign(ktHead, vpStaff))).toMatchObject({ type: 'VALIDATION' });
    await task.assign(ktHead, ktStaff);

    expect(await rejectionOf(task.saveDraft(vpStaff, 'Không phải việc của tôi'))).toEqual(notYours);
    await task.saveDraft(ktStaff, 'Dự thảo');
    expect(await rejectionOf(task.submit(ktHead, 'KT'))).toEqual(notYours);
    await task.submit(ktStaff);

    expect(await rejectionOf(task.decide(ktStaff, 'UNIT_REVIEW', 'approve'))).toEqual(notYours);
    expect(await rejectionOf(task.decide(vpHead, 'UNIT_REVIEW', 'approve'))).toEqual(notYours);
    expect(await rejectionOf(task.decide(vhxhHead, 'UNIT_REVIEW', 'approve'))).toEqual(notYours);
    await task.decide(ktHead, 'UNIT_REVIEW', 'approve');

    expect(await rejectionOf(task.decide(ktHead, 'VHXH_REVIEW', 'approve'))).toEqual(notYours);
    await task.decide(vhxhHead, 'VHXH_REVIEW', 'approve');

    expect(await rejectionOf(task.decide(vhxhHead, 'CHAIRMAN_REVIEW', 'approve'))).toEqual(notYours);
    // A Vice Chairman without a delegation does not hold the Chairman's step.
    expect(await rejectionOf(task.decide(viceChairman, 'CHAIRMAN_REVIEW', 'approve'))).toEqual(notYours);

    const outsider = { ...chairman, commune: 'xa-khac' };
    expect(await rejectionOf(task.decide(outsider, 'CHAIRMAN_REVIEW', 'approve'))).toEqual({
      type: 'NOT_FOUND',
      message: 'Không tìm thấy nhiệm vụ.',
    });
    expect((await task.snapshot()).status).toBe('CHAIRMAN_REVIEW');
  });
});

test('separation of duties: a unit head’s own submission stands for his review; no drafter decides at any level', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff, vhxhHead, chairman } = t.people;
    const selfDecision = { type: 'SELF_APPROVAL', message: 'Người soạn thảo không được tự quyết định (duyệt hoặc trả lại) dự thảo của mình.' };

    // A unit head who assigns himself and drafts: his submission stands for the unit review (nobody could decide it),
    // the trail says so, and the draft is with Phòng VH-XH.
    const own = await t.startTask({ number: 21 });
    await own.assign(ktHead, ktHead);
    const snap = await own.draftAndSubmit(ktHead, 'Trưởng phòng tự soạn');
    expect(snap.parts[0].drafter?.id).toBe(ktHead.id);
    expect(snap.status).toBe('VHXH_REVIEW');
    const waived = t.recorder.of(own.workflowId).find((c) => c.event.type === 'REVIEW_BY_SUBMISSION');
    expect(waived?.event).toMatchObject({ actor: { id: ktHead.id }, data: { level: 'UNIT_REVIEW', unit: 'KT' } });
    await own.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
    await own.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect((await own.snapshot()).status).toBe('COMPLETED');

    // A drafter who also holds the Chairman's role (acting Chairman) meets the rule at the top, for approve and return.
    const actingChairman = { ...ktStaff, id: `${t.commune}:kt.quyenchutich`, roles: ['STAFF', 'CHAIRMAN'] as typeof ktStaff.roles };
    const top = await t.startTask({ number: 22 });
    await top.assign(ktHead, actingChairman);
    await top.draftAndSubmit(actingChairman, 'Dự thảo');
    await top.decide(ktHead, 'UNIT_REVIEW', 'approve');
    await top.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
    expect(await rejectionOf(top.decide(actingChairman, 'CHAIRMAN_REVIEW', 'approve'))).toEqual(selfDecision);
    expect(await rejectionOf(top.decide(actingChairman, 'CHAIRMAN_REVIEW', 'return', 'Tự trả lại'))).toEqual(selfDecision);
    expect((await top.snapshot()).status).toBe('CHAIRMAN_REVIEW');
  });
});

test('STEP_CLOSED for a stale step id and for a double decision; order of steps is enforced', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff, vhxhHead } = t.people;
    const stepClosed = { type: 'STEP_CLOSED', message: 'Bước này đã được xử lý hoặc đã chuyển sang bước khác.' };
    const task = await t.startTask();
    const assignStep = await task.step('ASSIGN', 'KT');
    await task.assign(ktHead, ktStaff);
    expect(
      await rejectionOf(
        task.handle.executeUpdate('assign', { args: [{ actor: ktHead, stepId: assignStep.stepId, assignee: { ...ktStaff, unit: 'KT' } }] }),
      ),
    ).toEqual(stepClosed);

    expect(await rejectionOf(task.submit(ktStaff))).toEqual({ type: 'VALIDATION', message: 'Chưa có dự thảo để trình.' });
    await task.saveDraft(ktStaff, 'Dự thảo');
    await task.submit(ktStaff);
    // The draft step is closed once submitted.
    expect(await rejectionOf(task.saveDraft(ktStaff, 'Sửa sau khi trình'))).toEqual(stepClosed);

    // Two clicks on "approve" at once: one wins, the other finds the step closed.
    const { stepId } = await task.step('UNIT_REVIEW', 'KT');
    const outcomes = await Promise.allSettled([task.decideOn(stepId, ktHead, 'approve'), task.decideOn(stepId, ktHead, 'approve')]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(await rejectionOf(Promise.reject(failed.reason))).toEqual(stepClosed);
    // Later, the same stale id stays closed, even for the right person at the next level.
    expect(await rejectionOf(task.decideOn(stepId, vhxhHead, 'approve'))).toEqual(stepClosed);
    expect(await rejectionOf(task.decideOn('c9:KT:unit_review:99', ktHead, 'approve'))).toEqual(stepClosed);

    const approvals = eventsOf(t, task).filter((e) => e.type === 'APPROVED');
    expect(approvals).toHaveLength(1);
    expect((await task.snapshot()).status).toBe('VHXH_REVIEW');
  });
});

test('a Vice Chairman approves by delegation inside its period, not outside it', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff, vhxhHead, chairman, viceChairman } = t.people;
    const task = await t.startTask();
    await draftUp(task, ktHead, ktStaff);
    await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
    await task.decide(vhxhHead, 'VHXH_REVIEW', 'approve');

    const expired = delegated(viceChairman, chairman, addDays(t.today, -30), addDays(t.today, -1));
    const future = delegated(viceChairman, chairman, addDays(t.today, 1), addDays(t.today, 10));
    for (const outside of [expired, future]) {
      expect(await rejectionOf(task.decide(outside, 'CHAIRMAN_REVIEW', 'approve'))).toEqual({
        type: 'NOT_YOUR_STEP',
        message: 'Ủy quyền phê duyệt của bạn không có hiệu lực vào ngày hôm nay.',
      });
    }

    // The period is inclusive: a delegation for today only is valid.
    const todayOnly = delegated(viceChairman, chairman, t.today, t.today);
    const snap = await task.decide(todayOnly, 'CHAIRMAN_REVIEW', 'approve', 'Phê duyệt thay Chủ tịch');
    expect(snap.status).toBe('COMPLETED');
    const approval = eventsOf(t, task).filter((e) => e.type === 'APPROVED').pop()!;
    expect(approval).toMatchObject({
      actor: { id: viceChairman.id, fullName: viceChairman.fullName },
      role: 'VICE_CHAIRMAN',
      onBehalfOf: { id: chairman.id, fullName: chairman.fullName },
      comment: 'Phê duyệt thay Chủ tịch',
      from: 'CHAIRMAN_REVIEW',
      to: 'COMPLETED',
    });
  });
});

test('an on-request task has no date until the coordinator sets one', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff, coordinator } = t.people;
    const task = await t.startTask({ number: 30, deadlineKind: 'ON_REQUEST', dueDates: [] });
    let snap = await task.snapshot();
    expect(snap.cycleDueAt).toBeNull();
    expect(snap.openSteps.map((s) => [s.kind, s.holderRole, s.dueAt])).toEqual([
      ['ASSIGN', 'UNIT_HEAD', null],
      ['SET_SCHEDULE', 'COORDINATOR', null],
    ]);
    await task.assign(ktHead, ktStaff);

    expect(await rejectionOf(task.setSchedule(ktStaff, [`${t.nextYear}-04-20`]))).toMatchObject({ type: 'FORBIDDEN' });
    expect(await rejectionOf(task.setSchedule(coordinator, ['20/04/2027']))).toMatchObject({ type: 'VALIDATION' });
    expect(await rejectionOf(task.setSchedule(coordinator, []))).toMatchObject({ type: 'VALIDATION' });

    snap = await task.setSchedule(coordinator, [`${t.nextYear}-04-20`]);
    expect(snap.cycleDueAt).toBe(`${t.nextYear}-04-20`);
    expect(snap.openSteps.map((s) => [s.kind, s.dueAt])).toEqual([['DRAFT', `${t.nextYear}-04-20`]]);
    const event = eventsOf(t, task).pop()!;
    expect(event).toMatchObject({ type: 'SCHEDULE_SET', role: 'COORDINATOR', data: { dueDates: [`${t.nextYear}-04-20`] } });
    expect(t.recorder.of(task.workflowId).pop()!.snapshot.openSteps[0].dueAt).toBe(`${t.nextYear}-04-20`);

    // A FIXED task already has its date: the coordinator does not reschedule it here.
    const fixed = await t.startTask({ number: 31 });
    expect(await rejectionOf(fixed.setSchedule(coordinator, [`${t.nextYear}-04-20`]))).toMatchObject({ type: 'VALIDATION' });
  });
});

test('a continuous task opens its next quarter after the due date, continued-as-new with the same assignee', async () => {
  await run(async (t) => {
    const { ktHead, ktStaff, vhxhHead, chairman } = t.people;
    const task = await t.startTask({ number: 7, deadlineKind: 'CONTINUOUS', dueDates: [] });
    let snap = await task.snapshot();
    expect(snap.cycleDueAt).toBe(`${t.nextYear}-03-05`);
    const firstRunId = (await task.handle.describe()).runId;

    await draftUp(task, ktHead, ktStaff);
    await task.decide(ktHead, 'UNIT_REVIEW', 'approve');
    await task.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
    snap = await task.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect(snap).toMatchObject({ status: 'COMPLETED', cycle: 1 });

    // Before the quarter's date passes, the workflow waits with nothing open.
    expect((await task.handle.describe()).runId).toBe(firstRunId);
    const waitMs = startOfDayAfter(`${t.nextYear}-03-05`) - (await env.currentTimeMs());
    await env.sleep(waitMs + 60_000);

    const latest = env.client.workflow.getHandle(task.workflowId);
    let next: TaskSnapshot | undefined;
    for (let i = 0; i < 100 && next?.cycle !== 2; i++) {
      next = await latest.query(taskSnapshotQuery).catch(() => undefined);
      if (next?.cycle !== 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect((await latest.describe()).runId).not.toBe(firstRunId);
    expect(next).toMatchObject({
      cycle: 2,
      cycleDueAt: `${t.nextYear}-06-05`,
      status: 'IN_PROGRESS',
      parts: [{ unit: 'KT', status: 'DRAFT', assignee: { id: ktStaff.id, fullName: ktStaff.fullName }, draftVersion: 0, drafter: null }],
    });
    expect(next!.openSteps).toEqual([
      expect.objectContaining({
        stepId: expect.stringMatching(/^c2:KT:draft:/),
        kind: 'DRAFT',
        unit: 'KT',
        holderRole: 'STAFF',
        assignee: { id: ktStaff.id, fullName: ktStaff.fullName },
        principals: [`user:${ktStaff.id}`],
        dueAt: `${t.nextYear}-06-05`,
      }),
    ]);

    // The audit sequence carries over, and the new run announces its cycle.
    const events = eventsOf(t, task);
    const opened = events.filter((e) => e.type === 'CYCLE_OPENED');
    expect(opened.map((e) => e.data)).toEqual([
      { cycle: 1, cycles: 4, dueAt: `${t.nextYear}-03-05` },
      { cycle: 2, cycles: 4, dueAt: `${t.nextYear}-06-05` },
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));

    // The carried assignee works on: a draft of cycle 2 is version 1 of that cycle.
    const cycle2 = new TaskDriver(latest, task.workflowId);
    await cycle2.saveDraft(ktStaff, 'Tiến độ quý II');
    expect(t.recorder.of(task.workflowId).pop()!.draft).toMatchObject({ version: 1, cycle: 2 });
  });
});
