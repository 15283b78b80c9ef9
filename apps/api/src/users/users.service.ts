import { Injectable } from '@nestjs/common';
import { mayCity } from '@app/domain';
import { ReadModel, type UserRow } from '@app/persistence';
import { ApiError, forbidden, notFound, validation } from '../common/api-error';
import { AuthUser, tenantActor } from '../common/current-user';
import { hashPassword } from '../auth/auth.service';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';

export const userView = (r: UserRow) => ({
  id: r.id,
  username: r.username,
  fullName: r.full_name,
  email: r.email,
  unit: r.unit_code ? { code: r.unit_code, name: r.unit_name ?? r.unit_code } : null,
  roles: r.roles,
  active: r.active,
});

/** The commune's people: everyone reads the active ones; its ADMIN adds, edits, locks them and resets passwords. */
@Injectable()
export class UsersService {
  constructor(private readonly readModel: ReadModel) {}

  async list(user: AuthUser, filter: { unit?: string; role?: string; all?: boolean }) {
    const includeInactive = filter.all === true && mayCity(tenantActor(user), 'manageUsers');
    return (await this.readModel.users.list(user.commune, { ...filter, includeInactive })).map(userView);
  }

  async create(user: AuthUser, dto: CreateUserDto) {
    this.requireAdmin(user);
    const unit = await this.unitOf(user, dto.unit ?? null);
    const id = await this.readModel.users.create(this.readModel.db, user.commune, {
      username: dto.username,
      fullName: dto.fullName.trim(),
      email: dto.email ?? null,
      unit,
      roles: [...new Set(dto.roles)],
      passwordHash: await hashPassword(dto.password),
    });
    if (!id) throw new ApiError('CONFLICT', `Tên đăng nhập ${dto.username} đã có trong xã/phường.`, { field: 'username' });
    return userView((await this.readModel.users.inCommune(user.commune, id))!);
  }

  async update(user: AuthUser, id: string, dto: UpdateUserDto) {
    this.requireAdmin(user);
    const existing = await this.readModel.users.inCommune(user.commune, id);
    if (!existing) throw notFound('Không tìm thấy người dùng.');
    // An admin who locks himself out, or takes his own ADMIN role, leaves the commune without one.
    if (existing.id === user.id && (dto.active === false || (dto.roles && !dto.roles.includes('ADMIN')))) {
      throw validation('Không thể tự khóa tài khoản hoặc bỏ quyền quản trị của chính mình.');
    }
    const unit = dto.unit === undefined ? undefined : await this.unitOf(user, dto.unit);
    await this.readModel.users.update(user.commune, id, {
      fullName: dto.fullName?.trim(),
      email: dto.email,
      unit,
      roles: dto.roles ? [...new Set(dto.roles)] : undefined,
      active: dto.active,
    });
    return userView((await this.readModel.users.inCommune(user.commune, id))!);
  }

  async resetPassword(user: AuthUser, id: string, password: string): Promise<void> {
    this.requireAdmin(user);
    if (!(await this.readModel.users.inCommune(user.commune, id))) throw notFound('Không tìm thấy người dùng.');
    await this.readModel.users.setPasswordHash(id, await hashPassword(password));
  }

  private requireAdmin(user: AuthUser): void {
    if (!mayCity(tenantActor(user), 'manageUsers')) throw forbidden('Chỉ quản trị hệ thống của xã/phường mới được quản lý người dùng.');
  }

  /** A person's unit is one of the commune's own units (not an outside body). */
  private async unitOf(user: AuthUser, code: string | null): Promise<string | null> {
    if (code === null) return null;
    const unit = await this.readModel.units.find(user.commune, code);
    if (!unit || unit.kind !== 'INTERNAL') {
      throw validation(`Đơn vị ${code} không thuộc xã/phường.`, [{ field: 'unit', message: `Đơn vị ${code} không thuộc xã/phường.` }]);
    }
    return unit.code;
  }
}
