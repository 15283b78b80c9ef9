/**
 * `outbound_messages`: every e-mail the product sends, planned once per idempotency key, then claimed, sent and
 * marked. The states: PENDING (planned) → SENDING (claimed by one attempt until `claimed_until`) → SENT, or FAILED
 * (a transient error: claimed again by the next attempt), or REFUSED (the server refused it for good: 5xx).
 */
import type { DataSource } from 'typeorm';

export type OutboundStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'REFUSED';

export interface PlannedMessage {
  /** Fixed by the caller once; a key planned before keeps its first id, Message-ID and file name. */
  id: string;
  key: string;
  commune: string;
  userId: string | null;
  kind: string;
  toName: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; contentBase64: string }[];
  taskId: string | null;
  reportId: string | null;
  messageId: string;
  fileName: string;
  /** When it was planned (the Date header, and the time in the file name), ISO. */
  plannedAt: string;
}

export interface OutboundRow {
  id: string;
  idempotency_key: string;
  to_name: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: { filename: string; contentType: string; contentBase64: string }[];
  message_id: string;
  file_name: string;
  status: OutboundStatus;
  attempts: number;
  created_at: Date;
}

const COLUMNS = `id, idempotency_key, to_name, to_address, subject, text_body, html_body, attachments, message_id, file_name, status, attempts, created_at`;

export class OutboundMessageStore {
  constructor(private readonly db: DataSource) {}

  /**
   * Plans the messages and returns every row of these keys as it now stands: a key planned before keeps its first
   * content, id, Message-ID and file name (one statement for the batch).
   */
  async plan(messages: PlannedMessage[]): Promise<OutboundRow[]> {
    if (messages.length === 0) return [];
    await this.db.query(
      `INSERT INTO outbound_messages (id, idempotency_key, commune, user_id, kind, to_name, to_address, subject, text_body, html_body,
                                      attachments, message_id, file_name, task_id, report_id, created_at)
       SELECT r.id, r.key, r.commune, r."userId", r.kind, r."toName", r."toAddress", r.subject, r.text, r.html,
              coalesce(r.attachments, '[]'), r."messageId", r."fileName", r."taskId", r."reportId", r."plannedAt"
       FROM jsonb_to_recordset($1::jsonb) AS r(
         id uuid, key text, commune text, "userId" uuid, kind text, "toName" text, "toAddress" text, subject text, text text, html text,
         attachments jsonb, "messageId" text, "fileName" text, "taskId" uuid, "reportId" uuid, "plannedAt" timestamptz)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [JSON.stringify(messages)],
    );
    return this.byKeys(messages.map((m) => m.key));
  }

  byKeys(keys: string[]): Promise<OutboundRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM outbound_messages WHERE idempotency_key = ANY ($1::text[]) ORDER BY created_at, id`, [keys]);
  }

  /**
   * Claims a message for one send: only one attempt at a time holds it, until the lease ends. A message claimed by
   * an attempt that died (a killed worker) is claimable again once its lease has run out.
   */
  async claim(id: string, leaseSeconds: number): Promise<OutboundRow | null> {
    const rows: OutboundRow[] = await this.db.query(
      `UPDATE outbound_messages SET status = 'SENDING', attempts = attempts + 1, last_attempt_at = now(),
              claimed_until = now() + make_interval(secs => $2)
       WHERE id = $1 AND (status IN ('PENDING', 'FAILED') OR (status = 'SENDING' AND claimed_until < now()))
       RETURNING ${COLUMNS}`,
      [id, leaseSeconds],
    );
    return rows[0] ?? null;
  }

  async markSent(id: string, response: string): Promise<void> {
    await this.db.query(
      `UPDATE outbound_messages SET status = 'SENT', sent_at = now(), response = $2, error = NULL, claimed_until = NULL WHERE id = $1`,
      [id, response.slice(0, 1000)],
    );
  }

  async markFailed(id: string, error: string, refused: boolean): Promise<void> {
    await this.db.query(`UPDATE outbound_messages SET status = $3, error = $2, claimed_until = NULL WHERE id = $1`, [
      id,
      error.slice(0, 2000),
      refused ? 'REFUSED' : 'FAILED',
    ]);
  }

  /** Delivery state of a commune's messages, newest first (for operators and tests). */
  list(commune: string, limit = 500): Promise<(OutboundRow & { user_id: string | null; kind: string; task_id: string | null; error: string | null; sent_at: Date | null })[]> {
    return this.db.query(
      `SELECT ${COLUMNS}, user_id, kind, task_id, error, sent_at FROM outbound_messages WHERE commune = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [commune, limit],
    );
  }
}
