import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { DEV_JWT_SECRET } from '@app/config';
import { openDatabase, seedCommune, seedDemoAccounts } from '@app/persistence';
import { freePort } from '../../tools/devstack/src/free-port';
import { runEntryPoint } from '../support/processes';
import { createTestDatabase, testServices } from '../support/services';

const API = 'apps/api/src/main.ts';
const STRONG_SECRET = 'k7Qm2vX9pL4sT8wZ1nB6cR3yH5jD0fGa'; // 32 characters

/**
 * Row 8: a database first run in development keeps its demo accounts; started later in production, the API must not
 * let anyone in with the README's password, must refuse an unknown or missing mode without a strong JWT secret, and a
 * token signed with the public development secret must not work.
 */
describe('row 8: demo accounts, NODE_ENV and JWT_SECRET in production', () => {
  let db: { url: string; drop(): Promise<void> };
  let ds: DataSource;
  const commune = 'an-lao';

  beforeAll(async () => {
    db = await createTestDatabase('cchc_row8');
    ds = await openDatabase(db.url, { poolSize: 2 });
    await seedCommune(ds, commune);
    // What `npm start` (development) left behind: the demo accounts, one with DEMO_PASSWORD's value.
    await seedDemoAccounts(ds, commune, 'demo');
    await seedDemoAccounts(ds, commune, 'matkhau-demo', 'x.');
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const env = (extra: Record<string, string | undefined>) => ({
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: testServices().temporalAddress,
    CCHC_COMMUNE: commune,
    ...extra,
  });

  it('refuses a misspelt NODE_ENV with a Vietnamese message naming the variable, exit code 2', async () => {
    const api = runEntryPoint(API, [], env({ NODE_ENV: 'prod', PORT: String(await freePort()) }));
    const info = await api.exited;
    expect(info.code).toBe(2);
    expect(api.stderr()).toContain('Biến môi trường NODE_ENV phải là một trong development, test, production (đang là "prod").');
    expect(api.output()).not.toMatch(/API sẵn sàng|at .*\.ts:\d+/);
  });

  it('treats an unset NODE_ENV as production: without JWT_SECRET it does not start (exit 2)', async () => {
    const api = runEntryPoint(API, [], env({ PORT: String(await freePort()) }));
    const info = await api.exited;
    expect(info.code).toBe(2);
    expect(api.stderr()).toContain('Biến môi trường JWT_SECRET là bắt buộc ở chế độ production (NODE_ENV chưa đặt nên chạy như production)');
  });

  it('refuses a weak JWT_SECRET in production (exit 2, names the variable and the 32-character rule)', async () => {
    const api = runEntryPoint(API, [], env({ NODE_ENV: 'production', JWT_SECRET: 'a', PORT: String(await freePort()) }));
    const info = await api.exited;
    expect(info.code).toBe(2);
    expect(api.stderr()).toContain('Biến môi trường JWT_SECRET quá yếu: cần ít nhất 32 ký tự ngẫu nhiên (đang có 1)');
  });

  it('in production, deactivates every account still holding a demo password, says so, and ignores dev-secret tokens', async () => {
    const port = await freePort();
    const api = runEntryPoint(API, [], env({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, DEMO_PASSWORD: 'matkhau-demo', PORT: String(port) }));
    try {
      const locked = await api.waitFor(/tài khoản còn dùng mật khẩu demo/, 90000);
      expect(locked).toMatch(/^Đã khóa 26 tài khoản còn dùng mật khẩu demo: admin, chutich, /);
      await api.waitFor(/API sẵn sàng/, 90000);
      expect(api.output()).toContain('Chế độ: production.');

      const base = `http://127.0.0.1:${port}/api`;
      const login = (username: string, password: string) =>
        fetch(`${base}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
      for (const [username, password] of [['admin', 'demo'], ['chutich', 'demo'], ['x.admin', 'matkhau-demo']]) {
        const res = await login(username, password);
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ code: 'AUTH_INVALID', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
      }

      // Anyone can read the development secret in the source: a token it signs must not open the production API.
      const admin = (await ds.query(`SELECT id FROM users WHERE username = 'admin'`))[0];
      const forged = await new JwtService({ secret: DEV_JWT_SECRET }).signAsync({ sub: admin.id, commune });
      await ds.query(`UPDATE users SET active = true WHERE username = 'admin'`); // even an active admin
      const me = await fetch(`${base}/me`, { headers: { Authorization: `Bearer ${forged}` } });
      expect(me.status).toBe(401);
      expect((await me.json()).code).toBe('AUTH_REQUIRED');
    } finally {
      await api.proc.stop();
    }
    const active = await ds.query(`SELECT count(*)::int AS n FROM users WHERE active AND username <> 'admin'`);
    expect(active[0].n).toBe(0);
  });
});
