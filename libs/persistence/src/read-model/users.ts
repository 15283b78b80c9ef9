/** `users`: the people of each commune, their roles and unit. Passwords are hashed (bcrypt). */
import type { DataSource } from 'typeorm';
import type { Role } from '@app/contracts';

export interface UserRow {
  id: string;
  commune: string;
  username: string;
  full_name: string;
  email: string | null;
  unit_code: string | null;
  unit_name: string | null;
  roles: Role[];
  active: boolean;
}

const SELECT = `
  SELECT u.id, u.commune, u.username, u.full_name, u.email, u.unit_code, un.name AS unit_name, u.roles, u.active
  FROM users u LEFT JOIN units un ON un.commune = u.commune AND un.code = u.unit_code`;

export class UserReadModel {
  constructor(private readonly db: DataSource) {}

  /** An active person of the commune, e.g. the staff member a unit head assigns. */
  async activeInCommune(commune: string, userId: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`${SELECT} WHERE u.id::text = $1 AND u.commune = $2 AND u.active`, [userId, commune]);
    return rows[0] ?? null;
  }

  list(commune: string, filter: { unit?: string; role?: string } = {}): Promise<UserRow[]> {
    return this.db.query(
      `${SELECT} WHERE u.commune = $1 AND u.active AND ($2::text IS NULL OR u.unit_code = $2) AND ($3::text IS NULL OR $3 = ANY (u.roles))
       ORDER BY u.unit_code NULLS FIRST, u.full_name`,
      [commune, filter.unit ?? null, filter.role ?? null],
    );
  }
}
