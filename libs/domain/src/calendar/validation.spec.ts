import type { CalendarDay } from '@app/contracts';
import { calendarYearProblems, normalizedCalendarDays, vnDate, weekdayName } from '.';

const day = (date: string, kind: CalendarDay['kind'] = 'HOLIDAY', name = 'Ngày nghỉ'): CalendarDay => ({ date, kind, name });

describe('a year of the calendar', () => {
  test('the 2026 list of vn-admin-facts.md is sound', () => {
    const days = [
      ...['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => day(d)),
      ...['2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02'].map((d) => day(d)),
      day('2026-01-10', 'WORKING_SATURDAY', 'Làm bù'),
      day('2026-08-22', 'WORKING_SATURDAY', 'Làm bù'),
    ];
    expect(calendarYearProblems(2026, { days, suggestions: [day('2026-11-24', 'HOLIDAY', 'Ngày Văn hóa Việt Nam')] })).toEqual([]);
  });

  test('a working Saturday must be a Saturday', () => {
    expect(calendarYearProblems(2026, { days: [day('2026-01-11', 'WORKING_SATURDAY')] })).toEqual([
      { field: 'days[0].kind', message: 'Ngày 11/01/2026 là Chủ nhật, không phải thứ Bảy: chỉ thứ Bảy mới là ngày làm bù.' },
    ]);
  });

  test('a holiday on a weekend is refused, pointing to the day taken instead', () => {
    const [p] = calendarYearProblems(2026, { days: [day('2026-04-26', 'HOLIDAY', 'Giỗ Tổ Hùng Vương')] });
    expect(p.field).toBe('days[0].kind');
    expect(p.message).toContain('26/04/2026 là Chủ nhật');
    expect(p.message).toContain('ngày nghỉ bù');
  });

  test('dates inside the year, real, once; names required', () => {
    const problems = calendarYearProblems(2026, {
      days: [day('2027-01-01'), day('2026-02-30'), day('2026-05-01'), day('2026-05-01', 'HOLIDAY', '  ')],
      suggestions: [day('2026-05-01', 'HOLIDAY', 'Trùng')],
    });
    expect(problems.map((p) => p.field)).toEqual(['days[0].date', 'days[1].date', 'days[3].date', 'days[3].name', 'suggestions[0].date']);
    expect(problems[0].message).toBe('Ngày 01/01/2027 không thuộc năm 2026.');
    expect(problems[1].message).toContain('“2026-02-30” không hợp lệ');
    expect(problems[2].message).toBe('Ngày 01/05/2026 có hai lần trong danh sách.');
    expect(problems[3].message).toContain('cần có tên');
  });

  test('a year outside 2000–2100 is refused', () => {
    expect(calendarYearProblems(1999, { days: [] })).toEqual([{ field: 'year', message: 'Năm phải từ 2000 đến 2100.' }]);
  });

  test('stored in date order with names trimmed; dates shown dd/mm/yyyy with the week day', () => {
    expect(normalizedCalendarDays([day('2026-09-02', 'HOLIDAY', ' Quốc khánh '), day('2026-01-01')])).toEqual([day('2026-01-01'), day('2026-09-02', 'HOLIDAY', 'Quốc khánh')]);
    expect(vnDate('2026-02-16')).toBe('16/02/2026');
    expect(weekdayName('2026-02-16')).toBe('thứ Hai');
    expect(weekdayName('2026-02-22')).toBe('Chủ nhật');
  });
});
