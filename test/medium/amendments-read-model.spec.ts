import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { ROOT_DIR } from '@app/config';
import { amendmentTaskView, parsePlan, storedTaskAsParsed } from '@app/domain';
import { importParsedPlan, ReadModel, seedCommune, type AmendmentContext } from '@app/persistence';
import { migratedDatabase, type MigratedDatabase } from './support';

const SEED_PLAN = path.join(ROOT_DIR, 'data', 'seed', 'ke-hoach-cchc-an-lao-2026.txt');
const PER_GROUP = path.join(ROOT_DIR, 'data', 'samples', 'ke-hoach-an-lao-2026-so-theo-nhom.txt');

/** The rows an amendment writes and its append-only record, in PostgreSQL (no Temporal: the workflows are the API's). */
describe('amendment rows (real PostgreSQL)', () => {
  let db: MigratedDatabase;
  let rm: ReadModel;
  let planId: string;
  const commune = 'an-lao';
  const ctx = (decision: string): AmendmentContext => ({
    amendmentId: randomUUID(),
    commune,
    planId,
    decision,
    actor: { id: randomUUID(), fullName: 'Phạm Minh Tuấn' },
    sourceSha256: null,
  });

  beforeAll(async () => {
    db = await migratedDatabase();
    rm = new ReadModel(db.ds);
    await seedCommune(db.ds, commune);
    const text = await fs.readFile(SEED_PLAN, 'utf8');
    ({ planId } = await importParsedPlan(db.ds, commune, parsePlan(text, { units: await rm.units.directory(commune) }), text));
  });
  afterAll(() => db?.drop());

  it('an import keeps each task’s display number, its line in the file and its place in the plan', async () => {
    const tasks = await rm.amendments.tasks(commune, planId);
    expect(tasks).toHaveLength(32);
    expect(tasks[24]).toMatchObject({ number: 25, position: 25, displayNumber: '25', source: { kind: 'line', line: 321 }, withdrawn: false, started: false });
    const row = await rm.tasks.find(commune, tasks[24].id);
    expect(row).toMatchObject({ display_number: '25', position: 25, withdrawn_at: null });
  });

  it('a plan numbered per group keeps "III.2" as users know it, and its own key', async () => {
    const bytes = await fs.readFile(PER_GROUP);
    const plan = parsePlan(new TextDecoder('utf-16le').decode(bytes.subarray(2)), { units: await rm.units.directory(commune) });
    const other = 'so-theo-nhom';
    await seedCommune(db.ds, other);
    const { planId: id } = await importParsedPlan(db.ds, other, plan, bytes);
    const rows = await rm.tasks.listByPlan(other, id);
    expect(rows.map((r) => r.display_number).slice(10, 14)).toEqual(['II.5', 'III.1', 'III.2', 'III.3']);
    expect(rows[12]).toMatchObject({ number: 13, position: 13, source: { kind: 'line' } });
  });

  it('adds tasks after every number the plan has had, with their ADDED record, in one transaction', async () => {
    const [task25] = (await rm.amendments.tasks(commune, planId)).filter((t) => t.number === 25);
    const parsed = storedTaskAsParsed(task25, 2026, await rm.units.directory(commune));
    const newTask = { ...parsed, number: 33, displayNumber: '33', content: 'Tổ chức đối thoại với doanh nghiệp về CCHC' };
    const c = ctx('Quyết định số 45/QĐ-UBND ngày 10/11/2026');
    const added = await rm.amendments.addTasks(c, 2026, [{ task: newTask, view: amendmentTaskView(newTask) }]);
    expect(added.map((a) => a.number)).toEqual([33]);
    const row = await rm.tasks.find(commune, added[0].id);
    expect(row).toMatchObject({ workflow_id: `${commune}:2026:task:33`, display_number: '33', lead_units: ['KT'], status: 'NOT_STARTED' });
    expect((await rm.amendments.ofAmendment(c.amendmentId)).map((r) => [r.change, r.taskId, r.workflow])).toEqual([['ADDED', added[0].id, 'started']]);
  });

  it('writes a change to the row with its record, once per amendment and task', async () => {
    const [task26] = (await rm.amendments.tasks(commune, planId)).filter((t) => t.number === 26);
    const c = ctx('Quyết định số 46/QĐ-UBND ngày 12/11/2026');
    const deadline = { raw: 'Trước 30/11/2026', kind: 'FIXED' as const, dueDates: ['2026-11-30'] };
    const record = { change: 'CHANGED' as const, fields: ['deadline' as const], before: null, after: null, workflow: 'schedule' as const, note: null };
    await rm.amendments.recordChange(c, task26.id, { deadline }, record);
    await rm.amendments.recordChange(c, task26.id, { deadline: { ...deadline, raw: 'lần hai' } }, record);
    const row = await rm.tasks.find(commune, task26.id);
    expect(row).toMatchObject({ deadline_raw: 'Trước 30/11/2026', deadline_kind: 'FIXED', due_dates: ['2026-11-30'], original_due_dates: [] });
    expect(await rm.amendments.forTask(commune, task26.id)).toEqual([
      expect.objectContaining({ decision: 'Quyết định số 46/QĐ-UBND ngày 12/11/2026', change: 'CHANGED', fields: ['deadline'], displayNumber: '26' }),
    ]);
  });

  it('marks a withdrawn task with its decision; it stays in the plan’s list', async () => {
    const [task30] = (await rm.amendments.tasks(commune, planId)).filter((t) => t.number === 30);
    const c = ctx('Quyết định số 47/QĐ-UBND ngày 15/11/2026');
    await rm.amendments.recordWithdrawal(c, task30.id, { change: 'WITHDRAWN', fields: [], before: null, after: null, workflow: 'withdrawn', note: null });
    const row = await rm.tasks.find(commune, task30.id);
    expect(row?.withdrawn_decision).toBe('Quyết định số 47/QĐ-UBND ngày 15/11/2026');
    expect(row?.withdrawn_at).toBeInstanceOf(Date);
    expect((await rm.amendments.tasks(commune, planId)).find((t) => t.id === task30.id)?.withdrawn).toBe(true);
    expect((await rm.plans.tasksToStart(planId)).some((t) => t.id === task30.id)).toBe(false);
    expect((await rm.tasks.listByPlan(commune, planId)).map((t) => t.number)).toContain(30);
  });

  it('lists the plan’s amendments oldest first, and the record cannot be rewritten', async () => {
    const list = await rm.amendments.list(commune, planId);
    expect(list.map((r) => [r.change, r.displayNumber])).toEqual([
      ['ADDED', '33'],
      ['CHANGED', '26'],
      ['WITHDRAWN', '30'],
    ]);
    await expect(db.ds.query(`UPDATE plan_amendments SET decision = 'khác'`)).rejects.toThrow(/append-only/);
    await expect(db.ds.query(`DELETE FROM plan_amendments`)).rejects.toThrow(/append-only/);
    await expect(db.ds.query(`TRUNCATE plan_amendments`)).rejects.toThrow(/append-only/);
    expect(await rm.amendments.list(commune, planId)).toHaveLength(3);
  });

  it('reorders tasks to the revised plan, and lets one amendment of a plan run at a time', async () => {
    const [task33] = (await rm.amendments.tasks(commune, planId)).filter((t) => t.number === 33);
    await rm.amendments.reorder(planId, [{ taskId: task33.id, position: 5 }]);
    expect((await rm.tasks.listByPlan(commune, planId)).map((t) => t.number).slice(3, 6)).toEqual([4, 5, 33]);
    const inner = await rm.amendments.withPlanLock(planId, () => rm.amendments.withPlanLock(planId, async () => 'inner ran'));
    expect(inner).toBeNull();
    expect(await rm.amendments.withPlanLock(planId, async () => 'free again')).toBe('free again');
  });
});
