/** `delegations`: the Chairman's delegations of approvals to a Vice Chairman, read for those who must be told. */
import type { DataSource } from 'typeorm';

export interface DelegationGrantRow {
  to_user_id: string;
  from_user_id: string;
  from_name: string;
  valid_from: string;
  valid_until: string;
}

export class DelegationReadModel {
  constructor(private readonly db: DataSource) {}

  /** Delegations not ended and not over by `today` (ISO date); the day itself is judged by the caller's rule. */
  notEnded(commune: string, today: string): Promise<DelegationGrantRow[]> {
    return this.db.query(
      `SELECT d.to_user_id, d.from_user_id, fu.full_name AS from_name,
              to_char(d.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(d.valid_until, 'YYYY-MM-DD') AS valid_until
       FROM delegations d JOIN users fu ON fu.id = d.from_user_id
       WHERE d.commune = $1 AND d.revoked_at IS NULL AND d.valid_until >= $2::date`,
      [commune, today],
    );
  }
}
