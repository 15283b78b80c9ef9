import { Browser, Page } from 'playwright-core';
import { openDatabase } from '@app/persistence';
import { freePort } from '../../tools/devstack/src/free-port';
import { startTestApp, TestApp } from '../support/app';
import { buildWeb, expectNoPageErrors, launchChromium, newPage, signIn } from '../support/browser';
import { runEntryPoint } from '../support/processes';
import { createTestDatabase, testServices } from '../support/services';

/**
 * Row 12 (headers, downloads, Swagger): security headers on every answer with a CSP the built web app and Swagger UI
 * still run under (checked in Chromium), attachments downloaded as bytes never rendered, and the OpenAPI document
 * only where it is enabled.
 */
describe('row 12: security headers, safe downloads, Swagger only where enabled', () => {
  let t: TestApp;
  let browser: Browser;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ activate: true });
    browser = await launchChromium();
    for (const u of ['kt.truongphong', 'kt.chuyenvien']) tokens[u] = await t.login(u);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** Records what the CSP blocked, as the page itself sees it. */
  async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
    const console: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) console.push(m.text());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
  }

  it('sends security headers and no X-Powered-By on the API and on the web app', async () => {
    for (const path of ['/api/health', '/', '/dang-nhap']) {
      const res = await t.http().get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
    }
  });

  it('the built web app runs under that CSP in Chromium: sign-in and the inbox, nothing blocked', async () => {
    const { context, page } = await newPage(browser, t.url);
    const blocked = await watchCsp(page);
    await signIn(page, 'kt.truongphong');
    await page.getByRole('link', { name: /Theo dõi/ }).first().click();
    await page.getByText('Phòng Kinh tế').first().waitFor();
    expect(await blocked()).toEqual([]);
    expectNoPageErrors(page);
    await context.close();
  });

  it('Swagger UI runs under that CSP in Chromium and shows the operations', async () => {
    const { context, page } = await newPage(browser, t.url);
    const blocked = await watchCsp(page);
    await page.goto('/api/docs');
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(await blocked()).toEqual([]);
    await context.close();
  });

  it('serves an attachment as application/octet-stream, nosniff, as an attachment — never as the uploader typed it', async () => {
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(as('kt.truongphong'));
    const taskId = tasks.body.find((x: any) => x.number === 25).id;
    const staff = (await t.http().get('/api/users?unit=KT&role=STAFF').set(as('kt.truongphong'))).body[0].id;
    for (let i = 0; i < 120; i++) {
      const inbox = (await t.http().get('/api/inbox').set(as('kt.truongphong'))).body;
      if (inbox.some((x: any) => x.taskId === taskId)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await t.http().post(`/api/tasks/${taskId}/assign`).set(as('kt.truongphong')).send({ assigneeId: staff }).expect(200);
    const html = '<html><script>fetch("/api/me")</script></html>';
    const up = await t.http().post(`/api/tasks/${taskId}/attachments`).set(as('kt.chuyenvien')).attach('file', Buffer.from(html), { filename: 'báo cáo (1).html', contentType: 'text/html' });
    expect(up.status).toBe(201);
    const res = await t.http().get(`/api/tasks/${taskId}/attachments/${up.body.id}`).set(as('kt.chuyenvien')).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bao cao (1).html"; filename*=UTF-8''b%C3%A1o%20c%C3%A1o%20%281%29.html`);
    expect((res.body as Buffer).toString()).toBe(html);
  });

  it('has no Swagger when SWAGGER=false', async () => {
    const off = await startTestApp({ worker: false, env: { SWAGGER: 'false' } });
    try {
      for (const path of ['/api/docs', '/api/docs-json']) {
        const res = await off.http().get(path);
        expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
      }
    } finally {
      await off.stop();
    }
  });

  it('has no Swagger in production unless SWAGGER is set', async () => {
    const db = await createTestDatabase('cchc_row12');
    await (await openDatabase(db.url, { poolSize: 1 })).destroy(); // migrations
    const env = { DATABASE_URL: db.url, TEMPORAL_ADDRESS: testServices().temporalAddress, NODE_ENV: 'production', JWT_SECRET: 'q'.repeat(16) + 'w'.repeat(16) };
    try {
      for (const [swagger, expected] of [[undefined, 404], ['true', 200]] as const) {
        const port = await freePort();
        const api = runEntryPoint('apps/api/src/main.ts', [], { ...env, SWAGGER: swagger, PORT: String(port) });
        try {
          await api.waitFor(/API sẵn sàng/, 90000);
          const res = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
          expect([swagger, res.status]).toEqual([swagger, expected]);
        } finally {
          await api.proc.stop();
        }
      }
    } finally {
      await db.drop();
    }
  });
});
