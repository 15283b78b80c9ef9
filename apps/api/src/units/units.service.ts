import { Injectable } from '@nestjs/common';
import type { Unit } from '@app/contracts';
import { ReadModel, type UnitInput, type UnitWrite } from '@app/persistence';
import { ApiError, forbidden, notFound, validation } from '../common/api-error';
import { AuthUser, hasRole } from '../common/current-user';

/**
 * The commune's unit directory: its admin edits names, variants and kinds; the coordinator keeps a name a plan used
 * as a variant of a unit while importing. The rules (one spelling per body, one reviewing unit, a unit with people
 * or tasks stays internal) are checked by the read model under a lock; here they become the contract's errors.
 */
@Injectable()
export class UnitsService {
  constructor(private readonly readModel: ReadModel) {}

  list(user: AuthUser): Promise<Unit[]> {
    return this.readModel.units.list(user.commune);
  }

  async create(user: AuthUser, code: string, input: UnitInput): Promise<Unit> {
    this.requireAdmin(user);
    return this.answer(user, await this.readModel.units.create(user.commune, code, input), code);
  }

  async update(user: AuthUser, code: string, input: UnitInput): Promise<Unit> {
    this.requireAdmin(user);
    return this.answer(user, await this.readModel.units.update(user.commune, code, input), code);
  }

  async addAlias(user: AuthUser, code: string, alias: string): Promise<Unit> {
    if (!hasRole(user, 'COORDINATOR', 'ADMIN')) {
      throw forbidden('Chỉ cán bộ đầu mối CCHC hoặc quản trị mới được ghi nhận cách gọi của đơn vị.');
    }
    return this.answer(user, await this.readModel.units.addAlias(user.commune, code, alias), code);
  }

  private requireAdmin(user: AuthUser): void {
    if (!hasRole(user, 'ADMIN')) throw forbidden('Chỉ quản trị hệ thống của xã mới được sửa danh mục đơn vị.');
  }

  private async answer(user: AuthUser, write: UnitWrite, code: string): Promise<Unit> {
    if (write.ok) return write.unit;
    switch (write.reason) {
      case 'NOT_FOUND':
        throw notFound(`Không tìm thấy đơn vị có mã ${code}.`);
      case 'CODE_TAKEN':
        throw new ApiError('CONFLICT', `Mã đơn vị ${code} đã có trong danh mục.`, { reason: write.reason, code });
      case 'NAME_TAKEN': {
        const owner = (await this.readModel.units.find(user.commune, write.code))?.name ?? write.code;
        throw new ApiError(
          'CONFLICT',
          `"${write.name}" đã là cách gọi của ${owner} ("${write.as}"); mỗi cách gọi chỉ thuộc một đơn vị.`,
          { reason: write.reason, name: write.name, unit: write.code, as: write.as },
        );
      }
      case 'REVIEWING_REQUIRED':
        throw new ApiError(
          'CONFLICT',
          'Xã cần có một đơn vị thẩm định; hãy chọn đơn vị khác làm đơn vị thẩm định thay vì bỏ chọn đơn vị này.',
          { reason: write.reason },
        );
      case 'REVIEWING_INTERNAL':
        throw validation('Đơn vị thẩm định phải là đơn vị thuộc UBND xã, không phải cơ quan ngoài xã.', { reason: write.reason });
      case 'IN_USE':
        throw new ApiError(
          'CONFLICT',
          `Đơn vị ${code} đang có ${write.users} cán bộ và ${write.tasks} nhiệm vụ nên không chuyển thành cơ quan ngoài xã được.`,
          { reason: write.reason, users: write.users, tasks: write.tasks },
        );
    }
  }
}
