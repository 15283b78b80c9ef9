import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { prepareDatabase } from '@app/persistence';
import { SEED_PLAN, startTestApp, TestApp } from '../support/app';
import { runEntryPoint } from '../support/processes';

/**
 * Row 5 (import): re-importing a plan that is running rewrote its rows under the running workflows, and a document
 * without a year silently became this year's plan. A running plan answers 409 CONFLICT and nothing is written; the
 * year comes from the document or the request, and neither is 422 PLAN_INVALID naming what is missing.
 */
describe('row 5: importing onto an active plan, and a plan without a year', () => {
  let t: TestApp;
  let token: string;
  let seed: string;
  const tmp = path.join(os.tmpdir(), `cchc-row5-${process.pid}`);

  beforeAll(async () => {
    await fs.mkdir(tmp, { recursive: true });
    seed = await fs.readFile(SEED_PLAN, 'utf8');
    t = await startTestApp({ activate: true });
    token = await t.login('vhxh.cchc');
  });
  afterAll(async () => {
    await t?.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const auth = () => ({ Authorization: `Bearer ${token}` });
  const snapshot = async () => ({
    plan: await t.ds.query(`SELECT title, imported_at, source_sha256, status FROM plans WHERE id = $1`, [t.planId]),
    tasks: await t.ds.query(`SELECT number, content, deadline_raw, due_dates FROM plan_tasks WHERE plan_id = $1 ORDER BY number`, [t.planId]),
  });
  /** The seed with one task reworded: an import that went through would show. */
  const edited = () => seed.replace(/^25\t[^\t]*/m, (cell) => `${cell} (sửa)`);

  it('answers a re-import of the running plan with 409 CONFLICT in Vietnamese, and writes nothing (text and file)', async () => {
    const before = await snapshot();
    expect(before.plan[0].status).toBe('ACTIVE');
    const text = await t.http().post('/api/plans/import').set(auth()).set('Content-Type', 'text/plain').send(edited());
    expect(text.status).toBe(409);
    expect(text.body).toEqual({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Kế hoạch đang thực hiện: kế hoạch năm 2026 của xã đã được kích hoạt từ \d{1,2}\/\d{1,2}\/\d{4} nên không nhập đè được; không có gì thay đổi\.$/),
      details: { planId: t.planId, year: 2026, status: 'ACTIVE' },
    });
    const file = await t.http().post('/api/plans/import').set(auth()).attach('file', Buffer.from(edited()), 'ke-hoach.txt');
    expect([file.status, file.body.code]).toEqual([409, 'CONFLICT']);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a document without a year, and no ?year=, with 422 PLAN_INVALID naming the year; ?year= imports it', async () => {
    const noYear = seed.replace(/năm \d{4}/gi, 'năm nay');
    const res = await t.http().post('/api/plans/import').set(auth()).set('Content-Type', 'text/plain').send(noYear);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      code: 'PLAN_INVALID',
      message:
        'Văn bản không ghi năm của kế hoạch (ví dụ "… năm 2026" trong tiêu đề): hãy ghi năm vào văn bản, hoặc chỉ rõ năm khi nhập (?year=2026 hoặc --year 2026).',
      details: { missing: ['year'] },
    });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM plans`))[0].n).toBe(1);

    const given = await t.http().post('/api/plans/import?year=2027').set(auth()).set('Content-Type', 'text/plain').send(noYear);
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ year: 2027, taskCount: 32 });
  });

  it('the CLI says the same in one line with exit code 2, and imports with --year', async () => {
    const cli = async (...args: string[]) => {
      const run = runEntryPoint('apps/cli/src/main.ts', args, { DATABASE_URL: t.config.databaseUrl });
      return { code: (await run.exited).code, stderr: run.stderr() };
    };
    const active = path.join(tmp, 'active.txt');
    await fs.writeFile(active, edited());
    const before = await snapshot();
    const conflict = await cli('plan', 'import', active, '--commune', t.commune);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/^Lỗi: Kế hoạch đang thực hiện: kế hoạch năm 2026 của xã đã được kích hoạt từ [\d/]+ nên không nhập đè được; không có gì thay đổi\.$/);
    expect(await snapshot()).toEqual(before);

    const noYear = path.join(tmp, 'no-year.txt');
    await fs.writeFile(noYear, seed.replace(/năm \d{4}/gi, 'năm nay'));
    const missing = await cli('plan', 'import', noYear, '--commune', t.commune);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Lỗi: Văn bản không ghi năm của kế hoạch/);
    const parse = await cli('plan', 'parse', noYear);
    expect(parse.code).toBe(2);
    const given = await cli('plan', 'import', noYear, '--commune', t.commune, '--year', '2028');
    expect([given.code, given.stderr]).toEqual([0, '']);
    expect((await t.ds.query(`SELECT year FROM plans ORDER BY year`)).map((r: { year: number }) => r.year)).toEqual([2026, 2027, 2028]);
  });

  it('a second start of the product keeps the running plan as it is', async () => {
    const before = await snapshot();
    const prepared = await prepareDatabase(t.config.databaseUrl, { production: false, planFile: SEED_PLAN, commune: t.commune });
    expect(prepared).toMatchObject({ planId: t.planId, taskCount: 32 });
    expect(await snapshot()).toEqual(before);
  });
});
