import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { openDatabase } from '@app/persistence';
import { SEED_PLAN, startTestApp, TestApp } from '../support/app';
import { runEntryPoint } from '../support/processes';
import { createTestDatabase } from '../support/services';

const CLI = 'apps/cli/src/main.ts';

/**
 * Row 12 (plan year, CLI): year 0000 was accepted; the CLI printed stack traces and left a commune behind when an
 * import failed. A plan's year is 2000–2100 at the API and the CLI; a CLI error is one Vietnamese line on stderr
 * with exit code 2; the commune is created in the plan's transaction or not at all.
 */
describe('row 12: a sane plan year; CLI errors are one Vietnamese line, and a failed import leaves nothing', () => {
  const tmp = path.join(os.tmpdir(), `cchc-row12-${process.pid}`);
  let seed: string;
  const file = async (name: string, text: string) => {
    const p = path.join(tmp, name);
    await fs.writeFile(p, text);
    return p;
  };

  beforeAll(async () => {
    await fs.mkdir(tmp, { recursive: true });
    seed = await fs.readFile(SEED_PLAN, 'utf8');
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

  describe('CLI', () => {
    let db: { url: string; drop(): Promise<void> };
    let ds: DataSource;

    beforeAll(async () => {
      db = await createTestDatabase('cchc_row12_cli');
      ds = await openDatabase(db.url, { poolSize: 1 });
    });
    afterAll(async () => {
      await ds?.destroy();
      await db?.drop();
    });

    async function cchc(args: string[], env: Record<string, string> = { DATABASE_URL: db.url }) {
      const run = runEntryPoint(CLI, args, env);
      const { code } = await run.exited;
      return { code, stderr: run.stderr(), stdout: run.output() };
    }
    const communes = async () => (await ds.query(`SELECT code FROM communes ORDER BY code`)).map((r: { code: string }) => r.code);

    /** What a user sees of a failure: exit 2, exactly one line, Vietnamese, no stack trace; and no commune written. */
    async function expectRefused(args: string[], line: RegExp | string, env?: Record<string, string>) {
      const r = await cchc(args, env);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')).toHaveLength(1);
      if (typeof line === 'string') expect(r.stderr).toBe(line);
      else expect(r.stderr).toMatch(line);
      expect(r.stderr).not.toMatch(/\bat .+:\d+/);
      expect(await communes()).toEqual([]);
    }

    it('refuses --year 0000 and 9999', async () => {
      for (const year of ['0000', '9999']) {
        await expectRefused(
          ['plan', 'import', SEED_PLAN, '--commune', 'xa-moi', '--year', year],
          `Lỗi: Năm không hợp lệ: "${year}" (cần từ 2000 đến 2100, ví dụ 2026). Xem: npm run cchc -- --help`,
        );
      }
    });

    it('refuses a document whose year is 0000, and does not create the commune', async () => {
      const doc = await file('nam-0000.txt', seed.replace(/năm 2026/g, 'năm 0000'));
      await expectRefused(['plan', 'import', doc, '--commune', 'xa-moi'], 'Lỗi: Năm của kế hoạch (0000) không hợp lệ: cần từ 2000 đến 2100.');
    });

    it('refuses a damaged file (a NUL) in one line, and does not create the commune', async () => {
      const doc = await file('nul.txt', seed.replace(/^Phụ lục$/m, 'Phụ\u0000lục'));
      await expectRefused(['plan', 'import', doc, '--commune', 'xa-moi'], /^Lỗi: Tệp kế hoạch chứa ký tự điều khiển U\+0000 ở dòng 270, cột 4: /);
    });

    it('says in one line that a file is missing, an option unknown, or the database unreachable', async () => {
      await expectRefused(['plan', 'import', path.join(tmp, 'khong-co.txt')], `Lỗi: Tệp "${path.join(tmp, 'khong-co.txt')}" không tồn tại.`);
      await expectRefused(['plan', 'import', SEED_PLAN, '--nam', '2026'], 'Lỗi: tùy chọn không hợp lệ --nam. Xem: npm run cchc -- --help');
      await expectRefused(
        ['plan', 'import', SEED_PLAN],
        /^Lỗi: Không kết nối được cơ sở dữ liệu postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x \(ECONNREFUSED\); kiểm tra DATABASE_URL/,
        { DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/x' },
      );
    });

    it('imports into a new commune, created with its units in the same transaction', async () => {
      const r = await cchc(['plan', 'import', SEED_PLAN, '--commune', 'xa-moi']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('Đã nhập kế hoạch "Kế hoạch Cải cách hành chính xã An Lão năm 2026" (2026) cho xã xa-moi: 32 nhiệm vụ, 7 nhóm.');
      expect(await communes()).toEqual(['xa-moi']);
      // Its five units, and the outside bodies plans name (units are data: the An Lão directory it starts from).
      expect((await ds.query(`SELECT count(*)::int AS n FROM units WHERE commune = 'xa-moi' AND kind = 'INTERNAL'`))[0].n).toBe(5);
    });
  });

  describe('API', () => {
    let t: TestApp;
    let token: string;

    beforeAll(async () => {
      t = await startTestApp({ worker: false });
      token = await t.login('vhxh.cchc');
    });
    afterAll(() => t?.stop());

    const importText = (text: string, query = '') =>
      t.http().post(`/api/plans/import${query}`).set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/plain').send(text);
    const plans = async () => (await t.ds.query(`SELECT year FROM plans ORDER BY year`)).map((r: { year: number }) => r.year);

    it('refuses ?year=0000 and ?year=9999 with 400 VALIDATION naming the range', async () => {
      for (const year of ['0000', '9999', 'abc']) {
        const res = await importText(seed, `?year=${year}`);
        expect([year, res.status, res.body.code]).toEqual([year, 400, 'VALIDATION']);
        expect(res.body.message).toBe('Dữ liệu không hợp lệ ở trường: year (phải là năm từ 2000 đến 2100).');
      }
      expect(await plans()).toEqual([2026]);
    });

    it('refuses a document whose year is 0000 with 422 PLAN_INVALID, writing nothing', async () => {
      const res = await importText(seed.replace(/năm 2026/g, 'năm 0000'));
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        code: 'PLAN_INVALID',
        message: 'Năm của kế hoạch (0000) không hợp lệ: cần từ 2000 đến 2100.',
        details: { year: 0, min: 2000, max: 2100 },
      });
      expect(await plans()).toEqual([2026]);
    });

    it('takes the year of the request over the document’s', async () => {
      const res = await importText(seed, '?year=2027');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ year: 2027, taskCount: 32 });
      expect(await plans()).toEqual([2026, 2027]);
    });
  });
});
