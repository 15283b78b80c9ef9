import { communeDate, weekday } from '@app/domain';
import { DEFAULT_DEADLINE_SETTINGS, DEFAULT_REPORT_SETTINGS } from '@app/contracts';
import { startTestApp, TestApp } from '../support/app';

/** The working-day calendar and the settings over HTTP: roles, validation, the helper, and the due state they drive. */
describe('calendar and settings over HTTP', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });

  beforeAll(async () => {
    t = await startTestApp({ activate: true });
    for (const u of ['admin', 'vhxh.cchc', 'chutich', 'kt.truongphong', 'kt.chuyenvien', 'vp.chanhvanphong']) tokens[u] = await t.login(u);
  });
  afterAll(() => t?.stop());

  const getYear = async (year: number) => (await t.http().get(`/api/calendar/${year}`).set(as('admin')).expect(200)).body;
  const putYear = (year: number, body: object, user = 'admin') => t.http().put(`/api/calendar/${year}`).set(as(user)).send(body);
  const addDays = async (from: string, add: number) => (await t.http().get(`/api/calendar/working-days?from=${from}&add=${add}`).set(as('kt.chuyenvien')).expect(200)).body.date as string;

  describe('GET /calendar/{year}', () => {
    it('gives every user the commune’s 2026 list: 13 weekdays off, 2 working Saturdays, 24/11 as a suggestion only', async () => {
      const res = await t.http().get('/api/calendar/2026').set(as('kt.chuyenvien'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ year: 2026, defined: true });
      expect(res.body.days.filter((d: any) => d.kind === 'HOLIDAY')).toHaveLength(13);
      expect(res.body.days.filter((d: any) => d.kind === 'WORKING_SATURDAY').map((d: any) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
      expect(res.body.days[0]).toEqual({ date: '2026-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' });
      expect(res.body.suggestions).toEqual([{ date: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' }]);
    });

    it('a year not set yet is empty and says so; a year that is not one is 400', async () => {
      expect(await getYear(2031)).toMatchObject({ year: 2031, defined: false, days: [], suggestions: [] });
      const bad = await t.http().get('/api/calendar/20x6').set(as('admin'));
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION', message: 'Năm phải là số có bốn chữ số, từ 2000 đến 2100.' });
      expect((await t.http().get('/api/calendar/2026')).status).toBe(401);
    });
  });

  describe('GET /calendar/working-days', () => {
    it('counts across Tết and the weekend: from Fri 13/2/2026, +2 is Tue 24/2 and +3 is Wed 25/2', async () => {
      expect(await addDays('2026-02-13', 2)).toBe('2026-02-24');
      expect(await addDays('2026-02-13', 3)).toBe('2026-02-25');
    });

    it('a working Saturday counts; +0 from a day off is the next working day', async () => {
      expect(await addDays('2026-01-09', 1)).toBe('2026-01-10');
      expect(await addDays('2026-02-14', 0)).toBe('2026-02-23');
      expect(await addDays('2026-04-29', 1)).toBe('2026-05-04');
    });

    it('refuses a date that is not one, a negative or missing count', async () => {
      for (const q of ['from=2026-02-30&add=1', 'from=13/02/2026&add=1', 'from=2026-02-13&add=-1', 'from=2026-02-13', 'from=2026-02-13&add=1.5']) {
        const res = await t.http().get(`/api/calendar/working-days?${q}`).set(as('kt.chuyenvien'));
        expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION']);
        expect(res.body.message).toMatch(/[ạ-ỹà-ú]/);
      }
    });
  });

  describe('PUT /calendar/{year}', () => {
    it('is for the administrator only', async () => {
      const body = { days: [] };
      for (const user of ['vhxh.cchc', 'chutich', 'kt.truongphong']) {
        const res = await putYear(2027, body, user);
        expect([user, res.status, res.body]).toEqual([user, 403, { code: 'FORBIDDEN', message: 'Chỉ Quản trị hệ thống được sửa lịch làm việc.' }]);
      }
      expect((await getYear(2027)).defined).toBe(false);
    });

    it('refuses a working Saturday that is no Saturday, a holiday on a weekend, a date of another year, a duplicate, no name', async () => {
      const cases: [unknown, string, string][] = [
        [{ date: '2026-01-11', kind: 'WORKING_SATURDAY', name: 'Làm bù' }, 'days[0].kind', 'Ngày 11/01/2026 là Chủ nhật, không phải thứ Bảy: chỉ thứ Bảy mới là ngày làm bù.'],
        [{ date: '2026-04-26', kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương' }, 'days[0].kind', 'Ngày 26/04/2026 là Chủ nhật, vốn là ngày nghỉ hằng tuần.'],
        [{ date: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' }, 'days[0].date', 'Ngày 01/01/2027 không thuộc năm 2026.'],
        [{ date: '2026-03-02', kind: 'HOLIDAY', name: '   ' }, 'days[0].name', 'Ngày 02/03/2026 cần có tên, ví dụ “Tết Dương lịch”.'],
      ];
      for (const [day, field, message] of cases) {
        const res = await putYear(2026, { days: [day] });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION');
        expect(res.body.message).toContain(message);
        expect(res.body.details).toEqual([expect.objectContaining({ field })]);
      }
      const twice = await putYear(2026, {
        days: [{ date: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' }],
        suggestions: [{ date: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' }],
      });
      expect(twice.status).toBe(400);
      expect(twice.body.message).toBe('Ngày 24/11/2026 có hai lần trong danh sách.');
      const shape = await putYear(2026, { days: [{ date: '2026-03-02', kind: 'DAY_OFF', name: 'x' }], extra: 1 });
      expect(shape.status).toBe(400);
      expect(shape.body.message).toContain('extra');
      // Nothing was written by any of them.
      expect((await getYear(2026)).days).toHaveLength(15);
    });

    it('the admin switches 24/11 on: it counts at once for working days, and off again', async () => {
      const y = await getYear(2026);
      expect(await addDays('2026-11-23', 1)).toBe('2026-11-24');
      const on = await putYear(2026, { days: [...y.days, ...y.suggestions], suggestions: [] });
      expect(on.status).toBe(200);
      expect(on.body.days).toHaveLength(16);
      expect(on.body.days.find((d: any) => d.date === '2026-11-24')).toEqual({ date: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' });
      expect(on.body.suggestions).toEqual([]);
      expect(on.body.updatedBy).toMatchObject({ fullName: 'Quản trị hệ thống' });
      expect(await addDays('2026-11-23', 1)).toBe('2026-11-25');
      const off = await putYear(2026, { days: y.days, suggestions: y.suggestions });
      expect(off.body.days).toEqual(y.days);
      expect(await addDays('2026-11-23', 1)).toBe('2026-11-24');
    });

    it('sets a year never set; names are trimmed and the list comes back in date order', async () => {
      const res = await putYear(2027, {
        days: [
          { date: '2027-04-30', kind: 'HOLIDAY', name: ' Ngày Giải phóng miền Nam, thống nhất đất nước ' },
          { date: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        year: 2027,
        defined: true,
        days: [
          { date: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' },
          { date: '2027-04-30', kind: 'HOLIDAY', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
        ],
        suggestions: [],
      });
    });
  });

  describe('/settings/deadlines', () => {
    const put = (body: object, user = 'vhxh.cchc') => t.http().put('/api/settings/deadlines').set(as(user)).send(body);

    it('reads the defaults until saved, for anyone', async () => {
      const res = await t.http().get('/api/settings/deadlines').set(as('kt.chuyenvien'));
      expect(res.status).toBe(200);
      expect(res.body).toEqual(DEFAULT_DEADLINE_SETTINGS);
    });

    it('is saved by the coordinator or the admin, nobody else', async () => {
      for (const user of ['kt.truongphong', 'chutich']) {
        const res = await put(DEFAULT_DEADLINE_SETTINGS, user);
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ code: 'FORBIDDEN', message: 'Chỉ Quản trị hệ thống hoặc cán bộ đầu mối CCHC được sửa cài đặt thời hạn.' });
      }
      const mine = { ...DEFAULT_DEADLINE_SETTINGS, approvalSlaWorkingDays: 3, remindBeforeWorkingDays: [1, 5] };
      const saved = await put(mine);
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ ...mine, remindBeforeWorkingDays: [5, 1] });
      expect((await t.http().get('/api/settings/deadlines').set(as('kt.chuyenvien'))).body.remindBeforeWorkingDays).toEqual([5, 1]);
      expect((await put(DEFAULT_DEADLINE_SETTINGS, 'admin')).status).toBe(200);
    });

    it('refuses rungs out of order, unknown targets, insane numbers, missing fields', async () => {
      const unordered = await put({
        ...DEFAULT_DEADLINE_SETTINGS,
        escalation: [
          { afterWorkingDays: 5, to: ['CHAIRMAN'] },
          { afterWorkingDays: 2, to: ['COORDINATOR'] },
        ],
      });
      expect(unordered.status).toBe(400);
      expect(unordered.body).toMatchObject({
        code: 'VALIDATION',
        message: 'Các bậc phải tăng dần: bậc 2 (sau 2 ngày) phải muộn hơn bậc 1 (sau 5 ngày).',
        details: [{ field: 'escalation[1].afterWorkingDays', message: expect.any(String) }],
      });
      const target = await put({ ...DEFAULT_DEADLINE_SETTINGS, escalation: [{ afterWorkingDays: 0, to: ['MAYOR'] }] });
      expect(target.body.message).toBe('Bậc 1: có người nhận không hợp lệ.');
      const sla = await put({ ...DEFAULT_DEADLINE_SETTINGS, approvalSlaWorkingDays: 0, remindBeforeWorkingDays: [40] });
      expect(sla.status).toBe(400);
      expect(sla.body.message).toBe('Thời hạn xử lý mỗi bước duyệt phải là số nguyên từ 1 đến 20 ngày làm việc. (và 1 lỗi khác)');
      expect(sla.body.details.map((d: any) => d.field)).toEqual(['approvalSlaWorkingDays', 'remindBeforeWorkingDays[0]']);
      const missing = await put({ approvalSlaWorkingDays: 2 });
      expect(missing.status).toBe(400);
      expect(missing.body.message).toContain('escalation');
      expect((await t.http().get('/api/settings/deadlines').set(as('admin'))).body).toEqual(DEFAULT_DEADLINE_SETTINGS);
    });
  });

  describe('/settings/reports', () => {
    it("reads An Lão's defaults, and saves what the coordinator sets", async () => {
      expect((await t.http().get('/api/settings/reports').set(as('kt.chuyenvien')).expect(200)).body).toEqual(DEFAULT_REPORT_SETTINGS);
      const bad = await t.http().put('/api/settings/reports').set(as('vhxh.cchc')).send({ ...DEFAULT_REPORT_SETTINGS, unitInputDueDay: 12 });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe('Các đơn vị phải gửi báo cáo trước hạn báo cáo của xã.');
      const forbidden = await t.http().put('/api/settings/reports').set(as('kt.truongphong')).send(DEFAULT_REPORT_SETTINGS);
      expect(forbidden.status).toBe(403);
      const mine = { ...DEFAULT_REPORT_SETTINGS, periods: ['YEAR', 'Q2'], departmentEmail: 'vanthu@snv.example.vn' };
      const ok = await t.http().put('/api/settings/reports').set(as('vhxh.cchc')).send(mine);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ ...mine, periods: ['Q2', 'YEAR'] });
    });
  });

  describe('the due state follows the commune’s calendar and its first reminder', () => {
    let taskId: string;
    const today = communeDate(Date.now());
    const contributionState = async () => {
      const detail = (await t.http().get(`/api/tasks/${taskId}`).set(as('kt.chuyenvien')).expect(200)).body;
      const step = detail.steps.find((s: any) => s.kind === 'CONTRIBUTION' && s.unit === 'VP');
      const item = ((await t.http().get('/api/inbox').set(as('vp.chanhvanphong')).expect(200)).body as any[]).find((x) => x.taskId === taskId && x.kind === 'CONTRIBUTION');
      // The task page and the inbox say the same.
      expect(item?.dueState).toBe(step.dueState);
      return step.dueState as string;
    };

    beforeAll(async () => {
      for (let i = 0; i < 120; i++) {
        const rows = await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE snapshot IS NOT NULL`);
        if (rows[0].n === 32) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const tasks = (await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(as('kt.truongphong'))).body;
      taskId = tasks.find((x: any) => x.number === 25).id;
      const staff = (await t.http().get('/api/users?unit=KT&role=STAFF').set(as('kt.truongphong'))).body[0].id;
      await t.http().post(`/api/tasks/${taskId}/assign`).set(as('kt.truongphong')).send({ assigneeId: staff }).expect(200);
      // A contribution due 5 working days from today, whatever today is.
      const due = await addDays(today, 5);
      await t.http().post(`/api/tasks/${taskId}/contributions/request`).set(as('kt.chuyenvien')).send({ requests: [{ unit: 'VP', dueAt: due }] }).expect(200);
    });

    it('5 working days ahead is on time with the default first reminder (3), due soon once it is 5', async () => {
      expect(await contributionState()).toBe('ON_TIME');
      await t.http().put('/api/settings/deadlines').set(as('vhxh.cchc')).send({ ...DEFAULT_DEADLINE_SETTINGS, remindBeforeWorkingDays: [5, 1] }).expect(200);
      expect(await contributionState()).toBe('DUE_SOON');
      await t.http().put('/api/settings/deadlines').set(as('vhxh.cchc')).send(DEFAULT_DEADLINE_SETTINGS).expect(200);
      expect(await contributionState()).toBe('ON_TIME');
    });

    it('two holidays declared before the date leave 3 working days: due soon', async () => {
      // Two weekdays among the four working days before the date become holidays (a working Saturday stays one).
      const between: string[] = [];
      for (let n = 1; n <= 4; n++) between.push(await addDays(today, n));
      const chosen = between.filter((d) => weekday(d) !== 6).slice(0, 2);
      expect(chosen).toHaveLength(2);
      for (const year of [...new Set(chosen.map((d) => Number(d.slice(0, 4))))]) {
        const y = await getYear(year);
        const added = chosen.filter((d) => Number(d.slice(0, 4)) === year).map((date) => ({ date, kind: 'HOLIDAY', name: 'Nghỉ đột xuất (thử)' }));
        await putYear(year, { days: [...y.days.filter((d: any) => !added.some((a) => a.date === d.date)), ...added], suggestions: y.suggestions.filter((d: any) => !added.some((a) => a.date === d.date)) }).expect(200);
      }
      expect(await contributionState()).toBe('DUE_SOON');
    });
  });
});
