/**
 * `outbound_messages`: every e-mail the product sends, planned once per idempotency key, then sent under a claim and
 * marked. States: PENDING (planned) → SENT, or FAILED (a transient error: the next attempt sends it), or REFUSED
 * (the server refused it for good, an SMTP 5xx: kept with its error, not retried).
 *
 * The claim is a row lock (SELECT … FOR UPDATE SKIP LOCKED) held by the sending attempt's database session for the
 * length of one send: a living attempt keeps every other attempt off the message, and a worker that dies (kill -9)
 * releases it with its connection, so the next attempt may send at once.
 */
import type { DataSource } from 'typeorm';

export type OutboundStatus = 'PENDING' | 'SENT' | 'FAILED' | 'REFUSED';

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

/** What one claimed send came to. */
export type SendOutcome = 'sent' | 'already-sent' | 'refused' | 'busy' | { failed: string };

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
   * Sends one message under its claim: `send` runs only if the message is unsent and no other attempt holds it,
   * and the outcome is written before the claim is let go. `send` resolves with the server's reply, or throws
   * (`refused(err)` tells a permanent refusal from a transient failure).
   */
  sendClaimed(id: string, send: (row: OutboundRow) => Promise<string>, refused: (err: unknown) => boolean): Promise<SendOutcome> {
    return this.db.transaction(async (m) => {
      const rows: OutboundRow[] = await m.query(
        `SELECT ${COLUMNS} FROM outbound_messages WHERE id = $1 AND status IN ('PENDING', 'FAILED') FOR UPDATE SKIP LOCKED`,
        [id],
      );
      const row = rows[0];
      if (!row) {
        const now: { status: OutboundStatus }[] = await m.query(`SELECT status FROM outbound_messages WHERE id = $1`, [id]);
        return now[0]?.status === 'SENT' ? 'already-sent' : now[0]?.status === 'REFUSED' ? 'refused' : 'busy';
      }
      try {
        const response = await send(row);
        await m.query(
          `UPDATE outbound_messages SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_attempt_at = now(), response = $2, error = NULL
           WHERE id = $1`,
          [id, response.slice(0, 1000)],
        );
        return 'sent';
      } catch (err) {
        const permanent = refused(err);
        const message = ((err as Error)?.message ?? String(err)).slice(0, 2000);
        await m.query(`UPDATE outbound_messages SET status = $2, attempts = attempts + 1, last_attempt_at = now(), error = $3 WHERE id = $1`, [
          id,
          permanent ? 'REFUSED' : 'FAILED',
          message,
        ]);
        return permanent ? 'refused' : { failed: message };
      }
    });
  }

  /** Delivery state of a commune's messages, newest first (for operators and tests). */
  list(commune: string, limit = 500): Promise<(OutboundRow & { user_id: string | null; kind: string; task_id: string | null; error: string | null; sent_at: Date | null })[]> {
    return this.db.query(
      `SELECT ${COLUMNS}, user_id, kind, task_id, error, sent_at FROM outbound_messages WHERE commune = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [commune, limit],
    );
  }
}
