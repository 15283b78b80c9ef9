import { Browser, Page, Route } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/app';
import { buildWeb, DESKTOP, launchChromium, PHONE, screenshot, Viewport, menu, visitAs } from '../../support/browser';

/**
 * A lost connection (phone signal gone, server restarting) keeps the session: the app says so and tries again until
 * the server answers; only the server's 401 AUTH_REQUIRED signs the user out. The API is made to fail in the browser
 * with page.route, then to answer again.
 */
describe('web app: the connection is lost, then back', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ activate: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const API = '**/api/**';

  async function until(ok: () => boolean, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`not within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const token = (page: Page) => page.evaluate(() => sessionStorage.getItem('cchc.token') ?? localStorage.getItem('cchc.token'));

  /** Every API call fails as without a network; returns how many were tried. */
  async function cutNetwork(page: Page): Promise<() => number> {
    let calls = 0;
    await page.route(API, (route: Route) => {
      calls++;
      return route.abort('internetdisconnected');
    });
    return () => calls;
  }

  async function withUser(viewport: Viewport, username: string, steps: (page: Page) => Promise<void>, failShot: string) {
    return visitAs(browser, t.url, { username, viewport, failShot }, steps);
  }

  for (const [name, viewport, prefix] of [
    ['desktop', DESKTOP, 'ket-noi'],
    ['phone', PHONE, 'dien-thoai-ket-noi'],
  ] as const) {
    it(`${name}: reloading without a network keeps the session, says so, retries, and opens the page when the server answers`, async () => {
      await withUser(
        viewport,
        'kt.truongphong',
        async (page) => {
          const stored = await token(page);
          expect(stored).toBeTruthy();
          const calls = await cutNetwork(page);
          await page.reload();
          await page.getByRole('heading', { name: 'Mất kết nối với máy chủ. Đang thử lại…' }).waitFor();
          await page.getByText('Phiên đăng nhập của bạn vẫn được giữ.', { exact: false }).waitFor();
          expect(await page.getByRole('heading', { name: 'Đăng nhập' }).count()).toBe(0);
          await screenshot(page, `${prefix}-01-mat-ket-noi-khi-tai-lai`);
          // It keeps trying by itself (1 s, then 2 s …), and the token stays.
          const first = calls();
          await until(() => calls() > first, 8000);
          expect(await token(page)).toBe(stored);

          await page.unroute(API);
          await page.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
          expect(await token(page)).toBe(stored);
        },
        `that-bai-${prefix}-tai-lai`,
      );
    });

    it(`${name}: a page opened while the server restarts (503) waits with a message, and loads when it is back`, async () => {
      await withUser(
        viewport,
        'vhxh.cchc',
        async (page) => {
          await page.route(API, (route: Route) =>
            route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' }),
          );
          if (viewport.width < 500) await page.getByRole('button', { name: /Menu/ }).click();
          await menu(page).getByRole('link', { name: 'Theo dõi' }).click();
          await page.getByRole('heading', { level: 1, name: 'Theo dõi kế hoạch' }).waitFor();
          const bar = page.locator('.connection-bar');
          await bar.getByText('Máy chủ tạm thời không phản hồi. Đang thử lại…').waitFor();
          await bar.getByText(/Bạn vẫn đang đăng nhập/).waitFor();
          // The page waits (it loads by itself later) rather than showing an error of its own.
          await page.locator('main').getByText('Đang tải dữ liệu…').waitFor();
          expect(await page.locator('main [role=alert]').count()).toBe(0);
          expect(await page.getByRole('heading', { name: 'Đăng nhập' }).count()).toBe(0);
          await screenshot(page, `${prefix}-02-may-chu-khoi-dong-lai`);

          await page.unroute(API);
          await page.getByText(/Năm 2026 · 32 nhiệm vụ/).waitFor();
          await page.getByText('Đã kết nối lại với máy chủ.').waitFor();
          await page.locator('tr[data-task-number="25"]').first().waitFor();
          expect(await page.locator('main').getByText('Đang tải dữ liệu…').count()).toBe(0);
          await screenshot(page, `${prefix}-03-da-ket-noi-lai`);
        },
        `that-bai-${prefix}-503`,
      );
    });
  }

  it('a real 401 AUTH_REQUIRED signs out, with the reason', async () => {
    await withUser(
      DESKTOP,
      'kt.truongphong',
      async (page) => {
        await page.route('**/api/me', (route: Route) =>
          route.fulfill({
            status: 401,
            contentType: 'application/json',
            body: JSON.stringify({ code: 'AUTH_REQUIRED', message: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ, vui lòng đăng nhập lại.' }),
          }),
        );
        await page.reload();
        await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
        await page.getByText('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.').waitFor();
        expect(await token(page)).toBeNull();
        await screenshot(page, 'ket-noi-04-het-phien');
      },
      'that-bai-ket-noi-401',
    );
  });

  it('a 401 without AUTH_REQUIRED (a proxy’s page) does not sign out', async () => {
    await withUser(
      DESKTOP,
      'kt.truongphong',
      async (page) => {
        const stored = await token(page);
        await page.route('**/api/inbox', (route: Route) => route.fulfill({ status: 401, contentType: 'text/html', body: 'Unauthorized' }));
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
        await page.locator('main [role=alert]').first().waitFor();
        expect(await token(page)).toBe(stored);
        await page.unroute('**/api/inbox');
      },
      'that-bai-ket-noi-401-proxy',
    );
  });
});
