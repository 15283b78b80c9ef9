import { startTestApp, TestApp } from '../support/app';

/** The commune's unit directory over HTTP: who may read and edit it, and what bad input is told. */
describe('units API: GET/POST/PUT /units, POST /units/{code}/aliases', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;
  let head: string;

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
    [admin, coordinator, head] = await Promise.all([t.login('admin'), t.login('vhxh.cchc'), t.login('kt.truongphong')]);
  });
  afterAll(() => t?.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const vietnamese = (message: string) => expect(message).toMatch(/[\u00C0-\u1EF9]/);

  it('lists the commune’s units and the outside bodies to anyone signed in, and to nobody else', async () => {
    const res = await t.http().get('/api/units').set(auth(head));
    expect(res.status).toBe(200);
    expect(res.body.filter((u: { kind: string }) => u.kind === 'INTERNAL').map((u: { code: string }) => u.code)).toEqual(['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC']);
    expect(res.body.find((u: { code: string }) => u.code === 'VHXH')).toMatchObject({ name: 'Phòng Văn hóa - Xã hội', reviewing: true, aliases: expect.arrayContaining(['Phòng VH-XH']) });
    expect(res.body.find((u: { code: string }) => u.code === 'SNV')).toEqual({ code: 'SNV', name: 'Sở Nội vụ', aliases: ['Sở Nội vụ thành phố', 'SNV'], kind: 'EXTERNAL', reviewing: false });
    expect((await t.http().get('/api/units')).status).toBe(401);
  });

  it('lets the ADMIN add an outside body and edit a unit’s name and variants', async () => {
    const created = await t.http().post('/api/units').set(auth(admin)).send({ code: 'HND', name: 'Hội Nông dân xã', aliases: ['Hội ND'], kind: 'EXTERNAL' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: 'HND', name: 'Hội Nông dân xã', aliases: ['Hội ND'], kind: 'EXTERNAL', reviewing: false });

    const edited = await t.http().put('/api/units/KT').set(auth(admin)).send({ name: 'Phòng Kinh tế', aliases: ['Phòng KT', 'Phòng Kinh tế - Hạ tầng'], kind: 'INTERNAL' });
    expect(edited.status).toBe(200);
    expect(edited.body.aliases).toEqual(['Phòng KT', 'Phòng Kinh tế - Hạ tầng']);
    const list = await t.http().get('/api/units').set(auth(coordinator));
    expect(list.body.find((u: { code: string }) => u.code === 'KT').aliases).toEqual(['Phòng KT', 'Phòng Kinh tế - Hạ tầng']);
  });

  it('refuses the wrong role with 403 FORBIDDEN in Vietnamese, and changes nothing', async () => {
    for (const token of [coordinator, head]) {
      const post = await t.http().post('/api/units').set(auth(token)).send({ code: 'DTN', name: 'Đoàn Thanh niên xã', aliases: [], kind: 'EXTERNAL' });
      expect(post.status).toBe(403);
      expect(post.body).toEqual({ code: 'FORBIDDEN', message: 'Chỉ quản trị hệ thống của xã mới được sửa danh mục đơn vị.' });
      const put = await t.http().put('/api/units/KT').set(auth(token)).send({ name: 'Phòng Kinh tế mới', aliases: [], kind: 'INTERNAL' });
      expect(put.status).toBe(403);
      expect(put.body.code).toBe('FORBIDDEN');
    }
    const alias = await t.http().post('/api/units/KT/aliases').set(auth(head)).send({ alias: 'Phòng Kinh tế xã' });
    expect(alias.status).toBe(403);
    vietnamese(alias.body.message);
    const list = await t.http().get('/api/units').set(auth(admin));
    expect(list.body.some((u: { code: string }) => u.code === 'DTN')).toBe(false);
    expect(list.body.find((u: { code: string }) => u.code === 'KT').name).toBe('Phòng Kinh tế');
  });

  it('answers bad input with 400 VALIDATION naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ code: 'hnd', name: 'Hội', aliases: [], kind: 'EXTERNAL' }, 'code'],
      [{ code: 'DTN', name: 'Đoàn Thanh niên', aliases: [], kind: 'OUTSIDE' }, 'kind'],
      [{ code: 'DTN', name: '', aliases: [], kind: 'EXTERNAL' }, 'name'],
      [{ code: 'DTN', name: 'Đoàn\u0000Thanh niên', aliases: [], kind: 'EXTERNAL' }, 'name'],
      [{ code: 'DTN', name: 'Đoàn Thanh niên', aliases: 'Đoàn TN', kind: 'EXTERNAL' }, 'aliases'],
      [{ code: 'DTN', name: 'Đoàn Thanh niên', aliases: [], kind: 'EXTERNAL', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http().post('/api/units').set(auth(admin)).send(body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION']);
      expect(res.body.message).toContain(field);
      vietnamese(res.body.message);
    }
  });

  it('keeps the directory’s rules: a code once, a spelling for one body, one reviewing unit of the commune', async () => {
    const taken = await t.http().post('/api/units').set(auth(admin)).send({ code: 'VP', name: 'Văn phòng khác', aliases: [], kind: 'INTERNAL' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'CONFLICT', message: 'Mã đơn vị VP đã có trong danh mục.', details: { reason: 'CODE_TAKEN' } });

    const clash = await t.http().put('/api/units/KT').set(auth(admin)).send({ name: 'Phòng Kinh tế', aliases: ['VH-XH'], kind: 'INTERNAL' });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({
      code: 'CONFLICT',
      message: '"VH-XH" đã là cách gọi của Phòng Văn hóa - Xã hội ("VH-XH"); mỗi cách gọi chỉ thuộc một đơn vị.',
      details: { reason: 'NAME_TAKEN', unit: 'VHXH' },
    });

    const unset = await t.http().put('/api/units/VHXH').set(auth(admin)).send({ name: 'Phòng Văn hóa - Xã hội', aliases: [], kind: 'INTERNAL', reviewing: false });
    expect([unset.status, unset.body.details?.reason]).toEqual([409, 'REVIEWING_REQUIRED']);
    vietnamese(unset.body.message);
    const outside = await t.http().put('/api/units/HND').set(auth(admin)).send({ name: 'Hội Nông dân xã', aliases: [], kind: 'EXTERNAL', reviewing: true });
    expect([outside.status, outside.body.code, outside.body.details?.reason]).toEqual([400, 'VALIDATION', 'REVIEWING_INTERNAL']);
    const staffed = await t.http().put('/api/units/KT').set(auth(admin)).send({ name: 'Phòng Kinh tế', aliases: [], kind: 'EXTERNAL' });
    expect(staffed.status).toBe(409);
    expect(staffed.body.message).toBe('Đơn vị KT đang có 2 cán bộ và 31 nhiệm vụ nên không chuyển thành cơ quan ngoài xã được.');
    const missing = await t.http().put('/api/units/KHONGCO').set(auth(admin)).send({ name: 'Không có', aliases: [], kind: 'INTERNAL' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy đơn vị có mã KHONGCO.' });

    // Another unit becomes the reviewing one: the previous one stops being it.
    const vp = await t.http().put('/api/units/VP').set(auth(admin)).send({ name: 'Văn phòng HĐND và UBND xã', aliases: ['Văn phòng'], kind: 'INTERNAL', reviewing: true });
    expect([vp.status, vp.body.reviewing]).toEqual([200, true]);
    const list = await t.http().get('/api/units').set(auth(admin));
    expect(list.body.filter((u: { reviewing: boolean }) => u.reviewing).map((u: { code: string }) => u.code)).toEqual(['VP']);
    await t.http().put('/api/units/VHXH').set(auth(admin)).send({ ...list.body.find((u: { code: string }) => u.code === 'VHXH'), code: undefined, reviewing: true }).expect(200);
  });

  it('lets the coordinator keep a name a plan used as a unit’s variant; once is enough', async () => {
    const first = await t.http().post('/api/units/VP/aliases').set(auth(coordinator)).send({ alias: 'Công chức Tư pháp - Hộ tịch' });
    expect(first.status).toBe(201);
    expect(first.body.aliases).toContain('Công chức Tư pháp - Hộ tịch');
    const again = await t.http().post('/api/units/VP/aliases').set(auth(coordinator)).send({ alias: 'công chức tư pháp – hộ tịch' });
    expect(again.body.aliases.filter((a: string) => /tư pháp/i.test(a))).toEqual(['Công chức Tư pháp - Hộ tịch']);
    const taken = await t.http().post('/api/units/KT/aliases').set(auth(coordinator)).send({ alias: 'Công chức Tư pháp – Hộ tịch xã' });
    expect([taken.status, taken.body.details?.unit]).toEqual([409, 'VP']);
  });
});
