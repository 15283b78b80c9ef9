import { Workbook } from 'exceljs';
import { promises as fs } from 'fs';
import { Client, Connection } from '@temporalio/client';
import { digestScheduleId } from '@app/contracts';
import { seedCityAccounts } from '@app/persistence';
import { SEED_PLAN, startTestApp, TestApp } from '../support/app';

/**
 * One deployment, many communes, through the API: the SUPERADMIN creates two communes with their first admins; a
 * person of one commune finds nothing of another (404 on its ids); Sở Nội vụ's viewer sees them all in the overview.
 */
describe('communes, users and the Sở Nội vụ overview', () => {
  let t: TestApp;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const login = async (username: string, password: string, commune?: string) => {
    const res = await t.http().post('/api/auth/login').send({ username, password, ...(commune ? { commune } : {}) });
    if (res.status !== 200) throw new Error(`login ${username}@${commune}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  let superadmin: string;
  let viewer: string;
  let homeCoordinator: string;
  let homeAdmin: string;

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
    await t.ds.query(`UPDATE communes SET name = 'Xã An Lão' WHERE code = $1`, [t.commune]);
    await seedCityAccounts(t.ds, 'demo');
    [superadmin, viewer, homeCoordinator, homeAdmin] = await Promise.all([t.login('superadmin'), t.login('sonoivu'), t.login('vhxh.cchc'), t.login('admin')]);
  });
  afterAll(() => t?.stop());

  const createCommune = (token: string, code: string, name: string, province = 'Hải Phòng') =>
    t.http().post('/api/communes').set(auth(token)).send({ code, name, province, admin: { username: 'admin', password: 'matkhau-123', fullName: `Quản trị ${name}` } });

  it('lets the SUPERADMIN create communes with their first admin, and nobody else', async () => {
    const one = await createCommune(superadmin, 'kien-thuy', 'Xã Kiến Thụy');
    expect(one.status).toBe(201);
    expect(one.body).toEqual({ code: 'kien-thuy', name: 'Xã Kiến Thụy' });
    expect((await createCommune(superadmin, 'do-son', 'Phường Đồ Sơn')).status).toBe(201);
    expect((await createCommune(superadmin, 'ba-vi', 'Xã Ba Vì', 'Hà Nội')).status).toBe(201);

    // Its coordinator's daily digest is scheduled at once (this app runs no worker: the API made the schedule).
    const connection = await Connection.connect({ address: t.config.temporalAddress });
    try {
      const schedule = await new Client({ connection }).schedule.getHandle(digestScheduleId('kien-thuy')).describe();
      expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'digestWorkflow', taskQueue: t.config.taskQueue, args: [{ commune: 'kien-thuy' }] });
    } finally {
      await connection.close();
    }

    const again = await createCommune(superadmin, 'kien-thuy', 'Xã Kiến Thụy');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 'CONFLICT', message: 'Mã xã/phường kien-thuy đã có trong hệ thống.', details: { field: 'code' } });
    const bad = await createCommune(superadmin, 'Kiến Thụy', 'Xã Kiến Thụy');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');

    for (const token of [homeAdmin, viewer]) {
      const res = await createCommune(token, 'an-duong', 'Xã An Dương');
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    const list = await t.http().get('/api/communes').set(auth(superadmin));
    expect(list.body.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['kien-thuy', 'do-son', 'ba-vi', t.commune]));
    // The login page lists them, names only.
    const forLogin = await t.http().get('/api/auth/communes');
    expect(forLogin.body).toContainEqual({ code: 'do-son', name: 'Phường Đồ Sơn' });
    // The SUPERADMIN does no commune's work.
    const plans = await t.http().get('/api/plans').set(auth(superadmin));
    expect(plans.status).toBe(403);
    expect(plans.body).toEqual({ code: 'FORBIDDEN', message: 'Tài khoản cấp thành phố không dùng chức năng này của xã/phường.' });
  });

  it('signs in with the commune where a username is in several, and without it where the name is unique', async () => {
    const ambiguous = await t.http().post('/api/auth/login').send({ username: 'admin', password: 'matkhau-123' });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body).toEqual({
      code: 'VALIDATION',
      message: 'Tên đăng nhập này có ở nhiều xã/phường: vui lòng chọn xã/phường của bạn.',
      details: [{ field: 'commune', message: 'Vui lòng chọn xã/phường.' }],
    });
    const res = await t.http().post('/api/auth/login').send({ commune: 'kien-thuy', username: 'admin', password: 'matkhau-123' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'admin', commune: 'kien-thuy', communeName: 'Xã Kiến Thụy', roles: ['ADMIN'] });
    const wrong = await t.http().post('/api/auth/login').send({ commune: 'do-son', username: 'admin', password: 'demo' });
    expect(wrong.status).toBe(401);
    const config = await t.http().get('/api/config').set(auth(res.body.accessToken));
    expect(config.body).toMatchObject({ commune: 'kien-thuy', communeName: 'Xã Kiến Thụy' });
    // A city account signs in whatever commune the login page had chosen.
    const city = await t.http().post('/api/auth/login').send({ commune: 'kien-thuy', username: 'sonoivu', password: 'demo' });
    expect(city.body.user).toMatchObject({ username: 'sonoivu', commune: null, roles: ['DEPARTMENT_VIEWER'] });
    const unique = await t.http().post('/api/auth/login').send({ username: 'kt.truongphong', password: 'demo' });
    expect(unique.body.user).toMatchObject({ commune: t.commune, communeName: 'Xã An Lão' });
  });

  it('lets a commune’s admin manage its people, and keeps every id of another commune a 404', async () => {
    const kienThuy = await login('admin', 'matkhau-123', 'kien-thuy');
    const created = await t.http().post('/api/users').set(auth(kienThuy)).send({ username: 'kt.chuyenvien', fullName: 'Lê Thị Hoa', unit: 'KT', roles: ['STAFF'], password: 'hoa-12345' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'kt.chuyenvien', fullName: 'Lê Thị Hoa', unit: { code: 'KT', name: 'Phòng Kinh tế' }, roles: ['STAFF'], active: true });
    const dup = await t.http().post('/api/users').set(auth(kienThuy)).send({ username: 'kt.chuyenvien', fullName: 'Lê Thị Hoa', roles: ['STAFF'], password: 'hoa-12345' });
    expect(dup.status).toBe(409);
    const outside = await t.http().post('/api/users').set(auth(kienThuy)).send({ username: 'snv', fullName: 'Người của Sở', unit: 'SNV', roles: ['STAFF'], password: 'snv-12345' });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toBe('Đơn vị SNV không thuộc xã/phường.');
    const cityRole = await t.http().post('/api/users').set(auth(kienThuy)).send({ username: 'x', fullName: 'X Y', roles: ['SUPERADMIN'], password: 'x-1234567' });
    expect(cityRole.status).toBe(400);

    // The same username in two communes: two people.
    const hoa = await login('kt.chuyenvien', 'hoa-12345', 'kien-thuy');
    expect((await t.http().get('/api/me').set(auth(hoa))).body).toMatchObject({ fullName: 'Lê Thị Hoa', commune: 'kien-thuy' });
    const homeStaff = await login('kt.chuyenvien', 'demo', t.commune);
    expect((await t.http().get('/api/me').set(auth(homeStaff))).body).toMatchObject({ fullName: 'Đỗ Thị Hương', commune: t.commune });

    // Roles, unit, lock and a reset password.
    const id = created.body.id;
    const edited = await t.http().put(`/api/users/${id}`).set(auth(kienThuy)).send({ roles: ['STAFF', 'COORDINATOR'], unit: 'VHXH' });
    expect(edited.body).toMatchObject({ roles: ['STAFF', 'COORDINATOR'], unit: { code: 'VHXH' } });
    expect((await t.http().post(`/api/users/${id}/password`).set(auth(kienThuy)).send({ password: 'moi-12345' })).status).toBe(204);
    await login('kt.chuyenvien', 'moi-12345', 'kien-thuy');
    expect((await t.http().put(`/api/users/${id}`).set(auth(kienThuy)).send({ active: false })).body.active).toBe(false);
    expect((await t.http().post('/api/auth/login').send({ commune: 'kien-thuy', username: 'kt.chuyenvien', password: 'moi-12345' })).status).toBe(401);
    const all = await t.http().get('/api/users?all=true').set(auth(kienThuy));
    expect(all.body.map((u: { username: string; active: boolean }) => [u.username, u.active])).toEqual(expect.arrayContaining([['kt.chuyenvien', false], ['admin', true]]));
    expect((await t.http().post('/api/users').set(auth(homeCoordinator)).send({ username: 'y.y', fullName: 'Y Y', roles: ['STAFF'], password: 'y-1234567' })).status).toBe(403);

    // Kiến Thụy imports its own plan: a plan of its own, with its own ids.
    const imported = await t.http().post('/api/plans/import').set(auth(kienThuy)).set('Content-Type', 'text/plain').send(await fs.readFile(SEED_PLAN, 'utf8'));
    expect(imported.status).toBe(201);
    const ownPlans = await t.http().get('/api/plans').set(auth(kienThuy));
    expect(ownPlans.body.map((p: { id: string }) => p.id)).toEqual([imported.body.planId]);

    const homeTasks = await t.http().get(`/api/plans/${t.planId}/tasks`).set(auth(homeCoordinator));
    const homeTask = homeTasks.body[0].id;
    const homeUsers = await t.http().get('/api/users').set(auth(homeCoordinator));
    const homeUser = homeUsers.body[0].id;
    await t.http().post('/api/units').set(auth(homeAdmin)).send({ code: 'HND', name: 'Hội Nông dân xã', aliases: [], kind: 'EXTERNAL' }).expect(201);

    const notFound = [
      await t.http().get(`/api/tasks/${homeTask}`).set(auth(kienThuy)),
      await t.http().get(`/api/tasks/${homeTask}/history`).set(auth(kienThuy)),
      await t.http().get(`/api/plans/${t.planId}/tasks`).set(auth(kienThuy)),
      await t.http().post(`/api/plans/${t.planId}/activate`).set(auth(kienThuy)),
      await t.http().put(`/api/users/${homeUser}`).set(auth(kienThuy)).send({ active: false }),
      await t.http().post(`/api/users/${homeUser}/password`).set(auth(kienThuy)).send({ password: 'chiem-12345' }),
      await t.http().put('/api/units/HND').set(auth(kienThuy)).send({ name: 'Hội Nông dân', aliases: [], kind: 'EXTERNAL' }),
      await t.http().get(`/api/plans/${imported.body.planId}/tasks`).set(auth(homeCoordinator)),
    ];
    expect(notFound.map((res) => [res.status, res.body.code])).toEqual(notFound.map(() => [404, 'NOT_FOUND']));
    expect((await t.http().get('/api/units').set(auth(kienThuy))).body.some((u: { code: string }) => u.code === 'HND')).toBe(false);
    expect((await t.http().get('/api/users').set(auth(kienThuy))).body.some((u: { id: string }) => u.id === homeUser)).toBe(false);
    await login('kt.chuyenvien', 'demo', t.commune);
  });

  it('shows Sở Nội vụ its province’s communes side by side, read-only, with a drill-down and a workbook', async () => {
    const res = await t.http().get('/api/overview?year=2026').set(auth(viewer));
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.communes.map((c: { code: string }) => [c.code, c]));
    expect(Object.keys(byCode).sort()).toEqual(['do-son', 'kien-thuy', t.commune].sort());
    expect(byCode[t.commune]).toMatchObject({ name: 'Xã An Lão', plan: { status: 'DRAFT', statusText: 'Chưa kích hoạt', taskCount: 32 }, tasks: { total: 32, overdue: 0 } });
    expect(byCode[t.commune].tasks.byWord.NOT_STARTED).toBe(32);
    expect(byCode['kien-thuy'].tasks.total).toBe(32);
    expect(byCode['do-son']).toMatchObject({ name: 'Phường Đồ Sơn', plan: null, tasks: { total: 0, onTimeRate: null } });
    expect(res.body.statusWords).toContainEqual({ key: 'DONE_ON_TIME', text: 'Hoàn thành đúng hạn' });

    const board = await t.http().get('/api/overview/communes/kien-thuy?year=2026').set(auth(viewer));
    expect(board.status).toBe(200);
    expect(board.body.commune).toEqual({ code: 'kien-thuy', name: 'Xã Kiến Thụy' });
    expect(board.body.tasks).toHaveLength(32);
    expect(board.body.tasks[0].statusWord).toEqual({ key: 'NOT_STARTED', text: 'Chưa thực hiện' });
    // Another province's commune is not there; the viewer acts in no commune.
    expect((await t.http().get('/api/overview/communes/ba-vi').set(auth(viewer))).status).toBe(404);
    expect((await t.http().get(`/api/tasks/${board.body.tasks[0].id}`).set(auth(viewer))).status).toBe(403);
    expect((await t.http().get('/api/overview').set(auth(homeCoordinator))).status).toBe(403);
    expect((await t.http().get('/api/overview').set(auth(superadmin))).status).toBe(403);

    const xlsx = await t.http().get('/api/overview.xlsx?year=2026').set(auth(viewer)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="tong-hop-cchc-2026.xlsx"');
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body);
    const names: unknown[] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((row) => names.push(row.getCell(1).value));
    expect(names).toEqual(expect.arrayContaining(['Xã An Lão', 'Xã Kiến Thụy', 'Phường Đồ Sơn']));
  });

  it('lets everyone change his own password, giving the current one', async () => {
    const token = await login('kt.truongphong', 'demo', t.commune);
    const wrong = await t.http().post('/api/me/password').set(auth(token)).send({ currentPassword: 'sai', newPassword: 'moi-matkhau-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('Mật khẩu hiện tại không đúng.');
    const short = await t.http().post('/api/me/password').set(auth(token)).send({ currentPassword: 'demo', newPassword: 'ngan' });
    expect(short.status).toBe(400);
    expect((await t.http().post('/api/me/password').set(auth(token)).send({ currentPassword: 'demo', newPassword: 'moi-matkhau-1' })).status).toBe(204);
    expect((await t.http().post('/api/auth/login').send({ username: 'kt.truongphong', password: 'demo' })).status).toBe(401);
    await login('kt.truongphong', 'moi-matkhau-1');
    // Above the communes too.
    expect((await t.http().post('/api/me/password').set(auth(viewer)).send({ currentPassword: 'demo', newPassword: 'sonoivu-2026' })).status).toBe(204);
  });
});
