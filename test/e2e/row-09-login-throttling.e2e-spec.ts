import { DEMO_ACCOUNTS } from '@app/persistence';
import { startTestApp, TestApp } from '../support/app';

/**
 * Row 9: 300 wrong passwords in 31 s were all answered 401. With the default settings, a guesser is stopped per
 * username and per client address with 429 RATE_LIMITED in Vietnamese; a whole office signing in is not.
 */
describe('row 9: login throttling per username and per client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
  });
  afterAll(() => t?.stop());

  const attempt = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });

  it('lets the 13 demo users sign in one after another', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const res = await attempt(a.username, 'demo');
      expect([a.username, res.status]).toEqual([a.username, 200]);
    }
  });

  it('stops the 11th attempt on one username within a minute with 429 RATE_LIMITED, even with the right password', async () => {
    // kt.chuyenvien signed in once above: with 9 wrong passwords that makes the 10 attempts a minute allows.
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await attempt('kt.chuyenvien', `sai-${i}`)).status);
    expect(statuses).toEqual(Array(9).fill(401));

    const blocked = await attempt('kt.chuyenvien', 'demo');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^Đăng nhập quá nhiều lần, vui lòng thử lại sau \d+ (giây|phút)\.$/),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // The same name written differently is the same account.
    expect((await attempt('  KT.ChuyenVien ', 'demo')).status).toBe(429);

    // Another account from the same machine is not locked out by it.
    expect((await attempt('kt.truongphong', 'demo')).status).toBe(200);
  });

  it('stops one client address trying many usernames after 30 attempts in a minute', async () => {
    // 13 + 12 attempts from this address so far in this file; 5 more reach the limit of 30.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(`khong-co-${i}`, 'sai')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const res = await attempt('vp.chuyenvien', 'demo');
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('RATE_LIMITED');
  });
});
