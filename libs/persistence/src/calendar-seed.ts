/**
 * The working-day calendars the product ships with: `data/seed/lich-lam-viec-<year>.json`, the holidays and working
 * Saturdays announced for cán bộ, công chức, viên chức (the same for every commune), and suggestions the admin may
 * switch on. They are data: the admin corrects them on the "Lịch làm việc" page, and a seed never undoes that.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import type { DataSource } from 'typeorm';
import type { CalendarDay } from '@app/contracts';
import { calendarYearProblems, normalizedCalendarDays } from '@app/domain';
import { CalendarReadModel } from './read-model/calendar';

export const CALENDAR_SEED_DIR = path.resolve(__dirname, '..', '..', '..', 'data', 'seed');
const SEED_FILE = /^lich-lam-viec-(\d{4})\.json$/;

export interface CalendarSeed {
  year: number;
  source: string;
  days: CalendarDay[];
  suggestions: CalendarDay[];
}

/** Every seed file of `dir`, checked by the same rule as `PUT /calendar/{year}`; a bad file stops the start. */
export async function readCalendarSeeds(dir = CALENDAR_SEED_DIR): Promise<CalendarSeed[]> {
  const names = (await fs.readdir(dir)).filter((n) => SEED_FILE.test(n)).sort();
  const seeds: CalendarSeed[] = [];
  for (const name of names) {
    const raw = JSON.parse(await fs.readFile(path.join(dir, name), 'utf8')) as Partial<CalendarSeed>;
    const year = Number(SEED_FILE.exec(name)![1]);
    const days = raw.days ?? [];
    const suggestions = raw.suggestions ?? [];
    const problems = raw.year === year ? calendarYearProblems(year, { days, suggestions }) : [{ field: 'year', message: `năm trong tệp là ${raw.year}` }];
    if (problems.length) throw new Error(`Tệp lịch ${name} không hợp lệ: ${problems.map((p) => p.message).join(' ')}`);
    seeds.push({ year, source: raw.source ?? '', days: normalizedCalendarDays(days), suggestions: normalizedCalendarDays(suggestions) });
  }
  return seeds;
}

/** Sets each shipped year the commune has never set; idempotent. Returns the years set by this call. */
export async function seedCalendar(ds: DataSource, commune: string, dir = CALENDAR_SEED_DIR): Promise<number[]> {
  const calendar = new CalendarReadModel(ds);
  const set: number[] = [];
  for (const seed of await readCalendarSeeds(dir)) {
    if (await calendar.seedYear(commune, seed.year, seed)) set.push(seed.year);
  }
  return set;
}
