/**
 * Without SMTP_URL: every message is one .eml file in the mailbox, which the "Hộp thư thử" API lists and shows
 * (ADMIN, never in production). Also: each person's preferences, and the daily digest — a Temporal Schedule per
 * commune starting digestWorkflow, which asks the commune's calendar whether the day is a working day.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { digestScheduleId, SEARCH_ATTRIBUTES, type DigestResult } from '@app/contracts';
import { addDays, communeDate, isWorkingDay } from '@app/domain';
import { ReadModel } from '@app/persistence';
import { buildApp } from '../../apps/api/src/app';
import { createTaskActivities } from '../../apps/worker/src/activities/task-activities';
import { startTestApp, TestApp } from '../support/app';
import { taskChain, waitFor } from '../support/notifications';

const PUBLIC_URL = 'https://cchc.an-lao.example';

describe('the mailbox without SMTP_URL, preferences and the daily digest', () => {
  let t: TestApp;
  let rm: ReadModel;
  let connection: Connection;
  let client: Client;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-mailbox-'));
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const files = () => fs.readdirSync(dir).filter((f) => f.endsWith('.eml'));

  beforeAll(async () => {
    t = await startTestApp({ activate: true, env: { SMTP_URL: '', MAILBOX_DIR: dir, PUBLIC_URL } });
    rm = new ReadModel(t.ds);
    await t.ds.query(`UPDATE communes SET name = 'Xã An Lão' WHERE code = $1`, [t.commune]);
    for (const u of ['admin', 'kt.chuyenvien', 'vhxh.cchc']) tokens[u] = await t.login(u);
    connection = await Connection.connect({ address: t.config.temporalAddress });
    client = new Client({ connection, namespace: t.config.temporalNamespace });
  }, 180_000);
  afterAll(async () => {
    await connection?.close();
    await t?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes each message as one RFC 5322 .eml file, one per planned message', async () => {
    const chain = await taskChain(t);
    await chain.run('assign', 'submit');
    await waitFor('the assignment in the mailbox', async () => (await rm.outbound.list(t.commune)).some((r) => r.task_id === chain.taskId && r.status === 'SENT'));
    const rows = await waitFor('every planned message written', async () => {
      const all = await rm.outbound.list(t.commune, 5000);
      return all.every((r) => r.status === 'SENT') ? all : null;
    });
    expect(files().sort()).toEqual(rows.map((r) => r.file_name).sort());
    const assigned = rows.find((r) => r.task_id === chain.taskId)!;
    const raw = fs.readFileSync(path.join(dir, assigned.file_name), 'utf8');
    expect(raw).toContain(`Message-ID: ${assigned.message_id}\r\n`);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
  });

  it('GET /dev/mailbox lists the messages for an administrator, and GET /dev/mailbox/{id} shows one', async () => {
    const list = await t.http().get('/api/dev/mailbox').set(as('admin')).expect(200);
    expect(list.body.length).toBe(files().length);
    const entry = list.body.find((m: { subject: string }) => m.subject.startsWith('[CCHC xã An Lão] Giao thực hiện nhiệm vụ số 25'));
    expect(entry).toMatchObject({
      from: 'Hệ thống CCHC <cchc@cchc.local>',
      to: [`Đỗ Thị Hương <kt.chuyenvien@${t.commune}.local>`],
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      size: expect.any(Number),
    });
    const one = await t.http().get(`/api/dev/mailbox/${entry.id}`).set(as('admin')).expect(200);
    expect(one.body.text).toContain('Kính gửi đồng chí Đỗ Thị Hương,');
    expect(one.body.html).toContain(`href="${PUBLIC_URL}/nhiem-vu/`);
    expect(one.body.messageId).toMatch(/^<[0-9a-f]{40}@cchc\.local>$/);
    expect(one.body.attachments).toEqual([]);

    const staff = await t.http().get('/api/dev/mailbox').set(as('kt.chuyenvien'));
    expect(staff.status).toBe(403);
    expect(staff.body.code).toBe('FORBIDDEN');
    const missing = await t.http().get('/api/dev/mailbox/20260101T000000000Z-00000000-0000-0000-0000-000000000000').set(as('admin'));
    expect(missing.status).toBe(404);
    expect((await t.http().get('/api/dev/mailbox/..%2F..%2Fetc%2Fpasswd').set(as('admin'))).status).toBe(404);

    // In production the page does not exist, for anybody.
    const prod = await buildApp({ ...t.config, production: true, nodeEnv: 'production' }, { logger: false });
    await prod.init();
    try {
      const res = await request(prod.getHttpServer()).get('/api/dev/mailbox').set(as('admin'));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      const config = await request(prod.getHttpServer()).get('/api/config');
      expect(config.body.devMailbox).toBe(false);
    } finally {
      await prod.close();
    }
    expect((await t.http().get('/api/config')).body.devMailbox).toBe(true);
  });

  it('GET/PUT /me/preferences: e-mail reminders on by default, turned off and on again; nothing else accepted', async () => {
    expect((await t.http().get('/api/me/preferences').set(as('kt.chuyenvien')).expect(200)).body).toEqual({ emailReminders: true });
    expect((await t.http().put('/api/me/preferences').set(as('kt.chuyenvien')).send({ emailReminders: false }).expect(200)).body).toEqual({ emailReminders: false });
    expect((await t.http().get('/api/me/preferences').set(as('kt.chuyenvien'))).body).toEqual({ emailReminders: false });
    for (const body of [{ emailReminders: 'không' }, {}, { emailReminders: true, emailEscalations: false }]) {
      const res = await t.http().put('/api/me/preferences').set(as('kt.chuyenvien')).send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
    }
    // Each person's own: the coordinator's stays on.
    expect((await t.http().get('/api/me/preferences').set(as('vhxh.cchc'))).body).toEqual({ emailReminders: true });
    await t.http().put('/api/me/preferences').set(as('kt.chuyenvien')).send({ emailReminders: true }).expect(200);
  });

  describe('the daily digest', () => {
    const rules = () => createTaskActivities(t.ds).deadlineRules(t.commune);
    const run = (date: string | undefined, id: string) =>
      client.workflow.execute('digestWorkflow', { taskQueue: t.config.taskQueue, workflowId: `${t.commune}:digest-test:${id}`, args: [{ commune: t.commune, ...(date ? { date } : {}) }] }) as Promise<DigestResult>;

    it('one Temporal Schedule per commune: Monday to Saturday at 07:30 in Hải Phòng, starting digestWorkflow; a restarted worker keeps one', async () => {
      const describe = async () => client.schedule.getHandle(digestScheduleId(t.commune)).describe();
      const d = await describe();
      expect(d.spec.timezone).toBe('Asia/Ho_Chi_Minh');
      const [calendar] = d.spec.calendars!;
      expect(calendar.hour).toEqual([{ start: 7, end: 7, step: 1 }]);
      expect(calendar.minute).toEqual([{ start: 30, end: 30, step: 1 }]);
      expect(calendar.dayOfWeek.map((r) => r.start)).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);
      expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'digestWorkflow', taskQueue: t.config.taskQueue, args: [{ commune: t.commune }] });
      await t.stopWorker();
      await t.startWorker();
      const ids: string[] = [];
      for await (const s of client.schedule.list()) if (s.scheduleId.startsWith(t.commune)) ids.push(s.scheduleId);
      expect(ids).toEqual([digestScheduleId(t.commune)]);
      expect((await describe()).spec.timezone).toBe('Asia/Ho_Chi_Minh');
    });

    it('on a working day the coordinator gets one digest of late and soon-due steps; the same day again sends nothing', async () => {
      const { calendar } = await rules();
      let day = communeDate(Date.now());
      while (!isWorkingDay(day, calendar)) day = addDays(day, -1);
      const before = files().length;
      const first = await run(day, 'a');
      expect(first).toMatchObject({ date: day, skipped: null, sent: 1 });
      expect(first.overdue).toBeGreaterThan(0);
      expect(files().length).toBe(before + 1);
      expect(await run(day, 'b')).toMatchObject({ date: day, skipped: null, sent: 0 });
      expect(files().length).toBe(before + 1);
      const list = (await t.http().get('/api/dev/mailbox').set(as('admin'))).body as { id: string; subject: string; to: string[] }[];
      const digest = list.filter((m) => m.subject.includes('Tổng hợp tình hình thực hiện Kế hoạch CCHC'));
      expect(digest.map((m) => m.to)).toEqual([[`Phạm Minh Tuấn <vhxh.cchc@${t.commune}.local>`]]);
      const shown = (await t.http().get(`/api/dev/mailbox/${digest[0].id}`).set(as('admin'))).body;
      expect(shown.text).toContain('I. Các bước quá hạn, theo đơn vị');
      expect(shown.text).toContain(`${PUBLIC_URL}/nhiem-vu/`);
      const bell = (await t.http().get('/api/notifications').set(as('vhxh.cchc'))).body as { kind: string; title: string }[];
      expect(bell.filter((n) => n.kind === 'DIGEST')).toHaveLength(1);
    });

    it('on a day off of the commune’s calendar nothing is sent', async () => {
      const { calendar } = await rules();
      let day = communeDate(Date.now());
      while (isWorkingDay(day, calendar)) day = addDays(day, 1);
      const before = files().length;
      expect(await run(day, 'c')).toEqual({ date: day, skipped: 'NOT_A_WORKING_DAY', overdue: 0, dueSoon: 0, sent: 0 });
      expect(files().length).toBe(before);
    });

    it('the schedule’s own run asks the calendar for today', async () => {
      const handle = client.schedule.getHandle(digestScheduleId(t.commune));
      await handle.trigger();
      const action = await waitFor('the scheduled run', async () => (await handle.describe()).info.recentActions[0]?.action, 30_000);
      expect(action.workflow.workflowId.startsWith(digestScheduleId(t.commune))).toBe(true);
      const scheduled = client.workflow.getHandle(action.workflow.workflowId);
      const result = (await scheduled.result()) as DigestResult;
      // Listed beside the commune's other workflows in Temporal's UI.
      const found = (await scheduled.describe()).typedSearchAttributes;
      expect([found.get(SEARCH_ATTRIBUTES.commune), found.get(SEARCH_ATTRIBUTES.kind)]).toEqual([t.commune, 'digest']);
      const today = communeDate(Date.now());
      expect(result.date).toBe(today);
      // A working day today: its digest went out in the test above, so this run sends nothing more.
      if (isWorkingDay(today, (await rules()).calendar)) expect(result).toMatchObject({ skipped: null, sent: 0 });
      else expect(result).toMatchObject({ skipped: 'NOT_A_WORKING_DAY', sent: 0 });
    });
  });
});
