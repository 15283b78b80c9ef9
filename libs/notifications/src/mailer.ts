/**
 * Render-and-send's sending half: nodemailer to SMTP_URL, or, without it, the local mailbox — every message one
 * RFC 5322 file `<mailbox>/<time>-<id>.eml`, exactly as it would have gone over SMTP (nodemailer's stream transport
 * composes it; attachments included).
 *
 * Both paths are keyed by the message: its Message-ID and its file name are fixed when the message is planned (see
 * dispatch.ts), so sending it again writes the same file (never a second one) and gives a receiving mail system the
 * same Message-ID to recognise a repeat by.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as nodemailer from 'nodemailer';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingMail {
  /** RFC 5322 Message-ID, `<…@…>`, fixed per idempotency key. */
  messageId: string;
  /** `<time>-<id>.eml`, fixed per idempotency key (the mailbox path). */
  fileName: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** The Date header: when the message was planned, so a repeat is the same message. */
  date: Date;
  attachments?: MailAttachment[];
}

export interface SendResult {
  messageId: string;
  /** The SMTP server's reply, or the mailbox file written. */
  response: string;
}

/** A refusal no retry can change (an SMTP 5xx reply): the message is marked as refused instead of retried. */
export class PermanentMailError extends Error {}

export interface Mailer {
  readonly transport: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl: string | null;
  mailFrom: string;
  mailboxDir: string;
}

/** Bounds on one SMTP exchange: a server that stops answering fails the send (and it is retried) instead of hanging. */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

function composeOptions(mail: OutgoingMail, from: string): nodemailer.SendMailOptions {
  return {
    from,
    to: { name: mail.to.name, address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: mail.date,
    messageId: mail.messageId,
    attachments: (mail.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}

export function createMailer(opts: MailerOptions): Mailer {
  return opts.smtpUrl ? smtpMailer(opts.smtpUrl, opts.mailFrom) : mailboxMailer(opts.mailboxDir, opts.mailFrom);
}

function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    transport: 'smtp',
    async send(mail) {
      try {
        const info = await transport.sendMail(composeOptions(mail, from));
        return { messageId: mail.messageId, response: String(info.response ?? '') };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600) throw new PermanentMailError(`${code}: ${(err as Error).message}`);
        throw err;
      }
    },
    close: () => transport.close(),
  };
}

/** A file name the mailbox accepts (what GET /dev/mailbox/{id} may read). */
export const MAILBOX_FILE = /^\d{8}T\d{9}Z-[0-9a-f-]{36}\.eml$/;

/** `<time>-<id>.eml`: sortable by time, unique and fixed per planned message. */
export function mailboxFileName(plannedAt: Date, id: string): string {
  const stamp = plannedAt.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${id}.eml`;
}

function mailboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    transport: 'mailbox',
    async send(mail) {
      if (!MAILBOX_FILE.test(mail.fileName)) throw new Error(`Tên tệp thư không hợp lệ: ${mail.fileName}`);
      const file = path.join(dir, mail.fileName);
      await fs.mkdir(dir, { recursive: true });
      const exists = await fs.stat(file).then(
        () => true,
        () => false,
      );
      if (!exists) {
        const info = await transport.sendMail(composeOptions(mail, from));
        // Written whole, then renamed: a crash leaves a .tmp file, never half a message under the real name.
        const tmp = `${file}.${process.pid}.tmp`;
        await fs.writeFile(tmp, info.message as Buffer);
        await fs.rename(tmp, file);
      }
      return { messageId: mail.messageId, response: `mailbox ${mail.fileName}` };
    },
    close: () => transport.close(),
  };
}
