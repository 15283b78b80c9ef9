import { Browser, BrowserContext, Page } from 'playwright-core';
import { seedCityAccounts } from '@app/persistence';
import { startTestApp, TestApp } from '../../support/app';
import { assertVietnamese, buildWeb, DESKTOP, expectNoPageErrors, launchChromium, messages, newPage, PHONE, screenshot, type Viewport, menu } from '../../support/browser';

/**
 * One deployment, many communes, in the browser at 1366 px and on a 360 px phone: the SUPERADMIN creates a commune on
 * "Xã/phường"; its admin signs in naming it and adds a person on "Người dùng"; the names on every page are that
 * commune's; Sở Nội vụ's overview shows both communes and opens one's board read-only; a person of the new commune
 * opening a task of the other is told it does not exist.
 */
describe('web app: Xã/phường, Người dùng, Tổng hợp các xã', () => {
  let t: TestApp;
  let browser: Browser;
  const opened: BrowserContext[] = [];

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ worker: false });
    await t.ds.query(`UPDATE communes SET name = 'Xã An Lão' WHERE code = $1`, [t.commune]);
    await seedCityAccounts(t.ds, 'demo');
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of opened) await c.close();
    await browser?.close();
    await t?.stop();
  });

  const open = async (viewport: Viewport = DESKTOP): Promise<Page> => {
    const { context, page } = await newPage(browser, t.url, viewport);
    opened.push(context);
    return page;
  };
  const signIn = async (page: Page, username: string, password: string, commune?: string) => {
    await page.goto('/dang-nhap');
    if (commune) await page.getByLabel('Xã/phường').selectOption({ label: commune });
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  };
  const check = async (page: Page) => {
    assertVietnamese(await messages(page));
    expectNoPageErrors(page);
  };
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('the SUPERADMIN creates a commune with its first admin on Xã/phường', async () => {
    const page = await open();
    await signIn(page, 'superadmin', 'demo');
    await page.getByRole('heading', { level: 1, name: 'Xã/phường' }).waitFor();
    expect(await page.getByTestId('brand-title').innerText()).toBe('CCHC toàn hệ thống');
    // No commune's pages for him.
    expect(await menu(page).getByRole('link', { name: 'Hộp việc' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Thêm xã/phường' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm xã/phường' });
    await dialog.getByLabel('Tên xã/phường').fill('Xã Kiến Thụy');
    expect(await dialog.getByLabel('Mã', { exact: true }).inputValue()).toBe('kien-thuy');
    await dialog.getByLabel('Họ và tên').fill('Phạm Văn Quản');
    await dialog.getByLabel('Mật khẩu').fill('ngan');
    await dialog.getByRole('button', { name: 'Tạo xã/phường' }).click();
    await dialog.getByText('Mật khẩu cần ít nhất 8 ký tự.').waitFor();
    await dialog.getByLabel('Mật khẩu').fill('kienthuy-2026');
    await screenshot(page, 'xa-phuong-them-1366');
    await dialog.getByRole('button', { name: 'Tạo xã/phường' }).click();
    await page.getByText('Đã tạo Xã Kiến Thụy, quản trị: admin.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Xã Kiến Thụy' }).getByText('kien-thuy').waitFor();
    await check(page);
    await screenshot(page, 'xa-phuong-1366');
  });

  it('its admin signs in naming the commune, sees its own name, and adds a person on Người dùng', async () => {
    const page = await open();
    // The username is in both communes: without the commune, the login asks for it.
    await signIn(page, 'admin', 'kienthuy-2026');
    await page.getByText('Tên đăng nhập này có ở nhiều xã/phường: vui lòng chọn xã/phường của bạn.').waitFor();
    await screenshot(page, 'dang-nhap-chon-xa-1366');
    await signIn(page, 'admin', 'kienthuy-2026', 'Xã Kiến Thụy');
    await page.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
    expect(await page.getByTestId('brand-title').innerText()).toBe('CCHC xã Kiến Thụy');
    expect(await page.locator('.site-footer').innerText()).toContain('UBND xã Kiến Thụy');
    expect(await page.title()).toBe('Hộp việc — CCHC xã Kiến Thụy');
    expect(await page.locator('body').innerText()).not.toContain('An Lão');

    await menu(page).getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
    await dialog.getByLabel('Họ và tên').fill('Lê Thị Hoa');
    await dialog.getByLabel('Tên đăng nhập').fill('kt.chuyenvien');
    await dialog.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Phòng Kinh tế' });
    await dialog.getByLabel('Mật khẩu ban đầu').fill('hoa-2026-kt');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu Lê Thị Hoa.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Lê Thị Hoa' });
    expect(await row.innerText()).toMatch(/kt\.chuyenvien\s+Phòng Kinh tế\s+Chuyên viên\s+Đang dùng/);
    await check(page);
    await screenshot(page, 'nguoi-dung-1366');

    // The new person signs in and finds nothing of An Lão: its task address is "not found".
    const hoa = await open(PHONE);
    await signIn(hoa, 'kt.chuyenvien', 'hoa-2026-kt', 'Xã Kiến Thụy');
    await hoa.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
    const anLaoTask = (await t.ds.query(`SELECT id FROM plan_tasks WHERE commune = $1 LIMIT 1`, [t.commune]))[0].id;
    await hoa.goto(`/nhiem-vu/${anLaoTask}`);
    await hoa.getByText('Không tìm thấy', { exact: false }).first().waitFor();
    expect(await hoa.locator('body').innerText()).not.toContain('An Lão');
    await screenshot(hoa, 'nhiem-vu-xa-khac-360');

    const phone = await open(PHONE);
    await signIn(phone, 'admin', 'kienthuy-2026', 'Xã Kiến Thụy');
    await phone.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
    await phone.goto('/nguoi-dung');
    await phone.getByRole('row').filter({ hasText: 'Lê Thị Hoa' }).waitFor();
    expect(await noSidewaysScroll(phone)).toBe(true);
    await check(phone);
    await screenshot(phone, 'nguoi-dung-360');
  });

  it('Sở Nội vụ sees both communes in the overview and opens one’s board, read-only', async () => {
    for (const [viewport, name] of [
      [DESKTOP, '1366'],
      [PHONE, '360'],
    ] as const) {
      const page = await open(viewport);
      await signIn(page, 'sonoivu', 'demo');
      await page.getByRole('heading', { level: 1, name: /Tổng hợp thực hiện Kế hoạch CCHC năm/ }).waitFor();
      await page.goto('/tong-hop?nam=2026');
      const anLao = page.getByRole('row').filter({ hasText: 'Xã An Lão' });
      await anLao.waitFor();
      expect(await anLao.innerText()).toMatch(/Chưa kích hoạt\s+32\s+32/);
      expect(await page.getByRole('row').filter({ hasText: 'Xã Kiến Thụy' }).innerText()).toContain('Chưa có kế hoạch');
      expect(await noSidewaysScroll(page)).toBe(true);
      await check(page);
      await screenshot(page, `tong-hop-${name}`);

      await anLao.getByRole('link', { name: 'Xã An Lão' }).click();
      await page.getByRole('heading', { level: 1, name: 'Xã An Lão: Kế hoạch CCHC năm 2026' }).waitFor();
      expect(await page.getByRole('row').count()).toBe(33);
      expect(await page.getByRole('button', { name: /Duyệt|Giao|Kích hoạt/ }).count()).toBe(0);
      expect(await noSidewaysScroll(page)).toBe(true);
      await check(page);
      await screenshot(page, `tong-hop-an-lao-${name}`, { fullPage: false });
    }
  });
});
