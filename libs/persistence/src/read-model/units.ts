/** `units`: a commune's units (code and name). Units are data, per commune. */
import type { DataSource } from 'typeorm';

export class UnitReadModel {
  constructor(private readonly db: DataSource) {}

  list(commune: string): Promise<{ code: string; name: string }[]> {
    return this.db.query(`SELECT code, name FROM units WHERE commune = $1 ORDER BY code`, [commune]);
  }

  async codes(commune: string): Promise<string[]> {
    return (await this.list(commune)).map((u) => u.code);
  }
}
