import { startTestApp, TestApp } from '../support/app';

/** Self-approval, delegation, bulk approval and a worker restart, through the HTTP API against real services. */
describe('task rules over HTTP', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const ids: Record<number, string> = {};
  const users: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ activate: true });
    for (const u of ['kt.chuyenvien', 'kt.truongphong', 'vhxh.truongphong', 'vhxh.cchc', 'chutich', 'phochutich', 'ttpvhcc.giamdoc', 'ttpvhcc.chuyenvien']) {
      tokens[u] = await t.login(u);
    }
    const all = await t.http().get('/api/users').set(as('vhxh.cchc'));
    for (const u of all.body) users[u.username] = u.id;
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'));
    for (const x of tasks.body) ids[x.number] = x.id;
    for (let i = 0; i < 120; i++) {
      const rows = await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE snapshot IS NOT NULL`);
      if (rows[0].n === 32) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  afterAll(() => t?.stop());

  const inbox = async (user: string) => (await t.http().get('/api/inbox').set(as(user))).body as any[];
  const assign = (task: number, head: string, staff: string) =>
    t.http().post(`/api/tasks/${ids[task]}/assign`).set(as(head)).send({ assigneeId: users[staff] }).expect(200);
  const draftAndSubmit = async (task: number, staff: string) => {
    await t.http().put(`/api/tasks/${ids[task]}/draft`).set(as(staff)).send({ content: `Dự thảo nhiệm vụ ${task}` }).expect(200);
    await t.http().post(`/api/tasks/${ids[task]}/submit`).set(as(staff)).send({}).expect(200);
  };
  const approve = (task: number, user: string) => t.http().post(`/api/tasks/${ids[task]}/decision`).set(as(user)).send({ decision: 'approve' });

  it('row 3: a unit head who assigns his unit’s part to himself is never stuck: his submission stands for the unit review', async () => {
    await assign(26, 'kt.truongphong', 'kt.truongphong');
    await draftAndSubmit(26, 'kt.truongphong');
    const detail = (await t.http().get(`/api/tasks/${ids[26]}`).set(as('kt.truongphong'))).body;
    expect(detail.status).toBe('VHXH_REVIEW');
    expect(detail.allowedActions).toEqual([]);
    const self = await approve(26, 'kt.truongphong');
    // The VH-XH level is not his to decide.
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('NOT_YOUR_STEP');
    const history = (await t.http().get(`/api/tasks/${ids[26]}/history`).set(as('vhxh.cchc'))).body;
    // Quarters that ended before the plan was activated are in the trail as missed, before the cycle that opens.
    const missed = history.filter((e: any) => e.type === 'CYCLE_MISSED');
    expect(missed).toHaveLength(history.find((e: any) => e.type === 'CYCLE_OPENED').data.cycle - 1);
    const worked = history.filter((e: any) => e.type !== 'CYCLE_MISSED');
    expect(worked.map((e: any) => e.type)).toEqual(['CYCLE_OPENED', 'ASSIGNED', 'DRAFT_SAVED', 'SUBMITTED', 'REVIEW_BY_SUBMISSION']);
    expect(worked[4]).toMatchObject({ actor: { fullName: 'Vũ Đức Thắng' }, comment: expect.stringContaining('thay cho bước duyệt của đơn vị') });
    // VH-XH can act on it: nobody is waiting on a decision that cannot be taken.
    expect((await inbox('vhxh.truongphong')).find((x) => x.taskId === ids[26])).toMatchObject({ kind: 'VHXH_REVIEW' });
  });

  it('VH-XH as lead unit: its head’s review is the VH-XH review, then the Chairman', async () => {
    await assign(4, 'vhxh.truongphong', 'vhxh.cchc');
    await draftAndSubmit(4, 'vhxh.cchc');
    const res = await approve(4, 'vhxh.truongphong');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('CHAIRMAN_REVIEW');
  });

  it('outside a delegation’s period the Vice Chairman gets 403; inside it he acts on behalf of the Chairman', async () => {
    const future = await t.http().post('/api/delegations').set(as('chutich')).send({ toUserId: users['phochutich'], from: '2099-01-01', until: '2099-01-31' });
    expect(future.status).toBe(201);
    expect(future.body.active).toBe(false);
    expect((await inbox('phochutich')).find((x) => x.taskId === ids[4])).toBeUndefined();
    const refused = await approve(4, 'phochutich');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_YOUR_STEP');

    const notChairman = await t.http().post('/api/delegations').set(as('vhxh.truongphong')).send({ toUserId: users['phochutich'], from: '2026-01-01', until: '2099-01-31' });
    expect(notChairman.status).toBe(403);

    const now = await t.http().post('/api/delegations').set(as('chutich')).send({ toUserId: users['phochutich'], from: '2026-01-01', until: '2099-12-31' });
    expect(now.body.active).toBe(true);
    const item = (await inbox('phochutich')).find((x) => x.taskId === ids[4]);
    expect(item).toMatchObject({ kind: 'CHAIRMAN_REVIEW', onBehalfOf: { fullName: 'Đinh Thành Đồng' } });
    const ok = await approve(4, 'phochutich');
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('COMPLETED');
    const history = (await t.http().get(`/api/tasks/${ids[4]}/history`).set(as('vhxh.cchc'))).body;
    const last = history.filter((e: any) => e.type === 'APPROVED').pop();
    expect(last).toMatchObject({ actor: { fullName: 'Nguyễn Văn Hùng' }, onBehalfOf: { fullName: 'Đinh Thành Đồng' } });

    const ended = await t.http().delete(`/api/delegations/${now.body.id}`).set(as('chutich'));
    expect(ended.status).toBe(200);
    expect(ended.body.active).toBe(false);
  });

  it('row 7: bulk approve carries each item’s step id and gives one result per item; the same request twice approves once', async () => {
    for (const n of [12, 13]) {
      await assign(n, 'ttpvhcc.giamdoc', 'ttpvhcc.chuyenvien');
      await draftAndSubmit(n, 'ttpvhcc.chuyenvien');
    }
    const mine = await inbox('ttpvhcc.giamdoc');
    const item = (n: number) => ({ taskId: ids[n], stepId: mine.find((x) => x.taskId === ids[n] && x.kind === 'UNIT_REVIEW').stepId });
    const body = { items: [item(12), { taskId: ids[1], stepId: 'c1:VHXH:assign:1' }, item(13), { taskId: 'khong-ton-tai', stepId: 'x' }] };
    const [first, second] = await Promise.all([
      t.http().post('/api/inbox/bulk-approve').set(as('ttpvhcc.giamdoc')).send(body),
      t.http().post('/api/inbox/bulk-approve').set(as('ttpvhcc.giamdoc')).send(body),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    for (const res of [first, second]) {
      expect(res.body.map((r: any) => r.taskId)).toEqual([ids[12], ids[1], ids[13], 'khong-ton-tai']);
      expect(res.body[1]).toMatchObject({ ok: false, code: expect.stringMatching(/^(STEP_CLOSED|NOT_YOUR_STEP|VALIDATION)$/), message: expect.any(String) });
      expect(res.body[3]).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    // Each task approved exactly once: one wins, the other request finds its step closed.
    for (const i of [0, 2]) {
      expect([first.body[i], second.body[i]].map((r: any) => r.ok).sort()).toEqual([false, true]);
      expect([first.body[i], second.body[i]].find((r: any) => !r.ok).code).toBe('STEP_CLOSED');
    }
    const vhxh = await inbox('vhxh.truongphong');
    expect(vhxh.filter((x) => [ids[12], ids[13]].includes(x.taskId)).map((x) => x.kind)).toEqual(['VHXH_REVIEW', 'VHXH_REVIEW']);
    for (const n of [12, 13]) {
      const history = (await t.http().get(`/api/tasks/${ids[n]}/history`).set(as('vhxh.cchc'))).body;
      expect(history.filter((e: any) => e.type === 'APPROVED')).toHaveLength(1);
    }
    const withoutSteps = await t.http().post('/api/inbox/bulk-approve').set(as('ttpvhcc.giamdoc')).send({ taskIds: [ids[12]] });
    expect(withoutSteps.status).toBe(400);
    expect(withoutSteps.body.code).toBe('VALIDATION');
  });

  it('a worker stopped in the middle of the chain: the decision waits, then goes on once it is back, nothing doubled', async () => {
    await t.stopWorker();
    const pending = t.http().post(`/api/tasks/${ids[12]}/decision`).set(as('vhxh.truongphong')).send({ decision: 'approve' });
    const settled = pending.then((r) => r);
    await new Promise((r) => setTimeout(r, 1500));
    await t.startWorker();
    const res = await settled;
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('CHAIRMAN_REVIEW');
    await approve(12, 'chutich').expect(200);
    const history = (await t.http().get(`/api/tasks/${ids[12]}/history`).set(as('vhxh.cchc'))).body;
    // Activated on a date after the third quarter's report, the continuous task starts in the last cycle of the year.
    // Activated on a date after the third quarter's report, the continuous task starts in the last cycle of the year;
    // the three quarters behind it are in the trail as missed.
    expect(history.map((e: any) => e.type)).toEqual([
      'CYCLE_MISSED',
      'CYCLE_MISSED',
      'CYCLE_MISSED',
      'CYCLE_OPENED',
      'ASSIGNED',
      'DRAFT_SAVED',
      'SUBMITTED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'COMPLETED',
    ]);
    expect(history.slice(0, 3).map((e: any) => e.data.dueAt)).toEqual(['2026-03-05', '2026-06-05', '2026-09-05']);
    expect(history[3].data).toMatchObject({ cycle: 4, cycles: 4, dueAt: '2026-12-05' });
    const rows = await t.ds.query(`SELECT count(*)::int AS n FROM draft_versions WHERE task_id = $1`, [ids[12]]);
    expect(rows[0].n).toBe(1);
  });
});
