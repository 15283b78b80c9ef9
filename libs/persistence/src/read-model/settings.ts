/**
 * `settings`: a commune's settings, one JSON document per name, checked by the API before it is stored. A name
 * not stored yet reads as its defaults; a stored document is laid over the defaults, so a field added to a setting
 * later reads as its default until the commune saves it.
 */
import type { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_SETTINGS, DEFAULT_REPORT_SETTINGS, type DeadlineSettings, type ReportSettings } from '@app/contracts';

/** Every setting a commune has, with its defaults. */
export const SETTING_DEFAULTS = {
  deadlines: DEFAULT_DEADLINE_SETTINGS,
  reports: DEFAULT_REPORT_SETTINGS,
} satisfies Record<string, object>;

export interface SettingTypes {
  deadlines: DeadlineSettings;
  reports: ReportSettings;
}
export type SettingName = keyof SettingTypes;

/** The stored document (or nothing) laid over the setting's defaults. */
export function withDefaults<N extends SettingName>(name: N, stored: unknown): SettingTypes[N] {
  const base = SETTING_DEFAULTS[name] as SettingTypes[N];
  return stored && typeof stored === 'object' ? { ...base, ...(stored as Partial<SettingTypes[N]>) } : { ...base };
}

export interface SettingRow<T> {
  value: T;
  /** null while the commune has not saved this setting (the defaults apply). */
  updatedAt: Date | null;
  updatedBy: { id: string; fullName: string } | null;
}

export class SettingsReadModel {
  constructor(private readonly db: DataSource) {}

  async get<N extends SettingName>(commune: string, name: N): Promise<SettingRow<SettingTypes[N]>> {
    const rows: { value: unknown; updated_at: Date; updated_by: string | null; full_name: string | null }[] = await this.db.query(
      `SELECT s.value, s.updated_at, s.updated_by, u.full_name FROM settings s LEFT JOIN users u ON u.id = s.updated_by
       WHERE s.commune = $1 AND s.name = $2`,
      [commune, name],
    );
    const r = rows[0];
    return {
      value: withDefaults(name, r?.value),
      updatedAt: r?.updated_at ?? null,
      updatedBy: r?.updated_by ? { id: r.updated_by, fullName: r.full_name ?? '' } : null,
    };
  }

  /** Stores the whole document (checked by the caller). */
  async put<N extends SettingName>(commune: string, name: N, value: SettingTypes[N], userId: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO settings (commune, name, value, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (commune, name) DO UPDATE SET value = excluded.value, updated_at = now(), updated_by = excluded.updated_by`,
      [commune, name, JSON.stringify(value), userId],
    );
  }
}
