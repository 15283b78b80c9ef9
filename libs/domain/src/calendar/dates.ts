/** Calendar arithmetic on plain dates (no time zone: a plan's deadlines are calendar days). */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month, month 1–12. */
export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

/** ISO 8601 calendar date, YYYY-MM-DD. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, lastDayOfMonth(year, month));
}

/** Quarter 1–4 → its last day. */
export function quarterEnd(year: number, quarter: number): string {
  return monthEnd(year, quarter * 3);
}

/** The same day in the given month, moved back to the month's last day when the month is shorter. */
export function dayInMonth(year: number, month: number, day: number): string {
  return isoDate(year, month, Math.min(day, lastDayOfMonth(year, month)));
}
