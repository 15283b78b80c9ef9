/**
 * A commune's deadline rules (`DeadlineRules`): the counted days of `calendar_days` around a date and the `deadlines`
 * document of `settings`, read in ONE statement — what the API needs once per request for the due state, and what
 * the worker's `deadlineRules` activity hands to the workflows. The tables themselves are described in calendar.ts
 * and settings.ts; this module only reads them together.
 */
import type { DataSource } from 'typeorm';
import type { CalendarDay, DeadlineRules } from '@app/contracts';
import { workingCalendar } from '@app/domain';
import { withDefaults } from './settings';

/**
 * The calendar years read around `today`: the year before (a step overdue since last year is counted from there)
 * and the year after (timers up to a year ahead).
 */
export const RULES_YEARS_BEFORE = 1;
export const RULES_YEARS_AFTER = 1;

export class DeadlineRulesReadModel {
  constructor(private readonly db: DataSource) {}

  /** The rules in force on `today` (ISO date, the commune's). */
  async of(commune: string, today: string): Promise<DeadlineRules> {
    const year = Number(today.slice(0, 4));
    const rows: { days: CalendarDay[]; settings: unknown }[] = await this.db.query(
      `SELECT coalesce((SELECT json_agg(json_build_object('date', to_char(d.date, 'YYYY-MM-DD'), 'kind', d.kind, 'name', d.name) ORDER BY d.date)
                        FROM calendar_days d WHERE d.commune = $1 AND d.active AND d.year BETWEEN $2 AND $3), '[]'::json) AS days,
              (SELECT s.value FROM settings s WHERE s.commune = $1 AND s.name = 'deadlines') AS settings`,
      [commune, year - RULES_YEARS_BEFORE, year + RULES_YEARS_AFTER],
    );
    return { calendar: workingCalendar(rows[0].days), settings: withDefaults('deadlines', rows[0].settings) };
  }
}
