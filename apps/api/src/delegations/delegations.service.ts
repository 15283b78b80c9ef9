import { Injectable } from '@nestjs/common';
import { communeDate } from '@app/domain';
import { ReadModel, type DelegationRow } from '@app/persistence';
import { ApiError, forbidden, notFound, validation } from '../common/api-error';
import { AuthUser, hasRole } from '../common/current-user';

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The Chairman's delegations of his approvals to a Vice Chairman (the session loads the one in effect today). */
@Injectable()
export class DelegationsService {
  constructor(private readonly readModel: ReadModel) {}

  private toDto(r: DelegationRow, today = communeDate(Date.now())) {
    return {
      id: r.id,
      fromUser: { id: r.from_user_id, fullName: r.from_name },
      toUser: { id: r.to_user_id, fullName: r.to_name },
      from: r.valid_from,
      until: r.valid_until,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
      active: !r.revoked_at && r.valid_from <= today && today <= r.valid_until,
    };
  }

  async create(user: AuthUser, toUserId: string, from: string, until: string) {
    if (!hasRole(user, 'CHAIRMAN')) throw forbidden('Chỉ Chủ tịch UBND xã được ủy quyền phê duyệt.');
    if (until < from) throw validation('Ngày kết thúc ủy quyền phải sau hoặc bằng ngày bắt đầu.');
    const target = await this.readModel.users.activeInCommune(user.commune, toUserId);
    if (!target) throw notFound('Không tìm thấy người được ủy quyền.');
    if (!target.roles.includes('VICE_CHAIRMAN')) throw new ApiError('VALIDATION', 'Chỉ được ủy quyền cho Phó Chủ tịch UBND xã.');
    // A period may not overlap one of the same Chairman's delegations in effect today: the Vice Chairman would act
    // for him under two grants at once.
    const written = await this.readModel.delegations.create({
      commune: user.commune,
      fromUserId: user.id,
      toUserId: target.id,
      from,
      until,
      today: communeDate(Date.now()),
    });
    if ('overlapping' in written) {
      const o = written.overlapping;
      throw new ApiError(
        'CONFLICT',
        `Khoảng thời gian này trùng với ủy quyền đang hiệu lực cho ${o.to_name} từ ngày ${vnDate(o.valid_from)} đến hết ngày ${vnDate(o.valid_until)}. ` +
          'Hãy kết thúc ủy quyền đó trước, hoặc chọn khoảng thời gian khác.',
        { existing: this.toDto(o) },
      );
    }
    return this.get(user, written.id);
  }

  async get(user: AuthUser, id: string) {
    const row = await this.readModel.delegations.find(user.commune, id);
    if (!row) throw notFound('Không tìm thấy ủy quyền.');
    return this.toDto(row);
  }

  async list(user: AuthUser) {
    const all = hasRole(user, 'CHAIRMAN', 'ADMIN', 'COORDINATOR');
    const rows = await this.readModel.delegations.list(user.commune, all ? null : user.id);
    return rows.map((r) => this.toDto(r));
  }

  async revoke(user: AuthUser, id: string) {
    const d = await this.get(user, id);
    if (!hasRole(user, 'CHAIRMAN') || d.fromUser.id !== user.id) throw forbidden('Chỉ Chủ tịch đã ủy quyền mới được kết thúc ủy quyền này.');
    await this.readModel.delegations.revoke(id);
    return this.get(user, id);
  }
}
