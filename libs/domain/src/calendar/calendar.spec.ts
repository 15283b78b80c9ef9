import { addWorkingDays, dueState, isWorkingDay, NO_EXCEPTIONS, workingCalendar, workingDaysBetween, type CalendarDay } from '.';
import { communeDate, isIsoDate, startOfDayAfter, endOfYear } from '.';

/** The 2026 exceptions of vn-admin-facts.md: 13 weekdays off and two working Saturdays (24/11 is not off). */
const VN_2026: CalendarDay[] = [
  ...['2026-01-01', '2026-01-02'].map((date) => ({ date, kind: 'HOLIDAY' as const, name: 'Tết Dương lịch' })),
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({ date, kind: 'HOLIDAY' as const, name: 'Tết Nguyên đán' })),
  { date: '2026-04-27', kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (nghỉ bù)' },
  { date: '2026-04-30', kind: 'HOLIDAY', name: 'Ngày Giải phóng miền Nam' },
  { date: '2026-05-01', kind: 'HOLIDAY', name: 'Quốc tế Lao động' },
  ...['2026-08-31', '2026-09-01', '2026-09-02'].map((date) => ({ date, kind: 'HOLIDAY' as const, name: 'Quốc khánh' })),
  { date: '2026-01-10', kind: 'WORKING_SATURDAY', name: 'Làm bù Tết Dương lịch' },
  { date: '2026-08-22', kind: 'WORKING_SATURDAY', name: 'Làm bù Quốc khánh' },
];
const cal = workingCalendar(VN_2026);

describe('commune clock (UTC+7)', () => {
  test('the date turns at 17:00 UTC', () => {
    expect(communeDate(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
    expect(communeDate(Date.parse('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(new Date(startOfDayAfter('2027-03-05')).toISOString()).toBe('2027-03-05T17:00:00.000Z');
    expect(new Date(endOfYear(2026)).toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });

  test('ISO dates must be real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '15/01/2026', '', null, 20260115]) expect(isIsoDate(bad)).toBe(false);
  });
});

describe('working days', () => {
  test('weekends are off without a calendar; a holiday list passed in takes days off', () => {
    expect(isWorkingDay('2026-02-13', NO_EXCEPTIONS)).toBe(true); // Friday
    expect(isWorkingDay('2026-02-14', NO_EXCEPTIONS)).toBe(false); // Saturday
    expect(isWorkingDay('2026-02-16', NO_EXCEPTIONS)).toBe(true);
    expect(isWorkingDay('2026-02-16', cal)).toBe(false); // Tết
    expect(isWorkingDay('2026-11-24', cal)).toBe(true); // Ngày Văn hóa Việt Nam: not off in 2026
  });

  test('a working Saturday (làm bù) counts', () => {
    expect(isWorkingDay('2026-01-10', cal)).toBe(true);
    expect(isWorkingDay('2026-01-17', cal)).toBe(false);
    expect(addWorkingDays('2026-01-09', 1, cal)).toBe('2026-01-10');
  });

  test('a step due 13/2/2026 reaches +2 working days on 24/2, across Tết, not on 17/2', () => {
    expect(addWorkingDays('2026-02-13', 2, NO_EXCEPTIONS)).toBe('2026-02-17');
    expect(addWorkingDays('2026-02-13', 2, cal)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 5, cal)).toBe('2026-02-27');
  });

  test('0 working days is the day itself, or the next working day', () => {
    expect(addWorkingDays('2026-02-13', 0, cal)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-14', 0, cal)).toBe('2026-02-23');
  });

  test('working days between two dates', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-24', cal)).toBe(2);
    expect(workingDaysBetween('2026-08-28', '2026-09-04', cal)).toBe(2); // 31/8–2/9 off: 3 and 4/9
    expect(workingDaysBetween('2026-03-10', '2026-03-10', cal)).toBe(0);
    expect(workingDaysBetween('2026-03-10', '2026-03-01', cal)).toBe(0);
  });

  test('counting up to a bound stops just past it, and answers exactly below it', () => {
    expect(workingDaysBetween('2026-01-05', '2026-12-31', cal)).toBeGreaterThan(200);
    expect(workingDaysBetween('2026-01-05', '2026-12-31', cal, 3)).toBe(4);
    expect(workingDaysBetween('2026-02-13', '2026-02-24', cal, 3)).toBe(2);
    expect(workingDaysBetween('2026-02-13', '2026-02-24', cal, 2)).toBe(2);
    expect(workingDaysBetween('2026-02-13', '2026-02-24', cal, 1)).toBe(2);
    expect(workingDaysBetween('2026-02-13', '2026-02-24', cal, 0)).toBe(1);
  });
});

describe('due state', () => {
  test('no date, on time, due soon within 3 working days, overdue after the date', () => {
    expect(dueState(null, '2026-11-26', cal)).toBe('NO_DATE');
    expect(dueState('2026-12-10', '2026-11-26', cal)).toBe('ON_TIME');
    expect(dueState('2026-12-01', '2026-11-26', cal)).toBe('DUE_SOON'); // Fri, Mon, Tue
    expect(dueState('2026-11-26', '2026-11-26', cal)).toBe('DUE_SOON');
    expect(dueState('2026-11-25', '2026-11-26', cal)).toBe('OVERDUE');
    // A date a year away is on time, and a window of 0 days is the due date alone.
    expect(dueState('2027-11-26', '2026-11-26', cal)).toBe('ON_TIME');
    expect(dueState('2026-11-26', '2026-11-26', cal, 0)).toBe('DUE_SOON');
    expect(dueState('2026-11-27', '2026-11-26', cal, 0)).toBe('ON_TIME');
  });

  test('holidays widen the window in calendar days', () => {
    // From Thu 12/2: Fri 13, then Tết and a weekend, then Mon 23 and Tue 24.
    expect(dueState('2026-02-24', '2026-02-12', cal)).toBe('DUE_SOON');
    expect(dueState('2026-02-24', '2026-02-12', NO_EXCEPTIONS)).toBe('ON_TIME');
  });
});
