/** `users`: the people of each commune, their roles and unit. Passwords are hashed (bcrypt). */
import type { DataSource } from 'typeorm';
import type { DelegationRef, Role } from '@app/contracts';
import type { Queryable } from '../demo-seed';

export interface UserRow {
  id: string;
  /** Null for an account above the communes (SUPERADMIN, DEPARTMENT_VIEWER). */
  commune: string | null;
  commune_name: string | null;
  /** The province a DEPARTMENT_VIEWER is granted. */
  province: string | null;
  username: string;
  full_name: string;
  email: string | null;
  unit_code: string | null;
  unit_name: string | null;
  roles: Role[];
  active: boolean;
}

const COLUMNS = `u.id, u.commune, c.name AS commune_name, u.province, u.username, u.full_name, u.email, u.unit_code,
  un.name AS unit_name, u.roles, u.active`;
const FROM = `FROM users u LEFT JOIN units un ON un.commune = u.commune AND un.code = u.unit_code LEFT JOIN communes c ON c.code = u.commune`;
const SELECT = `SELECT ${COLUMNS} ${FROM}`;

/** A person as the commune's ADMIN creates or edits him. */
export interface UserInput {
  username: string;
  fullName: string;
  email: string | null;
  unit: string | null;
  roles: Role[];
  passwordHash: string;
}

export class UserReadModel {
  constructor(private readonly db: DataSource) {}

  /** An active person of the commune, e.g. the staff member a unit head assigns. */
  async activeInCommune(commune: string, userId: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`${SELECT} WHERE u.id::text = $1 AND u.commune = $2 AND u.active`, [userId, commune]);
    return rows[0] ?? null;
  }

  /** Anyone of the commune, active or not (the admin's list). */
  async inCommune(commune: string, userId: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`${SELECT} WHERE u.id::text = $1 AND u.commune = $2`, [userId, commune]);
    return rows[0] ?? null;
  }

  list(commune: string, filter: { unit?: string; role?: string; includeInactive?: boolean } = {}): Promise<UserRow[]> {
    return this.db.query(
      `${SELECT} WHERE u.commune = $1 AND (u.active OR $4::boolean) AND ($2::text IS NULL OR u.unit_code = $2) AND ($3::text IS NULL OR $3 = ANY (u.roles))
       ORDER BY u.unit_code NULLS FIRST, u.full_name`,
      [commune, filter.unit ?? null, filter.role ?? null, filter.includeInactive ?? false],
    );
  }

  /** Adds a person to the commune; null when the username is taken there. */
  async create(db: Queryable, commune: string, u: UserInput): Promise<string | null> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO users (commune, username, full_name, email, unit_code, roles, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (commune, username) DO NOTHING RETURNING id`,
      [commune, u.username, u.fullName, u.email, u.unit, u.roles, u.passwordHash],
    );
    return rows[0]?.id ?? null;
  }

  /** Changes a person's name, e-mail, roles, unit or active flag; false when he is not of the commune. */
  async update(
    commune: string,
    userId: string,
    patch: { fullName?: string; email?: string | null; unit?: string | null; roles?: Role[]; active?: boolean },
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `UPDATE users SET
         full_name = COALESCE($3, full_name),
         email = CASE WHEN $4::boolean THEN $5 ELSE email END,
         unit_code = CASE WHEN $6::boolean THEN $7 ELSE unit_code END,
         roles = COALESCE($8::text[], roles),
         active = COALESCE($9, active)
       WHERE id::text = $1 AND commune = $2 RETURNING id`,
      [
        userId,
        commune,
        patch.fullName ?? null,
        patch.email !== undefined,
        patch.email ?? null,
        patch.unit !== undefined,
        patch.unit ?? null,
        patch.roles ?? null,
        patch.active ?? null,
      ],
    );
    return rows.length === 1;
  }

  /** Sets a password hash (the admin's reset, or the person's own change). */
  async setPasswordHash(userId: string, hash: string): Promise<void> {
    await this.db.query(`UPDATE users SET password_hash = $2 WHERE id::text = $1`, [userId, hash]);
  }

  async passwordHash(userId: string): Promise<string | null> {
    const rows: { password_hash: string }[] = await this.db.query(`SELECT password_hash FROM users WHERE id::text = $1`, [userId]);
    return rows[0]?.password_hash ?? null;
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
  SELECT ${COLUMNS},
         (SELECT jsonb_build_object('id', d.id, 'fromUser', jsonb_build_object('id', fu.id, 'fullName', fu.full_name),
                                    'from', to_char(d.valid_from, 'YYYY-MM-DD'), 'until', to_char(d.valid_until, 'YYYY-MM-DD'))
          FROM delegations d JOIN users fu ON fu.id = d.from_user_id
          WHERE 'VICE_CHAIRMAN' = ANY (u.roles) AND d.to_user_id = u.id AND d.commune = u.commune AND d.revoked_at IS NULL
            AND d.valid_from <= $2::date AND d.valid_until >= $2::date
          ORDER BY d.created_at DESC LIMIT 1) AS delegation
  ${FROM}`;

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

  /**
   * The active accounts a login names: in the commune given (an account above the communes answers whatever commune
   * the login page had chosen, after the commune's own), or, without one, every account of that username in the
   * deployment (the login goes on only when there is exactly one).
   */
  forLogin(username: string, commune: string | null): Promise<LoginUserRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS}, u.password_hash ${FROM}
       WHERE u.username = $1 AND u.active AND ($2::text IS NULL OR u.commune = $2 OR u.commune IS NULL)
       ORDER BY u.commune IS NULL LIMIT 2`,
      [username, commune],
    );
  }
}
