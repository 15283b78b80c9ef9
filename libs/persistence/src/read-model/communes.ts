/** `communes`: code, name and time zone of each commune the deployment serves. */
import type { DataSource } from 'typeorm';

export interface CommuneRow {
  code: string;
  name: string;
  time_zone: string;
}

export class CommuneReadModel {
  constructor(private readonly db: DataSource) {}

  list(): Promise<CommuneRow[]> {
    return this.db.query(`SELECT code, name, time_zone FROM communes ORDER BY code`);
  }

  async find(code: string): Promise<CommuneRow | null> {
    const rows: CommuneRow[] = await this.db.query(`SELECT code, name, time_zone FROM communes WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }
}
