import { promises as fs } from 'fs';
import { Connection, Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TaskChange } from '@app/contracts';
import { ReadModel } from '@app/persistence';
import { SEED_PLAN, startTestApp, TestApp } from '../support/app';
import { testServices } from '../support/services';
import { TemporalService } from '../../apps/api/src/temporal/temporal.service';

/**
 * Rows 1 (the read model's side), 2, 4, 6 and 11 of the defects found under fuzzing and faults: inputs and failures that used to leave a task
 * stuck for good or answer wrongly. Each test is named after its row. One app: the seed plan, imported again with
 * two rows that name no known lead unit, then activated.
 */
describe('rows 1, 2, 4, 6, 11: a task is never stuck, a file is never lost, a race is told as such', () => {
  let t: TestApp;
  let client: Client;
  let connection: Connection;
  let planId: string;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const ids: Record<number, string> = {};
  const users: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ activate: false });
    for (const u of ['vhxh.cchc', 'kt.chuyenvien', 'kt.truongphong', 'ttpvhcc.giamdoc', 'ttpvhcc.chuyenvien']) {
      tokens[u] = await t.login(u);
    }
    // Row 4's plan: task 30 with an empty lead-unit cell, task 31 naming a body the commune does not have.
    const seed = await fs.readFile(SEED_PLAN, 'utf8');
    const text = seed
      .replace(/^(30\t[^\t]*\t)[^\t]*/m, '$1')
      .replace(/^(31\t[^\t]*\t)[^\t]*/m, '$1Ban Quản lý dự án đầu tư xây dựng khu vực');
    const imported = await t.http().post('/api/plans/import').set(as('vhxh.cchc')).set('Content-Type', 'text/plain').send(text);
    expect(imported.status).toBe(201);
    planId = imported.body.planId;
    expect(imported.body.taskCount).toBe(32);
    expect(JSON.stringify(imported.body.warnings)).toMatch(/30/);
    await t.http().post(`/api/plans/${planId}/activate`).set(as('vhxh.cchc')).expect(200);

    const all = await t.http().get('/api/users').set(as('vhxh.cchc'));
    for (const u of all.body) users[u.username] = u.id;
    const tasks = await t.http().get(`/api/plans/${planId}/tasks`).set(as('vhxh.cchc'));
    for (const x of tasks.body) ids[x.number] = x.id;
    for (let i = 0; i < 160; i++) {
      const rows = await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE plan_id = $1 AND snapshot IS NOT NULL`, [planId]);
      if (rows[0].n === 32) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    connection = await Connection.connect({ address: testServices().temporalAddress });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
    await t?.stop();
  });

  const task = async (n: number, user = 'vhxh.cchc') => (await t.http().get(`/api/tasks/${ids[n]}`).set(as(user))).body;
  const inbox = async (user: string) => (await t.http().get('/api/inbox').set(as(user))).body as any[];
  const assign = (n: number, head: string, staff: string) =>
    t.http().post(`/api/tasks/${ids[n]}/assign`).set(as(head)).send({ assigneeId: users[staff] }).expect(200);

  it('row 1: a change the database refuses (a NUL that slipped past the edge) is set aside and shown to the coordinator; later changes go through', async () => {
    const [row] = await t.ds.query(`SELECT workflow_id, snapshot, last_seq FROM plan_tasks WHERE id = $1`, [ids[20]]);
    const rm = new ReadModel(t.ds);
    const change = (seq: number, content: string): TaskChange => ({
      workflowId: row.workflow_id,
      snapshot: { ...row.snapshot, seq },
      event: { seq, at: new Date().toISOString(), type: 'DRAFT_SAVED', actor: null, role: null, onBehalfOf: null, comment: content, from: null, to: null },
    });
    const seq = row.last_seq + 1000; // far ahead of the workflow's own changes: this task's workflow never writes it
    expect(await rm.changes.apply(change(seq, 'a\u0000b'))).toEqual({ setAside: true });
    // The next change of the same workflow is not blocked by the one set aside.
    expect(await rm.changes.apply(change(seq + 1, 'Ghi chú sau'))).toBeUndefined();
    const [after] = await t.ds.query(`SELECT last_seq FROM plan_tasks WHERE id = $1`, [ids[20]]);
    expect(after.last_seq).toBe(seq + 1);
    // Sent again (a retried activity), it is not set aside twice.
    expect(await rm.changes.apply(change(seq, 'a\u0000b'))).toEqual({ setAside: true });

    const shown = await t.http().get('/api/health/set-aside').set(as('vhxh.cchc'));
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual([
      expect.objectContaining({ workflowId: row.workflow_id, seq, taskId: ids[20], eventType: 'DRAFT_SAVED', error: expect.stringMatching(/^22/) }),
    ]);
    const staff = await t.http().get('/api/health/set-aside').set(as('kt.chuyenvien'));
    expect([staff.status, staff.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(staff.body.message).toMatch(/^Chỉ cán bộ đầu mối CCHC/);
  });

  it('row 4: a task whose lead unit is empty or unknown waits at “Xác định đơn vị chủ trì” for the coordinator, then runs', async () => {
    for (const n of [30, 31]) {
      const detail = await task(n);
      expect(detail.currentStep).toMatchObject({ kind: 'SET_LEAD_UNIT' });
      expect(detail.allowedActions).toContain('setLeadUnit');
    }
    const mine = await inbox('vhxh.cchc');
    expect(mine.filter((x) => x.kind === 'SET_LEAD_UNIT').map((x) => x.taskId).sort()).toEqual([ids[30], ids[31]].sort());
    // Nobody else is asked, and nobody else may answer.
    const refused = await t.http().put(`/api/tasks/${ids[30]}/lead-units`).set(as('kt.truongphong')).send({ units: ['KT'] });
    expect(refused.status).toBe(403);
    expect(['NOT_YOUR_STEP', 'FORBIDDEN']).toContain(refused.body.code);
    const unknown = await t.http().put(`/api/tasks/${ids[30]}/lead-units`).set(as('vhxh.cchc')).send({ units: ['KHONG_CO'] });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'VALIDATION']);

    const set = await t.http().put(`/api/tasks/${ids[30]}/lead-units`).set(as('vhxh.cchc')).send({ units: ['TTPVHCC'] });
    expect(set.status).toBe(200);
    expect(set.body.currentStep).toMatchObject({ kind: 'ASSIGN', unit: 'TTPVHCC' });
    expect((await inbox('ttpvhcc.giamdoc')).some((x) => x.taskId === ids[30] && x.kind === 'ASSIGN')).toBe(true);
    // The workflow never failed: its history has no failed workflow task.
    const history = await client.workflow.getHandle((await task(30)).workflowId).fetchHistory();
    const failed = history.events!.filter((e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
    expect(failed).toHaveLength(0);
  });

  it('row 2: drafts travel by reference: 60 saves of a maximum draft (200,000 characters) keep the history small and the task alive', async () => {
    await assign(13, 'ttpvhcc.giamdoc', 'ttpvhcc.chuyenvien');
    const workflowId = (await task(13)).workflowId;
    const handle = client.workflow.getHandle(workflowId);
    const measure = async () => {
      const history = await handle.fetchHistory();
      return { bytes: temporal.api.history.v1.History.encode(history).finish().length, events: history.events!.length };
    };
    const before = await measure();
    const saves = 60; // 42 such saves reached Temporal's history limit when the text travelled inside the history
    for (let i = 0; i < saves; i++) {
      const content = `Lần ${i + 1}. `.padEnd(200_000, 'Nội dung dự thảo. ');
      const res = await t.http().put(`/api/tasks/${ids[13]}/draft`).set(as('ttpvhcc.chuyenvien')).send({ content });
      expect(res.status).toBe(200);
    }
    const after = await measure();
    const perSave = { bytes: (after.bytes - before.bytes) / saves, events: (after.events - before.events) / saves };
    // A save costs a reference and the returned snapshot, not the text: 500 saves of the largest draft stay well under
    // Temporal's history warnings (10 MB, 10,240 events), half of each at most.
    expect(perSave.bytes * 500).toBeLessThan(5 * 1024 * 1024);
    expect(perSave.events * 500).toBeLessThan(5_120);
    console.log(
      `row 2: ${saves} saves of 200,000 characters: history ${before.bytes} → ${after.bytes} bytes, ${before.events} → ${after.events} events; ` +
        `${Math.round(perSave.bytes)} bytes and ${perSave.events.toFixed(1)} events per save, so 500 saves ≈ ${((perSave.bytes * 500) / 1024 / 1024).toFixed(2)} MB, ${Math.round(perSave.events * 500)} events`,
    );
    const detail = await task(13, 'ttpvhcc.chuyenvien');
    const newest = detail.drafts.reduce((a: any, b: any) => (b.version > a.version ? b : a));
    expect(detail.drafts).toHaveLength(saves);
    expect(newest.version).toBe(saves);
    expect(newest.content.startsWith(`Lần ${saves}. `)).toBe(true);
    await t.http().post(`/api/tasks/${ids[13]}/submit`).set(as('ttpvhcc.chuyenvien')).send({}).expect(200);
    expect((await task(13)).status).toBe('UNIT_REVIEW');
  });

  it('row 6: when recording a file fails for a reason that is not a rule, the stored file is kept and shown once recorded', async () => {
    await assign(26, 'kt.truongphong', 'kt.chuyenvien');
    // The edge we do not own fails after the workflow has taken the update: the answer is lost on the way back.
    const temporalService = t.app.get(TemporalService);
    const real = temporalService.update.bind(temporalService);
    const spy = jest.spyOn(temporalService, 'update').mockImplementationOnce(async (...args: Parameters<typeof real>) => {
      await real(...args);
      throw Object.assign(new Error('14 UNAVAILABLE: Connection dropped'), { code: 14 });
    });
    try {
      const res = await t.http().post(`/api/tasks/${ids[26]}/attachments`).set(as('kt.chuyenvien')).attach('file', Buffer.from('Báo cáo tự kiểm tra'), 'bao-cao.txt');
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(res.body.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêệềếểễôộồốổỗơợờớởỡưựừứửữđ]/i);
    } finally {
      spy.mockRestore();
    }
    let files: any[] = [];
    for (let i = 0; i < 40 && files.length === 0; i++) {
      files = (await task(26, 'kt.chuyenvien')).attachments;
      if (files.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(files.map((f) => f.name)).toEqual(['bao-cao.txt']);
    const download = await t.http().get(`/api/tasks/${ids[26]}/attachments/${files[0].id}`).set(as('kt.chuyenvien'));
    expect(download.status).toBe(200);
    expect(Buffer.from(download.body).toString('utf8')).toBe('Báo cáo tự kiểm tra');
  });

  it('row 11: without a step id, the loser of a race is told the step is closed (409 STEP_CLOSED), not that it is not his', async () => {
    await assign(12, 'ttpvhcc.giamdoc', 'ttpvhcc.chuyenvien');
    await t.http().put(`/api/tasks/${ids[12]}/draft`).set(as('ttpvhcc.chuyenvien')).send({ content: 'Dự thảo nhiệm vụ 12' }).expect(200);
    await t.http().post(`/api/tasks/${ids[12]}/submit`).set(as('ttpvhcc.chuyenvien')).send({}).expect(200);
    const decide = () => t.http().post(`/api/tasks/${ids[12]}/decision`).set(as('ttpvhcc.giamdoc')).send({ decision: 'approve' });
    const answers = await Promise.all([decide(), decide()]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect(loser.body).toMatchObject({ code: 'STEP_CLOSED', message: expect.stringMatching(/đã được xử lý|đã chuyển/) });
    // A third click, later, hears the same.
    const late = await decide();
    expect([late.status, late.body.code]).toEqual([409, 'STEP_CLOSED']);
    // Someone who never held the step is still told it is not his.
    const stranger = await t.http().post(`/api/tasks/${ids[12]}/decision`).set(as('kt.truongphong')).send({ decision: 'approve' });
    expect([stranger.status, stranger.body.code]).toEqual([403, 'NOT_YOUR_STEP']);
    const history = (await t.http().get(`/api/tasks/${ids[12]}/history`).set(as('vhxh.cchc'))).body;
    expect(history.filter((e: any) => e.type === 'APPROVED')).toHaveLength(1);
  });
});
