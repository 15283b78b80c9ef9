/**
 * Browser-test support: builds the web app once, launches Debian's Chromium through playwright-core, opens one
 * browser context per user, and saves screenshots under test-artifacts/web/ (git-ignored).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds apps/web into apps/web/dist, so the API started afterwards serves it at `/`. */
export function buildWeb(): void {
  execFileSync('npm', ['run', '--silent', 'web:build'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  if (!fs.existsSync(path.join(ROOT, 'apps', 'web', 'dist', 'index.html'))) throw new Error('web build produced no index.html');
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Viewport {
  width: number;
  height: number;
}
export const DESKTOP: Viewport = { width: 1366, height: 900 };
export const PHONE: Viewport = { width: 360, height: 740 };

/** A fresh context (no stored token) in Vietnamese, in the commune's time zone. */
export async function newPage(browser: Browser, baseURL: string, viewport: Viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  // An uncaught script error is a bug: collected here, checked by expectNoPageErrors().
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page };
}

const pageErrors = new WeakMap<Page, string[]>();
export function expectNoPageErrors(page: Page): void {
  const errors = pageErrors.get(page) ?? [];
  if (errors.length) throw new Error(`script errors on the page: ${errors.join('; ')}`);
}

/** Signs in through the login form and waits for the inbox. */
/** The main menu: its links are named like pages, and a task's title can contain the same words ("Báo cáo"). */
export const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu chính' });

export async function signIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
}

/** The whole page, or with `{ fullPage: false }` only what is on the screen now (e.g. the first screen of a phone). */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: opts.fullPage ?? true });
}

/** Texts of every alert and status on the page, to check that none is raw JSON or English. */
export async function messages(page: Page): Promise<string[]> {
  return page.locator('[role=alert], [role=status], .alert').allInnerTexts();
}

const ENGLISH = /\b(error|failed|internal server|unauthorized|forbidden|not found|bad request|undefined|null)\b|[{}]/i;
export function assertVietnamese(texts: string[]): void {
  for (const t of texts) if (t.trim() && ENGLISH.test(t)) throw new Error(`a message looks like English or JSON: ${t}`);
}

/**
 * One person's visit: a fresh browser context signed in as `username`, then `steps`; what the page said must be
 * Vietnamese and no script may have failed. On a failure the page is saved as `failShot` before the error goes on.
 */
export async function visitAs(
  browser: Browser,
  baseURL: string,
  visit: { username: string; viewport?: Viewport; failShot: string },
  steps: (page: Page) => Promise<void>,
): Promise<void> {
  const { context, page } = await newPage(browser, baseURL, visit.viewport);
  try {
    await signIn(page, visit.username);
    await steps(page);
    assertVietnamese(await messages(page));
    expectNoPageErrors(page);
  } catch (err) {
    await screenshot(page, visit.failShot).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
}
