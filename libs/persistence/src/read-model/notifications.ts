/** `notifications`: what each person sees under the bell. Written by the worker's notifier, read and marked by the API. */
import type { DataSource } from 'typeorm';

export interface NotificationInput {
  key: string;
  commune: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  taskId: string | null;
  reportId: string | null;
  /** When the event happened (workflow time), ISO. */
  at: string;
}

export interface NotificationRow {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  task_id: string | null;
  report_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

export class NotificationReadModel {
  constructor(private readonly db: DataSource) {}

  /** Idempotent by key: a retried activity records nothing twice. One statement for the whole batch. */
  async record(rows: NotificationInput[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO notifications (idempotency_key, commune, user_id, kind, title, body, link, task_id, report_id, created_at)
       SELECT r.key, r.commune, r."userId", r.kind, r.title, r.body, r.link, r."taskId", r."reportId", r.at
       FROM jsonb_to_recordset($1::jsonb) AS r(key text, commune text, "userId" uuid, kind text, title text, body text, link text,
                                              "taskId" uuid, "reportId" uuid, at timestamptz)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  list(userId: string, opts: { unread?: boolean; limit?: number } = {}): Promise<NotificationRow[]> {
    return this.db.query(
      `SELECT id, kind, title, body, link, task_id, report_id, created_at, read_at FROM notifications
       WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL)
       ORDER BY created_at DESC, id LIMIT $3`,
      [userId, opts.unread ?? false, opts.limit ?? 100],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return rows[0].n;
  }

  /** Marks one of the user's notifications read (the first time only); null when it is not his. */
  async markRead(userId: string, id: string): Promise<NotificationRow | null> {
    // A SELECT around the UPDATE: the driver answers an UPDATE … RETURNING with [rows, count], a SELECT with rows.
    const rows: NotificationRow[] = await this.db.query(
      `WITH marked AS (
         UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id::text = $1 AND user_id = $2
         RETURNING id, kind, title, body, link, task_id, report_id, created_at, read_at
       ) SELECT * FROM marked`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  async markAllRead(userId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `WITH done AS (UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING 1) SELECT count(*)::int AS n FROM done`,
      [userId],
    );
    return rows[0].n;
  }
}
