import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DelegationRef } from '@app/contracts';
import { ApiError, forbidden, notFound, validation } from '../common/api-error';
import { AuthUser, hasRole } from '../common/current-user';
import { todayInVietnam } from '../common/dates';

interface DelegationRow {
  id: string;
  from_user_id: string;
  from_name: string;
  to_user_id: string;
  to_name: string;
  valid_from: string;
  valid_until: string;
  created_at: Date;
  revoked_at: Date | null;
}

const SELECT = `
  SELECT d.id, d.from_user_id, fu.full_name AS from_name, d.to_user_id, tu.full_name AS to_name,
         to_char(d.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(d.valid_until, 'YYYY-MM-DD') AS valid_until,
         d.created_at, d.revoked_at
  FROM delegations d JOIN users fu ON fu.id = d.from_user_id JOIN users tu ON tu.id = d.to_user_id`;

@Injectable()
export class DelegationsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private toDto(r: DelegationRow, today = todayInVietnam()) {
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

  /** The Chairman's delegation the user holds today, if any: what lets a Vice Chairman act for him. */
  async activeFor(user: AuthUser): Promise<DelegationRef | undefined> {
    if (!hasRole(user, 'VICE_CHAIRMAN')) return undefined;
    const today = todayInVietnam();
    const rows: DelegationRow[] = await this.ds.query(
      `${SELECT} WHERE d.to_user_id = $1 AND d.commune = $2 AND d.revoked_at IS NULL AND d.valid_from <= $3 AND d.valid_until >= $3
       ORDER BY d.created_at DESC LIMIT 1`,
      [user.id, user.commune, today],
    );
    const r = rows[0];
    return r ? { id: r.id, fromUser: { id: r.from_user_id, fullName: r.from_name }, from: r.valid_from, until: r.valid_until } : undefined;
  }

  async create(user: AuthUser, toUserId: string, from: string, until: string) {
    if (!hasRole(user, 'CHAIRMAN')) throw forbidden('Chỉ Chủ tịch UBND xã được ủy quyền phê duyệt.');
    if (until < from) throw validation('Ngày kết thúc ủy quyền phải sau hoặc bằng ngày bắt đầu.');
    const target: { id: string; roles: string[] }[] = await this.ds.query(
      `SELECT id, roles FROM users WHERE id::text = $1 AND commune = $2 AND active`,
      [toUserId, user.commune],
    );
    if (!target[0]) throw notFound('Không tìm thấy người được ủy quyền.');
    if (!target[0].roles.includes('VICE_CHAIRMAN')) throw new ApiError('VALIDATION', 'Chỉ được ủy quyền cho Phó Chủ tịch UBND xã.');
    const id = await this.ds.transaction(async (m) => {
      // One Chairman's delegations are written one at a time, so two overlapping requests cannot both pass the check.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`delegation:${user.commune}:${user.id}`]);
      // A period may not overlap one of the same Chairman's delegations in effect today (not revoked, today within
      // it): the Vice Chairman would act for him under two grants at once.
      const overlapping: DelegationRow[] = await m.query(
        `${SELECT} WHERE d.commune = $1 AND d.from_user_id = $2 AND d.revoked_at IS NULL
           AND d.valid_from <= $3 AND d.valid_until >= $3
           AND d.valid_from <= $5 AND d.valid_until >= $4
         ORDER BY d.valid_from LIMIT 1`,
        [user.commune, user.id, todayInVietnam(), from, until],
      );
      const o = overlapping[0];
      if (o) {
        const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
        throw new ApiError(
          'CONFLICT',
          `Khoảng thời gian này trùng với ủy quyền đang hiệu lực cho ${o.to_name} từ ngày ${vnDate(o.valid_from)} đến hết ngày ${vnDate(o.valid_until)}. ` +
            'Hãy kết thúc ủy quyền đó trước, hoặc chọn khoảng thời gian khác.',
          { existing: this.toDto(o) },
        );
      }
      const rows: { id: string }[] = await m.query(
        `INSERT INTO delegations (commune, from_user_id, to_user_id, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [user.commune, user.id, target[0].id, from, until],
      );
      return rows[0].id;
    });
    return this.get(user, id);
  }

  async get(user: AuthUser, id: string) {
    const rows: DelegationRow[] = await this.ds.query(`${SELECT} WHERE d.id::text = $1 AND d.commune = $2`, [id, user.commune]);
    if (!rows[0]) throw notFound('Không tìm thấy ủy quyền.');
    return this.toDto(rows[0]);
  }

  async list(user: AuthUser) {
    const all = hasRole(user, 'CHAIRMAN', 'ADMIN', 'COORDINATOR');
    const rows: DelegationRow[] = await this.ds.query(
      `${SELECT} WHERE d.commune = $1 ${all ? '' : 'AND (d.to_user_id = $2 OR d.from_user_id = $2)'} ORDER BY d.created_at DESC`,
      all ? [user.commune] : [user.commune, user.id],
    );
    return rows.map((r) => this.toDto(r));
  }

  /** Ends a delegation; the row stays (with its revocation time) so the trail can explain past approvals. */
  async revoke(user: AuthUser, id: string) {
    const d = await this.get(user, id);
    if (!hasRole(user, 'CHAIRMAN') || d.fromUser.id !== user.id) throw forbidden('Chỉ Chủ tịch đã ủy quyền mới được kết thúc ủy quyền này.');
    await this.ds.query(`UPDATE delegations SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`, [id]);
    return this.get(user, id);
  }
}
