/**
 * What makes a year's calendar acceptable: the one check behind `PUT /calendar/{year}` and the seed files, with
 * messages a commune's administrator reads (Vietnamese, dates as dd/mm/yyyy).
 */
import type { CalendarDay } from '@app/contracts';
import { isIsoDate, weekday } from './commune-time';

export interface FieldProblem {
  /** Where, in the shape of the request: `days[2].date`, `escalation[1].to`. */
  field: string;
  message: string;
}

export const CALENDAR_KINDS = ['HOLIDAY', 'WORKING_SATURDAY'] as const;
export const CALENDAR_NAME_MAX = 120;
/** More exceptions than this in one year is a mistake (2026 has 15). */
export const CALENDAR_DAYS_MAX = 60;

const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "thứ Hai", …, "Chủ nhật" for an ISO date. */
export function weekdayName(date: string): string {
  return WEEKDAY_NAMES[weekday(date)];
}

/** dd/mm/yyyy, as Vietnamese users write dates. */
export function vnDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * Problems of one year's list: dates inside the year and listed once (across `days` and `suggestions`), a working
 * Saturday on a Saturday, a holiday on a weekday (Saturday and Sunday are off already: when a holiday falls on the
 * weekly rest day, the day taken instead — the next working day, Labour Code art. 111 — is what counts), a name.
 */
export function calendarYearProblems(year: number, lists: { days: readonly CalendarDay[]; suggestions?: readonly CalendarDay[] }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return [{ field: 'year', message: 'Năm phải từ 2000 đến 2100.' }];
  const seen = new Map<string, string>();
  const total = lists.days.length + (lists.suggestions?.length ?? 0);
  if (total > CALENDAR_DAYS_MAX) {
    problems.push({ field: 'days', message: `Một năm có nhiều nhất ${CALENDAR_DAYS_MAX} ngày ngoại lệ; danh sách có ${total} ngày.` });
  }
  for (const [listName, list] of [['days', lists.days], ['suggestions', lists.suggestions ?? []]] as const) {
    list.forEach((day, i) => {
      const at = `${listName}[${i}]`;
      if (!isIsoDate(day.date)) {
        problems.push({ field: `${at}.date`, message: `Dòng ${i + 1}: ngày “${String(day.date ?? '')}” không hợp lệ.` });
        return;
      }
      const shown = vnDate(day.date);
      if (Number(day.date.slice(0, 4)) !== year) {
        problems.push({ field: `${at}.date`, message: `Ngày ${shown} không thuộc năm ${year}.` });
      }
      const earlier = seen.get(day.date);
      if (earlier) problems.push({ field: `${at}.date`, message: `Ngày ${shown} có hai lần trong danh sách.` });
      seen.set(day.date, at);
      const dow = weekday(day.date);
      if (day.kind === 'WORKING_SATURDAY' && dow !== 6) {
        problems.push({ field: `${at}.kind`, message: `Ngày ${shown} là ${weekdayName(day.date)}, không phải thứ Bảy: chỉ thứ Bảy mới là ngày làm bù.` });
      } else if (day.kind === 'HOLIDAY' && (dow === 0 || dow === 6)) {
        problems.push({
          field: `${at}.kind`,
          message: `Ngày ${shown} là ${weekdayName(day.date)}, vốn là ngày nghỉ hằng tuần. Nếu ngày lễ trùng ngày nghỉ hằng tuần, hãy nhập ngày nghỉ bù (ngày làm việc kế tiếp).`,
        });
      } else if (!CALENDAR_KINDS.includes(day.kind)) {
        problems.push({ field: `${at}.kind`, message: `Ngày ${shown}: loại ngày phải là ngày nghỉ hoặc thứ Bảy làm bù.` });
      }
      const name = typeof day.name === 'string' ? day.name.trim() : '';
      if (!name) problems.push({ field: `${at}.name`, message: `Ngày ${shown} cần có tên, ví dụ “Tết Dương lịch”.` });
      else if (name.length > CALENDAR_NAME_MAX) problems.push({ field: `${at}.name`, message: `Tên ngày ${shown} dài quá ${CALENDAR_NAME_MAX} ký tự.` });
    });
  }
  return problems;
}

/** The list as stored: names trimmed, in date order. */
export function normalizedCalendarDays(days: readonly CalendarDay[]): CalendarDay[] {
  return days.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() })).sort((a, b) => a.date.localeCompare(b.date));
}
