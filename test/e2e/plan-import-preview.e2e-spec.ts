import { startTestApp, TestApp } from '../support/app';
import { asWord, seedText, setCell } from '../support/plan-files';

/**
 * Importing a plan as communes have it: a Word file read by its content, previewed first (nothing written), an unknown
 * unit name mapped once (kept as a variant, so the next import knows it), then imported with each task's display
 * number and the row it was read from.
 */
describe('plan import by content: preview, mapping kept, import of a .docx', () => {
  let t: TestApp;
  let coordinator: string;
  let docx: Buffer;

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
    coordinator = await t.login('vhxh.cchc');
    let text = seedText().replace(/năm 2026/g, 'năm 2027').replace(/\/2026/g, '/2027');
    text = setCell(text, 7, 2, 'Công chức Tư pháp - Hộ tịch');
    text = setCell(text, 25, 3, 'Hội Nông dân, Các phòng, ban, ngành');
    text = setCell(text, 26, 4, 'Sớm nhất có thể');
    docx = Buffer.from(await asWord(text));
  });
  afterAll(() => t?.stop());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const preview = () => t.http().post('/api/plans/import/preview').set(auth(coordinator)).attach('file', docx, 'ke-hoach-2027.doc');
  const planCount = async () => (await t.ds.query(`SELECT count(*)::int AS n FROM plans`))[0].n as number;

  it('previews the table as read and writes nothing', async () => {
    const res = await preview();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'docx', year: 2027, title: 'Kế hoạch Cải cách hành chính xã An Lão năm 2027', existing: null });
    expect(res.body.groups).toHaveLength(7);
    expect(res.body.tasks).toHaveLength(32);
    const byNumber = (n: string) => res.body.tasks.find((x: { displayNumber: string }) => x.displayNumber === n);

    expect(byNumber('3')).toMatchObject({
      lead: { text: 'Phòng Văn hóa - Xã hội', units: [{ code: 'VHXH', name: 'Phòng Văn hóa - Xã hội' }], unknown: [], allUnits: false },
      co: { allUnits: true, unknown: [] },
      deadline: { raw: 'Trước ngày mùng 10 của tháng cuối quý', kind: 'RECURRING', dueDates: ['2027-03-10', '2027-06-10', '2027-09-10', '2027-12-10'] },
      where: expect.stringMatching(/^hàng \d+ của bảng \d+$/),
    });
    expect(byNumber('7').lead).toEqual({ text: 'Công chức Tư pháp - Hộ tịch', units: [], external: [], unknown: ['Công chức Tư pháp - Hộ tịch'], allUnits: false });
    expect(byNumber('7').warnings.map((w: { code: string }) => w.code)).toEqual(['NO_LEAD_UNIT', 'UNKNOWN_UNIT']);
    expect(byNumber('25').co.unknown).toEqual(['Hội Nông dân']);
    expect(byNumber('26').deadline).toEqual({ raw: 'Sớm nhất có thể', kind: 'UNKNOWN', dueDates: [] });
    expect(byNumber('26').warnings).toEqual([{ code: 'UNKNOWN_DEADLINE', message: 'Nhiệm vụ 26: chưa hiểu được thời hạn "Sớm nhất có thể", cần đặt lịch thực hiện thủ công.' }]);
    expect(res.body.unknownUnits).toEqual([
      { name: 'Công chức Tư pháp - Hộ tịch', tasks: ['7'] },
      { name: 'Hội Nông dân', tasks: ['25'] },
    ]);
    expect(await planCount()).toBe(1);
  });

  it('reads a text body too, and refuses what is not a plan with 422 PLAN_INVALID in Vietnamese', async () => {
    const text = await t.http().post('/api/plans/import/preview').set(auth(coordinator)).set('Content-Type', 'text/plain').send(seedText());
    expect(text.status).toBe(200);
    expect(text.body).toMatchObject({ format: 'text', year: 2026, existing: { planId: t.planId, status: 'DRAFT', taskCount: 32 } });

    const pdf = await t.http().post('/api/plans/import/preview').set(auth(coordinator)).attach('file', Buffer.from('%PDF-1.7\n…'), 'ke-hoach.docx');
    expect(pdf.status).toBe(422);
    expect(pdf.body).toEqual({ code: 'PLAN_INVALID', message: 'Tệp PDF chưa đọc được; hãy dùng tệp Word (.docx), Excel (.xlsx) hoặc văn bản của kế hoạch.' });
    const none = await t.http().post('/api/plans/import/preview').set(auth(coordinator)).send({});
    expect([none.status, none.body.code]).toEqual([400, 'VALIDATION']);
  });

  it('lets only the coordinator or an administrator preview', async () => {
    const staff = await t.login('kt.chuyenvien');
    const res = await t.http().post('/api/plans/import/preview').set(auth(staff)).attach('file', docx, 'ke-hoach.docx');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN', message: 'Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được nhập kế hoạch.' });
  });

  it('maps an unknown name to a unit once; the next preview knows it', async () => {
    const mapped = await t.http().post('/api/units/VP/aliases').set(auth(coordinator)).send({ alias: 'Công chức Tư pháp - Hộ tịch' });
    expect(mapped.status).toBe(201);
    const res = await preview();
    const task7 = res.body.tasks.find((x: { displayNumber: string }) => x.displayNumber === '7');
    expect(task7.lead).toMatchObject({ units: [{ code: 'VP', name: 'Văn phòng HĐND và UBND xã' }], unknown: [] });
    expect(task7.warnings).toEqual([]);
    expect(res.body.unknownUnits).toEqual([{ name: 'Hội Nông dân', tasks: ['25'] }]);
  });

  it('imports the .docx: display numbers and source rows kept, units read with the commune’s directory', async () => {
    const res = await t.http().post('/api/plans/import').set(auth(coordinator)).attach('file', docx, 'ke-hoach-2027.docx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ taskCount: 32, year: 2027 });
    expect(res.body.warnings.map((w: { code: string }) => w.code).sort()).toEqual(['UNKNOWN_DEADLINE', 'UNKNOWN_UNIT']);

    const tasks = await t.http().get(`/api/plans/${res.body.planId}/tasks`).set(auth(coordinator));
    expect(tasks.body).toHaveLength(32);
    const task7 = tasks.body.find((x: { number: number }) => x.number === 7);
    expect(task7).toMatchObject({ displayNumber: '7', source: expect.stringMatching(/^hàng \d+ của bảng \d+$/), leadUnits: [{ code: 'VP', name: 'Văn phòng HĐND và UBND xã' }], withdrawn: null });
    expect(tasks.body.find((x: { number: number }) => x.number === 26).deadline).toMatchObject({ raw: 'Sớm nhất có thể', kind: 'UNKNOWN' });
    expect(await planCount()).toBe(2);

    const again = await preview();
    expect(again.body.existing).toEqual({ planId: res.body.planId, status: 'DRAFT', taskCount: 32 });
  });
});
