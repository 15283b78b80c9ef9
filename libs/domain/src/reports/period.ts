/**
 * A report's period: its words, its data window and its schedule (when it opens, when the units and the commune
 * must have it in). Pure and workflow-safe; the settings and the calendar are the commune's data.
 *
 * Data windows: without a cut-off day a period is its calendar span up to the day the report is drafted (Q1:
 * 1/1–31/3; the 6-month report: 1/1–30/6; Q3: 1/7–30/9; Q4: 1/10–31/12; the year: 1/1–31/12). With a cut-off day
 * `c` the windows follow Bộ Nội vụ's regime (Văn bản 581/BNV-CCHC): from the day after the previous cut-off to day
 * `c` of the period's last month — Q1 15/12–14/3, 6 months 15/12–14/6, Q3 15/6–14/9, year 15/12–14/12 for c = 14.
 */
import { REPORT_PERIOD_LAST_MONTH, type ReportPeriod, type ReportScheduleEntry, type ReportSettings, type WorkingCalendar } from '@app/contracts';
import { addDays, startOfDay } from '../calendar/commune-time';
import { dayInMonth, isoDate, monthEnd } from '../calendar/dates';
import { subtractWorkingDays } from '../deadlines/due-dates';

/** "Quý I", "6 tháng", "Quý III", "Quý IV", "Năm": the period as the list and the menu name it. */
export const PERIOD_LABELS: Record<ReportPeriod, string> = { Q1: 'Quý I', Q2: '6 tháng', Q3: 'Quý III', Q4: 'Quý IV', YEAR: 'Năm' };

/** The period in running text: "Quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
export function periodText(period: ReportPeriod, year: number): string {
  switch (period) {
    case 'Q2':
      return `6 tháng đầu năm ${year}`;
    case 'YEAR':
      return `năm ${year}`;
    default:
      return `${PERIOD_LABELS[period]} năm ${year}`;
  }
}

/** The summary line of the report: "Kết quả thực hiện công tác cải cách hành chính Quý I năm 2026". */
export function reportSummary(period: ReportPeriod, year: number): string {
  return `Kết quả thực hiện công tác cải cách hành chính ${periodText(period, year)}`;
}

/** The quarter after the period, for "Nhiệm vụ trọng tâm …": "Quý II năm 2026", after the year "Quý I năm 2027". */
export function nextPeriodText(period: ReportPeriod, year: number): string {
  switch (period) {
    case 'Q1':
      return `Quý II năm ${year}`;
    case 'Q2':
      return `Quý III năm ${year}`;
    case 'Q3':
      return `Quý IV năm ${year}`;
    default:
      return `Quý I năm ${year + 1}`;
  }
}

const FIRST_MONTH: Record<ReportPeriod, number> = { Q1: 1, Q2: 1, Q3: 7, Q4: 10, YEAR: 1 };

/** The period's data window (inclusive ISO dates) under the commune's cut-off day (null: calendar span). */
export function reportWindow(period: ReportPeriod, year: number, dataCutoffDay: number | null): { from: string; to: string } {
  const last = REPORT_PERIOD_LAST_MONTH[period];
  if (dataCutoffDay === null) return { from: isoDate(year, FIRST_MONTH[period], 1), to: monthEnd(year, last) };
  const first = FIRST_MONTH[period];
  // The previous cut-off: in December of the year before for windows that start in January, else in the month
  // before the period's first month (the 6-month report closes June, so Q3 starts after 14/6).
  const before = first === 1 ? dayInMonth(year - 1, 12, dataCutoffDay) : dayInMonth(year, first === 7 ? 6 : first - 1, dataCutoffDay);
  return { from: addDays(before, 1), to: dayInMonth(year, last, dataCutoffDay) };
}

/** The day a report's statuses and figures are taken on: the window's end, or today while the window is open. */
export function reportDataDay(window: { from: string; to: string }, today: string): string {
  return today < window.to ? (today < window.from ? window.from : today) : window.to;
}

/** Lead time when the settings give none: two weeks of work before the units' date. */
export const DEFAULT_OPEN_LEAD_WORKING_DAYS = 10;

/**
 * When each report of the year opens and is due: the units' input on `unitInputDueDay` of the period's last month,
 * the commune's report on `communeDueDay` (both due at the start of that day, as "before the 5th" says), and the
 * report opens `openLeadWorkingDays` working days before the units' date, at the start of that day.
 */
export function reportSchedule(settings: ReportSettings, year: number, calendar: WorkingCalendar): ReportScheduleEntry[] {
  const lead = settings.openLeadWorkingDays ?? DEFAULT_OPEN_LEAD_WORKING_DAYS;
  return settings.periods.map((period) => {
    const month = REPORT_PERIOD_LAST_MONTH[period];
    const inputDueAt = dayInMonth(year, month, settings.unitInputDueDay);
    const dueAt = dayInMonth(year, month, settings.communeDueDay);
    const opensOn = subtractWorkingDays(inputDueAt, lead, calendar);
    return { period, opensAt: new Date(startOfDay(opensOn)).toISOString(), inputDueAt, dueAt };
  });
}
