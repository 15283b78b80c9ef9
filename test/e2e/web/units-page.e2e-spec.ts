import * as path from 'path';
import { Browser, Locator, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/app';
import {
  ARTIFACTS,
  assertVietnamese,
  buildWeb,
  expectNoPageErrors,
  launchChromium,
  messages,
  newPage,
  PHONE,
  screenshot,
  signIn,
  menu,
} from '../../support/browser';

/**
 * Đơn vị in Chromium: the administrator edits a unit's name variants and adds an outside body, the server's refusals
 * are shown in Vietnamese, the coordinator only reads the list, and on a 360 px phone nothing scrolls sideways.
 */
describe('web app: the Đơn vị page', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ worker: false });
    browser = await launchChromium();
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

  const open = async (username: string, viewport?: typeof PHONE) => {
    await close?.();
    const opened = await newPage(browser, t.url, viewport);
    page = opened.page;
    close = () => opened.context.close();
    await signIn(page, username);
  };
  const shot = (locator: Locator, name: string) => locator.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  const card = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('the administrator finds Đơn vị in the menu: the commune’s units, then the outside bodies, with their variants', async () => {
    await open('admin');
    await menu(page).getByRole('link', { name: 'Đơn vị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đơn vị' }).waitFor();
    await page.getByRole('heading', { name: 'Đơn vị thuộc UBND xã (5)' }).waitFor();
    await page.getByRole('heading', { name: /^Cơ quan ngoài xã \(\d+\)$/ }).waitFor();
    await card('Phòng Văn hóa - Xã hội').getByText('Đơn vị thẩm định', { exact: true }).waitFor();
    await card('Phòng Văn hóa - Xã hội').getByText('Phòng VH-XH', { exact: true }).waitFor();
    await screenshot(page, 'don-vi-01-danh-muc');
  });

  it('edits a unit’s variants; a spelling of another unit is refused with the server’s words', async () => {
    await card('Phòng Kinh tế').getByRole('button', { name: 'Sửa Phòng Kinh tế' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa Phòng Kinh tế' });
    const aliases = dialog.getByLabel('Các cách gọi khác (mỗi dòng một cách)');
    await aliases.fill('Phòng KT\nPhòng Kinh tế - Hạ tầng\nVH-XH');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('"VH-XH" đã là cách gọi của Phòng Văn hóa - Xã hội ("VH-XH"); mỗi cách gọi chỉ thuộc một đơn vị.').waitFor();
    await shot(dialog, 'don-vi-02-trung-cach-goi');
    await aliases.fill('Phòng KT\nPhòng Kinh tế - Hạ tầng');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu Phòng Kinh tế.').waitFor();
    await card('Phòng Kinh tế').getByText('Phòng Kinh tế - Hạ tầng', { exact: true }).waitFor();
  });

  it('adds an outside body; the form says what is wrong before sending', async () => {
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await dialog.getByLabel('Mã đơn vị').fill('hội');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Mã gồm chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ HND).').waitFor();
    await dialog.getByText('Vui lòng nhập tên đơn vị.').waitFor();
    await dialog.getByLabel('Mã đơn vị').fill('HND');
    await dialog.getByLabel('Tên đơn vị').fill('Hội Nông dân xã');
    await dialog.getByLabel('Các cách gọi khác (mỗi dòng một cách)').fill('Hội ND');
    await dialog.getByLabel('Cơ quan ngoài xã').check();
    expect(await dialog.getByLabel('Đơn vị thẩm định (cấp Phòng Văn hóa - Xã hội)').count()).toBe(0);
    await shot(dialog, 'don-vi-03-them-don-vi');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu Hội Nông dân xã.').waitFor();
    const outside = page.getByRole('region', { name: /^Cơ quan ngoài xã/ });
    await outside.getByRole('heading', { name: 'Hội Nông dân xã' }).waitFor();
    await screenshot(page, 'don-vi-04-da-them');
  });

  it('the coordinator reads the list but cannot edit it, and has no menu item for it', async () => {
    await open('vhxh.cchc');
    expect(await menu(page).getByRole('link', { name: 'Đơn vị' }).count()).toBe(0);
    await page.goto('/don-vi');
    await page.getByRole('heading', { name: 'Hội Nông dân xã' }).waitFor();
    expect(await page.getByRole('button', { name: /^Sửa|Thêm đơn vị/ }).count()).toBe(0);
  });

  it('phone (360 px): the list and the edit dialog fit the screen', async () => {
    await open('admin', PHONE);
    await page.goto('/don-vi');
    await page.getByRole('heading', { name: 'Đơn vị thuộc UBND xã (5)' }).waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await screenshot(page, 'don-vi-05-dien-thoai');
    await card('Văn phòng HĐND và UBND xã').getByRole('button', { name: /^Sửa/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa Văn phòng HĐND và UBND xã' });
    await dialog.getByLabel('Các cách gọi khác (mỗi dòng một cách)').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await shot(dialog, 'don-vi-06-dien-thoai-sua');
    // The reviewing unit is changed by choosing another one; unchecking the only one is refused.
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await card('Phòng Văn hóa - Xã hội').getByRole('button', { name: /^Sửa/ }).click();
    const vhxh = page.getByRole('dialog', { name: 'Sửa Phòng Văn hóa - Xã hội' });
    await vhxh.getByLabel('Đơn vị thẩm định (cấp Phòng Văn hóa - Xã hội)').uncheck();
    await vhxh.getByRole('button', { name: 'Lưu' }).click();
    await vhxh.getByText('Xã cần có một đơn vị thẩm định; hãy chọn đơn vị khác làm đơn vị thẩm định thay vì bỏ chọn đơn vị này.').waitFor();
    await shot(vhxh, 'don-vi-07-dien-thoai-don-vi-tham-dinh');
  });
});
