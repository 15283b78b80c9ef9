import { promises as fs } from 'fs';
import { SEED_PLAN, startTestApp, TestApp } from '../support/app';

describe('API foundation: auth, plans, import, activation', () => {
  let t: TestApp;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.login('vhxh.cchc');
  });
  afterAll(() => t?.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('reports health of the database and Temporal', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
  });

  it('logs in a demo account and returns the user with unit and roles', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'kt.chuyenvien', password: 'demo' });
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.user).toMatchObject({ username: 'kt.chuyenvien', commune: t.commune, unit: { code: 'KT', name: 'Phòng Kinh tế' }, roles: ['STAFF'] });
    const me = await t.http().get('/api/me').set(auth(res.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.fullName).toBe(res.body.user.fullName);
  });

  it('rejects bad credentials with AUTH_INVALID in Vietnamese', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'kt.chuyenvien', password: 'sai' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'AUTH_INVALID', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it('requires a token everywhere but health and login', async () => {
    const res = await t.http().get('/api/plans');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_REQUIRED');
    const bad = await t.http().get('/api/plans').set(auth('not-a-token'));
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('AUTH_REQUIRED');
  });

  it('rejects malformed bodies with VALIDATION naming the field', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'x', password: 'y', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(res.body.message).toContain('extra');
  });

  it('lists the imported An Lão plan with 32 tasks in 7 groups, ordered by number', async () => {
    const plans = await t.http().get('/api/plans').set(auth(coordinator));
    expect(plans.status).toBe(200);
    expect(plans.body).toEqual([expect.objectContaining({ id: t.planId, year: 2026, status: 'DRAFT', taskCount: 32 })]);

    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks`).set(auth(await t.login('kt.chuyenvien')));
    expect(tasks.status).toBe(200);
    expect(tasks.body.map((x: any) => x.number)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(new Set(tasks.body.map((x: any) => x.group.code))).toEqual(new Set(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']));
    const task6 = tasks.body.find((x: any) => x.number === 6);
    expect(task6.deadline).toEqual({ raw: 'Quý III,IV/2026', kind: 'MILESTONES', dueDates: ['2026-09-30', '2026-12-31'], originalDueDates: ['2026-09-30', '2026-12-31'] });
    expect(task6.leadUnit).toEqual({ code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' });
    expect(task6.group.title).toContain('Chỉ đạo điều hành');
    expect(task6.status).toBe('NOT_STARTED');
  });

  it('filters tasks by group, unit and status', async () => {
    const res = await t.http().get(`/api/plans/${t.planId}/tasks?group=VI`).set(auth(coordinator));
    expect(res.body.map((x: any) => x.number)).toEqual([25, 26]);
    const kt = await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(auth(coordinator));
    expect(kt.body.every((x: any) => x.leadUnits.some((u: any) => u.code === 'KT'))).toBe(true);
    expect(kt.body.map((x: any) => x.number)).toEqual(expect.arrayContaining([19, 25, 26]));
    const bad = await t.http().get(`/api/plans/${t.planId}/tasks?status=WHATEVER`).set(auth(coordinator));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
  });

  it('imports the same plan again without duplicating (text/plain and multipart)', async () => {
    const text = await fs.readFile(SEED_PLAN, 'utf8');
    const again = await t.http().post('/api/plans/import').set(auth(coordinator)).set('Content-Type', 'text/plain').send(text);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ planId: t.planId, taskCount: 32, groups: 7 });
    expect(again.body.warnings).toEqual(expect.any(Array));
    const multipart = await t.http().post('/api/plans/import').set(auth(coordinator)).attach('file', Buffer.from(text), 'ke-hoach.txt');
    expect(multipart.status).toBe(201);
    expect(multipart.body.taskCount).toBe(32);
    const count = await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks`);
    expect(count[0].n).toBe(32);
  });

  it('refuses a document with no task table (422 PLAN_INVALID) and writes nothing', async () => {
    const before = await t.ds.query(`SELECT imported_at FROM plans WHERE id = $1`, [t.planId]);
    const res = await t.http().post('/api/plans/import').set(auth(coordinator)).set('Content-Type', 'text/plain').send('KẾ HOẠCH\nCải cách hành chính năm 2027\nKhông có phụ lục.');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PLAN_INVALID');
    expect(res.body.message).toMatch(/bảng/i);
    const plans = await t.ds.query(`SELECT count(*)::int AS n FROM plans`);
    expect(plans[0].n).toBe(1);
    const after = await t.ds.query(`SELECT imported_at FROM plans WHERE id = $1`, [t.planId]);
    expect(after[0].imported_at).toEqual(before[0].imported_at);
  });

  it('lets only the coordinator or admin import and activate', async () => {
    const staff = await t.login('kt.chuyenvien');
    const res = await t.http().post('/api/plans/import').set(auth(staff)).set('Content-Type', 'text/plain').send('x');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
    const act = await t.http().post(`/api/plans/${t.planId}/activate`).set(auth(staff));
    expect(act.status).toBe(403);
  });

  it('activates the plan: the plan workflow starts 32 task workflows, and a second call is harmless', async () => {
    const first = await t.http().post(`/api/plans/${t.planId}/activate`).set(auth(coordinator));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'ACTIVE', alreadyActive: false, workflowId: `${t.commune}:2026:plan` });
    const second = await t.http().post(`/api/plans/${t.planId}/activate`).set(auth(coordinator));
    expect(second.status).toBe(200);
    expect(second.body.alreadyActive).toBe(true);

    let state: any;
    for (let i = 0; i < 60; i++) {
      state = (await t.http().get(`/api/plans/${t.planId}/state`).set(auth(coordinator))).body;
      if (state.taskWorkflowIds?.length === 32) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(state.taskWorkflowIds).toHaveLength(32);
    expect(state.taskWorkflowIds).toContain(`${t.commune}:2026:task:12`);
    const plans = await t.http().get('/api/plans').set(auth(coordinator));
    expect(plans.body[0].status).toBe('ACTIVE');
  });

  it('hides another commune’s plan (404)', async () => {
    await t.ds.query(`INSERT INTO communes (code, name) VALUES ('khac', 'Xã khác') ON CONFLICT DO NOTHING`);
    const other = await t.ds.query(
      `INSERT INTO plans (commune, year, title, groups, source_sha256) VALUES ('khac', 2026, 'Kế hoạch khác', '[]', 'x') RETURNING id`,
    );
    const res = await t.http().get(`/api/plans/${other[0].id}/tasks`).set(auth(coordinator));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/plans/import', '/api/inbox']));
  });
});
