/**
 * The bell, the notifications list and the "Hộp thư thử" page in Chromium, on desktop (1366) and phone (360),
 * against the real stack writing its e-mails to the local mailbox (no SMTP_URL).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { ReadModel } from '@app/persistence';
import { startTestApp, TestApp } from '../../support/app';
import { ARTIFACTS, buildWeb, DESKTOP, launchChromium, PHONE, screenshot, type Viewport, visitAs } from '../../support/browser';
import { Chain, RETURN_REASON, taskChain, waitFor } from '../../support/notifications';

describe('web app: the bell, Thông báo and Hộp thư thử', () => {
  let t: TestApp;
  let browser: Browser;
  let chain: Chain;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-web-mailbox-'));

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ activate: true, env: { SMTP_URL: '', MAILBOX_DIR: dir } });
    await t.ds.query(`UPDATE communes SET name = 'Xã An Lão' WHERE code = $1`, [t.commune]);
    browser = await launchChromium();
    chain = await taskChain(t);
    // kt.chuyenvien is assigned task 25, submits it, and her unit head returns it with a reason.
    await chain.run('assign', 'resubmit');
    const rm = new ReadModel(t.ds);
    await waitFor('the chain’s e-mails written', async () => {
      const rows = (await rm.outbound.list(t.commune)).filter((r) => r.task_id === chain.taskId);
      return rows.length === 3 && rows.every((r) => r.status === 'SENT');
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function as(username: string, viewport: Viewport, steps: (page: Page) => Promise<void>): Promise<void> {
    return visitAs(browser, t.url, { username, viewport, failShot: `that-bai-thong-bao-${username}-${viewport.width}` }, steps);
  }

  const unreadOf = async (username: string) => (await t.http().get('/api/notifications/count').set(chain.as(username))).body.unread as number;
  const bellCount = (page: Page) => page.getByTestId('notification-count');

  it('desktop: the bell counts the unread, the list shows them; read one, open another, the count follows', async () => {
    const unread = await unreadOf('kt.chuyenvien');
    expect(unread).toBe(2);
    await as('kt.chuyenvien', DESKTOP, async (page) => {
      const bell = page.getByRole('link', { name: `Thông báo: ${unread} chưa đọc` });
      await bell.waitFor();
      expect(await bellCount(page).innerText()).toBe(String(unread));
      await screenshot(page, 'thong-bao-01-chuong-1366');
      await bell.click();
      await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
      const items = page.getByTestId('notification');
      await items.first().waitFor();
      expect(await items.count()).toBe(2);
      const returned = items.filter({ hasText: 'Nhiệm vụ số 25 bị trả lại' });
      await returned.getByText(`Lý do: ${RETURN_REASON}`).waitFor();
      await returned.getByText('Trả lại', { exact: true }).waitFor();
      await screenshot(page, 'thong-bao-02-danh-sach-1366');

      await returned.getByRole('button', { name: 'Đánh dấu đã đọc' }).click();
      await page.getByRole('link', { name: 'Thông báo: 1 chưa đọc' }).waitFor();
      await returned.getByRole('button', { name: 'Đánh dấu đã đọc' }).waitFor({ state: 'detached' });

      const assigned = items.filter({ hasText: 'Được giao nhiệm vụ số 25' });
      await assigned.getByRole('button', { name: 'Mở nhiệm vụ' }).click();
      await page.waitForURL(`**/nhiem-vu/${chain.taskId}`);
      await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 25/ }).waitFor();
      await page.getByRole('link', { name: 'Thông báo', exact: true }).waitFor();
      expect(await bellCount(page).count()).toBe(0);
    });
    expect(await unreadOf('kt.chuyenvien')).toBe(0);
  });

  it('phone: the bell stays in the top bar; the list and the e-mail reminder choice fit 360 px', async () => {
    await as('kt.truongphong', PHONE, async (page) => {
      const unread = await unreadOf('kt.truongphong');
      expect(unread).toBe(1);
      const bell = page.getByRole('link', { name: `Thông báo: ${unread} chưa đọc` });
      await bell.waitFor();
      expect(await bell.isVisible()).toBe(true);
      await screenshot(page, 'thong-bao-03-chuong-360');
      await bell.click();
      await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
      await page.getByTestId('notification').filter({ hasText: 'Nhiệm vụ số 25 chờ đồng chí cho ý kiến' }).first().waitFor();
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.getByRole('button', { name: 'Chưa đọc' }).click();
      await page.getByTestId('notification').first().waitFor();
      const reminders = page.getByLabel('Gửi thư nhắc hạn trước ngày đến hạn');
      expect(await reminders.isChecked()).toBe(true);
      await reminders.uncheck();
      await page.getByText('Đã tắt thư nhắc hạn qua e-mail. Nhắc hạn vẫn hiện trong mục Thông báo.').waitFor();
      await screenshot(page, 'thong-bao-04-danh-sach-360');
      await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
      await page.getByText(`Đã đánh dấu ${unread} thông báo là đã đọc.`).waitFor();
      await page.getByText('Không có thông báo chưa đọc.').waitFor();
      await page.getByRole('link', { name: 'Thông báo', exact: true }).waitFor();
    });
    expect((await t.http().get('/api/me/preferences').set(chain.as('kt.truongphong'))).body).toEqual({ emailReminders: false });
    expect(await unreadOf('kt.truongphong')).toBe(0);
  });

  it('Hộp thư thử: the administrator lists the mailbox and reads a message (desktop and phone); others have no such page', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      await as('admin', viewport, async (page) => {
        if (viewport === PHONE) await page.getByRole('button', { name: /Menu/ }).click();
        await page.getByRole('link', { name: 'Hộp thư thử' }).click();
        await page.getByRole('heading', { level: 1, name: 'Hộp thư thử' }).waitFor();
        const rows = page.getByTestId('mailbox-row');
        await rows.first().waitFor();
        expect(await rows.count()).toBe(fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).length);
        if (viewport === DESKTOP) await screenshot(page, 'hop-thu-thu-01-danh-sach-1366');
        await page.getByRole('link', { name: '[CCHC xã An Lão] Nhiệm vụ số 25 bị trả lại – đề nghị chỉnh sửa dự thảo' }).click();
        await page.getByRole('heading', { level: 2, name: '[CCHC xã An Lão] Nhiệm vụ số 25 bị trả lại – đề nghị chỉnh sửa dự thảo' }).waitFor();
        await page.getByText(`Đỗ Thị Hương <kt.chuyenvien@${t.commune}.local>`).first().waitFor();
        const body = page.frameLocator('iframe.mail-html');
        await body.getByText('Kính gửi đồng chí').waitFor();
        await body.getByText(RETURN_REASON).first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        if (viewport === DESKTOP) {
          // The message itself, as the viewport shows it (a full-page capture can leave a sandboxed frame blank).
          await page.locator('iframe.mail-html').scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(ARTIFACTS, 'hop-thu-thu-02-thu-1366.png') });
        } else {
          await screenshot(page, `hop-thu-thu-02-thu-${viewport.width}`);
        }
        await page.getByRole('button', { name: 'Dạng văn bản' }).click();
        await page.locator('pre.mail-text').getByText(`- Lý do trả lại: ${RETURN_REASON}`).waitFor();
        if (viewport === DESKTOP) await screenshot(page, 'hop-thu-thu-03-van-ban-1366');
      });
    }
    await as('kt.truongphong', DESKTOP, async (page) => {
      expect(await page.getByRole('link', { name: 'Hộp thư thử' }).count()).toBe(0);
    });
  });
});
