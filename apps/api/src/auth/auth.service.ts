import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { UnitCode } from '@app/contracts';
import { ApiError } from '../common/api-error';
import { AuthUser } from '../common/current-user';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  commune: string;
  unit_code: UnitCode | null;
  unit_name: string | null;
  roles: AuthUser['roles'];
  password_hash: string;
  active: boolean;
}

export function publicUser(u: AuthUser) {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    commune: u.commune,
    unit: u.unit ? { code: u.unit, name: u.unitName ?? u.unit } : null,
    roles: u.roles,
  };
}

const toAuthUser = (r: UserRow): AuthUser => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  commune: r.commune,
  unit: r.unit_code,
  unitName: r.unit_name,
  roles: r.roles,
});

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string) {
    const rows: UserRow[] = await this.ds.query(`SELECT u.*, un.name AS unit_name FROM users u LEFT JOIN units un ON un.commune = u.commune AND un.code = u.unit_code WHERE u.username = $1 AND u.active`, [username.trim().toLowerCase()]);
    const row = rows[0];
    // Compare even when the user is unknown, so timing does not reveal which usernames exist.
    const ok = await bcrypt.compare(password, row?.password_hash ?? '$2a$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva');
    if (!row || !ok) throw new ApiError('AUTH_INVALID', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    const user = toAuthUser(row);
    const accessToken = await this.jwt.signAsync({ sub: user.id, commune: user.commune });
    return { accessToken, user: publicUser(user) };
  }

  /** Loads the user behind a token; a deactivated account loses access at once. */
  async userFromToken(token: string): Promise<AuthUser | null> {
    let payload: unknown;
    try {
      payload = await this.jwt.verifyAsync(token);
    } catch {
      return null;
    }
    // Only our login signs tokens, but a token signed by a leaked or old secret may carry anything: a subject that
    // is not a user id is simply not a user (the uuid column would otherwise fail the query with a 500).
    const sub = (payload as { sub?: unknown } | null)?.sub;
    if (typeof sub !== 'string' || !UUID.test(sub)) return null;
    const rows: UserRow[] = await this.ds.query(`SELECT u.*, un.name AS unit_name FROM users u LEFT JOIN units un ON un.commune = u.commune AND un.code = u.unit_code WHERE u.id = $1 AND u.active`, [sub]);
    return rows[0] ? toAuthUser(rows[0]) : null;
  }
}
