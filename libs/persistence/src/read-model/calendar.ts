/**
 * `calendar_years` and `calendar_days`: a commune's working-day calendar, one list of exceptions to Monday–Friday per
 * year (a year's header and its lines: written together, always). Active rows are the holidays and working Saturdays
 * that count; inactive rows are suggestions the admin may switch on (24/11, Ngày Văn hóa Việt Nam).
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { CalendarDay, WorkingCalendar } from '@app/contracts';
import { workingCalendar } from '@app/domain';

export interface CalendarYearRow {
  year: number;
  /** False while neither the seed nor the admin has set this year's list: only weekends are off. */
  defined: boolean;
  source: 'SEED' | 'ADMIN' | null;
  updatedAt: Date | null;
  updatedBy: { id: string; fullName: string } | null;
  days: CalendarDay[];
  suggestions: CalendarDay[];
}

interface DayRow extends CalendarDay {
  active: boolean;
}

const DAYS_OF_YEAR = `
  SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, active FROM calendar_days
  WHERE commune = $1 AND year = $2 ORDER BY date`;

async function insertDays(m: EntityManager | DataSource, commune: string, days: readonly CalendarDay[], active: boolean): Promise<void> {
  if (days.length === 0) return;
  await m.query(
    `INSERT INTO calendar_days (commune, date, kind, name, active)
     SELECT $1, d.date, d.kind, d.name, $5 FROM unnest($2::date[], $3::text[], $4::text[]) AS d(date, kind, name)`,
    [commune, days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name), active],
  );
}

export class CalendarReadModel {
  constructor(private readonly db: DataSource) {}

  /** One year of the commune's calendar, with who set it last. */
  async year(commune: string, year: number): Promise<CalendarYearRow> {
    const [headers, rows]: [{ source: 'SEED' | 'ADMIN'; updated_at: Date; updated_by: string | null; full_name: string | null }[], DayRow[]] =
      await Promise.all([
        this.db.query(
          `SELECT y.source, y.updated_at, y.updated_by, u.full_name FROM calendar_years y LEFT JOIN users u ON u.id = y.updated_by
           WHERE y.commune = $1 AND y.year = $2`,
          [commune, year],
        ),
        this.db.query(DAYS_OF_YEAR, [commune, year]),
      ]);
    const h = headers[0];
    const strip = ({ date, kind, name }: DayRow): CalendarDay => ({ date, kind, name });
    return {
      year,
      defined: Boolean(h),
      source: h?.source ?? null,
      updatedAt: h?.updated_at ?? null,
      updatedBy: h?.updated_by ? { id: h.updated_by, fullName: h.full_name ?? '' } : null,
      days: rows.filter((r) => r.active).map(strip),
      suggestions: rows.filter((r) => !r.active).map(strip),
    };
  }

  /** Replaces a year's list (checked by the caller) in one transaction; the year counts as set by the admin. */
  async replaceYear(commune: string, year: number, lists: { days: readonly CalendarDay[]; suggestions: readonly CalendarDay[] }, userId: string | null): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO calendar_years (commune, year, source, updated_by) VALUES ($1, $2, 'ADMIN', $3)
         ON CONFLICT (commune, year) DO UPDATE SET source = 'ADMIN', updated_at = now(), updated_by = excluded.updated_by`,
        [commune, year, userId],
      );
      await m.query(`DELETE FROM calendar_days WHERE commune = $1 AND year = $2`, [commune, year]);
      await insertDays(m, commune, lists.days, true);
      await insertDays(m, commune, lists.suggestions, false);
    });
  }

  /**
   * Sets a year's list from a seed unless the year was ever set (by a seed or the admin): a second run changes
   * nothing, and a day the admin removed stays removed. True when this call set it.
   */
  async seedYear(commune: string, year: number, lists: { days: readonly CalendarDay[]; suggestions: readonly CalendarDay[] }): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const created: unknown[] = await m.query(
        `INSERT INTO calendar_years (commune, year, source) VALUES ($1, $2, 'SEED') ON CONFLICT DO NOTHING RETURNING year`,
        [commune, year],
      );
      if (created.length === 0) return false;
      await insertDays(m, commune, lists.days, true);
      await insertDays(m, commune, lists.suggestions, false);
      return true;
    });
  }

  /** The exceptions that count (active rows) of the years `fromYear`…`toYear`, for working-day arithmetic. */
  async workingCalendar(commune: string, fromYear: number, toYear: number): Promise<WorkingCalendar> {
    const rows: CalendarDay[] = await this.db.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM calendar_days
       WHERE commune = $1 AND active AND year BETWEEN $2 AND $3 ORDER BY date`,
      [commune, fromYear, toYear],
    );
    return workingCalendar(rows);
  }
}
