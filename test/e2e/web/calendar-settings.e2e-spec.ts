import * as path from 'path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/app';
import { ARTIFACTS, assertVietnamese, buildWeb, expectNoPageErrors, launchChromium, messages, newPage, PHONE, screenshot, signIn, type Viewport, menu } from '../../support/browser';

const DESKTOP_1366: Viewport = { width: 1366, height: 900 };

/**
 * "Lịch làm việc" (the admin edits the year's holidays and working Saturdays) and "Cài đặt thời hạn" (the
 * coordinator sets the SLA, the reminders and the ladder), at 1366 px and on a 360 px phone; who sees the menu entries.
 */
describe('web app: Lịch làm việc and Cài đặt thời hạn', () => {
  let t: TestApp;
  let browser: Browser;
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ worker: false });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of opened) await c.close();
    await browser?.close();
    await t?.stop();
  });

  const open = async (user: string, viewport = DESKTOP_1366): Promise<Page> => {
    const { context, page } = await newPage(browser, t.url, viewport);
    opened.push(context);
    await signIn(page, user);
    return page;
  };
  const check = async (page: Page) => {
    assertVietnamese(await messages(page));
    expectNoPageErrors(page);
  };
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const api = async (user: string, path: string) => (await t.http().get(`/api${path}`).set({ Authorization: `Bearer ${await t.login(user)}` }).expect(200)).body;

  it('the administrator edits the 2026 calendar: applies 24/11, adds a working Saturday, is told a Sunday is no working day, saves', async () => {
    const page = await open('admin');
    await menu(page).getByRole('link', { name: 'Lịch làm việc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lịch làm việc' }).waitFor();
    await page.getByRole('button', { name: /Năm/ }).first().waitFor();
    await page.goto('/lich-lam-viec?nam=2026');
    const summary = page.getByTestId('calendar-summary');
    await summary.getByText('13 ngày nghỉ trong tuần, 2 thứ Bảy làm bù').waitFor();
    const tetRow = page.getByRole('row').filter({ hasText: '17/02/2026' });
    expect(await tetRow.innerText()).toMatch(/Thứ Ba\s+Ngày nghỉ/);
    expect(await tetRow.getByRole('textbox').inputValue()).toBe('Tết Nguyên đán Bính Ngọ');
    expect(await page.getByRole('row').filter({ hasText: '10/01/2026' }).innerText()).toMatch(/Thứ Bảy\s+Làm bù/);
    await page.getByRole('heading', { name: 'Gợi ý chưa áp dụng' }).waitFor();
    // Nothing to save until something changes.
    expect(await page.getByRole('region', { name: 'Thay đổi chưa lưu' }).count()).toBe(0);
    await screenshot(page, 'lich-lam-viec-1366');

    // 24/11 switched on.
    await page.getByRole('button', { name: 'Áp dụng ngày 24/11/2026' }).click();
    await summary.getByText('14 ngày nghỉ trong tuần, 2 thứ Bảy làm bù').waitFor();
    await summary.getByText('Chưa lưu').waitFor();

    // A Sunday cannot be a working Saturday: the same rule as the API, at once.
    await page.getByLabel('Ngày', { exact: true }).fill('29/11/2026');
    await page.getByLabel('Tên', { exact: true }).fill('Làm bù thử');
    await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    await page.getByText('Ngày 29/11/2026 là Chủ nhật, vốn là ngày nghỉ hằng tuần.', { exact: false }).waitFor();
    await page.getByLabel('Ngày', { exact: true }).fill('28/11/2026');
    await page.getByTestId('add-kind').getByText('Thứ Bảy → thứ Bảy làm bù').waitFor();
    await page.getByRole('button', { name: 'Thêm vào danh sách' }).click();
    await page.getByTestId('day-added').getByText('Đã thêm ngày 28/11/2026 (thứ Bảy làm bù) vào danh sách.', { exact: false }).waitFor();
    await summary.getByText('14 ngày nghỉ trong tuần, 3 thứ Bảy làm bù').waitFor();
    await screenshot(page, 'lich-lam-viec-1366-dang-sua');

    await page.getByRole('button', { name: 'Lưu lịch năm 2026' }).click();
    await page.getByRole('status').getByText('Đã lưu lịch năm 2026: 14 ngày nghỉ trong tuần, 3 thứ Bảy làm bù.').waitFor();
    await page.getByText(/Cập nhật lần cuối .* bởi Quản trị hệ thống\./).waitFor();
    const saved = await api('admin', '/calendar/2026');
    expect(saved.days.find((d: any) => d.date === '2026-11-24')).toEqual({ date: '2026-11-24', kind: 'HOLIDAY', name: 'Ngày Văn hóa Việt Nam' });
    expect(saved.days.find((d: any) => d.date === '2026-11-28')).toEqual({ date: '2026-11-28', kind: 'WORKING_SATURDAY', name: 'Làm bù thử' });
    expect(saved.suggestions).toEqual([]);

    // The saved calendar counts: Friday 27/11 + 1 working day is the working Saturday.
    await page.getByLabel('Từ ngày').fill('27/11/2026');
    await page.getByLabel('Cộng thêm (ngày làm việc)').fill('1');
    await page.getByRole('button', { name: 'Tính', exact: true }).click();
    await page.getByTestId('working-days-result').getByText('Thứ Bảy, 28/11/2026').waitFor();

    // Removed again and saved: back to the announced list with 24/11 applied.
    await page.getByRole('button', { name: 'Xóa ngày 28/11/2026' }).click();
    await page.getByRole('button', { name: 'Lưu lịch năm 2026' }).click();
    await page.getByRole('status').getByText('Đã lưu lịch năm 2026: 14 ngày nghỉ trong tuần, 2 thứ Bảy làm bù.').waitFor();
    await check(page);
  });

  it('a year with no list says that only weekends are off', async () => {
    const page = await open('admin');
    await page.goto('/lich-lam-viec?nam=2026');
    await page.getByRole('button', { name: 'Năm 2027', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Năm 2027', exact: true }).waitFor();
    await page.getByText('Chưa có lịch nghỉ năm 2027: đang chỉ tính thứ Bảy và Chủ nhật là ngày nghỉ.', { exact: false }).waitFor();
    await page.getByTestId('calendar-summary').getByText('0 ngày nghỉ trong tuần, 0 thứ Bảy làm bù').waitFor();
    expect(new URL(page.url()).search).toBe('?nam=2027');
    await screenshot(page, 'lich-lam-viec-1366-nam-2027');
    await check(page);
  });

  it('the coordinator sets the deadlines: the ladder reads as sentences, an unordered rung is refused, a sound one saved', async () => {
    const page = await open('vhxh.cchc');
    await menu(page).getByRole('link', { name: 'Cài đặt thời hạn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cài đặt thời hạn' }).waitFor();
    expect(await page.getByLabel('Mỗi bước duyệt được xử lý trong').inputValue()).toBe('2');
    const rows = page.getByTestId('ladder-row');
    await rows.first().waitFor();
    expect(await rows.locator('legend').allInnerTexts()).toEqual([
      'Bậc 1: Ngay ngày đến hạn → báo Người đang giữ việc, Trưởng đơn vị',
      'Bậc 2: Sau 2 ngày làm việc → báo Cán bộ đầu mối CCHC',
      'Bậc 3: Sau 5 ngày làm việc → báo Chủ tịch UBND xã',
    ]);
    await page.getByTestId('sla-example').getByText(/Ví dụ: bước duyệt nhận hôm nay .* đến hạn/).waitFor();
    await page.getByText('Từ lần nhắc sớm nhất (trước 3 ngày làm việc)', { exact: false }).waitFor();
    await screenshot(page, 'cai-dat-thoi-han-1366');

    // Rung 3 after rung 2's day: refused by the API, the message at the rung.
    await page.locator('#rung-2-after').fill('1');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    const message = 'Các bậc phải tăng dần: bậc 3 (sau 1 ngày) phải muộn hơn bậc 2 (sau 2 ngày).';
    await page.getByRole('alert').filter({ hasText: message }).first().waitFor();
    expect(await page.locator('#rung-2-after').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'cai-dat-thoi-han-1366-loi');

    await page.locator('#rung-2-after').fill('7');
    await rows.nth(2).getByLabel('Trưởng đơn vị').check();
    await page.getByRole('button', { name: '+ Thêm lần nhắc' }).click();
    await page.locator('#reminder-2').fill('5');
    await page.getByText('Từ lần nhắc sớm nhất (trước 5 ngày làm việc)', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByRole('status').getByText('Đã lưu cài đặt thời hạn.', { exact: false }).waitFor();
    expect(await rows.nth(2).locator('legend').innerText()).toBe('Bậc 3: Sau 7 ngày làm việc → báo Trưởng đơn vị, Chủ tịch UBND xã');
    // Stored first reminder first.
    expect(await page.locator('#reminder-0').inputValue()).toBe('5');
    expect(await api('kt.chuyenvien', '/settings/deadlines')).toMatchObject({
      remindBeforeWorkingDays: [5, 3, 1],
      escalation: [expect.anything(), expect.anything(), { afterWorkingDays: 7, to: ['UNIT_HEAD', 'CHAIRMAN'] }],
    });
    await check(page);
  });

  it('on a 360 px phone both pages fit the screen', async () => {
    const page = await open('admin', PHONE);
    await page.goto('/lich-lam-viec?nam=2026');
    await page.getByTestId('calendar-summary').getByText('14 ngày nghỉ trong tuần, 2 thứ Bảy làm bù').waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, 'lich-lam-viec-360');
    // A change brings the save bar into reach at the bottom of the screen; "Hủy thay đổi" puts the list back.
    await page.getByRole('button', { name: 'Xóa ngày 01/05/2026' }).click();
    const bar = page.getByRole('region', { name: 'Thay đổi chưa lưu' });
    await bar.getByText('13 ngày nghỉ trong tuần, 2 thứ Bảy làm bù', { exact: false }).waitFor();
    const box = await bar.boundingBox();
    expect(box && box.y + box.height <= PHONE.height + 1).toBe(true);
    expect(await noSidewaysScroll(page)).toBe(true);
    // What the phone shows (not the full page): the bar at the bottom of the screen.
    await page.screenshot({ path: path.join(ARTIFACTS, 'lich-lam-viec-360-chua-luu.png') });
    await bar.getByRole('button', { name: 'Hủy thay đổi' }).click();
    await page.getByTestId('calendar-summary').getByText('14 ngày nghỉ trong tuần, 2 thứ Bảy làm bù').waitFor();
    expect(await bar.count()).toBe(0);
    await page.goto('/cai-dat-thoi-han');
    await page.getByTestId('ladder-row').first().waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    await screenshot(page, 'cai-dat-thoi-han-360');
    await check(page);
  });

  it('the menu shows the pages to the administrator and the coordinator only; the calendar is read-only for the coordinator', async () => {
    const staff = await open('kt.chuyenvien');
    expect(await menu(staff).getByRole('link', { name: 'Lịch làm việc' }).count()).toBe(0);
    expect(await menu(staff).getByRole('link', { name: 'Cài đặt thời hạn' }).count()).toBe(0);

    const coordinator = await open('vhxh.cchc');
    await menu(coordinator).getByRole('link', { name: 'Lịch làm việc' }).click();
    await coordinator.getByText('Chỉ Quản trị hệ thống được sửa lịch làm việc.').waitFor();
    expect(await coordinator.getByRole('button', { name: /Lưu lịch/ }).count()).toBe(0);
    expect(await coordinator.getByRole('textbox', { name: /Tên ngày/ }).count()).toBe(0);

    const head = await open('kt.truongphong');
    await head.goto('/cai-dat-thoi-han');
    await head.getByRole('heading', { name: 'Cài đặt hiện tại' }).waitFor();
    await head.getByText('Chỉ Quản trị hệ thống hoặc cán bộ đầu mối CCHC được sửa cài đặt thời hạn.').waitFor();
    expect(await head.getByRole('button', { name: 'Lưu cài đặt' }).count()).toBe(0);
    for (const p of [staff, coordinator, head]) await check(p);
  });
});
