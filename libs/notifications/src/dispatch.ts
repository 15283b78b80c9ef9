/**
 * Delivery: exactly one in-app notification and one e-mail per idempotency key, whatever the retries.
 *
 *   1. record the in-app notifications (idempotent by key, one statement);
 *   2. plan the e-mails in `outbound_messages` (idempotent by key: a retry finds the rows its first attempt planned,
 *      with the same id, Message-ID and mailbox file name);
 *   3. for each message not yet sent: claim it (a row lock held by this attempt's database session), send it, and
 *      mark it SENT in the same transaction, before the claim is let go;
 *   4. if any message failed for a reason a retry may fix, throw: the activity's retry policy tries again later with
 *      backoff, and only what is not SENT goes out again. A message the server refuses for good (5xx) is REFUSED,
 *      kept with its error for the administrator, never silently dropped.
 *
 * What remains possible, and how small it is kept: the SMTP server accepts a message (its 250 reply) and the
 * process dies before the transaction marking it SENT commits. The next attempt cannot tell "accepted" from "never
 * arrived", and sends it again, since losing a message is worse than repeating one. The window is one UPDATE and its
 * COMMIT on an open connection, right after the server's reply: each message is marked on its own, never at the end
 * of a batch. A repeat carries the same Message-ID (derived from the key), so mail systems that de-duplicate by
 * Message-ID show it once. Without SMTP a repeat writes nothing: the mailbox file name is fixed per key and an
 * existing file is kept.
 *
 * A worker killed mid-send loses its database session, and with it the claim: the next attempt sends at once. Sends
 * are limited to a few at a time per worker (SEND_SLOTS), so claims never hold more than that many connections of
 * the pool the read model's writes also need.
 */
import { createHash, randomUUID } from 'crypto';
import type { NotificationKind } from '@app/contracts';
import type { NotificationReadModel, OutboundMessageStore } from '@app/persistence';
import { type MailAttachment, type Mailer, mailboxFileName, PermanentMailError } from './mailer';
import type { MessageContent } from './templates';

/** One message to one person, ready to deliver. */
export interface Envelope {
  /** The idempotency key, e.g. `<workflow id>#<seq>#<user id>` for a task event. */
  key: string;
  commune: string;
  kind: NotificationKind;
  /** `id` null: someone outside the commune's users (Sở Nội vụ), reached by e-mail only. */
  person: { id: string | null; fullName: string; email: string | null };
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

export const NOTHING_DISPATCHED: DispatchResult = { notified: 0, sent: 0, alreadySent: 0, refused: 0 };

/** Some e-mails of the batch could not go yet: the activity fails so that Temporal retries it with backoff. */
export class DeliveryIncomplete extends Error {
  constructor(readonly failures: { key: string; error: string }[]) {
    super(`${failures.length} thư chưa gửi được, sẽ gửi lại: ${failures.map((f) => f.error).join('; ').slice(0, 500)}`);
    this.name = 'DeliveryIncomplete';
  }
}

/** At most this many sends at once per worker (each holds a database connection for its claim). */
export const SEND_SLOTS = 2;

/** A counting semaphore: `run` waits for a free slot. */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}

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
    private readonly opts: { mailFrom: string; slots: Slots; onProgress?: () => void },
  ) {}

  async dispatch(envelopes: Envelope[]): Promise<DispatchResult> {
    await this.store.notifications.record(
      envelopes.flatMap((e) => (e.person.id === null ? [] : [{ ...e, person: { ...e.person, id: e.person.id } }])).map((e) => ({
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
      const outcome = await this.opts.slots.run(() =>
        this.store.outbound.sendClaimed(
          row.id,
          async (claimed) =>
            (
              await this.mailer.send({
                messageId: claimed.message_id,
                fileName: claimed.file_name,
                to: { name: claimed.to_name, address: claimed.to_address },
                subject: claimed.subject,
                text: claimed.text_body,
                html: claimed.html_body,
                date: new Date(claimed.created_at),
                attachments: claimed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })),
              })
            ).response,
          (err) => err instanceof PermanentMailError,
        ),
      );
      if (outcome === 'sent') result.sent += 1;
      else if (outcome === 'already-sent') result.alreadySent += 1;
      else if (outcome === 'refused') result.refused += 1;
      else if (outcome === 'busy') failures.push({ key: row.idempotency_key, error: `thư ${row.id} đang được một lần thử khác gửi` });
      else failures.push({ key: row.idempotency_key, error: outcome.failed });
      this.opts.onProgress?.();
    }
    if (failures.length > 0) throw new DeliveryIncomplete(failures);
    return result;
  }
}
