import { JwtService } from '@nestjs/jwt';
import { promises as fs } from 'fs';
import { SEED_PLAN, startTestApp, TestApp } from '../support/app';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';

/**
 * Row 10: whatever a client sends is answered 4xx with the right code and limit, never 404 for a broken body and
 * never 5xx; a database that goes away answers 503 SERVICE_UNAVAILABLE in Vietnamese, not 500.
 */
describe('row 10: every user-caused error is a 4xx with the right code and limit; an outage is a 503', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });

  beforeAll(async () => {
    // The API reaches PostgreSQL through a relay this test can cut; the worker keeps its own direct connection.
    const db = new URL(process.env.DATABASE_URL!);
    proxy = await startTcpProxy(db.hostname, Number(db.port));
    t = await startTestApp({ activate: true, apiDatabaseUrl: (url) => proxy.url(url) });
    for (const u of ['vhxh.cchc', 'kt.truongphong', 'kt.chuyenvien']) tokens[u] = await t.login(u);
  });
  afterAll(async () => {
    await t?.stop();
    await proxy?.close();
  });

  it('answers broken JSON with 400 VALIDATION, not 404', async () => {
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'VALIDATION', message: 'Dữ liệu gửi lên không phải JSON hợp lệ.' });
  });

  it('answers a JSON body over its limit with 413 naming 2 MB', async () => {
    const body = JSON.stringify({ content: 'x'.repeat(2 * 1024 * 1024) });
    const res = await t.http().put('/api/tasks/00000000-0000-0000-0000-000000000000/draft').set(as('kt.chuyenvien')).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép (tối đa 2 MB).',
      details: { maxBytes: 2 * 1024 * 1024 },
    });
  });

  it('answers a plan over 5 MB with 413 naming 5 MB (file and text), not the 10 MB attachment limit', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
    const file = await t.http().post('/api/plans/import').set(as('vhxh.cchc')).attach('file', big, 'ke-hoach.txt');
    expect(file.status).toBe(413);
    expect(file.body).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Tệp kế hoạch vượt quá dung lượng cho phép (tối đa 5 MB).',
      details: { maxBytes: 5 * 1024 * 1024 },
    });
    const text = await t.http().post('/api/plans/import').set(as('vhxh.cchc')).set('Content-Type', 'text/plain').send(big.toString());
    expect(text.status).toBe(413);
    expect(text.body.message).toBe('Văn bản kế hoạch vượt quá dung lượng cho phép (tối đa 5 MB).');
  });

  it('answers a NUL in a path or a query with 400 VALIDATION', async () => {
    for (const path of ['/api/tasks/%00', `/api/plans/${t.planId}%00/tasks`, `/api/plans/${t.planId}/tasks?group=%00`, '/api/tasks/%E0%A4%A']) {
      const res = await t.http().get(path).set(as('vhxh.cchc'));
      expect([path, res.status, res.body.code]).toEqual([path, 400, 'VALIDATION']);
    }
    const res = await t.http().get('/api/tasks/%00').set(as('vhxh.cchc'));
    expect(res.body.message).toBe('Địa chỉ yêu cầu chứa ký tự điều khiển không được phép.');
  });

  it('answers a plan file with a NUL with 422 PLAN_INVALID naming where it is, and writes nothing', async () => {
    const before = await t.ds.query(`SELECT imported_at FROM plans WHERE id = $1`, [t.planId]);
    const text = (await fs.readFile(SEED_PLAN, 'utf8')).replace(/^Phụ lục$/m, 'Phụ\u0000lục');
    const res = await t.http().post('/api/plans/import').set(as('vhxh.cchc')).attach('file', Buffer.from(text), 'ke-hoach.txt');
    // A damaged file is not a plan the product can read (the same answer as a file with no task table).
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PLAN_INVALID');
    expect(res.body.message).toBe(
      'Tệp kế hoạch chứa ký tự điều khiển U+0000 ở dòng 270, cột 4: không phải văn bản, hoặc tệp bị hỏng; hãy dùng tệp Word (.docx), Excel (.xlsx) hoặc lưu lại văn bản dạng UTF-8 (.txt) rồi nhập lại.',
    );
    const after = await t.ds.query(`SELECT imported_at FROM plans WHERE id = $1`, [t.planId]);
    expect(after).toEqual(before);
  });

  it('answers a username with a NUL at login with 400 VALIDATION', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'admin\u0000', password: 'demo' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', message: 'Dữ liệu không hợp lệ ở trường: username (chứa ký tự điều khiển không được phép).' });
  });

  it('answers a signed token whose subject is not a user id with 401 AUTH_REQUIRED', async () => {
    const jwt = new JwtService({ secret: t.config.jwtSecret });
    for (const payload of [{ sub: 'admin' }, { sub: 42 }, {}]) {
      const token = await jwt.signAsync(payload);
      const res = await t.http().get('/api/me').set('Authorization', `Bearer ${token}`);
      expect([JSON.stringify(payload), res.status, res.body.code]).toEqual([JSON.stringify(payload), 401, 'AUTH_REQUIRED']);
    }
  });

  it('an approval that succeeded while the API lost its database answers 200 from the workflow; every call that needs the database is a 503, never a 500', async () => {
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(as('kt.truongphong'));
    const taskId = tasks.body.find((x: any) => x.number === 25).id;
    const staff = (await t.http().get('/api/users?unit=KT&role=STAFF').set(as('kt.truongphong'))).body[0].id;
    for (let i = 0; i < 120; i++) {
      const inbox = (await t.http().get('/api/inbox').set(as('kt.truongphong'))).body;
      if (inbox.some((x: any) => x.taskId === taskId)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await t.http().post(`/api/tasks/${taskId}/assign`).set(as('kt.truongphong')).send({ assigneeId: staff }).expect(200);
    await t.http().put(`/api/tasks/${taskId}/draft`).set(as('kt.chuyenvien')).send({ content: 'Báo cáo quý IV' }).expect(200);
    await t.http().post(`/api/tasks/${taskId}/submit`).set(as('kt.chuyenvien')).send({}).expect(200);

    // The approval is sent while no worker runs: the API has read the task and waits on the workflow. Then the
    // API loses its database, the worker comes back and the approval succeeds. The answer is built from the snapshot
    // the workflow returned, so the person learns it went through; nothing is read back.
    await t.stopWorker();
    const approval = t.http().post(`/api/tasks/${taskId}/decision`).set(as('kt.truongphong')).send({ decision: 'approve' }).then((r) => r);
    await new Promise((r) => setTimeout(r, 1500));
    proxy.cut();
    await t.startWorker();
    const res = await approval;
    expect([res.status, res.body.status]).toEqual([200, 'VHXH_REVIEW']);

    const read = await t.http().get(`/api/tasks/${taskId}`).set(as('kt.truongphong'));
    expect(read.status).toBe(503);
    expect(read.body).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Cơ sở dữ liệu tạm thời không truy cập được. Nếu bạn vừa thao tác, thao tác có thể đã được ghi nhận: vui lòng tải lại sau ít phút.',
      details: { service: 'database' },
    });
    expect(read.headers['retry-after']).toBe('30');

    // Any other call while it is down says the same, login included.
    const login = await t.http().post('/api/auth/login').send({ username: 'kt.truongphong', password: 'demo' });
    expect([login.status, login.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);

    proxy.restore();
    const after = await t.http().get(`/api/tasks/${taskId}`).set(as('kt.truongphong'));
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('VHXH_REVIEW');
  });
});
