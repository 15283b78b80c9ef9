/** `communes`: code, name, province and time zone of each commune the deployment serves. */
import type { DataSource } from 'typeorm';
import type { Queryable } from '../demo-seed';

export interface CommuneRow {
  code: string;
  name: string;
  province: string | null;
  time_zone: string;
}

const SELECT = `SELECT code, name, province, time_zone FROM communes`;
/** The commune of code $1 (also read within `AudienceReadModel`). */
export const COMMUNE_BY_CODE = `${SELECT} WHERE code = $1`;

export class CommuneReadModel {
  constructor(private readonly db: DataSource) {}

  list(): Promise<CommuneRow[]> {
    return this.db.query(`${SELECT} ORDER BY name, code`);
  }

  /** The communes of a province (what its Sở Nội vụ oversees), by name. */
  inProvince(province: string): Promise<CommuneRow[]> {
    return this.db.query(`${SELECT} WHERE province = $1 ORDER BY name, code`, [province]);
  }

  async find(code: string): Promise<CommuneRow | null> {
    const rows: CommuneRow[] = await this.db.query(COMMUNE_BY_CODE, [code]);
    return rows[0] ?? null;
  }

  /** Adds a commune; false when the code is taken (nothing written). */
  async create(tx: Queryable, c: { code: string; name: string; province: string }): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO communes (code, name, province) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [c.code, c.name, c.province],
    );
    return rows.length === 1;
  }
}
