/**
 * Delivery against a real PostgreSQL and a real SMTP server on loopback, without Temporal: the notifier the worker's
 * activities call, given task changes shaped as the task workflow records them. What it must hold: one in-app
 * notification and one e-mail per (event, recipient), whatever is retried, refused or run twice at once; the
 * mailbox path writes one .eml file per message.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { DEFAULT_DEADLINE_SETTINGS, type OpenStep, type StepKind, type TaskChange, type TaskEvent, type TaskSnapshot, type UserRef } from '@app/contracts';
import { holdersOf, NO_EXCEPTIONS, parsePlan } from '@app/domain';
import { createMailer, DeliveryIncomplete, Dispatcher, listMailbox, type Mailer, Notifier, PlanNotReady, readMailboxMessage, Slots } from '@app/notifications';
import { ChangeWriter, importParsedPlan, openDatabase, ReadModel, seedCommune, seedDemoAccounts, type TaskRow } from '@app/persistence';
import { SEED_PLAN } from '../support/app';
import { createTestDatabase } from '../support/services';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp';

const COMMUNE = 'an-lao';
const FROM = 'CCHC xã An Lão <cchc@an-lao.local>';

describe('notifications: delivery on PostgreSQL and SMTP', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;
  let rm: ReadModel;
  let smtp: TestSmtpServer;
  let planId: string;
  let task25: TaskRow;
  const users: Record<string, UserRef & { email: string }> = {};
  const mailers: Mailer[] = [];
  let seq = 100;

  const notifier = (mailer: Mailer = smtpMailer()) =>
    new Notifier({
      readModel: rm,
      mailer,
      settings: { publicUrl: 'https://cchc.an-lao.example', mailFrom: FROM },
      deadlineRules: async () => ({ calendar: NO_EXCEPTIONS, settings: DEFAULT_DEADLINE_SETTINGS }),
    });
  const smtpMailer = (url = smtp.url) => {
    const m = createMailer({ smtpUrl: url, mailFrom: FROM, mailboxDir: '/nonexistent' });
    mailers.push(m);
    return m;
  };

  function openStep(kind: StepKind, unit: string | null, at: string, assignee: UserRef | null = null, dueAt: string | null = '2026-12-31'): OpenStep {
    const { principals, holderRole } = holdersOf(kind, unit, assignee);
    return { stepId: `c1:${unit ?? 'UBND'}:${kind.toLowerCase()}:${seq}`, kind, unit, holderRole, assignee, principals, excludedUserIds: [], openedAt: at, dueAt, escalationLevel: 0 };
  }

  /** A change of task 25 as the workflow records it: the event, and the snapshot right after it. */
  function change(event: Partial<TaskEvent> & Pick<TaskEvent, 'type'>, snap: Partial<TaskSnapshot>): TaskChange {
    seq += 1;
    const at = event.at ?? new Date().toISOString();
    const snapshot: TaskSnapshot = {
      taskId: task25.id,
      commune: COMMUNE,
      status: 'IN_PROGRESS',
      cycle: 1,
      cycleDueAt: '2026-12-31',
      cycleOriginalDueAt: '2026-12-31',
      completedAt: null,
      deadlineKind: 'CONTINUOUS',
      leadUnits: ['KT'],
      coUnits: [],
      reviewingUnit: 'VHXH',
      parts: [{ unit: 'KT', status: 'DONE', assignee: users['kt.chuyenvien'], drafter: users['kt.chuyenvien'], draftVersion: 1, returnReason: null }],
      contributions: [],
      openSteps: [],
      closedSteps: [],
      lastReturnReason: null,
      lastReturn: null,
      extensions: [],
      seq,
      ...snap,
    };
    return {
      workflowId: task25.workflow_id,
      snapshot,
      event: { seq, at, actor: null, role: null, onBehalfOf: null, comment: null, from: null, to: snapshot.status, ...event },
    };
  }

  /** The Chairman approves: the drafter and the coordinator are told. */
  const finalApproval = () =>
    change({ type: 'APPROVED', actor: users.chutich, role: 'CHAIRMAN', comment: 'Đồng ý', data: { level: 'CHAIRMAN_REVIEW', unit: null } }, { status: 'COMPLETED' });

  beforeAll(async () => {
    db = await createTestDatabase('cchc_notify');
    ds = await openDatabase(db.url, { poolSize: 6 });
    await seedCommune(ds, COMMUNE);
    await seedDemoAccounts(ds, COMMUNE, 'demo');
    const text = await fs.readFile(SEED_PLAN, 'utf8');
    ({ planId } = await importParsedPlan(ds, COMMUNE, parsePlan(text), text));
    rm = new ReadModel(ds);
    task25 = (await rm.tasks.listByPlan(COMMUNE, planId)).find((t) => t.number === 25)!;
    for (const u of await rm.users.list(COMMUNE)) users[u.username] = { id: u.id, fullName: u.full_name, email: u.email! };
    smtp = await startSmtpServer({ refuse: (to) => to.startsWith('vp.chanhvanphong@') });
  });
  afterAll(async () => {
    mailers.forEach((m) => m.close());
    await smtp?.stop();
    await ds?.destroy();
    await db?.drop();
  });
  beforeEach(() => smtp.clear());

  const rowsOf = async (c: TaskChange) =>
    (await rm.outbound.list(COMMUNE)).filter((r) => r.idempotency_key.startsWith(`${c.workflowId}#${c.event.seq}#`));
  const inApp = async (username: string) => rm.notifications.list(users[username].id, { limit: 1000 });

  it('one e-mail and one in-app notification per recipient; delivering the same event again sends nothing', async () => {
    const c = finalApproval();
    const n = notifier();
    expect(await n.taskEvent(c)).toEqual({ notified: 2, sent: 2, alreadySent: 0, refused: 0 });
    expect(await n.taskEvent(c)).toEqual({ notified: 2, sent: 0, alreadySent: 2, refused: 0 });
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([users['kt.chuyenvien'].email, users['vhxh.cchc'].email]);
    const rows = await rowsOf(c);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['SENT', 1],
      ['SENT', 1],
    ]);
    // The Message-ID is fixed per key: what the server received is what the row says.
    expect(smtp.messages.map((m) => m.headers.get('message-id')).sort()).toEqual(rows.map((r) => r.message_id).sort());
    const mail = smtp.messages.find((m) => m.to[0] === users['kt.chuyenvien'].email)!;
    expect(mail.subject).toBe('[CCHC xã An Lão] Nhiệm vụ số 25 đã được phê duyệt, hoàn thành');
    expect(mail.text).toContain(`https://cchc.an-lao.example/nhiem-vu/${task25.id}`);
    expect(mail.html).toContain('Kính gửi đồng chí <strong>Đỗ Thị Hương</strong>');
    const mine = (await inApp('kt.chuyenvien')).filter((x) => x.title === 'Nhiệm vụ số 25 đã hoàn thành');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'APPROVED', task_id: task25.id, read_at: null });
    expect((await inApp('chutich')).filter((x) => x.title === 'Nhiệm vụ số 25 đã hoàn thành')).toHaveLength(0);
  });

  it('a server that does not answer fails the attempt (to be retried) and loses nothing; the retry sends only what is missing', async () => {
    const c = change(
      { type: 'APPROVED', actor: users['vhxh.truongphong'], role: 'UNIT_HEAD', data: { level: 'VHXH_REVIEW', unit: 'VHXH' } },
      { status: 'CHAIRMAN_REVIEW', openSteps: [] },
    );
    c.snapshot.openSteps = [openStep('CHAIRMAN_REVIEW', null, c.event.at)];
    // A port nobody listens on: connection refused.
    const nobody = await startSmtpServer();
    const deadUrl = nobody.url;
    await nobody.stop();
    await expect(notifier(smtpMailer(deadUrl)).taskEvent(c)).rejects.toBeInstanceOf(DeliveryIncomplete);
    const failed = await rowsOf(c);
    expect(failed.map((r) => [r.to_address, r.status, r.attempts])).toEqual([[users.chutich.email, 'FAILED', 1]]);
    expect((await rm.outbound.list(COMMUNE)).find((r) => r.id === failed[0].id)!.error).toMatch(/ECONNREFUSED|connect/i);
    // The bell shows it already.
    expect((await inApp('chutich')).filter((x) => x.kind === 'SUBMITTED_TO_YOU')).toHaveLength(1);

    expect(await notifier().taskEvent(c)).toMatchObject({ sent: 1, alreadySent: 0 });
    expect(smtp.messages.map((m) => [m.to[0], m.subject])).toEqual([[users.chutich.email, '[CCHC xã An Lão] Trình duyệt nhiệm vụ số 25 – chờ đồng chí cho ý kiến']]);
    expect((await rowsOf(c)).map((r) => [r.status, r.attempts])).toEqual([['SENT', 2]]);
    expect((await inApp('chutich')).filter((x) => x.kind === 'SUBMITTED_TO_YOU')).toHaveLength(1);
  });

  it('a permanent refusal (550) is kept as REFUSED and not retried; the other recipients get theirs', async () => {
    const c = change({ type: 'CONTRIBUTION_REQUESTED', actor: users['kt.chuyenvien'], role: 'STAFF', data: { unit: 'VP', dueAt: '2026-12-15' } }, {});
    c.snapshot.openSteps = [openStep('CONTRIBUTION', 'VP', c.event.at, null, '2026-12-15')];
    expect(await notifier().taskEvent(c)).toEqual({ notified: 2, sent: 1, alreadySent: 0, refused: 1 });
    expect(smtp.messages.map((m) => m.to[0])).toEqual([users['vp.chuyenvien'].email]);
    const rows = await rowsOf(c);
    expect(rows.map((r) => [r.to_address, r.status]).sort()).toEqual([
      [users['vp.chanhvanphong'].email, 'REFUSED'],
      [users['vp.chuyenvien'].email, 'SENT'],
    ]);
    expect(await notifier().taskEvent(c)).toEqual({ notified: 2, sent: 0, alreadySent: 1, refused: 1 });
    expect(smtp.messages).toHaveLength(1);
    // The refused one is still told in the app.
    expect((await inApp('vp.chanhvanphong')).filter((x) => x.title === 'Đề nghị phối hợp nhiệm vụ số 25')).toHaveLength(1);
  });

  it('two attempts at once (a timed-out attempt still running beside its retry) send each message once', async () => {
    const c = finalApproval();
    const held = smtp.holdAfter(0);
    const first = notifier().taskEvent(c);
    await held; // the first attempt holds the first message's claim, waiting for the server's reply
    const second = notifier().taskEvent(c);
    // The second attempt skips the claimed message, sends the other, and fails so that it is retried.
    await expect(second).rejects.toThrow(/đang được một lần thử khác gửi/);
    smtp.release();
    expect(await first).toEqual({ notified: 2, sent: 1, alreadySent: 1, refused: 0 });
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([users['kt.chuyenvien'].email, users['vhxh.cchc'].email]);
    expect((await rowsOf(c)).map((r) => r.status)).toEqual(['SENT', 'SENT']);
  });

  it('reminders turned off: in the app only; escalations still by e-mail', async () => {
    await rm.preferences.set(users['kt.chuyenvien'].id, { emailReminders: false });
    try {
      const draft = openStep('DRAFT', 'KT', '2026-11-01T02:00:00.000Z', users['kt.chuyenvien'], '2026-11-30');
      const reminder = change({ type: 'REMINDER', data: { stepId: draft.stepId, workingDaysLeft: 2, to: ['HOLDER'] } }, { openSteps: [draft] });
      expect(await notifier().taskEvent(reminder)).toEqual({ notified: 1, sent: 0, alreadySent: 0, refused: 0 });
      expect((await inApp('kt.chuyenvien')).filter((x) => x.kind === 'REMINDER')).toHaveLength(1);
      const overdue = change({ type: 'OVERDUE', data: { stepId: draft.stepId, to: ['HOLDER', 'UNIT_HEAD'], workingDaysLate: 1 } }, { openSteps: [draft] });
      expect(await notifier().taskEvent(overdue)).toMatchObject({ notified: 2, sent: 2 });
      expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([users['kt.chuyenvien'].email, users['kt.truongphong'].email].sort());
    } finally {
      await rm.preferences.set(users['kt.chuyenvien'].id, { emailReminders: true });
    }
  });

  it('without SMTP_URL: one .eml file per message (attachments included), named by time and id; a retry writes no second file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-mailbox-'));
    try {
      const mailbox = createMailer({ smtpUrl: null, mailFrom: FROM, mailboxDir: dir });
      mailers.push(mailbox);
      const c = finalApproval();
      await notifier(mailbox).taskEvent(c);
      await notifier(mailbox).taskEvent(c);
      const files = (await fs.readdir(dir)).sort();
      expect(files).toHaveLength(2);
      const rows = await rowsOf(c);
      expect(files).toEqual(rows.map((r) => r.file_name).sort());
      for (const f of files) expect(f).toMatch(/^\d{8}T\d{9}Z-[0-9a-f-]{36}\.eml$/);
      const raw = await fs.readFile(path.join(dir, files[0]), 'latin1');
      expect(raw).toMatch(/\r\n\r\n/); // RFC 5322: CRLF line ends, headers then body
      expect(raw).toMatch(/^Message-ID: <[0-9a-f]{40}@an-lao\.local>\r$/m);

      const listed = await listMailbox(dir);
      expect(listed.map((m) => m.subject)).toEqual(['[CCHC xã An Lão] Nhiệm vụ số 25 đã được phê duyệt, hoàn thành', '[CCHC xã An Lão] Nhiệm vụ số 25 đã được phê duyệt, hoàn thành']);
      expect(listed.flatMap((m) => m.to).sort()).toEqual([`Phạm Minh Tuấn <${users['vhxh.cchc'].email}>`, `Đỗ Thị Hương <${users['kt.chuyenvien'].email}>`].sort());
      expect(listed[0].from).toBe('CCHC xã An Lão <cchc@an-lao.local>');

      // An attachment travels inside the file (the report's .docx will go this way).
      const withFile = new Dispatcher({ notifications: rm.notifications, outbound: rm.outbound }, mailbox, { mailFrom: FROM, slots: new Slots(1) });
      const envelope = {
        key: `test-attachment#${seq}`,
        commune: COMMUNE,
        kind: 'REPORT_SUBMITTED' as const,
        person: { id: users['vhxh.cchc'].id, fullName: users['vhxh.cchc'].fullName, email: users['vhxh.cchc'].email },
        content: { subject: 'Báo cáo CCHC quý IV/2026', text: 'Kính gửi Sở Nội vụ.', html: '<p>Kính gửi Sở Nội vụ.</p>', title: 'Báo cáo', body: 'Báo cáo', link: 'https://cchc.an-lao.example/' },
        email: true,
        taskId: null,
        reportId: null,
        at: new Date().toISOString(),
        attachments: [{ filename: 'bao-cao-quy-IV.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: Buffer.from('PK giả lập') }],
      };
      await withFile.dispatch([envelope]);
      await withFile.dispatch([envelope]);
      const after = await listMailbox(dir);
      expect(after).toHaveLength(3);
      const report = after.find((m) => m.subject === 'Báo cáo CCHC quý IV/2026')!;
      const full = (await readMailboxMessage(dir, report.id))!;
      expect(full.attachments).toEqual([{ filename: 'bao-cao-quy-IV.docx', contentType: envelope.attachments[0].contentType, size: Buffer.byteLength('PK giả lập') }]);
      expect(full.text.trim()).toBe('Kính gửi Sở Nội vụ.');
      expect(full.html).toContain('<p>Kính gửi Sở Nội vụ.</p>');
      // Names outside the mailbox's own pattern are never read.
      expect(await readMailboxMessage(dir, '../../etc/passwd')).toBeNull();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('the late list at activation waits for every task’s first state, then goes once to the coordinator', async () => {
    const writer = new ChangeWriter(ds);
    const tasks = await rm.tasks.listByPlan(COMMUNE, planId);
    const n = notifier();
    const input = { commune: COMMUNE, planId, year: 2026 };
    await rm.plans.markActive(planId);
    await expect(n.lateAtActivation(input)).rejects.toBeInstanceOf(PlanNotReady);
    const activatedAt = new Date();
    for (const t of tasks) {
      // What CYCLE_OPENED writes: an assignment step per lead unit, due with the task's first date.
      const at = activatedAt.toISOString();
      const steps = t.lead_units.map((u, i) => ({ ...openStep('ASSIGN', u, at, null, t.due_dates[0] ?? null), stepId: `c1:${u}:assign:${i + 1}` }));
      await writer.apply({
        workflowId: t.workflow_id,
        snapshot: { ...change({ type: 'CYCLE_OPENED' }, {}).snapshot, taskId: t.id, openSteps: steps, parts: [], leadUnits: t.lead_units, seq: 1 },
        event: { seq: 1, at, type: 'CYCLE_OPENED', actor: null, role: null, onBehalfOf: null, comment: null, from: null, to: 'NOT_STARTED' },
      });
    }
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const expected = (await rm.inbox.openStepsOf(COMMUNE, planId)).filter((s) => s.due_at !== null && s.due_at < today);
    expect(expected.length).toBeGreaterThan(0);

    expect(await n.lateAtActivation(input)).toMatchObject({ notified: 1, sent: 1 });
    expect(await n.lateAtActivation(input)).toMatchObject({ notified: 1, sent: 0, alreadySent: 1 });
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail.to).toEqual([users['vhxh.cchc'].email]);
    expect(mail.subject).toBe(`[CCHC xã An Lão] ${expected.length} bước xử lý đã quá hạn khi kích hoạt Kế hoạch CCHC năm 2026`);
    for (const s of expected) expect(mail.text).toContain(`Nhiệm vụ số ${s.number}: `);
    const unitNames = new Map((await rm.units.list(COMMUNE)).map((u) => [u.code, u.name]));
    for (const unit of new Set(expected.map((s) => s.unit_code!))) {
      expect(mail.text).toContain(`${unitNames.get(unit)} (${expected.filter((s) => s.unit_code === unit).length})\n`);
    }

    // The digest of a working day lists the same late steps, per unit, and is sent once per day.
    const digest = await n.digest(COMMUNE, today);
    expect(digest.overdue).toBe(expected.length);
    expect(await n.digest(COMMUNE, today)).toMatchObject({ sent: 0, alreadySent: 1 });
    const digests = smtp.messages.filter((m) => m.subject.includes('Tổng hợp tình hình thực hiện'));
    expect(digests).toHaveLength(1);
    expect(digests[0].to).toEqual([users['vhxh.cchc'].email]);
    expect(digests[0].text).toContain('I. Các bước quá hạn, theo đơn vị');
  });
});
