/**
 * Reading the local mailbox (the `.eml` files the mailer writes without SMTP_URL), for the web's "Hộp thư thử" page.
 * Only file names the mailer itself produces are read, so an id from a URL can never reach outside the folder.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { AddressObject, simpleParser } from 'mailparser';
import { MAILBOX_FILE } from './mailer';

export interface MailboxEntry {
  id: string;
  from: string;
  to: string[];
  subject: string;
  date: string | null;
  size: number;
}

export interface MailboxMessage extends MailboxEntry {
  messageId: string | null;
  text: string;
  html: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

const idOf = (file: string) => file.replace(/\.eml$/, '');
const fileOf = (id: string) => `${id}.eml`;

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  return list.flatMap((o) => o.value.map((v) => (v.name ? `${v.name} <${v.address}>` : (v.address ?? ''))).filter(Boolean));
}

async function parse(dir: string, file: string): Promise<{ entry: MailboxEntry; parsed: Awaited<ReturnType<typeof simpleParser>> }> {
  const raw = await fs.readFile(path.join(dir, file));
  const parsed = await simpleParser(raw);
  return {
    parsed,
    entry: {
      id: idOf(file),
      from: addresses(parsed.from).join(', '),
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      date: parsed.date ? parsed.date.toISOString() : null,
      size: raw.length,
    },
  };
}

/** The newest messages first (at most `limit`). A missing folder is an empty mailbox. */
export async function listMailbox(dir: string, limit = 200): Promise<MailboxEntry[]> {
  const files = await fs.readdir(dir).catch(() => [] as string[]);
  const mine = files.filter((f) => MAILBOX_FILE.test(f)).sort().reverse().slice(0, limit);
  const out: MailboxEntry[] = [];
  for (const f of mine) out.push((await parse(dir, f)).entry);
  return out;
}

/** One message, parsed for display; null when there is no such message. */
export async function readMailboxMessage(dir: string, id: string): Promise<MailboxMessage | null> {
  const file = fileOf(id);
  if (!MAILBOX_FILE.test(file)) return null;
  try {
    const { entry, parsed } = await parse(dir, file);
    return {
      ...entry,
      messageId: parsed.messageId ?? null,
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
      attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
