import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as bcrypt from 'bcryptjs';
import { communeDate } from '@app/domain';
import { ReadModel, type SessionUserRow, type UserRow } from '@app/persistence';
import { ApiError, validation } from '../common/api-error';
import { AuthUser } from '../common/current-user';

const NO_HASH = '$2a$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva';

/** How every password is stored (bcrypt, the cost the seeds use). */
export const hashPassword = (password: string) => bcrypt.hash(password, 10);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function publicUser(u: AuthUser) {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    commune: u.commune || null,
    communeName: u.communeName,
    unit: u.unit ? { code: u.unit, name: u.unitName ?? u.unit } : null,
    roles: u.roles,
  };
}

const toAuthUser = (r: UserRow & Partial<Pick<SessionUserRow, 'delegation'>>): AuthUser => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  commune: r.commune ?? '',
  communeName: r.commune_name,
  province: r.province,
  unit: r.unit_code,
  unitName: r.unit_name,
  roles: r.roles,
  ...(r.delegation ? { delegation: r.delegation } : {}),
});

@Injectable()
export class AuthService {
  constructor(
    private readonly readModel: ReadModel,
    private readonly jwt: JwtService,
  ) {}

  /**
   * Usernames are unique within a commune: the login names the commune, or leaves it out when the username is unique
   * in the deployment.
   */
  async login(username: string, password: string, commune?: string) {
    const rows = await this.readModel.sessions.forLogin(username.trim().toLowerCase(), commune?.trim() || null);
    // The same name in several communes: the person names his own (one password check, not one per commune).
    if (rows.length > 1 && !commune?.trim()) {
      throw validation('Tên đăng nhập này có ở nhiều xã/phường: vui lòng chọn xã/phường của bạn.', [
        { field: 'commune', message: 'Vui lòng chọn xã/phường.' },
      ]);
    }
    const row = rows[0];
    // Compare even when the user is unknown, so timing does not reveal which usernames exist.
    const ok = await bcrypt.compare(password, row?.password_hash ?? NO_HASH);
    if (!row || !ok) throw new ApiError('AUTH_INVALID', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    const user = toAuthUser(row);
    const accessToken = await this.jwt.signAsync({ sub: user.id, commune: user.commune });
    return { accessToken, user: publicUser(user) };
  }

  /** The caller changes his own password, after giving the current one. */
  async changePassword(user: AuthUser, current: string, next: string): Promise<void> {
    const hash = await this.readModel.users.passwordHash(user.id);
    if (!hash || !(await bcrypt.compare(current, hash))) {
      throw validation('Mật khẩu hiện tại không đúng.', [{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' }]);
    }
    if (current === next) {
      throw validation('Mật khẩu mới phải khác mật khẩu hiện tại.', [{ field: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' }]);
    }
    await this.readModel.users.setPasswordHash(user.id, await hashPassword(next));
  }

  /** Loads the user behind a token, with the delegation he holds today; a deactivated account loses access at once. */
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
    const row = await this.readModel.sessions.activeUser(sub, communeDate(Date.now()));
    return row ? toAuthUser(row) : null;
  }
}
