/**
 * A real SMTP server on loopback for tests (npm smtp-server), parsing each message with mailparser.
 *
 *   const smtp = await startSmtpServer();
 *   process.env.SMTP_URL = smtp.url;          // smtp://127.0.0.1:<port>
 *   … code under test sends mail with nodemailer …
 *   const [mail] = await smtp.waitForMessages(1);
 *   expect(mail.subject).toContain('…'); expect(mail.attachments[0].filename).toBe('bao-cao.docx');
 *   await smtp.stop();
 *
 * A message counts as received when the server answers its DATA with 250, as SMTP says. Two controls for delivery
 * tests: `refuse` answers chosen recipients with a permanent 550; `holdAfter(n)` accepts n more messages and then
 * holds the reply to the next one (the promise resolves when it arrives) until `release()` — a client that hangs up
 * meanwhile (a killed worker) never gets its 250: that message is counted in `abandoned`, not in `messages`, as soon
 * as the server sees the connection close.
 */
import { AddressInfo } from 'net';
import { simpleParser, AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedAttachment {
  filename: string | undefined;
  contentType: string;
  size: number;
  content: Buffer;
}

export interface ReceivedMail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO): To, Cc and Bcc alike, as the server received them. */
  to: string[];
  /** Addresses of the To/Cc headers. */
  headerTo: string[];
  headerCc: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: ReceivedAttachment[];
  headers: Map<string, unknown>;
  raw: Buffer;
}

export interface TestSmtpServer {
  readonly host: string;
  readonly port: number;
  /** smtp://127.0.0.1:<port> (for SMTP_URL / nodemailer.createTransport). */
  readonly url: string;
  /** Every message received so far, in order. */
  readonly messages: ReceivedMail[];
  /** Messages whose sender hung up before the server's reply (never accepted). */
  readonly abandoned: ReceivedMail[];
  /** Accept `accepted` more messages, then hold the reply to the next one (only that one); resolves when it is held. */
  holdAfter(accepted: number): Promise<ReceivedMail>;
  /** Answer the held message (and stop holding); a sender that has gone by then never gets the 250. */
  release(): void;
  /** Resolves once at least `count` messages (matching `filter`, if given) have arrived; rejects after `timeoutMs`. */
  waitForMessages(count: number, opts?: { timeoutMs?: number; filter?: (m: ReceivedMail) => boolean }): Promise<ReceivedMail[]>;
  clear(): void;
  stop(): Promise<void>;
}

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  return list.flatMap((o) => o.value.map((v) => v.address ?? '').filter(Boolean));
}

export async function startSmtpServer(
  opts: { port?: number; host?: string; refuse?: (recipient: string) => boolean } = {},
): Promise<TestSmtpServer> {
  const host = opts.host ?? '127.0.0.1';
  const messages: ReceivedMail[] = [];
  const abandoned: ReceivedMail[] = [];
  const closed = new Set<string>();
  let hold: { after: number; onHeld: (m: ReceivedMail) => void; release?: () => void; taken?: boolean; sessionId?: string } | null = null;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    size: 50 * 1024 * 1024,
    onAuth(_auth, _session, cb) {
      cb(null, { user: 'test' }); // any credentials in SMTP_URL are accepted
    },
    onRcptTo(address, _session, cb) {
      if (opts.refuse?.(address.address)) {
        const err = new Error(`Hộp thư ${address.address} không tồn tại (mailbox unavailable)`) as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onClose(session) {
      closed.add(session.id);
      // The sender of the held message hung up: it will never read the reply, so stop holding it.
      if (hold?.taken && hold.sessionId === session.id) release();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', cb);
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        try {
          const parsed = await simpleParser(raw);
          const from = session.envelope.mailFrom;
          const mail: ReceivedMail = {
            from: from ? from.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            headerTo: addresses(parsed.to),
            headerCc: addresses(parsed.cc),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size, content: a.content })),
            headers: parsed.headers,
            raw,
          };
          if (hold && !hold.taken) {
            if (hold.after > 0) {
              hold.after -= 1;
            } else {
              const h = hold;
              h.taken = true;
              h.sessionId = session.id;
              await new Promise<void>((resolve) => {
                h.release = resolve;
                h.onHeld(mail);
              });
            }
          }
          if (closed.has(session.id)) {
            abandoned.push(mail);
            return;
          }
          messages.push(mail);
          notify();
          cb();
        } catch (err) {
          cb(err as Error);
        }
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined); // a client hanging up mid-session is not a test failure
  const port = (server.server.address() as AddressInfo).port;
  const release = () => {
    const h = hold;
    hold = null;
    h?.release?.();
  };

  return {
    host,
    port,
    url: `smtp://${host}:${port}`,
    messages,
    abandoned,
    holdAfter(accepted) {
      return new Promise<ReceivedMail>((resolve) => {
        hold = { after: accepted, onHeld: resolve };
      });
    },
    release,
    waitForMessages(count, { timeoutMs = 10000, filter } = {}) {
      const matching = () => (filter ? messages.filter(filter) : messages);
      return new Promise((resolve, reject) => {
        const check = () => {
          const list = matching();
          if (list.length < count) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(list.slice());
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP thử nghiệm: chờ ${count} thư, mới nhận ${matching().length} sau ${timeoutMs} ms (waiting for mail timed out)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    clear() {
      messages.length = 0;
      abandoned.length = 0;
    },
    stop() {
      release();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
