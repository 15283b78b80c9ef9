import { Client, Connection } from '@temporalio/client';
import { taskSnapshotQuery } from '@app/contracts';
import { startTestApp, TestApp } from '../support/app';
import { asWord, insertTaskAfter, removeTask, seedText, setCell } from '../support/plan-files';
import { testServices } from '../support/services';

const DECISION = 'Quyết định số 45/QĐ-UBND ngày 10/11/2026 của Chủ tịch UBND xã';
const NEW_TASK = 'Tổ chức đối thoại giữa Chủ tịch UBND xã với doanh nghiệp về cải cách hành chính';

/**
 * Amending an active plan (section IV: tasks may be amended during the year), against real PostgreSQL and Temporal:
 * a revised Word file previewed, then applied under a decision — one task added (its workflow started by the plan
 * workflow's addTasks), one deadline moved (the task workflow's amendSchedule), one task withdrawn (withdraw: the
 * workflow ends), a completed task withdrawn without losing anything — and one task edited on the board.
 * The commune's reviewing unit is set to VP first: every workflow is started with it.
 */
describe('amendments to an active plan', () => {
  let t: TestApp;
  let temporal: Connection;
  let client: Client;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const ids: Record<number, string> = {};
  let revised: Buffer;

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['admin', 'vhxh.cchc', 'kt.truongphong', 'kt.chuyenvien', 'vp.chanhvanphong', 'chutich', 'ttpvhcc.giamdoc']) tokens[u] = await t.login(u);
    temporal = await Connection.connect({ address: testServices().temporalAddress });
    client = new Client({ connection: temporal });
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'));
    for (const task of tasks.body) ids[task.number] = task.id;

    let text = seedText();
    text = setCell(text, 4, 4, 'Trước 15/12/2026');
    text = setCell(text, 12, 1, 'Thực hiện số hóa hồ sơ, kết quả giải quyết TTHC theo Nghị định số 45/2020/NĐ-CP và Nghị định số 107/2021/NĐ-CP');
    text = removeTask(text, 30);
    text = removeTask(text, 25);
    text = insertTaskAfter(text, 32, ['33', NEW_TASK, 'Phòng Kinh tế', 'Văn phòng HĐND và UBND xã', 'Trước 20/12/2026', 'Báo cáo kết quả đối thoại']);
    revised = Buffer.from(await asWord(text));
  });
  afterAll(async () => {
    await temporal?.close();
    await t?.stop();
  });

  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined | null | false>): Promise<T> => {
    for (let i = 0; i < 160; i++) {
      const value = await probe();
      if (value) return value;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const task = async (n: number) => (await t.http().get(`/api/tasks/${ids[n]}`).set(as('vhxh.cchc'))).body;
  const history = async (n: number) => (await t.http().get(`/api/tasks/${ids[n]}/history`).set(as('vhxh.cchc'))).body as { type: string; comment?: string }[];
  const inboxItem = async (user: string, n: number) =>
    ((await t.http().get('/api/inbox').set(as(user))).body as { taskId: string; kind: string; stepId: string }[]).find((x) => x.taskId === ids[n]);
  const preview = (user = 'vhxh.cchc') => t.http().post(`/api/plans/${t.planId}/amendments/preview`).set(as(user)).attach('file', revised, 'ke-hoach-dieu-chinh.docx');

  it('refuses an amendment to a plan not yet active: it is imported again instead', async () => {
    const res = await preview();
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Kế hoạch chưa được kích hoạt') });
  });

  it('activates with the commune’s reviewing unit (VP here) in every task workflow', async () => {
    await t.http().put('/api/units/VP').set(as('admin')).send({ name: 'Văn phòng HĐND và UBND xã', aliases: ['Văn phòng HĐND và UBND', 'VP'], kind: 'INTERNAL', reviewing: true }).expect(200);
    await t.http().post(`/api/plans/${t.planId}/activate`).set(as('vhxh.cchc')).expect(200);
    await waitFor('every task workflow to write its first state', async () => {
      const tasks = (await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'))).body as { currentStep: unknown }[];
      return tasks.every((x) => x.currentStep !== null);
    });
    const snapshot = await client.workflow.getHandle(`${t.commune}:2026:task:25`).query(taskSnapshotQuery);
    expect(snapshot.reviewingUnit).toBe('VP');
  });

  it('takes task 25 through the chain to COMPLETED (the VP head reviews at the VH-XH level)', async () => {
    const staff = (await t.http().get('/api/users?unit=KT&role=STAFF').set(as('kt.truongphong'))).body[0];
    await t.http().post(`/api/tasks/${ids[25]}/assign`).set(as('kt.truongphong')).send({ assigneeId: staff.id }).expect(200);
    await t.http().put(`/api/tasks/${ids[25]}/draft`).set(as('kt.chuyenvien')).send({ content: 'Báo cáo tự chủ quý IV' }).expect(200);
    await t.http().post(`/api/tasks/${ids[25]}/submit`).set(as('kt.chuyenvien')).send({}).expect(200);
    await t.http().post(`/api/tasks/${ids[25]}/decision`).set(as('kt.truongphong')).send({ decision: 'approve' }).expect(200);
    expect(await inboxItem('vp.chanhvanphong', 25)).toMatchObject({ kind: 'VHXH_REVIEW' });
    await t.http().post(`/api/tasks/${ids[25]}/decision`).set(as('vp.chanhvanphong')).send({ decision: 'approve' }).expect(200);
    const done = await t.http().post(`/api/tasks/${ids[25]}/decision`).set(as('chutich')).send({ decision: 'approve' }).expect(200);
    expect(done.body.status).toBe('COMPLETED');
  });

  it('previews the difference of the revised file: added, changed with which fields, withdrawn; writes nothing', async () => {
    const res = await preview();
    expect(res.status).toBe(200);
    expect(res.body.added.map((x: { displayNumber: string; content: string; lead: { units: { code: string }[] } }) => [x.displayNumber, x.content, x.lead.units[0].code])).toEqual([
      ['33', NEW_TASK, 'KT'],
    ]);
    expect(res.body.changed.map((c: { taskId: string; fields: string[] }) => [c.taskId, c.fields])).toEqual([
      [ids[4], ['deadline']],
      [ids[12], ['content']],
    ]);
    const deadline = res.body.changed[0];
    expect(deadline.before.deadline).toEqual({ raw: 'Quý I/2026', kind: 'PERIOD_END', dueDates: ['2026-03-31'] });
    expect(deadline.after.deadline).toEqual({ raw: 'Trước 15/12/2026', kind: 'FIXED', dueDates: ['2026-12-15'] });
    expect(res.body.withdrawn.map((w: { taskId: string; status: string; note: string | null }) => [w.taskId, w.note !== null])).toEqual([
      [ids[25], true],
      [ids[30], false],
    ]);
    expect(res.body.withdrawn[0].status).toBe('COMPLETED');
    expect(res.body).toMatchObject({ unchangedCount: 28, blocking: [] });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM plan_amendments`))[0].n).toBe(0);

    const staff = await t.http().post(`/api/plans/${t.planId}/amendments/preview`).set(as('kt.chuyenvien')).attach('file', revised, 'x.docx');
    expect(staff.status).toBe(403);
    expect(staff.body).toEqual({ code: 'FORBIDDEN', message: 'Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được điều chỉnh kế hoạch.' });
  });

  it('asks for the decision, then applies it', async () => {
    const none = await t.http().post(`/api/plans/${t.planId}/amendments`).set(as('vhxh.cchc')).attach('file', revised, 'x.docx');
    expect([none.status, none.body.code]).toEqual([400, 'VALIDATION']);
    expect(none.body.message).toContain('decision');

    const res = await t.http().post(`/api/plans/${t.planId}/amendments`).set(as('vhxh.cchc')).field('decision', DECISION).attach('file', revised, 'ke-hoach-dieu-chinh.docx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ decision: DECISION, added: 1, changed: 2, withdrawn: 2 });
    expect(res.body.records.map((r: { change: string; displayNumber: string; workflow: string | null }) => [r.change, r.displayNumber, r.workflow])).toEqual([
      ['CHANGED', '4', 'schedule'],
      ['CHANGED', '12', null],
      ['WITHDRAWN', '25', null],
      ['WITHDRAWN', '30', 'withdrawn'],
      ['ADDED', '33', 'started'],
    ]);
  });

  it('moved the deadline in the task workflow, keeping the original date beside the new one', async () => {
    const t4 = await task(4);
    expect(t4.deadline).toEqual({ raw: 'Trước 15/12/2026', kind: 'FIXED', dueDates: ['2026-12-15'], originalDueDates: ['2026-03-31'] });
    expect(await history(4)).toContainEqual(expect.objectContaining({ type: 'SCHEDULE_AMENDED', comment: `Điều chỉnh thời hạn theo ${DECISION}` }));
    const snapshot = await client.workflow.getHandle(`${t.commune}:2026:task:4`).query(taskSnapshotQuery);
    expect(snapshot).toMatchObject({ cycleDueAt: '2026-12-15', cycleOriginalDueAt: '2026-03-31' });
  });

  it('withdrew task 30: its workflow ended, it left every inbox, and it stays visible as withdrawn', async () => {
    const t30 = await task(30);
    expect(t30).toMatchObject({ status: 'WITHDRAWN', withdrawn: { decision: DECISION } });
    expect((await history(30)).at(-1)).toMatchObject({ type: 'WITHDRAWN', comment: `Rút khỏi kế hoạch theo ${DECISION}` });
    expect((await client.workflow.getHandle(`${t.commune}:2026:task:30`).describe()).status.name).toBe('COMPLETED');
    expect(await inboxItem('ttpvhcc.giamdoc', 30)).toBeUndefined();
    const board = (await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'))).body as { number: number }[];
    expect(board.map((x) => x.number)).toContain(30);
  });

  it('withdrew the completed task 25 without losing anything: COMPLETED, its trail whole, marked withdrawn', async () => {
    const t25 = await task(25);
    expect(t25).toMatchObject({ status: 'COMPLETED', withdrawn: { decision: DECISION } });
    expect((await history(25)).map((e) => e.type)).toEqual(expect.arrayContaining(['ASSIGNED', 'SUBMITTED', 'APPROVED', 'COMPLETED']));
    const records = (await t.http().get(`/api/tasks/${ids[25]}/amendments`).set(as('vhxh.cchc'))).body;
    expect(records).toEqual([expect.objectContaining({ change: 'WITHDRAWN', workflow: null, note: expect.stringContaining('giữ kết quả') })]);
  });

  it('added the new task as number 33, after the last one, and the plan workflow started its workflow', async () => {
    const board = (await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'))).body as { id: string; number: number; displayNumber: string; content: string }[];
    expect(board).toHaveLength(33);
    expect(board.at(-1)).toMatchObject({ number: 33, displayNumber: '33', content: NEW_TASK });
    ids[33] = board.at(-1)!.id;
    expect(await waitFor('the added task’s assignment step', () => inboxItem('kt.truongphong', 33))).toMatchObject({ kind: 'ASSIGN' });
    const snapshot = await client.workflow.getHandle(`${t.commune}:2026:task:33`).query(taskSnapshotQuery);
    expect(snapshot).toMatchObject({ reviewingUnit: 'VP', leadUnits: ['KT'], coUnits: ['VP'], deadlineKind: 'FIXED', cycleDueAt: '2026-12-20' });
    expect(board.find((x) => x.number === 12)?.content).toMatch(/^Thực hiện số hóa hồ sơ/);
  });

  it('records the amendment append-only, and applying the same decision again changes nothing', async () => {
    const records = (await t.http().get(`/api/plans/${t.planId}/amendments`).set(as('kt.truongphong'))).body as { decision: string }[];
    expect(records).toHaveLength(5);
    expect(new Set(records.map((r) => r.decision))).toEqual(new Set([DECISION]));
    const again = await t.http().post(`/api/plans/${t.planId}/amendments`).set(as('vhxh.cchc')).field('decision', DECISION).attach('file', revised, 'x.docx');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ added: 0, changed: 0, withdrawn: 0, records: [] });
  });

  it('edits one task on the board through the same path: a new deadline, then a new product', async () => {
    const decision = 'Quyết định số 52/QĐ-UBND ngày 20/11/2026';
    const res = await t.http().put(`/api/tasks/${ids[27]}/amendment`).set(as('vhxh.cchc')).send({ decision, deadline: 'Trước 20/12/2026' });
    expect(res.status).toBe(200);
    expect(res.body.records).toEqual([expect.objectContaining({ change: 'CHANGED', fields: ['deadline'], workflow: 'schedule', decision })]);
    expect((await task(27)).deadline).toMatchObject({ raw: 'Trước 20/12/2026', dueDates: ['2026-12-20'] });
    expect(await history(27)).toContainEqual(expect.objectContaining({ type: 'SCHEDULE_AMENDED', comment: `Điều chỉnh thời hạn theo ${decision}` }));

    const product = await t.http().put(`/api/tasks/${ids[28]}/amendment`).set(as('admin')).send({ decision, product: 'Báo cáo chuyển đổi số quý IV' });
    expect(product.status).toBe(200);
    expect((await task(28)).product).toBe('Báo cáo chuyển đổi số quý IV');
  });

  it('withdraws one task from the board, and tells what cannot be done', async () => {
    const decision = 'Quyết định số 53/QĐ-UBND ngày 24/11/2026';
    const cases: Array<[string, number, Record<string, unknown>, number, string]> = [
      ['kt.truongphong', 29, { decision, withdraw: true }, 403, 'FORBIDDEN'],
      ['vhxh.cchc', 29, { decision }, 400, 'VALIDATION'],
      ['vhxh.cchc', 29, { decision, withdraw: true, content: 'Nội dung mới' }, 400, 'VALIDATION'],
      ['vhxh.cchc', 29, { decision, deadline: 'Sớm nhất có thể' }, 422, 'PLAN_INVALID'],
      ['vhxh.cchc', 29, { withdraw: true }, 400, 'VALIDATION'],
      ['vhxh.cchc', 30, { decision, withdraw: true }, 409, 'CONFLICT'],
    ];
    for (const [user, n, body, status, code] of cases) {
      const res = await t.http().put(`/api/tasks/${ids[n]}/amendment`).set(as(user)).send(body);
      expect([n, res.status, res.body.code]).toEqual([n, status, code]);
      expect(res.body.message).toMatch(/[\u00C0-\u1EF9]/);
    }
    const ok = await t.http().put(`/api/tasks/${ids[29]}/amendment`).set(as('vhxh.cchc')).send({ decision, withdraw: true });
    expect(ok.status).toBe(200);
    expect(await task(29)).toMatchObject({ status: 'WITHDRAWN', withdrawn: { decision } });
  });
});
