import * as fs from 'fs';
import * as path from 'path';
import { Browser, Locator, Page } from 'playwright-core';
import { ROOT_DIR } from '@app/config';
import { startTestApp, TestApp } from '../../support/app';
import {
  ARTIFACTS,
  assertVietnamese,
  buildWeb,
  DESKTOP,
  expectNoPageErrors,
  launchChromium,
  messages,
  newPage,
  PHONE,
  screenshot,
  signIn,
} from '../../support/browser';
import { asWord, insertTaskAfter, seedText, setCell } from '../../support/plan-files';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DECISION = 'Quyết định số 45/QĐ-UBND ngày 10/11/2026 của Chủ tịch UBND xã';

/**
 * The board's import in Chromium: a Word plan is previewed (unknown unit names and an unknown deadline marked, each
 * row's warnings beside it), an unknown name is mapped to a unit once, and the import is confirmed; on a phone, a
 * plan numbered per group. Then, with the plan running, a revised file shows its difference and is applied under a
 * decision, and one task is edited from the board.
 */
describe('web app: importing and amending a plan on the board', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void>;
  let plan2027: Buffer;

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp();
    browser = await launchChromium();
    let text = seedText().replace(/năm 2026/g, 'năm 2027').replace(/\/2026/g, '/2027');
    text = setCell(text, 7, 2, 'Công chức Tư pháp - Hộ tịch');
    text = setCell(text, 25, 3, 'Hội Nông dân, Các phòng, ban, ngành');
    text = setCell(text, 26, 4, 'Sớm nhất có thể');
    plan2027 = Buffer.from(await asWord(text));
  });
  afterAll(async () => {
    await close?.();
    await browser?.close();
    await t?.stop();
  });
  afterEach(async () => {
    if (!page) return;
    assertVietnamese(await messages(page));
    expectNoPageErrors(page);
  });

  const open = async (viewport = DESKTOP) => {
    await close?.();
    const opened = await newPage(browser, t.url, viewport);
    page = opened.page;
    close = () => opened.context.close();
    await signIn(page, 'vhxh.cchc');
    await page.goto('/theo-doi');
    await page.getByRole('heading', { level: 1, name: 'Theo dõi kế hoạch' }).waitFor();
  };
  /** A dialog is drawn over the viewport: its own picture says more than the whole page. */
  const shot = (locator: Locator, name: string) => locator.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  const row = (n: string) => page.locator(`.import-preview tr[data-task-number="${n}"]`);
  const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('desktop: uploads a .docx and sees the table as read, with what needs a look marked', async () => {
    await open();
    await page.getByLabel('Chọn tệp kế hoạch').setInputFiles({ name: 'ke-hoach-cchc-2027.docx', mimeType: DOCX, buffer: plan2027 });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('heading', { name: 'Bảng nhiệm vụ đọc được: Kế hoạch Cải cách hành chính xã An Lão năm 2027' }).waitFor();
    await page.getByText(
      'Tệp Word (.docx) · năm 2027 · 7 nhóm · 32 nhiệm vụ · 2 tên đơn vị chưa có trong danh mục · 1 thời hạn chưa hiểu · 3 dòng cần xem lại',
    ).waitFor();
    await row('26').locator('mark.deadline-unknown', { hasText: 'Chưa hiểu — cần đặt lịch' }).waitFor();
    await row('26').getByText('Nhiệm vụ 26: chưa hiểu được thời hạn "Sớm nhất có thể", cần đặt lịch thực hiện thủ công.').waitFor();
    await row('7').locator('mark.unit-unknown', { hasText: 'Công chức Tư pháp - Hộ tịch' }).waitFor();
    expect(await row('25').locator('td[data-label="Phối hợp"]').innerText()).toMatch(/Tất cả đơn vị của xã[\s\S]*Hội Nông dân/);
    expect(await row('3').innerText()).toMatch(/Trước ngày mùng 10 của tháng cuối quý[\s\S]*Định kỳ: 10\/03\/2027; 10\/06\/2027; 10\/09\/2027; 10\/12\/2027/);
    expect(await row('3').locator('td[data-label="Vị trí"]').innerText()).toMatch(/^hàng \d+ của bảng \d+$/);
    await screenshot(page, 'nhap-ke-hoach-01-xem-truoc');

    await page.getByLabel('Chỉ hiện 3 dòng cần xem lại').check();
    expect(await page.locator('.import-preview tbody tr').count()).toBe(3);
    await screenshot(page, 'nhap-ke-hoach-02-dong-can-xem');
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM plans`))[0].n).toBe(1);
  });

  it('desktop: maps an unknown name to a unit once; the preview then reads it', async () => {
    const mapping = page.getByRole('region', { name: /Tên đơn vị chưa có trong danh mục/ });
    await mapping.getByText('— nhiệm vụ 7').waitFor();
    await screenshot(page, 'nhap-ke-hoach-03-anh-xa');
    const item = mapping.getByRole('listitem').filter({ hasText: 'Công chức Tư pháp - Hộ tịch' });
    await item.getByRole('button', { name: 'Ghi nhận' }).click();
    await item.getByText('Vui lòng chọn đơn vị.').waitFor();
    await item.getByLabel('Là đơn vị').selectOption({ label: 'Văn phòng HĐND và UBND xã' });
    await item.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText(/1 tên đơn vị chưa có trong danh mục · 1 thời hạn chưa hiểu · 2 dòng cần xem lại/).waitFor();
    await page.getByLabel('Chỉ hiện 2 dòng cần xem lại').uncheck();
    expect(await row('7').locator('td[data-label="Chủ trì"]').innerText()).toBe('Văn phòng HĐND và UBND xã');
    const units = await t.http().get('/api/units').set('Authorization', `Bearer ${await t.login('vhxh.cchc')}`);
    expect(units.body.find((u: { code: string }) => u.code === 'VP').aliases).toContain('Công chức Tư pháp - Hộ tịch');
  });

  it('desktop: confirms the import; the board shows the new plan by its numbers', async () => {
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập kế hoạch?' });
    await dialog.getByText('Còn 1 tên đơn vị chưa có trong danh mục; các nhiệm vụ đó được nhập kèm cảnh báo.').waitFor();
    await shot(dialog, 'nhap-ke-hoach-04-xac-nhan');
    await dialog.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await page.getByText('Đã nhập kế hoạch với 32 nhiệm vụ, 2 cảnh báo cần xem.').waitFor();
    await page.getByText('Năm 2027 · 32 nhiệm vụ').waitFor();
    await page.locator('table.board tr[data-task-number="26"]').getByText('Sớm nhất có thể').waitFor();
    await screenshot(page, 'nhap-ke-hoach-05-da-nhap');
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM plans`))[0].n).toBe(2);
  });

  it('phone (360 px): previews a plan numbered per group (UTF-16 text), with nothing scrolling sideways, and imports it', async () => {
    await open(PHONE);
    // The An Lão sample numbered per group, made the 2028 plan so that it is a plan of its own.
    const sample = fs.readFileSync(path.join(ROOT_DIR, 'data', 'samples', 'ke-hoach-an-lao-2026-so-theo-nhom.txt'));
    const text = new TextDecoder('utf-16le').decode(sample.subarray(2)).replace(/năm 2026/g, 'năm 2028').replace(/\/2026/g, '/2028');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await page.getByLabel('Chọn tệp kế hoạch').setInputFiles({ name: 'so-theo-nhom.txt', mimeType: 'text/plain', buffer: utf16 });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('heading', { name: /^Bảng nhiệm vụ đọc được/ }).waitFor();
    await row('III.2').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await row('III.2').scrollIntoViewIfNeeded();
    await screenshot(page, 'nhap-ke-hoach-06-dien-thoai-xem-truoc');
    await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await page.getByRole('dialog', { name: 'Nhập kế hoạch?' }).getByRole('button', { name: 'Nhập kế hoạch' }).click();
    await page.getByText(/^Đã nhập kế hoạch với 32 nhiệm vụ/).waitFor();
    await page.getByText('Năm 2028 · 32 nhiệm vụ').waitFor();
    await page.locator('table.board tr[data-task-number="III.2"]').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await screenshot(page, 'nhap-ke-hoach-07-dien-thoai-theo-doi');
  });

  it('phone (360 px): a revised file for the plan in progress shows its difference and asks for the decision', async () => {
    const coordinator = { Authorization: `Bearer ${await t.login('vhxh.cchc')}` };
    await t.http().post(`/api/plans/${t.planId}/activate`).set(coordinator).expect(200);
    let text = seedText();
    text = setCell(text, 4, 4, 'Trước 15/12/2026');
    text = insertTaskAfter(text, 32, ['33', 'Tổ chức đối thoại với doanh nghiệp về cải cách hành chính', 'Phòng Kinh tế', '', 'Trước 20/12/2026', 'Báo cáo']);
    await page.goto(`/theo-doi?ke-hoach=${t.planId}`);
    await page.getByText('Năm 2026 · 32 nhiệm vụ').waitFor();
    await screenshot(page, 'dieu-chinh-00-dien-thoai-truoc');
    await page.getByLabel('Chọn tệp kế hoạch').setInputFiles({ name: 'dieu-chinh.docx', mimeType: DOCX, buffer: Buffer.from(await asWord(text)) });
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('heading', { name: /^Văn bản điều chỉnh kế hoạch đang thực hiện/ }).waitFor();
    await page.getByText('Bổ sung 1 · Sửa đổi 1 · Rút khỏi kế hoạch 0 · Giữ nguyên 31 nhiệm vụ').waitFor();
    const changed = page.locator('.amend-item[data-task-number="4"]');
    expect(await changed.innerText()).toMatch(/Thời hạn[\s\S]*Quý I\/2026[\s\S]*Trước 15\/12\/2026[\s\S]*Hạn 15\/12\/2026/);
    expect(await noSidewaysScroll()).toBe(true);
    await screenshot(page, 'dieu-chinh-01-dien-thoai-khac-biet');

    await page.getByRole('button', { name: 'Áp dụng điều chỉnh' }).click();
    await page.getByText('Vui lòng ghi quyết định điều chỉnh (số, ngày ban hành).').waitFor();
    await page.getByLabel('Quyết định điều chỉnh kế hoạch').fill(DECISION);
    await page.getByRole('button', { name: 'Áp dụng điều chỉnh' }).click();
    const dialog = page.getByRole('dialog', { name: 'Áp dụng điều chỉnh kế hoạch?' });
    await dialog.getByText(/bổ sung 1, sửa đổi 1, rút 0 nhiệm vụ/).waitFor();
    await shot(dialog, 'dieu-chinh-02-dien-thoai-xac-nhan');
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByText(`Đã áp dụng ${DECISION}: bổ sung 1, sửa đổi 1, rút 0 nhiệm vụ.`).waitFor();
    await page.locator('table.board tr[data-task-number="33"]').waitFor();
    await page.locator('table.board tr[data-task-number="4"]').getByText('Trước 15/12/2026').waitFor();
  });

  it('desktop: edits one task from the board, and withdraws another, each under its decision', async () => {
    await open();
    const task5 = page.locator('table.board tr[data-task-number="5"]');
    await task5.getByRole('button', { name: 'Điều chỉnh nhiệm vụ 5' }).click();
    const dialog = page.getByRole('dialog', { name: 'Điều chỉnh nhiệm vụ 5' });
    await dialog.getByLabel('Thời hạn (ghi như trong kế hoạch)').fill('Trước 25/12/2026');
    await dialog.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await dialog.getByText('Vui lòng ghi quyết định điều chỉnh (số, ngày ban hành).').waitFor();
    await dialog.getByLabel('Quyết định điều chỉnh').fill('Quyết định số 52/QĐ-UBND ngày 20/11/2026');
    await shot(dialog, 'dieu-chinh-03-mot-nhiem-vu');
    await dialog.getByRole('button', { name: 'Lưu điều chỉnh' }).click();
    await page.getByText('Đã điều chỉnh nhiệm vụ 5 theo Quyết định số 52/QĐ-UBND ngày 20/11/2026.').waitFor();
    await task5.getByText('Trước 25/12/2026').waitFor();

    const task6 = page.locator('table.board tr[data-task-number="6"]');
    await task6.getByRole('button', { name: 'Điều chỉnh nhiệm vụ 6' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Điều chỉnh nhiệm vụ 6' });
    await withdraw.getByLabel('Rút nhiệm vụ này khỏi kế hoạch').check();
    await withdraw.getByLabel('Quyết định điều chỉnh').fill('Quyết định số 53/QĐ-UBND ngày 24/11/2026');
    await withdraw.getByRole('button', { name: 'Rút khỏi kế hoạch' }).click();
    await page.getByText('Đã điều chỉnh nhiệm vụ 6 theo Quyết định số 53/QĐ-UBND ngày 24/11/2026.').waitFor();
    await task6.getByText('Đã rút khỏi kế hoạch').waitFor();
    expect(await task6.getByRole('button', { name: /Điều chỉnh/ }).count()).toBe(0);
    await screenshot(page, 'dieu-chinh-04-theo-doi');

    await task6.getByRole('link').click();
    await page.getByText('Nhiệm vụ đã được rút khỏi kế hoạch theo Quyết định số 53/QĐ-UBND ngày 24/11/2026. Quá trình xử lý được giữ nguyên bên dưới.').waitFor();
    const record = page.getByRole('region', { name: 'Điều chỉnh theo quyết định' });
    await record.getByText('Rút khỏi kế hoạch — theo Quyết định số 53/QĐ-UBND ngày 24/11/2026').waitFor();
    await page.getByRole('region', { name: 'Quá trình xử lý' }).getByText('Rút khỏi kế hoạch', { exact: true }).waitFor();
    await screenshot(page, 'dieu-chinh-05-nhiem-vu-da-rut');
  });
});
