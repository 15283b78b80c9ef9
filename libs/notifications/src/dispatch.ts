/**
 * Delivery: exactly one in-app notification and at most one e-mail per idempotency key, whatever the retries.
 *
 *   1. record the in-app notifications (idempotent by key, one statement);
 *   2. plan the e-mails in `outbound_messages` (idempotent by key: a retry finds the rows its first attempt planned,
 *      with the same id, Message-ID and mailbox file name);
 *   3. for each message not yet sent: claim it (one attempt at a time, under a lease), send it, mark it SENT at once;
 *   4. if any message failed for a reason a retry may fix, throw: the activity's retry policy tries again later with
 *      backoff, and only what is not SENT goes out again. A message the server refuses for good (5xx) is REFUSED,
 *      kept with its error for the administrator, never silently dropped.
 *
 * What remains possible, and how small it is kept: the SMTP server accepts a message (its 250 reply) and the
 * process dies before the UPDATE that marks it SENT. The next attempt cannot tell "accepted" from "never arrived",
 * and sends it again, since losing a message is worse than repeating one. The window is one database round trip
 * per message: each message is marked on its own right after its reply (never at the end of a batch), with a
 * single-row UPDATE on the primary key. A repeat carries the same Message-ID (derived from the key), so mail
 * systems that de-duplicate by Message-ID show it once. Without SMTP the repeat rewrites nothing: the mailbox file
 * name is fixed per key and an existing file is kept.
 *
 * The lease: a worker killed mid-send leaves its message SENDING; the next attempt may take it once the lease has
 * run out. The lease is longer than the SMTP timeouts (mailer.ts), so a slow but living attempt is never overtaken.
 */
import { createHash, randomUUID } from 'crypto';
import type { NotificationKind } from '@app/contracts';
import type { NotificationReadModel, OutboundMessageStore, OutboundRow } from '@app/persistence';
import { type MailAttachment, type Mailer, mailboxFileName, PermanentMailError, SMTP_TIMEOUTS } from './mailer';
import type { MessageContent } from './templates';

/** One message to one person, ready to deliver. */
export interface Envelope {
  /** The idempotency key, e.g. `<workflow id>#<seq>#<user id>` for a task event. */
  key: string;
  commune: string;
  kind: NotificationKind;
  person: { id: string; fullName: string; email: string | null };
  content: MessageContent;
  /** False: in-app only (a reminder the person turned off). */
  email: boolean;
  taskId: string | null;
  reportId: string | null;
  /** When the event happened (the in-app time), ISO. */
  at: string;
  attachments?: MailAttachment[];
}

export interface DispatchResult {
  /** In-app notifications of this batch (new or recorded before). */
  notified: number;
  /** E-mails sent by this attempt. */
  sent: number;
  /** E-mails an earlier attempt had already sent. */
  alreadySent: number;
  refused: number;
}

/** Some e-mails of the batch could not go yet: the activity fails so that Temporal retries it with backoff. */
export class DeliveryIncomplete extends Error {
  constructor(readonly failures: { key: string; error: string }[]) {
    super(`${failures.length} thư chưa gửi được, sẽ gửi lại: ${failures.map((f) => f.error).join('; ').slice(0, 500)}`);
    this.name = 'DeliveryIncomplete';
  }
}

/** Longer than any SMTP exchange can last (the mailer's timeouts). */
export const SEND_LEASE_SECONDS = Math.ceil((SMTP_TIMEOUTS.connectionTimeout + SMTP_TIMEOUTS.greetingTimeout + SMTP_TIMEOUTS.socketTimeout) / 1000) + 5;

/** The domain of the sender's address, for Message-IDs. */
export function senderDomain(mailFrom: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(mailFrom);
  return m ? m[1] : 'cchc.local';
}

/** `<sha256(key)@domain>`: the same key always gives the same Message-ID. */
export function messageIdFor(key: string, domain: string): string {
  return `<${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40)}@${domain}>`;
}

export interface DispatchStore {
  notifications: NotificationReadModel;
  outbound: OutboundMessageStore;
}

export class Dispatcher {
  constructor(
    private readonly store: DispatchStore,
    private readonly mailer: Mailer,
    private readonly opts: { mailFrom: string; leaseSeconds?: number; onProgress?: () => void },
  ) {}

  async dispatch(envelopes: Envelope[]): Promise<DispatchResult> {
    await this.store.notifications.record(
      envelopes.map((e) => ({
        key: e.key,
        commune: e.commune,
        userId: e.person.id,
        kind: e.kind,
        title: e.content.title,
        body: e.content.body,
        link: e.content.link,
        taskId: e.taskId,
        reportId: e.reportId,
        at: e.at,
      })),
    );

    const domain = senderDomain(this.opts.mailFrom);
    const now = new Date();
    const rows = await this.store.outbound.plan(
      envelopes
        .filter((e) => e.email && e.person.email)
        .map((e) => {
          const id = randomUUID();
          return {
            id,
            key: e.key,
            commune: e.commune,
            userId: e.person.id,
            kind: e.kind,
            toName: e.person.fullName,
            toAddress: e.person.email!,
            subject: e.content.subject,
            text: e.content.text,
            html: e.content.html,
            attachments: (e.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, contentBase64: a.content.toString('base64') })),
            taskId: e.taskId,
            reportId: e.reportId,
            messageId: messageIdFor(e.key, domain),
            fileName: mailboxFileName(now, id),
            plannedAt: now.toISOString(),
          };
        }),
    );

    const result: DispatchResult = { notified: envelopes.length, sent: 0, alreadySent: 0, refused: 0 };
    const failures: { key: string; error: string }[] = [];
    for (const row of rows) {
      if (row.status === 'SENT') {
        result.alreadySent += 1;
        continue;
      }
      if (row.status === 'REFUSED') {
        result.refused += 1;
        continue;
      }
      const outcome = await this.sendOne(row);
      if (outcome === 'sent') result.sent += 1;
      else if (outcome === 'already') result.alreadySent += 1;
      else if (outcome === 'refused') result.refused += 1;
      else failures.push({ key: row.idempotency_key, error: outcome.error });
      this.opts.onProgress?.();
    }
    if (failures.length > 0) throw new DeliveryIncomplete(failures);
    return result;
  }

  private async sendOne(row: OutboundRow): Promise<'sent' | 'already' | 'refused' | { error: string }> {
    const claimed = await this.store.outbound.claim(row.id, this.opts.leaseSeconds ?? SEND_LEASE_SECONDS);
    if (!claimed) {
      // Sent meanwhile by another attempt, or held by one still within its lease: look again on the next attempt.
      const [now] = await this.store.outbound.byKeys([row.idempotency_key]);
      if (now?.status === 'SENT') return 'already';
      return { error: `thư ${row.id} đang được một lần thử khác gửi` };
    }
    try {
      const sent = await this.mailer.send({
        messageId: claimed.message_id,
        fileName: claimed.file_name,
        to: { name: claimed.to_name, address: claimed.to_address },
        subject: claimed.subject,
        text: claimed.text_body,
        html: claimed.html_body,
        date: new Date(claimed.created_at),
        attachments: claimed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })),
      });
      // The window described above is this one statement.
      await this.store.outbound.markSent(claimed.id, sent.response);
      return 'sent';
    } catch (err) {
      const refused = err instanceof PermanentMailError;
      const message = (err as Error).message ?? String(err);
      await this.store.outbound.markFailed(claimed.id, message, refused);
      return refused ? 'refused' : { error: message };
    }
  }
}
