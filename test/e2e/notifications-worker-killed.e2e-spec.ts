/**
 * The worker killed (SIGKILL, as a power cut would) while it is sending a batch of e-mails, then started again: every
 * recipient gets exactly one message. The worker runs as a separate OS process, as `npm start` runs it; the SMTP
 * server on loopback holds its reply to one message of the batch, so the kill lands while that message is in flight
 * (sent, not yet accepted), after two others were accepted and before the last two were tried.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ReadModel } from '@app/persistence';
import { startTestApp, TestApp } from '../support/app';
import { Chain, spawnWorker, taskChain, waitFor, WorkerProcess } from '../support/notifications';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';

const PUBLIC_URL = 'https://cchc.an-lao.example';
const APPROVED = '[CCHC xã An Lão] Nhiệm vụ số 25 đã được phê duyệt, hoàn thành';

describe('notifications when the worker is killed mid-batch', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let rm: ReadModel;
  let chain: Chain;
  const workers: WorkerProcess[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-killed-'));
  const coordinators = ['vhxh.cchc'];
  const email = (username: string) => `${username}@${t.commune}.local`;

  const startWorker = async () => {
    const w = spawnWorker(t, { SMTP_URL: smtp.url, PUBLIC_URL, CCHC_DATA_DIR: dataDir });
    workers.push(w);
    await w.ready;
    return w;
  };
  /** Nothing left to send: every planned e-mail is SENT and nothing new for a moment. */
  const settled = async () => {
    let seen = -1;
    await waitFor(
      'all e-mails sent and nothing new',
      async () => {
        const rows = await rm.outbound.list(t.commune, 5000);
        const quiet = rows.every((r) => r.status === 'SENT') && smtp.messages.length === seen;
        seen = smtp.messages.length;
        return quiet;
      },
      120_000,
      1500,
    );
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ worker: false, env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    rm = new ReadModel(t.ds);
    await t.ds.query(`UPDATE communes SET name = 'Xã An Lão' WHERE code = $1`, [t.commune]);
    // A fixture (there is no user-management API yet): three more CCHC officers, so that the Chairman's approval
    // is a batch of five messages (the drafter and four coordinators).
    for (const n of [2, 3, 4]) {
      const username = `vhxh.cchc${n}`;
      await t.ds.query(
        `INSERT INTO users (commune, username, full_name, email, unit_code, roles, password_hash) VALUES ($1, $2, $3, $4, 'VHXH', '{COORDINATOR}', 'x')`,
        [t.commune, `${t.commune}.${username}`, `Cán bộ CCHC ${n}`, `${username}@${t.commune}.local`],
      );
      coordinators.push(username);
    }
    await startWorker();
    await t.http().post(`/api/plans/${t.planId}/activate`).set('Authorization', `Bearer ${await t.login('vhxh.cchc')}`).expect(200);
    chain = await taskChain(t);
    // Activation's own messages (late steps; the coordinators' list about 30 s later) go out first.
    await waitFor('the late list at activation', async () => smtp.messages.filter((m) => m.subject.includes('đã quá hạn khi kích hoạt')).length === 4, 150_000, 1000);
  }, 300_000);

  afterAll(async () => {
    smtp?.release();
    for (const w of workers) {
      w.kill('SIGTERM');
      await Promise.race([w.exited, new Promise((r) => setTimeout(r, 15_000))]);
      w.kill('SIGKILL');
    }
    await t?.stop();
    await smtp?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('kill -9 while the batch is being sent: after a restart each recipient has exactly one message', async () => {
    await chain.run('assign', 'approveChairman');
    await settled();
    const before = smtp.messages.length;

    // Two messages of the batch are accepted, the third waits for the server's reply when the worker is killed.
    const held = smtp.holdAfter(2);
    await chain.run('approveChairman');
    const inFlight = await held;
    const first = workers[0];
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    // The server sees the connection close and never accepts the held message.
    await waitFor('the server to see the sender gone', async () => smtp.abandoned.length === 1);
    expect(smtp.messages.slice(before).map((m) => m.subject)).toEqual([APPROVED, APPROVED]);
    expect(inFlight.subject).toBe(APPROVED);

    // A new worker process: the activity is tried again (once Temporal has timed the lost attempt out), and sends
    // only what had not been accepted.
    await startWorker();
    await waitFor('the whole batch', async () => smtp.messages.filter((m) => m.subject === APPROVED).length >= 5, 300_000, 1000);
    await settled();

    const batch = smtp.messages.filter((m) => m.subject === APPROVED);
    expect(batch.map((m) => m.to.join(',')).sort()).toEqual(['kt.chuyenvien', ...coordinators].map(email).sort());
    // The message that was in flight was sent again, the same message (same Message-ID): accepted once.
    const resent = batch.find((m) => m.headers.get('message-id') === inFlight.headers.get('message-id'));
    expect(resent?.to).toEqual(inFlight.to);
    expect(smtp.abandoned.map((m) => m.headers.get('message-id'))).toEqual([inFlight.headers.get('message-id')]);
    // And over the whole run, nothing was accepted twice, and every planned e-mail is marked sent.
    const ids = smtp.messages.map((m) => String(m.headers.get('message-id')));
    expect(new Set(ids).size).toBe(ids.length);
    const rows = await rm.outbound.list(t.commune, 5000);
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    expect(ids.sort()).toEqual(rows.map((r) => r.message_id).sort());
  }, 480_000);
});
