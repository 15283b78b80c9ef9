import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/app';
import { ARTIFACTS, buildWeb, DESKTOP, launchChromium, PHONE, screenshot, type Viewport, menu, visitAs } from '../../support/browser';
import { waitFor } from '../../support/notifications';
import { startSmtpServer, TestSmtpServer } from '../../support/smtp';

/**
 * Báo cáo in Chromium against the real stack: the units' heads approve their inputs (desktop and phone), the
 * coordinator drafts and sends up, the Chairman approves from his inbox, the coordinator downloads both files and
 * sends them to Sở Nội vụ (whose mailbox on loopback receives them); the board exports to Excel and prints without
 * its menu.
 */
describe('web app: the periodic report', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let browser: Browser;
  let reportId: string;
  const tokens: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const DEPARTMENT = 'vanthu.snv@haiphong.gov.vn';
  const STAFF: Record<string, string> = { VP: 'vp.chuyenvien', KT: 'kt.chuyenvien', VHXH: 'vhxh.cchc', TTPVHCC: 'ttpvhcc.chuyenvien', TTDVSNC: 'ttdvsnc.chuyenvien' };
  const HEAD: Record<string, string> = { VP: 'vp.chanhvanphong', KT: 'kt.truongphong', VHXH: 'vhxh.truongphong', TTPVHCC: 'ttpvhcc.giamdoc', TTDVSNC: 'ttdvsnc.giamdoc' };

  beforeAll(async () => {
    buildWeb();
    smtp = await startSmtpServer();
    t = await startTestApp({ activate: true, env: { SMTP_URL: smtp.url } });
    await t.ds.query(`UPDATE communes SET name = 'Xã An Lão' WHERE code = $1`, [t.commune]);
    browser = await launchChromium();
    for (const u of ['admin', 'chutich', ...Object.values(STAFF), ...Object.values(HEAD)]) tokens[u] = await t.login(u);
    const count = (await t.http().get(`/api/plans/${t.planId}/tasks`).set(auth('vhxh.cchc'))).body.length;
    await waitFor('every task to open', async () => (await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE snapshot IS NOT NULL`))[0].n === count);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await smtp?.stop();
  });

  async function as(username: string, viewport: Viewport, steps: (page: Page) => Promise<void>): Promise<void> {
    return visitAs(browser, t.url, { username, viewport, failShot: `bao-cao-that-bai-${username}` }, steps);
  }

  /** A unit's staff fills in and sends up its input through the API (the form itself is shown in the browser below). */
  async function sendInput(unit: string): Promise<void> {
    const form = (await t.http().get(`/api/reports/${reportId}/inputs/${unit}`).set(auth(STAFF[unit]))).body;
    const content = {
      narrative: `${form.unitName} đã triển khai các nhiệm vụ được giao, bảo đảm tiến độ.`,
      taskProgress: form.tasks.map((x: { taskId: string; number: number }) => ({ taskId: x.taskId, progress: `Đã triển khai nhiệm vụ ${x.number}`, note: '' })),
      figures: unit === 'TTPVHCC' ? { dossiersReceived: 1241, dossiersReceivedOnline: 1100, dossiersResolved: 1241, dossiersOnTime: 1231, dossiersLate: 10, satisfactionPercent: 96.5 } : {},
    };
    await t.http().put(`/api/reports/${reportId}/inputs/${unit}`).set(auth(STAFF[unit])).send(content).expect(200);
    await t.http().post(`/api/reports/${reportId}/inputs/${unit}/submit`).set(auth(STAFF[unit])).send({}).expect(200);
  }

  it('the coordinator opens the year’s report from the list of periods', async () => {
    await as('vhxh.cchc', DESKTOP, async (page) => {
      await menu(page).getByRole('link', { name: 'Báo cáo', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Báo cáo cải cách hành chính' }).waitFor();
      const row = page.locator('tr').filter({ has: page.getByRole('rowheader', { name: 'Năm 2026', exact: true }) });
      await row.getByText('Chưa mở').waitFor();
      await expect(row.locator('td').nth(1).innerText()).resolves.toBe('05/12/2026');
      // Sở Nội vụ's address, in the settings under the list.
      await page.getByRole('button', { name: /Cài đặt báo cáo/ }).click();
      await page.getByLabel('Thư điện tử của Sở Nội vụ').fill('khong-hop-le');
      await page.getByRole('button', { name: 'Lưu cài đặt báo cáo' }).click();
      await page.getByText('Địa chỉ thư điện tử “khong-hop-le” không hợp lệ.').waitFor();
      await page.getByLabel('Thư điện tử của Sở Nội vụ').fill(DEPARTMENT);
      await page.getByRole('button', { name: 'Lưu cài đặt báo cáo' }).click();
      await page.getByText('Đã lưu cài đặt báo cáo.').waitFor();
      await screenshot(page, 'bao-cao-ky-1366');
      await row.getByRole('button', { name: 'Mở báo cáo ngay' }).click();
      await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả CCHC năm 2026' }).waitFor();
      await page.getByText('Đang thu thập số liệu đơn vị').first().waitFor();
      reportId = decodeURIComponent(page.url().split('/bao-cao/')[1]);
      await screenshot(page, 'bao-cao-thu-thap-1366');
    });
    await as('vhxh.cchc', PHONE, async (page) => {
      await page.goto('/bao-cao');
      await page.getByText('Đang thu thập số liệu đơn vị').waitFor();
      await screenshot(page, 'bao-cao-ky-360');
    });
  });

  it('a unit head approves his unit’s input from his inbox (1366 px), another on a phone (360 px)', async () => {
    for (const unit of Object.keys(STAFF)) await sendInput(unit);
    await as('kt.truongphong', DESKTOP, async (page) => {
      await page.getByRole('link', { name: 'Báo cáo kết quả CCHC năm 2026' }).click();
      await page.getByRole('heading', { level: 1, name: /Phòng Kinh tế/ }).waitFor();
      await page.getByText('Chờ lãnh đạo đơn vị duyệt').waitFor();
      await expect(page.getByLabel('Kết quả thực hiện trong kỳ').first().inputValue()).resolves.toMatch(/^Đã triển khai nhiệm vụ \d+$/);
      await screenshot(page, 'bao-cao-don-vi-1366');
      await page.getByRole('button', { name: 'Duyệt số liệu đơn vị' }).click();
      await page.getByText('Đã duyệt số liệu của đơn vị.').waitFor();
      await page.getByText('Đã duyệt', { exact: true }).waitFor();
    });
    await as('ttpvhcc.giamdoc', PHONE, async (page) => {
      await page.getByRole('link', { name: 'Báo cáo kết quả CCHC năm 2026' }).click();
      await page.getByLabel(/Hồ sơ thủ tục hành chính tiếp nhận trong kỳ/).waitFor();
      await expect(page.getByLabel(/Mức độ hài lòng/).inputValue()).resolves.toBe('96.5');
      await screenshot(page, 'bao-cao-don-vi-360');
      await page.getByRole('button', { name: 'Duyệt số liệu đơn vị' }).click();
      await page.getByText('Đã duyệt số liệu của đơn vị.').waitFor();
    });
    for (const unit of ['VP', 'VHXH', 'TTDVSNC']) {
      await t.http().post(`/api/reports/${reportId}/inputs/${unit}/decision`).set(auth(HEAD[unit])).send({ decision: 'approve' }).expect(200);
    }
  });

  it('the coordinator drafts from the prefilled sections and sends up; the Chairman approves from his inbox', async () => {
    await as('vhxh.cchc', DESKTOP, async (page) => {
      await page.goto(`/bao-cao/${encodeURIComponent(reportId)}`);
      await page.getByRole('heading', { name: 'Dự thảo báo cáo của xã' }).waitFor();
      await expect(page.getByLabel('Công tác chỉ đạo, điều hành cải cách hành chính').inputValue()).resolves.toContain('nhiệm vụ của Kế hoạch');
      await screenshot(page, 'bao-cao-du-thao-1366', { fullPage: false });
      await page.getByRole('button', { name: 'Lưu và trình duyệt' }).click();
      await page.getByText('Đã trình dự thảo báo cáo.').waitFor();
      await page.getByText('Chờ Phòng VH-XH thẩm định').first().waitFor();
    });
    await as('vhxh.cchc', PHONE, async (page) => {
      await page.goto(`/bao-cao/${encodeURIComponent(reportId)}`);
      await page.getByText('Chờ Phòng VH-XH thẩm định').first().waitFor();
      await screenshot(page, 'bao-cao-chi-tiet-360', { fullPage: false });
    });
    await t.http().post(`/api/reports/${reportId}/decision`).set(auth('vhxh.truongphong')).send({ decision: 'approve' }).expect(200);
    await as('chutich', PHONE, async (page) => {
      await page.getByRole('link', { name: 'Báo cáo kết quả CCHC năm 2026' }).click();
      await page.getByRole('heading', { name: 'Chủ tịch phê duyệt' }).waitFor();
      await page.getByRole('button', { name: 'Xem trước báo cáo và phụ lục' }).click();
      await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').scrollIntoViewIfNeeded();
      await screenshot(page, 'bao-cao-xem-truoc-360', { fullPage: false });
      await page.getByRole('heading', { name: 'Chủ tịch phê duyệt' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'bao-cao-chu-tich-360', { fullPage: false });
      await page.getByRole('button', { name: 'Phê duyệt báo cáo' }).click();
      await page.getByText('Đã phê duyệt báo cáo.').waitFor();
      await page.getByText('Đã phê duyệt, chờ gửi').first().waitFor();
    });
  });

  it('the coordinator downloads both files and sends them to Sở Nội vụ; the mailbox receives both', async () => {
    await as('vhxh.cchc', DESKTOP, async (page) => {
      await page.goto(`/bao-cao/${encodeURIComponent(reportId)}`);
      await page.getByRole('heading', { name: 'Gửi Sở Nội vụ' }).waitFor();
      let download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải báo cáo (.docx)' }).click();
      const docx = await download;
      expect(docx.suggestedFilename()).toBe('bao-cao-cchc-nam-2026.docx');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await docx.saveAs(path.join(ARTIFACTS, 'bao-cao-cchc-nam-2026.docx'));
      download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải phụ lục (.xlsx)' }).click();
      const xlsx = await download;
      expect(xlsx.suggestedFilename()).toBe('phu-luc-bao-cao-cchc-nam-2026.xlsx');
      await xlsx.saveAs(path.join(ARTIFACTS, 'phu-luc-bao-cao-cchc-nam-2026.xlsx'));
      await page.getByRole('button', { name: 'Xem trước báo cáo và phụ lục' }).click();
      await page.getByText('TM. ỦY BAN NHÂN DÂN').waitFor();
      await page.locator('.nd30-preview').scrollIntoViewIfNeeded();
      await screenshot(page, 'bao-cao-xem-truoc-1366', { fullPage: false });
      await page.getByRole('button', { name: 'Gửi báo cáo tới Sở Nội vụ' }).click();
      await page.getByText('Đã gửi báo cáo tới Sở Nội vụ.').waitFor();
      await expect(page.getByTestId('submission').innerText()).resolves.toContain(`Phạm Minh Tuấn gửi tới ${DEPARTMENT}`);
      await screenshot(page, 'bao-cao-da-gui-1366', { fullPage: false });
    });
    await as('vhxh.cchc', PHONE, async (page) => {
      await page.goto(`/bao-cao/${encodeURIComponent(reportId)}`);
      await page.getByTestId('submission').waitFor();
      await screenshot(page, 'bao-cao-da-gui-360', { fullPage: false });
    });
    const [mail] = await smtp.waitForMessages(1, { filter: (m) => m.to.includes(DEPARTMENT), timeoutMs: 30_000 });
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual(['bao-cao-cchc-nam-2026.docx', 'phu-luc-bao-cao-cchc-nam-2026.xlsx']);
  });

  it('the board exports to Excel and prints without the menu; a task prints without it too', async () => {
    await as('vhxh.cchc', DESKTOP, async (page) => {
      await page.goto('/theo-doi');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Xuất Excel' }).click();
      expect((await download).suggestedFilename()).toMatch(/^theo-doi-ke-hoach-cchc-2026-\d{4}-\d{2}-\d{2}\.xlsx$/);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.topbar').isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: 'Xuất Excel' }).isVisible()).resolves.toBe(false);
      await screenshot(page, 'theo-doi-ban-in');
      await page.emulateMedia({ media: 'screen' });
      await page.locator('.board a').first().click();
      await page.getByRole('button', { name: 'In' }).waitFor();
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.topbar').isVisible()).resolves.toBe(false);
      await screenshot(page, 'nhiem-vu-ban-in');
    });
  });
});
