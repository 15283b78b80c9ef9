/** `users`: the people of each commune, their roles and unit. Passwords are hashed (bcrypt). */
import type { DataSource } from 'typeorm';
import type { DelegationRef, Role } from '@app/contracts';

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

/** What a session needs of its user: the user, his unit's name and the Chairman's delegation he holds today. */
export interface SessionUserRow extends UserRow {
  delegation: DelegationRef | null;
}

/** A user for login: with the password hash, which nothing else reads. */
export interface LoginUserRow extends UserRow {
  password_hash: string;
}

const SESSION = `
  SELECT u.id, u.commune, u.username, u.full_name, u.email, u.unit_code, un.name AS unit_name, u.roles, u.active,
         (SELECT jsonb_build_object('id', d.id, 'fromUser', jsonb_build_object('id', fu.id, 'fullName', fu.full_name),
                                    'from', to_char(d.valid_from, 'YYYY-MM-DD'), 'until', to_char(d.valid_until, 'YYYY-MM-DD'))
          FROM delegations d JOIN users fu ON fu.id = d.from_user_id
          WHERE 'VICE_CHAIRMAN' = ANY (u.roles) AND d.to_user_id = u.id AND d.commune = u.commune AND d.revoked_at IS NULL
            AND d.valid_from <= $2::date AND d.valid_until >= $2::date
          ORDER BY d.created_at DESC LIMIT 1) AS delegation
  FROM users u LEFT JOIN units un ON un.commune = u.commune AND un.code = u.unit_code`;

export class SessionReadModel {
  constructor(private readonly db: DataSource) {}

  /**
   * The user behind a token, with the delegation he holds on `today`, in one round trip: every request makes it, so
   * a deactivated account or an ended delegation stops counting at once.
   */
  async activeUser(userId: string, today: string): Promise<SessionUserRow | null> {
    const rows: SessionUserRow[] = await this.db.query(`${SESSION} WHERE u.id::text = $1 AND u.active`, [userId, today]);
    return rows[0] ?? null;
  }

  async forLogin(username: string): Promise<LoginUserRow | null> {
    const rows: LoginUserRow[] = await this.db.query(
      `SELECT u.id, u.commune, u.username, u.full_name, u.email, u.unit_code, un.name AS unit_name, u.roles, u.active, u.password_hash
       FROM users u LEFT JOIN units un ON un.commune = u.commune AND un.code = u.unit_code
       WHERE u.username = $1 AND u.active`,
      [username],
    );
    return rows[0] ?? null;
  }
}
