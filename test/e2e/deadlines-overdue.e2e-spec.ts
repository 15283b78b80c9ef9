/**
 * Deadlines that act, on the real stack (API and worker in this process, PostgreSQL, the Temporal dev server, a
 * real SMTP server on loopback): the coordinator enters the date of a task on request; the date is a working day
 * already behind, so within a minute the overdue event is in the task's trail, the holder and his unit head each get
 * one e-mail, and the step is on "Quá hạn" — and nothing doubles when the worker restarts. Also: an extension
 * through the API, decided by the Chairman, keeps the original date.
 */
import { addWorkingDays, communeDate, isWorkingDay, addDays } from '@app/domain';
import { startTestApp, TestApp } from '../support/app';
import { waitFor } from '../support/notifications';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';

describe('deadlines that act (API, worker, SMTP)', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const ids: Record<number, string> = {};
  const email = (username: string) => `${username}@${t.commune}.local`;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ activate: true, env: { SMTP_URL: smtp.url } });
    for (const u of ['vhxh.cchc', 'vhxh.truongphong', 'kt.truongphong', 'kt.chuyenvien', 'chutich']) tokens[u] = await t.login(u);
    const tasks = (await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'))).body;
    for (const x of tasks) ids[x.number] = x.id;
    await waitFor('every task to open its first steps', async () => {
      const rows = await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE snapshot IS NOT NULL`);
      return rows[0].n === tasks.length;
    });
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });

  /** The working day before today in the commune (weekends off; the test commune's 2026 calendar is seeded). */
  function previousWorkingDay(): string {
    let day = addDays(communeDate(Date.now()), -1);
    const calendar = { holidays: [] as string[], workingSaturdays: [] as string[] };
    while (!isWorkingDay(day, calendar)) day = addDays(day, -1);
    return day;
  }

  it('a date set in the past: the overdue event, one e-mail each to the holder and his unit head, the step on Quá hạn; nothing doubles after a worker restart', async () => {
    // Task 2 (on request of Sở Nội vụ, led by VH-XH): the head gives it to the coordinator's colleague, then the
    // request arrives with a date already behind.
    const users = (await t.http().get('/api/users?unit=VHXH').set(as('vhxh.truongphong'))).body;
    const drafter = users.find((u: { username: string }) => u.username === 'vhxh.cchc');
    await t.http().post(`/api/tasks/${ids[2]}/assign`).set(as('vhxh.truongphong')).send({ assigneeId: drafter.id }).expect(200);
    const due = previousWorkingDay();
    const set = await t.http().put(`/api/tasks/${ids[2]}/schedule`).set(as('vhxh.cchc')).send({ dueDates: [due] });
    expect(set.status).toBe(200);
    expect(set.body.currentStep).toMatchObject({ kind: 'DRAFT', dueAt: due, dueState: 'OVERDUE' });

    const started = Date.now();
    const history = async () => (await t.http().get(`/api/tasks/${ids[2]}/history`).set(as('vhxh.cchc'))).body as any[];
    await waitFor('the overdue event in the trail', async () => (await history()).some((e) => e.type === 'OVERDUE'), 60_000);
    const overdue = (await history()).filter((e) => e.type === 'OVERDUE');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].data).toMatchObject({ stepKind: 'DRAFT', dueAt: due, to: ['HOLDER', 'UNIT_HEAD'] });

    const toTask2 = () => smtp.messages.filter((m) => m.text.includes(`/nhiem-vu/${ids[2]}`) && /quá hạn/i.test(m.subject));
    await waitFor('the overdue e-mails', async () => toTask2().length >= 2, 60_000);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(toTask2().map((m) => m.to.join(',')).sort()).toEqual([email('vhxh.cchc'), email('vhxh.truongphong')].sort());

    const list = await t.http().get('/api/overdue').set(as('vhxh.cchc'));
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ taskId: ids[2], kind: 'DRAFT', dueAt: due, unit: 'VHXH', escalationLevel: 3 })]));
    expect(list.body.perUnit).toEqual(expect.arrayContaining([expect.objectContaining({ unit: 'VHXH' })]));
    expect((await t.http().get('/api/overdue').set(as('kt.chuyenvien'))).status).toBe(403);

    // The worker goes away and comes back: the workflow replays, nothing fires twice, nobody is told twice.
    await t.stopWorker();
    await t.startWorker();
    await new Promise((r) => setTimeout(r, 5_000));
    expect((await history()).filter((e) => e.type === 'OVERDUE')).toHaveLength(1);
    expect(toTask2()).toHaveLength(2);
  });

  it('an extension: asked by the drafter with a reason, decided by the Chairman; the original date is kept beside the new one', async () => {
    const staff = (await t.http().get('/api/users?unit=KT&role=STAFF').set(as('kt.truongphong'))).body[0];
    await t.http().post(`/api/tasks/${ids[26]}/assign`).set(as('kt.truongphong')).send({ assigneeId: staff.id }).expect(200);
    const before = (await t.http().get(`/api/tasks/${ids[26]}`).set(as('kt.chuyenvien'))).body;
    expect(before.allowedActions).toContain('requestExtension');
    const newDueAt = addWorkingDays(before.cycleDueAt, 10, { holidays: [], workingSaturdays: [] });

    const noReason = await t.http().post(`/api/tasks/${ids[26]}/extension`).set(as('kt.chuyenvien')).send({ newDueAt, reason: ' ' });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION']);
    const asked = await t.http().post(`/api/tasks/${ids[26]}/extension`).set(as('kt.chuyenvien')).send({ newDueAt, reason: 'Chờ số liệu quý IV' });
    expect(asked.status).toBe(200);
    expect(asked.body.extensions).toEqual([expect.objectContaining({ status: 'PENDING', newDueAt, originalDueAt: before.cycleDueAt })]);
    expect(asked.body.allowedActions).not.toContain('requestExtension');

    // The unit head may not decide on the task's date; the Chairman sees it in his inbox and decides.
    const head = await t.http().post(`/api/tasks/${ids[26]}/extension/decision`).set(as('kt.truongphong')).send({ decision: 'approve' });
    expect([head.status, head.body.code]).toEqual([403, 'NOT_YOUR_STEP']);
    const inbox = (await t.http().get('/api/inbox').set(as('chutich'))).body;
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ taskId: ids[26], kind: 'EXTENSION' })]));
    const decided = await t.http().post(`/api/tasks/${ids[26]}/extension/decision`).set(as('chutich')).send({ decision: 'approve', comment: 'Đồng ý' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ cycleDueAt: newDueAt, cycleOriginalDueAt: before.cycleDueAt });
    expect(decided.body.currentStep).toMatchObject({ kind: 'DRAFT', dueAt: newDueAt });
    const trail = (await t.http().get(`/api/tasks/${ids[26]}/history`).set(as('vhxh.cchc'))).body.map((e: any) => e.type);
    expect(trail).toEqual(expect.arrayContaining(['EXTENSION_REQUESTED', 'EXTENSION_APPROVED']));
  });
});
