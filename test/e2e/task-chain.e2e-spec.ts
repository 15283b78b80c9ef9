import { startTestApp, TestApp } from '../support/app';

/**
 * The approval chain through the HTTP API, as the demo accounts, against real PostgreSQL and Temporal:
 * kt.chuyenvien drafts → kt.truongphong → vhxh.truongphong → chutich, with each inbox checked right after each step.
 */
describe('task approval chain over HTTP', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  let taskId: string;
  let otherTaskId: string;

  const USERS = ['kt.chuyenvien', 'kt.truongphong', 'vhxh.truongphong', 'vhxh.cchc', 'chutich', 'phochutich', 'vp.chuyenvien', 'ttpvhcc.giamdoc'];

  beforeAll(async () => {
    t = await startTestApp({ activate: true });
    for (const u of USERS) tokens[u] = await t.login(u);
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(as('kt.truongphong'));
    taskId = tasks.body.find((x: any) => x.number === 25).id;
    otherTaskId = tasks.body.find((x: any) => x.number === 26).id;
    // The task workflows open their first step asynchronously after activation.
    for (let i = 0; i < 120; i++) {
      const inbox = await t.http().get('/api/inbox').set(as('kt.truongphong'));
      if (inbox.body.some((x: any) => x.taskId === taskId) && inbox.body.some((x: any) => x.taskId === otherTaskId)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  afterAll(() => t?.stop());

  const inbox = async (user: string) => (await t.http().get('/api/inbox').set(as(user))).body as any[];
  const itemFor = async (user: string, id = taskId) => (await inbox(user)).find((x) => x.taskId === id);
  const kt = async () => (await t.http().get('/api/users?unit=KT&role=STAFF').set(as('kt.truongphong'))).body[0];

  it('opens with the assignment step in the KT head’s inbox', async () => {
    const item = await itemFor('kt.truongphong');
    expect(item).toMatchObject({ kind: 'ASSIGN', number: 25, unit: { code: 'KT' } });
    expect(item.dueAt).toMatch(/^2026-\d\d-\d\d$/);
    expect(await itemFor('kt.chuyenvien')).toBeUndefined();
  });

  it('refuses assignment by someone who is not the head of the lead unit (403 NOT_YOUR_STEP)', async () => {
    const staff = await kt();
    const res = await t.http().post(`/api/tasks/${taskId}/assign`).set(as('ttpvhcc.giamdoc')).send({ assigneeId: staff.id });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_YOUR_STEP');
  });

  it('the head assigns kt.chuyenvien; the draft step moves to her inbox', async () => {
    const staff = await kt();
    expect(staff.fullName).toBe('Đỗ Thị Hương');
    const res = await t.http().post(`/api/tasks/${taskId}/assign`).set(as('kt.truongphong')).send({ assigneeId: staff.id });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('IN_PROGRESS');
    expect(await itemFor('kt.truongphong')).toBeUndefined();
    expect(await itemFor('kt.chuyenvien')).toMatchObject({ kind: 'DRAFT' });
    const mine = (await t.http().get('/api/my/tasks').set(as('kt.chuyenvien'))).body;
    expect(mine.map((x: any) => x.number)).toContain(25);
  });

  it('the assignee saves versions, attaches a file and submits; the unit head sees it at once', async () => {
    const v1 = await t.http().put(`/api/tasks/${taskId}/draft`).set(as('kt.chuyenvien')).send({ content: 'Báo cáo tự chủ tài chính quý IV — bản 1' });
    expect(v1.status).toBe(200);
    const v2 = await t.http().put(`/api/tasks/${taskId}/draft`).set(as('kt.chuyenvien')).send({ content: 'Báo cáo tự chủ tài chính quý IV — bản 2' });
    // The action answers with the task the workflow produced; the versions are on the task page.
    expect(v2.body.allowedActions).toEqual(expect.arrayContaining(['saveDraft', 'addAttachment', 'submit']));
    const page = await t.http().get(`/api/tasks/${taskId}`).set(as('kt.chuyenvien'));
    expect(page.body.drafts.map((d: any) => [d.version, d.content])).toEqual([
      [2, 'Báo cáo tự chủ tài chính quý IV — bản 2'],
      [1, 'Báo cáo tự chủ tài chính quý IV — bản 1'],
    ]);
    const file = await t.http().post(`/api/tasks/${taskId}/attachments`).set(as('kt.chuyenvien')).attach('file', Buffer.from('số liệu'), 'so-lieu.xlsx');
    expect(file.status).toBe(201);
    expect(file.body).toMatchObject({ name: 'so-lieu.xlsx', size: Buffer.byteLength('số liệu'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const tooBig = await t.http().post(`/api/tasks/${taskId}/attachments`).set(as('kt.chuyenvien')).attach('file', Buffer.alloc(t.config.maxAttachmentBytes + 1), 'qua-lon.pdf');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Tệp vượt quá dung lượng cho phép (tối đa 10 MB).', details: { maxBytes: 10485760 } });
    const notMine = await t.http().put(`/api/tasks/${taskId}/draft`).set(as('vp.chuyenvien')).send({ content: 'x' });
    expect(notMine.status).toBe(403);
    expect(notMine.body.code).toBe('NOT_YOUR_STEP');

    const sub = await t.http().post(`/api/tasks/${taskId}/submit`).set(as('kt.chuyenvien')).send({ note: 'Kính trình' });
    expect(sub.status).toBe(200);
    expect(sub.body.status).toBe('UNIT_REVIEW');
    expect(await itemFor('kt.chuyenvien')).toBeUndefined();
    expect(await itemFor('kt.truongphong')).toMatchObject({ kind: 'UNIT_REVIEW' });
    const download = await t.http().get(`/api/tasks/${taskId}/attachments/${file.body.id}`).set(as('kt.truongphong')).responseType('blob');
    expect(download.status).toBe(200);
    const detail = await t.http().get(`/api/tasks/${taskId}`).set(as('kt.truongphong'));
    expect(detail.body.attachments).toEqual([expect.objectContaining({ name: 'so-lieu.xlsx', size: file.body.size, sha256: file.body.sha256 })]);
    expect(Buffer.from(download.body).toString('utf8')).toBe('số liệu');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''so-lieu.xlsx");
  });

  it('rejects the wrong approver and a return without reason', async () => {
    const wrong = await t.http().post(`/api/tasks/${taskId}/decision`).set(as('vhxh.truongphong')).send({ decision: 'approve' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('NOT_YOUR_STEP');
    const noReason = await t.http().post(`/api/tasks/${taskId}/decision`).set(as('kt.truongphong')).send({ decision: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('VALIDATION');
  });

  it('a double click on approve gives one approval and one 409 STEP_CLOSED', async () => {
    const { stepId } = await itemFor('kt.truongphong');
    const [a, b] = await Promise.all([
      t.http().post(`/api/tasks/${taskId}/decision`).set(as('kt.truongphong')).send({ decision: 'approve', stepId }),
      t.http().post(`/api/tasks/${taskId}/decision`).set(as('kt.truongphong')).send({ decision: 'approve', stepId }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('STEP_CLOSED');
    expect(await itemFor('kt.truongphong')).toBeUndefined();
    expect(await itemFor('vhxh.truongphong')).toMatchObject({ kind: 'VHXH_REVIEW' });
  });

  it('VH-XH returns it with a reason; it goes back to the drafter with the reason, and climbs again', async () => {
    const ret = await t.http().post(`/api/tasks/${taskId}/decision`).set(as('vhxh.truongphong')).send({ decision: 'return', comment: 'Bổ sung số liệu quý IV' });
    expect(ret.status).toBe(200);
    expect(ret.body.status).toBe('RETURNED');
    expect(ret.body.lastReturnReason).toBe('Bổ sung số liệu quý IV');
    expect(await itemFor('vhxh.truongphong')).toBeUndefined();
    expect(await itemFor('kt.chuyenvien')).toMatchObject({ kind: 'DRAFT' });
    const mine = (await t.http().get('/api/my/tasks').set(as('kt.chuyenvien'))).body.find((x: any) => x.number === 25);
    expect(mine.returnReason).toBe('Bổ sung số liệu quý IV');

    await t.http().put(`/api/tasks/${taskId}/draft`).set(as('kt.chuyenvien')).send({ content: 'Bản 3, đã bổ sung số liệu' }).expect(200);
    await t.http().post(`/api/tasks/${taskId}/submit`).set(as('kt.chuyenvien')).send({}).expect(200);
    expect(await itemFor('kt.truongphong')).toMatchObject({ kind: 'UNIT_REVIEW' });
    await t.http().post(`/api/tasks/${taskId}/decision`).set(as('kt.truongphong')).send({ decision: 'approve' }).expect(200);
    const vhxh = await t.http().post(`/api/tasks/${taskId}/decision`).set(as('vhxh.truongphong')).send({ decision: 'approve', comment: 'Đồng ý' });
    expect(vhxh.body.status).toBe('CHAIRMAN_REVIEW');
    expect(await itemFor('chutich')).toMatchObject({ kind: 'CHAIRMAN_REVIEW' });
  });

  it('the Vice Chairman cannot act without a delegation', async () => {
    expect(await itemFor('phochutich')).toBeUndefined();
    const res = await t.http().post(`/api/tasks/${taskId}/decision`).set(as('phochutich')).send({ decision: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('NOT_YOUR_STEP');
  });

  it('the Chairman approves: the task is COMPLETED and leaves every inbox', async () => {
    const res = await t.http().post(`/api/tasks/${taskId}/decision`).set(as('chutich')).send({ decision: 'approve', comment: 'Phê duyệt' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('COMPLETED');
    for (const u of ['chutich', 'kt.truongphong', 'kt.chuyenvien', 'vhxh.truongphong']) expect(await itemFor(u)).toBeUndefined();
    const again = await t.http().post(`/api/tasks/${taskId}/decision`).set(as('chutich')).send({ decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STEP_CLOSED');
  });

  it('keeps the whole trail, oldest first, with actors, roles and comments', async () => {
    const res = await t.http().get(`/api/tasks/${taskId}/history`).set(as('vhxh.cchc'));
    expect(res.status).toBe(200);
    const types = res.body.map((e: any) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ASSIGNED', 'DRAFT_SAVED', 'ATTACHMENT_ADDED', 'SUBMITTED', 'APPROVED', 'RETURNED', 'COMPLETED']));
    const returned = res.body.find((e: any) => e.type === 'RETURNED');
    expect(returned).toMatchObject({ actor: { fullName: 'Trần Thị Lan' }, comment: 'Bổ sung số liệu quý IV', from: 'VHXH_REVIEW', to: 'RETURNED' });
    const approvals = res.body.filter((e: any) => e.type === 'APPROVED').map((e: any) => e.actor.fullName);
    expect(approvals).toEqual(['Vũ Đức Thắng', 'Vũ Đức Thắng', 'Trần Thị Lan', 'Đinh Thành Đồng']);
    const seqs = res.body.map((e: any) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
  });

  it('the trail is append-only in the database', async () => {
    await expect(t.ds.query(`UPDATE audit_events SET comment = 'sửa' WHERE task_id = $1`, [taskId])).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_events WHERE task_id = $1`, [taskId])).rejects.toThrow(/append-only/);
  });

  it('hides another commune’s task (404 NOT_FOUND)', async () => {
    await t.ds.query(`INSERT INTO communes (code, name) VALUES ('xa-khac', 'Xã khác') ON CONFLICT DO NOTHING`);
    const plan = await t.ds.query(`INSERT INTO plans (commune, year, title, groups, source_sha256) VALUES ('xa-khac', 2026, 'K', '[]', 'x') RETURNING id`);
    const task = await t.ds.query(
      `INSERT INTO plan_tasks (plan_id, commune, number, group_code, content, lead_units, co_units, lead_units_text, co_units_text,
         deadline_raw, deadline_kind, due_dates, original_due_dates, product, workflow_id)
       VALUES ($1, 'xa-khac', 1, 'I', 'x', '{KT}', '{}', 'KT', '', 'Thường xuyên', 'CONTINUOUS', '[]', '[]', 'x', 'xa-khac:2026:task:1') RETURNING id`,
      [plan[0].id],
    );
    for (const path of [`/api/tasks/${task[0].id}`, `/api/tasks/${task[0].id}/history`]) {
      const res = await t.http().get(path).set(as('kt.truongphong'));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const res = await t.http().post(`/api/tasks/${task[0].id}/decision`).set(as('chutich')).send({ decision: 'approve' });
    expect(res.status).toBe(404);
  });
});
