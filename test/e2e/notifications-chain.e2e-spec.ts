/**
 * E-mail through the whole approval chain, on the real stack (API and worker in this process, PostgreSQL,
 * Temporal) and a real SMTP server on loopback: each event tells the people it concerns, exactly once each, with the
 * Vietnamese letter and a link to the task; the in-app notifications say the same.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT_DIR } from '@app/config';
import { ReadModel } from '@app/persistence';
import { startTestApp, TestApp } from '../support/app';
import { Chain, RETURN_REASON, taskChain, waitFor } from '../support/notifications';
import { ReceivedMail, startSmtpServer, TestSmtpServer } from '../support/smtp';

const PUBLIC_URL = 'https://cchc.an-lao.example';
const SUBJECT = {
  assigned: '[CCHC xã An Lão] Giao thực hiện nhiệm vụ số 25: Đẩy mạnh việc thực hiện cơ chế tự chủ, xã hội hoá, nhất là trong lĩnh…',
  toReview: '[CCHC xã An Lão] Trình duyệt nhiệm vụ số 25 – chờ đồng chí cho ý kiến',
  returned: '[CCHC xã An Lão] Nhiệm vụ số 25 bị trả lại – đề nghị chỉnh sửa dự thảo',
  approved: '[CCHC xã An Lão] Nhiệm vụ số 25 đã được phê duyệt, hoàn thành',
};

describe('notifications through the approval chain (SMTP)', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let chain: Chain;
  let rm: ReadModel;
  const email = (username: string) => `${username}@${t.commune}.local`;
  const ofTask = (m: ReceivedMail) => m.text.includes(`${PUBLIC_URL}/nhiem-vu/${chain.taskId}`);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL } });
    rm = new ReadModel(t.ds);
    // The commune's name as the seed gives An Lão (the test commune has a code of its own).
    await t.ds.query(`UPDATE communes SET name = 'Xã An Lão' WHERE code = $1`, [t.commune]);
    const chairman = await t.login('chutich');
    const deputy = (await t.http().get('/api/users?role=VICE_CHAIRMAN').set('Authorization', `Bearer ${chairman}`)).body[0];
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await t.http().post('/api/delegations').set('Authorization', `Bearer ${chairman}`).send({ toUserId: deputy.id, from: today, until: today }).expect(201);
    const coordinator = await t.login('vhxh.cchc');
    await t.http().post(`/api/plans/${t.planId}/activate`).set('Authorization', `Bearer ${coordinator}`).expect(200);
    chain = await taskChain(t);
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });

  /** What arrived for task 25, as [recipient, subject], in order of arrival. */
  const arrived = () => smtp.messages.filter(ofTask).map((m) => [m.to.join(','), m.subject]);

  it('assign → submit → return → resubmit → approve ×3: each person concerned gets one message per event, never the one who acted', async () => {
    const expected: [string, string][] = [];
    const step = async (name: Parameters<Chain['run']>[0], to: [string, string][]) => {
      await chain.run(name, nextOf(name));
      expected.push(...to);
      await waitFor(`the messages of "${name}"`, async () => arrived().length >= expected.length, 60_000);
      // Nothing more than expected, in the order of the events.
      expect(arrived()).toEqual(expected.map(([u, s]) => [email(u), s]));
    };
    await step('assign', [['kt.chuyenvien', SUBJECT.assigned]]);
    await step('submit', [['kt.truongphong', SUBJECT.toReview]]);
    await step('return', [['kt.chuyenvien', SUBJECT.returned]]);
    await step('resubmit', [['kt.truongphong', SUBJECT.toReview]]);
    await step('approveUnit', [['vhxh.truongphong', SUBJECT.toReview]]);
    // The Chairman's step also reaches the Vice Chairman, who holds his delegation today.
    const before = arrived().length;
    await chain.run('approveVhxh', 'approveChairman');
    expected.push(['chutich', SUBJECT.toReview], ['phochutich', SUBJECT.toReview]);
    await waitFor('the Chairman’s step told', async () => arrived().length >= before + 2);
    expect(arrived().slice(before).sort()).toEqual([
      [email('chutich'), SUBJECT.toReview],
      [email('phochutich'), SUBJECT.toReview],
    ]);
    const at = arrived().length;
    await chain.run('approveChairman');
    await waitFor('the completion told', async () => arrived().length >= at + 2);
    expect(arrived().slice(at).sort()).toEqual([
      [email('kt.chuyenvien'), SUBJECT.approved],
      [email('vhxh.cchc'), SUBJECT.approved],
    ]);
    expect(arrived()).toHaveLength(9);

    // The letters: the reason and who returned it; the delegate told why he receives it.
    const returned = smtp.messages.find((m) => m.subject === SUBJECT.returned)!;
    expect(returned.text).toContain(`- Người trả lại: Vũ Đức Thắng (Lãnh đạo Phòng Kinh tế)`);
    expect(returned.text).toContain(`- Lý do trả lại: ${RETURN_REASON}`);
    expect(returned.text.startsWith('Kính gửi đồng chí Đỗ Thị Hương,')).toBe(true);
    expect(returned.html).toContain(`href="${PUBLIC_URL}/nhiem-vu/${chain.taskId}"`);
    const deputy = smtp.messages.find((m) => m.to[0] === email('phochutich') && ofTask(m))!;
    expect(deputy.text).toContain('Đồng chí nhận thư này với tư cách được Chủ tịch Đinh Thành Đồng ủy quyền phê duyệt.');
    expect(returned.from).toBe('cchc@cchc.local');

    // Written down for people to read: the mailbox of one full chain.
    const dir = path.join(ROOT_DIR, 'test-artifacts', 'notifications');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'chain-mailbox.txt'), smtp.messages.filter(ofTask).map((m) => `${m.to.join(', ')}\t${m.subject}`).join('\n') + '\n');
  });

  it('every planned e-mail was sent once, and nothing arrived twice (the whole run, activation included)', async () => {
    // The coordinator's one list of steps already late at activation comes about 30 s after it.
    await waitFor('the late list at activation', async () => smtp.messages.some((m) => m.subject.includes('đã quá hạn khi kích hoạt')), 120_000, 500);
    const rows = await waitFor(
      'every outbound message sent',
      async () => {
        const all = await rm.outbound.list(t.commune, 5000);
        return all.length > 0 && all.every((r) => r.status === 'SENT') ? all : null;
      },
      60_000,
    );
    const ids = smtp.messages.map((m) => String(m.headers.get('message-id')));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(rows.map((r) => r.message_id).sort());
    expect(smtp.messages.filter((m) => m.subject.includes('đã quá hạn khi kích hoạt')).map((m) => m.to)).toEqual([[email('vhxh.cchc')]]);
    // One row per (workflow, event, recipient) key: the key is unique, so its count is the count of distinct keys.
    expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(rows.length);
  });

  it('the bell says the same: in-app notifications with the task, unread until read', async () => {
    const staff = chain.as('kt.chuyenvien');
    const mine = (await t.http().get('/api/notifications').set(staff)).body as { id: string; kind: string; taskId?: string; title: string; body: string; read: boolean }[];
    const ofTask25 = mine.filter((n) => n.taskId === chain.taskId);
    expect(ofTask25.map((n) => n.kind)).toEqual(['APPROVED', 'RETURNED', 'ASSIGNED']);
    expect(ofTask25.find((n) => n.kind === 'RETURNED')!.body).toBe(`Vũ Đức Thắng (Lãnh đạo Phòng Kinh tế) trả lại dự thảo nhiệm vụ số 25. Lý do: ${RETURN_REASON}.`);
    const { unread } = (await t.http().get('/api/notifications/count').set(staff)).body;
    expect(unread).toBe(mine.filter((n) => !n.read).length);
    const read = await t.http().post(`/api/notifications/${ofTask25[0].id}/read`).set(staff).expect(200);
    expect(read.body).toMatchObject({ id: ofTask25[0].id, read: true, kind: 'APPROVED', taskId: chain.taskId });
    expect((await t.http().get('/api/notifications/count').set(staff)).body).toEqual({ unread: unread - 1 });
    const unreadOnly = (await t.http().get('/api/notifications?unread=true').set(staff)).body as { id: string }[];
    expect(unreadOnly.map((n) => n.id)).not.toContain(ofTask25[0].id);
    // Another person's notification is not found, and the actor of each step was told nothing about his own act.
    await t.http().post(`/api/notifications/${ofTask25[1].id}/read`).set(chain.as('kt.truongphong')).expect(404);
    const head = (await t.http().get('/api/notifications').set(chain.as('kt.truongphong'))).body as { kind: string; taskId?: string }[];
    expect(head.filter((n) => n.taskId === chain.taskId).map((n) => n.kind)).toEqual(['SUBMITTED_TO_YOU', 'SUBMITTED_TO_YOU']);
  });
});

function nextOf(step: Parameters<Chain['run']>[0]): Parameters<Chain['run']>[0] | undefined {
  const order = ['assign', 'submit', 'return', 'resubmit', 'approveUnit', 'approveVhxh', 'approveChairman'] as const;
  return order[order.indexOf(step) + 1];
}
