/** `delegations`: the Chairman's delegations of approvals to a Vice Chairman. */
import type { DataSource } from 'typeorm';

export interface DelegationGrantRow {
  to_user_id: string;
  from_user_id: string;
  from_name: string;
  valid_from: string;
  valid_until: string;
}

export interface DelegationRow {
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

/** Delegations of commune $1 not revoked and not over by $2 (also read within `AudienceReadModel`). */
export const GRANTS_NOT_ENDED = `
  SELECT d.to_user_id, d.from_user_id, fu.full_name AS from_name,
         to_char(d.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(d.valid_until, 'YYYY-MM-DD') AS valid_until
  FROM delegations d JOIN users fu ON fu.id = d.from_user_id
  WHERE d.commune = $1 AND d.revoked_at IS NULL AND d.valid_until >= $2::date`;

export class DelegationReadModel {
  constructor(private readonly db: DataSource) {}

  /** Delegations not ended and not over by `today` (ISO date); the day itself is judged by the caller's rule. */
  notEnded(commune: string, today: string): Promise<DelegationGrantRow[]> {
    return this.db.query(GRANTS_NOT_ENDED, [commune, today]);
  }

  /**
   * Writes a delegation unless its period overlaps one of the same Chairman's delegations in effect on `today` (not
   * revoked, today within it); the Chairman's delegations are written one at a time (an advisory lock), so two
   * overlapping requests cannot both pass. Returns the new id, or the delegation it overlaps.
   */
  create(d: { commune: string; fromUserId: string; toUserId: string; from: string; until: string; today: string }): Promise<{ id: string } | { overlapping: DelegationRow }> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`delegation:${d.commune}:${d.fromUserId}`]);
      const overlapping: DelegationRow[] = await m.query(
        `${SELECT} WHERE d.commune = $1 AND d.from_user_id = $2 AND d.revoked_at IS NULL
           AND d.valid_from <= $3 AND d.valid_until >= $3
           AND d.valid_from <= $5 AND d.valid_until >= $4
         ORDER BY d.valid_from LIMIT 1`,
        [d.commune, d.fromUserId, d.today, d.from, d.until],
      );
      if (overlapping[0]) return { overlapping: overlapping[0] };
      const rows: { id: string }[] = await m.query(
        `INSERT INTO delegations (commune, from_user_id, to_user_id, valid_from, valid_until) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [d.commune, d.fromUserId, d.toUserId, d.from, d.until],
      );
      return { id: rows[0].id };
    });
  }

  async find(commune: string, id: string): Promise<DelegationRow | null> {
    const rows: DelegationRow[] = await this.db.query(`${SELECT} WHERE d.id::text = $1 AND d.commune = $2`, [id, commune]);
    return rows[0] ?? null;
  }

  /** The commune's delegations, or only those given or received by `userId`. */
  list(commune: string, userId: string | null): Promise<DelegationRow[]> {
    return this.db.query(
      `${SELECT} WHERE d.commune = $1 AND ($2::text IS NULL OR d.to_user_id::text = $2 OR d.from_user_id::text = $2) ORDER BY d.created_at DESC`,
      [commune, userId],
    );
  }

  /** Ends a delegation; the row stays (with its revocation time) so the trail can explain past approvals. */
  async revoke(id: string): Promise<void> {
    await this.db.query(`UPDATE delegations SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1`, [id]);
  }
}



