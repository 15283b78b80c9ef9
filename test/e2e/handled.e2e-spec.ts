/**
 * "Đã trình / Đã xử lý" through the API (GET /inbox/handled) on the real stack: after submitting, the staff member
 * still finds the task, with his last action and where the task is now; the unit head finds what he decided; a
 * colleague who did nothing on it does not; another commune's trail never shows.
 */
import { startTestApp, TestApp } from '../support/app';
import { waitFor } from '../support/notifications';

interface Handled {
  id: string;
  number: number;
  status: string;
  statusWord?: { key: string; text: string };
  currentStep: { kind: string; unit: string | null; holderRole: string; dueState: string } | null;
  lastAction: { type: string; at: string; comment: string | null };
}

describe('GET /inbox/handled: what I sent or decided, and where it is now', () => {
  let t: TestApp;
  const ids: Record<number, string> = {};
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const handled = async (u: string) => {
    const res = await t.http().get('/api/inbox/handled').set(as(u));
    expect(res.status).toBe(200);
    return res.body as Handled[];
  };

  beforeAll(async () => {
    t = await startTestApp({ activate: true });
    for (const u of ['vhxh.cchc', 'kt.truongphong', 'kt.chuyenvien', 'vp.chuyenvien']) tokens[u] = await t.login(u);
    const tasks = (await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'))).body as { id: string; number: number }[];
    for (const x of tasks) ids[x.number] = x.id;
    await waitFor('every task to open its first steps', async () => {
      const rows = await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE snapshot IS NOT NULL`);
      return rows[0].n === tasks.length;
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the drafter sees “Đã trình” and the unit review; after the head approves, both see the task at Phòng VH-XH', async () => {
    expect(await handled('kt.chuyenvien')).toEqual([]);
    const me = (await t.http().get('/api/me').set(as('kt.chuyenvien'))).body;
    await t.http().post(`/api/tasks/${ids[25]}/assign`).set(as('kt.truongphong')).send({ assigneeId: me.id }).expect(200);
    await t.http().put(`/api/tasks/${ids[25]}/draft`).set(as('kt.chuyenvien')).send({ content: 'Báo cáo tự chủ tài chính' }).expect(200);
    await t.http().post(`/api/tasks/${ids[25]}/submit`).set(as('kt.chuyenvien')).send({ note: 'Kính trình' }).expect(200);

    const mine = await handled('kt.chuyenvien');
    expect(mine.map((h) => h.number)).toEqual([25]);
    expect(mine[0]).toMatchObject({
      id: ids[25],
      lastAction: { type: 'SUBMITTED' },
      currentStep: { kind: 'UNIT_REVIEW', unit: 'KT', holderRole: 'UNIT_HEAD' },
    });
    expect(mine[0].statusWord?.text).toBe('Đang thực hiện trong hạn');
    // The head assigned it: that is his for now.
    expect((await handled('kt.truongphong')).find((h) => h.number === 25)?.lastAction.type).toBe('ASSIGNED');

    await t.http().post(`/api/tasks/${ids[25]}/decision`).set(as('kt.truongphong')).send({ decision: 'approve', comment: 'Đồng ý' }).expect(200);
    const head = (await handled('kt.truongphong')).find((h) => h.number === 25);
    expect(head).toMatchObject({ lastAction: { type: 'APPROVED', comment: 'Đồng ý' }, currentStep: { kind: 'VHXH_REVIEW' } });
    expect((await handled('kt.chuyenvien'))[0]).toMatchObject({ lastAction: { type: 'SUBMITTED' }, currentStep: { kind: 'VHXH_REVIEW' } });
  });

  it('newest first; a colleague who did nothing sees nothing; another commune’s trail never shows', async () => {
    const me = (await t.http().get('/api/me').set(as('kt.chuyenvien'))).body;
    await t.http().post(`/api/tasks/${ids[26]}/assign`).set(as('kt.truongphong')).send({ assigneeId: me.id }).expect(200);
    expect((await handled('kt.truongphong')).map((h) => h.number).slice(0, 2)).toEqual([26, 25]);
    expect(await handled('vp.chuyenvien')).toEqual([]);

    // A trail line of another commune carrying the same person's id (ids are unique, but the query must not rely on it).
    await t.ds.query(`INSERT INTO communes (code, name) VALUES ('xa-khac', 'Xã khác') ON CONFLICT DO NOTHING`);
    const plan = await t.ds.query(`INSERT INTO plans (commune, year, title, groups, source_sha256) VALUES ('xa-khac', 2026, 'K', '[]', 'x') RETURNING id`);
    const task = await t.ds.query(
      `INSERT INTO plan_tasks (plan_id, commune, number, group_code, content, lead_units, co_units, lead_units_text, co_units_text,
         deadline_raw, deadline_kind, due_dates, original_due_dates, product, workflow_id)
       VALUES ($1, 'xa-khac', 1, 'I', 'Nhiệm vụ xã khác', '{KT}', '{}', 'KT', '', 'Thường xuyên', 'CONTINUOUS', '[]', '[]', 'x', 'xa-khac:2026:task:1') RETURNING id`,
      [plan[0].id],
    );
    await t.ds.query(
      `INSERT INTO audit_events (commune, task_id, workflow_id, seq, at, type, actor_id, actor_name)
       VALUES ('xa-khac', $1, 'xa-khac:2026:task:1', 1, now(), 'SUBMITTED', $2, 'Đỗ Thị Hương')`,
      [task[0].id, me.id],
    );
    expect((await handled('kt.chuyenvien')).map((h) => h.number)).toEqual([25]);

    expect((await t.http().get('/api/inbox/handled')).status).toBe(401);
  });
});
