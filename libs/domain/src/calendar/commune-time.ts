/**
 * The commune's clock. Every commune of the product is in Asia/Ho_Chi_Minh, which has had no daylight saving
 * since 1975, so a fixed UTC+7 offset is exact and needs no time-zone database (workflow code cannot load one).
 * Pure: the same in the workflow sandbox, the API and the worker.
 */
const COMMUNE_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar date (YYYY-MM-DD) of an instant in the commune's zone. */
export function communeDate(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms + COMMUNE_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The instant the commune's day `date` begins (midnight UTC+7). */
export function startOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - COMMUNE_UTC_OFFSET_MS;
}

/** The instant the commune's next day begins after `date` (midnight UTC+7 of date + 1). */
export function startOfDayAfter(date: string): number {
  return startOfDay(date) + DAY_MS;
}

/** The instant the commune's year ends (midnight UTC+7 of 1 January of the next year). */
export function endOfYear(year: number): number {
  return Date.UTC(year + 1, 0, 1) - COMMUNE_UTC_OFFSET_MS;
}

/** Shifts an ISO date by whole calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of an ISO date: 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
