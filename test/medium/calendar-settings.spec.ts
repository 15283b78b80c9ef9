/** The calendar and settings tables through the read-model layer, and the shipped calendar seed, on a real PostgreSQL. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_DEADLINE_SETTINGS, DEFAULT_REPORT_SETTINGS, type DeadlineSettings } from '@app/contracts';
import { addWorkingDays, communeDate, weekday, workingDaysBetween } from '@app/domain';
import { ReadModel, readCalendarSeeds, seedCalendar, seedCommune, seedDemoAccounts } from '@app/persistence';
import { createTaskActivities } from '../../apps/worker/src/activities/task-activities';
import { migratedDatabase, type MigratedDatabase } from './support';

const COMMUNE = 'an-lao';
const OTHER = 'xa-khac';

describe('calendar and settings (read model, seed)', () => {
  let db: MigratedDatabase;
  let rm: ReadModel;
  let adminId: string;

  beforeAll(async () => {
    db = await migratedDatabase();
    rm = new ReadModel(db.ds);
    await seedCommune(db.ds, COMMUNE);
    await seedCommune(db.ds, OTHER);
    await seedDemoAccounts(db.ds, COMMUNE, 'demo');
    adminId = (await rm.users.list(COMMUNE)).find((u) => u.username === 'admin')!.id;
  });
  afterAll(() => db?.drop());

  describe('the shipped 2026 calendar', () => {
    test('seeds 13 weekdays off and 2 working Saturdays with Vietnamese names; 24/11 only as a suggestion', async () => {
      expect(await seedCalendar(db.ds, COMMUNE)).toEqual([2026]);
      const y = await rm.calendar.year(COMMUNE, 2026);
      expect(y).toMatchObject({ year: 2026, defined: true, source: 'SEED', updatedBy: null });
      const holidays = y.days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date);
      expect(holidays).toEqual([
        '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
        '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02',
      ]);
      expect(y.days.filter((d) => d.kind === 'WORKING_SATURDAY').map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
      expect(y.days.find((d) => d.date === '2026-02-17')!.name).toBe('Tết Nguyên đán Bính Ngọ');
      expect(y.days.find((d) => d.date === '2026-09-02')!.name).toBe('Quốc khánh');
      expect(y.days.every((d) => d.name.normalize('NFC') === d.name && d.name.trim() === d.name && d.name.length > 0)).toBe(true);
      expect(y.suggestions).toEqual([{ date: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' }]);
    });

    test('seeding again changes nothing, and a day the admin removed stays removed', async () => {
      const before = await rm.calendar.year(COMMUNE, 2026);
      await rm.calendar.replaceYear(COMMUNE, 2026, { days: before.days.filter((d) => d.date !== '2026-01-02'), suggestions: before.suggestions }, adminId);
      expect(await seedCalendar(db.ds, COMMUNE)).toEqual([]);
      const after = await rm.calendar.year(COMMUNE, 2026);
      expect(after.days.map((d) => d.date)).not.toContain('2026-01-02');
      expect(after.days).toHaveLength(14);
      expect(after).toMatchObject({ source: 'ADMIN', updatedBy: { id: adminId, fullName: 'Quản trị hệ thống' } });
      await rm.calendar.replaceYear(COMMUNE, 2026, before, adminId);
    });

    test('a seed file that breaks the calendar rule stops the seed, naming the file and the day', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-seed-'));
      try {
        fs.writeFileSync(
          path.join(dir, 'lich-lam-viec-2027.json'),
          JSON.stringify({ year: 2027, days: [{ date: '2027-01-03', kind: 'WORKING_SATURDAY', name: 'Làm bù' }] }),
        );
        await expect(readCalendarSeeds(dir)).rejects.toThrow('Tệp lịch lich-lam-viec-2027.json không hợp lệ: Ngày 03/01/2027 là Chủ nhật');
        await expect(seedCalendar(db.ds, COMMUNE, dir)).rejects.toThrow('không hợp lệ');
        expect((await rm.calendar.year(COMMUNE, 2027)).defined).toBe(false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('calendar years', () => {
    test('a year never set reads as not defined, with no days (only weekends are off)', async () => {
      expect(await rm.calendar.year(COMMUNE, 2030)).toEqual({
        year: 2030, defined: false, source: null, updatedAt: null, updatedBy: null, days: [], suggestions: [],
      });
    });

    test('replacing a year writes its days and suggestions, in date order, and leaves other years and communes alone', async () => {
      await rm.calendar.replaceYear(
        COMMUNE,
        2027,
        {
          days: [{ date: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' }],
          suggestions: [{ date: '2027-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' }],
        },
        adminId,
      );
      await rm.calendar.replaceYear(COMMUNE, 2027, { days: [{ date: '2027-04-30', kind: 'HOLIDAY', name: '30/4' }, { date: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' }], suggestions: [] }, adminId);
      const y = await rm.calendar.year(COMMUNE, 2027);
      expect(y.days.map((d) => d.date)).toEqual(['2027-01-01', '2027-04-30']);
      expect(y.suggestions).toEqual([]);
      expect((await rm.calendar.year(COMMUNE, 2026)).days).toHaveLength(15);
      expect((await rm.calendar.year(OTHER, 2027)).defined).toBe(false);
      await rm.calendar.replaceYear(COMMUNE, 2027, { days: [], suggestions: [] }, adminId);
      expect(await rm.calendar.year(COMMUNE, 2027)).toMatchObject({ defined: true, days: [] });
    });

    test('the table refuses an unknown kind and an empty name, whoever writes', async () => {
      await expect(
        rm.calendar.replaceYear(COMMUNE, 2028, { days: [{ date: '2028-01-03', kind: 'DAY_OFF' as never, name: 'x' }], suggestions: [] }, adminId),
      ).rejects.toThrow(/calendar_days_kind_check/);
      await expect(
        rm.calendar.replaceYear(COMMUNE, 2028, { days: [{ date: '2028-01-03', kind: 'HOLIDAY', name: ' ' }], suggestions: [] }, adminId),
      ).rejects.toThrow(/calendar_days_name_check/);
      // The transaction rolled back: the year is not set either.
      expect((await rm.calendar.year(COMMUNE, 2028)).defined).toBe(false);
    });

    test('working-day arithmetic on the stored calendar: suggestions do not count, Tết does', async () => {
      const cal = await rm.calendar.workingCalendar(COMMUNE, 2026, 2026);
      expect(cal.holidays).toHaveLength(13);
      expect(cal.holidays).not.toContain('2026-11-24');
      expect(cal.workingSaturdays).toEqual(['2026-01-10', '2026-08-22']);
      expect(addWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24');
      expect(workingDaysBetween('2026-11-23', '2026-11-25', cal)).toBe(2);
    });
  });

  describe('settings', () => {
    test('a setting never saved reads as its defaults', async () => {
      expect(await rm.settings.get(COMMUNE, 'deadlines')).toEqual({ value: DEFAULT_DEADLINE_SETTINGS, updatedAt: null, updatedBy: null });
      expect((await rm.settings.get(COMMUNE, 'reports')).value).toEqual(DEFAULT_REPORT_SETTINGS);
    });

    test('saving replaces the whole document, per commune, and records who saved it', async () => {
      const mine: DeadlineSettings = { ...DEFAULT_DEADLINE_SETTINGS, approvalSlaWorkingDays: 4, remindBeforeWorkingDays: [5, 1] };
      await rm.settings.put(COMMUNE, 'deadlines', mine, adminId);
      await rm.settings.put(COMMUNE, 'deadlines', { ...mine, approvalSlaWorkingDays: 3 }, adminId);
      const row = await rm.settings.get(COMMUNE, 'deadlines');
      expect(row.value).toEqual({ ...mine, approvalSlaWorkingDays: 3 });
      expect(row.updatedBy).toEqual({ id: adminId, fullName: 'Quản trị hệ thống' });
      expect(row.updatedAt).toBeInstanceOf(Date);
      expect((await rm.settings.get(OTHER, 'deadlines')).value).toEqual(DEFAULT_DEADLINE_SETTINGS);
    });

    test('a stored document missing a field (saved before the field existed) reads it as its default', async () => {
      await db.ds.query(`UPDATE settings SET value = value - 'contributionLeadWorkingDays' WHERE commune = $1 AND name = 'deadlines'`, [COMMUNE]);
      const { value } = await rm.settings.get(COMMUNE, 'deadlines');
      expect(value.contributionLeadWorkingDays).toBe(DEFAULT_DEADLINE_SETTINGS.contributionLeadWorkingDays);
      expect(value.approvalSlaWorkingDays).toBe(3);
    });
  });

  describe('deadline rules (what the API and the worker read)', () => {
    test('the calendar of the years around today and the saved settings, in one read', async () => {
      await rm.calendar.replaceYear(COMMUNE, 2025, { days: [{ date: '2025-12-31', kind: 'HOLIDAY', name: 'Thử năm trước' }], suggestions: [] }, adminId);
      await rm.calendar.replaceYear(COMMUNE, 2027, { days: [{ date: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' }], suggestions: [] }, adminId);
      await rm.calendar.replaceYear(COMMUNE, 2028, { days: [{ date: '2028-01-03', kind: 'HOLIDAY', name: 'Ngoài cửa sổ' }], suggestions: [] }, adminId);
      const rules = await rm.deadlineRules.of(COMMUNE, '2026-11-26');
      expect(rules.calendar.holidays).toEqual(expect.arrayContaining(['2025-12-31', '2026-02-17', '2027-01-01']));
      expect(rules.calendar.holidays).not.toContain('2028-01-03');
      expect(rules.calendar.holidays).not.toContain('2026-11-24');
      expect(rules.calendar.holidays).toHaveLength(15);
      expect(rules.calendar.workingSaturdays).toEqual(['2026-01-10', '2026-08-22']);
      expect(rules.settings.approvalSlaWorkingDays).toBe(3);
      expect(rules.settings.remindBeforeWorkingDays).toEqual([5, 1]);
    });

    test("the worker's deadlineRules activity reads them around today: a year ahead in, two years ahead out", async () => {
      const year = Number(communeDate(Date.now()).slice(0, 4));
      // The first Monday of June of next year, and of the year after.
      const monday = (y: number) => [1, 2, 3, 4, 5, 6, 7].map((d) => `${y}-06-0${d}`).find((d) => weekday(d) === 1)!;
      for (const y of [year + 1, year + 2]) {
        await rm.calendar.replaceYear(OTHER, y, { days: [{ date: monday(y), kind: 'HOLIDAY', name: 'Nghỉ thử' }], suggestions: [] }, null);
      }
      const rules = await createTaskActivities(db.ds).deadlineRules(OTHER);
      expect(rules.calendar.holidays).toEqual([monday(year + 1)]);
      expect(rules.settings).toEqual(DEFAULT_DEADLINE_SETTINGS);
      for (const y of [year + 1, year + 2]) await rm.calendar.replaceYear(OTHER, y, { days: [], suggestions: [] }, null);
    });

    test('a commune with nothing set: weekends only and the default settings', async () => {
      expect(await rm.deadlineRules.of(OTHER, '2026-11-26')).toEqual({ calendar: { holidays: [], workingSaturdays: [] }, settings: DEFAULT_DEADLINE_SETTINGS });
    });
  });
});
