import { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/app';
import { buildWeb, DESKTOP, launchChromium, PHONE, screenshot, Viewport, visitAs } from '../../support/browser';

/**
 * Deciding from the inbox item itself: a review item opens in place with who submitted, the draft's first lines and
 * the attachments, and "Duyệt" / "Trả lại" within the first screen of a 360 px phone; after the confirmation the item
 * leaves the list with a message. Tasks 25, 26 (Phòng Kinh tế) and 13 (Trung tâm Phục vụ HCC) are drafted and
 * submitted over HTTP beforehand. Also: the titles of unit heads (Trưởng phòng, Giám đốc), who returned a draft,
 * and the workflow link hidden from a unit head.
 */
describe('web app: approve or return from the inbox item (phone and desktop)', () => {
  let t: TestApp;
  let browser: Browser;
  const ids: Record<number, string> = {};
  const DRAFT_25 = [
    'Báo cáo kết quả thực hiện cơ chế tự chủ năm 2026',
    'I. Tình hình chung: 12 đơn vị sự nghiệp công lập trên địa bàn xã.',
    'II. Kết quả: 8 đơn vị tự bảo đảm một phần chi thường xuyên.',
    'III. Tồn tại, hạn chế: nguồn thu sự nghiệp còn thấp.',
    'IV. Kiến nghị: giao thêm quyền tự chủ về nhân sự.',
    'V. Phụ lục số liệu kèm theo.',
  ].join('\n');

  const auth = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });

  /** Waits for the task's first step (ASSIGN) to reach the head, assigns the unit's staff, drafts and submits. */
  async function prepare(number: number, head: string, staff: string, content: string, file?: { name: string; bytes: number }) {
    const h = await auth(head);
    const s = await auth(staff);
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks`).set(h);
    const id = tasks.body.find((x: { number: number }) => x.number === number).id as string;
    ids[number] = id;
    for (let i = 0; i < 120; i++) {
      const inbox = await t.http().get('/api/inbox').set(h);
      if (inbox.body.some((x: { taskId: string; kind: string }) => x.taskId === id && x.kind === 'ASSIGN')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const me = await t.http().get('/api/me').set(s);
    await t.http().post(`/api/tasks/${id}/assign`).set(h).send({ assigneeId: me.body.id }).expect(200);
    await t.http().put(`/api/tasks/${id}/draft`).set(s).send({ content }).expect(200);
    if (file) await t.http().post(`/api/tasks/${id}/attachments`).set(s).attach('file', Buffer.alloc(file.bytes, 7), file.name).expect(201);
    await t.http().post(`/api/tasks/${id}/submit`).set(s).send({ note: 'Kính trình' }).expect(200);
  }

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ activate: true });
    browser = await launchChromium();
    await prepare(25, 'kt.truongphong', 'kt.chuyenvien', DRAFT_25, { name: 'so-lieu-tu-chu.xlsx', bytes: 2048 });
    await prepare(26, 'kt.truongphong', 'kt.chuyenvien', 'Dự thảo quyết định giao quyền tự chủ cho các đơn vị');
    await prepare(13, 'ttpvhcc.giamdoc', 'ttpvhcc.chuyenvien', 'Báo cáo tiếp nhận hồ sơ thủ tục hành chính quý IV');
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function as(username: string, viewport: Viewport, steps: (page: Page) => Promise<void>): Promise<void> {
    return visitAs(browser, t.url, { username, viewport, failShot: `that-bai-xem-nhanh-${username}-${viewport.width}` }, steps);
  }

  const itemOf = (page: Page, number: number) => page.locator('li.inbox-item').filter({ hasText: `Nhiệm vụ ${number}:` });
  const countOf = async (page: Page) => Number((await page.getByTestId('inbox-count').innerText()).replace(/\D/g, ''));

  /** The box's top and bottom are on the first screen (the viewport as it is now). */
  async function onFirstScreen(page: Page, name: string, item: ReturnType<typeof itemOf>) {
    const box = await item.getByRole('button', { name, exact: true }).boundingBox();
    expect(box).not.toBeNull();
    const height = page.viewportSize()!.height;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
  }

  it('phone: the Trưởng phòng opens task 25 in place, reads it, and approves it in one tap and a confirmation', async () => {
    await as('kt.truongphong', PHONE, async (page) => {
      const item = itemOf(page, 25);
      await item.getByText('Trưởng phòng duyệt', { exact: true }).waitFor();
      const before = await countOf(page);
      await item.getByRole('button', { name: /Xem nhanh và duyệt/ }).click();
      expect(await item.getByRole('button', { name: /Thu gọn/ }).getAttribute('aria-expanded')).toBe('true');

      await item.getByText(/^Trình bởi Đỗ Thị Hương \(Chuyên viên\) lúc \d\d\/\d\d\/\d{4} \d\d:\d\d · phiên bản 1$/).waitFor();
      await item.getByText('Ghi chú khi trình: “Kính trình”').waitFor();
      const excerpt = await item.locator('.qr-excerpt').innerText();
      expect(excerpt).toContain('Báo cáo kết quả thực hiện cơ chế tự chủ năm 2026');
      expect(excerpt).toContain('III. Tồn tại, hạn chế');
      expect(excerpt).not.toContain('V. Phụ lục'); // only the first lines
      await item.getByText('so-lieu-tu-chu.xlsx').waitFor();
      await item.getByText('(2 KB)').waitFor();

      // One look: the buttons are on the first screen right after expanding, without scrolling by hand.
      await onFirstScreen(page, 'Duyệt', item);
      await onFirstScreen(page, 'Trả lại', item);
      await screenshot(page, 'dien-thoai-xem-nhanh-01-mo-ra');
      await screenshot(page, 'dien-thoai-xem-nhanh-01b-man-hinh-dau', { fullPage: false });

      const inbox = (await t.http().get('/api/inbox').set(await auth('kt.truongphong'))).body as { taskId: string; kind: string; stepId: string }[];
      const stepId = inbox.find((x) => x.taskId === ids[25] && x.kind === 'UNIT_REVIEW')!.stepId;
      await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Duyệt nhiệm vụ 25?' }).waitFor();
      await screenshot(page, 'dien-thoai-xem-nhanh-02-xac-nhan');
      const sent = page.waitForRequest((r) => r.url().endsWith(`/api/tasks/${ids[25]}/decision`));
      await dialog.getByRole('button', { name: 'Duyệt', exact: true }).click();
      expect((await sent).postDataJSON()).toMatchObject({ stepId, decision: 'approve' });

      await page.getByText('Đã duyệt nhiệm vụ 25.').waitFor();
      expect(await itemOf(page, 25).count()).toBe(0);
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid=inbox-count]')?.textContent?.replace(/\D/g, '')) === n, before - 1);
      await screenshot(page, 'dien-thoai-xem-nhanh-03-da-duyet');
    });
  });

  it('phone: returning needs a reason; the item leaves with a message, and the drafter sees who returned it', async () => {
    await as('kt.truongphong', PHONE, async (page) => {
      const item = itemOf(page, 26);
      await item.getByRole('button', { name: /Xem nhanh và duyệt/ }).click();
      await item.getByText('Dự thảo quyết định giao quyền tự chủ cho các đơn vị').waitFor();
      await item.getByText('Tệp đính kèm: không có').waitFor();
      await onFirstScreen(page, 'Trả lại', item);
      await item.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await item.getByText('Vui lòng nhập lý do trả lại.').waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await item.getByLabel(/Ý kiến \/ lý do/).fill('Bổ sung danh sách đơn vị được giao tự chủ');
      await item.getByRole('button', { name: 'Trả lại', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Bổ sung danh sách đơn vị được giao tự chủ').waitFor();
      await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await page.getByText('Đã trả lại nhiệm vụ 26 cho người soạn.').waitFor();
      expect(await itemOf(page, 26).count()).toBe(0);
      await screenshot(page, 'dien-thoai-xem-nhanh-04-da-tra-lai');
    });

    await as('kt.chuyenvien', PHONE, async (page) => {
      await page.getByRole('button', { name: /Menu/ }).click();
      await page.getByRole('link', { name: /Việc của tôi/ }).click();
      await page.getByRole('heading', { name: 'Bị trả lại (1)' }).waitFor();
      const reason = page.locator('.return-reason');
      await reason.getByText(/^Trả lại bởi Vũ Đức Thắng \(Trưởng phòng Kinh tế\) lúc \d\d\/\d\d\/\d{4} \d\d:\d\d:$/).waitFor();
      expect(await reason.innerText()).toMatch(
        /^Trả lại bởi Vũ Đức Thắng \(Trưởng phòng Kinh tế\) lúc \d\d\/\d\d\/\d{4} \d\d:\d\d: Bổ sung danh sách đơn vị được giao tự chủ$/,
      );
      await screenshot(page, 'dien-thoai-xem-nhanh-05-viec-cua-toi-tra-lai');
      await page.getByRole('link', { name: /Nhiệm vụ 26:/ }).click();
      await page.locator('.return-banner').getByText(/Trả lại bởi Vũ Đức Thắng \(Trưởng phòng Kinh tế\) lúc/).waitFor();
      await screenshot(page, 'dien-thoai-xem-nhanh-06-soan-lai');
    });
  });

  it('phone: the head of a Trung tâm is “Giám đốc”; a unit head sees no workflow id nor Temporal link', async () => {
    await as('ttpvhcc.giamdoc', PHONE, async (page) => {
      const item = itemOf(page, 13);
      await item.getByText('Giám đốc duyệt', { exact: true }).waitFor();
      await page.getByRole('button', { name: /Menu/ }).click();
      await page.locator('.user-role').getByText('Giám đốc · Trung tâm Phục vụ hành chính công').waitFor();
      await screenshot(page, 'dien-thoai-xem-nhanh-07-giam-doc');
      await page.getByRole('button', { name: /Menu/ }).click();
      await item.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 13/ }).waitFor();
      await page.getByRole('heading', { name: 'Giám đốc duyệt' }).waitFor();
      await page.locator('ol.timeline').getByText('(Giám đốc Trung tâm Phục vụ hành chính công)').first().waitFor();
      expect(await page.getByRole('link', { name: /Temporal UI/ }).count()).toBe(0);
      expect(await page.getByText(/Mã quy trình/).count()).toBe(0);
    });
  });

  it('desktop: the Giám đốc approves task 13 from the list; a step already handled elsewhere is explained in place', async () => {
    await as('ttpvhcc.giamdoc', DESKTOP, async (page) => {
      const item = itemOf(page, 13);
      await item.getByRole('button', { name: /Xem nhanh và duyệt/ }).click();
      await item.getByText(/^Trình bởi Ngô Thị Thu \(Chuyên viên\) lúc/).waitFor();
      await item.getByText('Báo cáo tiếp nhận hồ sơ thủ tục hành chính quý IV').waitFor();
      await onFirstScreen(page, 'Duyệt', item);
      await screenshot(page, 'xem-nhanh-01-mo-ra');
      await item.getByLabel(/Ý kiến \/ lý do/).fill('Đồng ý');
      await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page.getByRole('dialog').getByText('Ý kiến: Đồng ý').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page.getByText('Đã duyệt nhiệm vụ 13.').waitFor();
      expect(await itemOf(page, 13).count()).toBe(0);
      await screenshot(page, 'xem-nhanh-02-da-duyet');
    });

    await as('vhxh.truongphong', DESKTOP, async (page) => {
      const item = itemOf(page, 25);
      await item.getByText('Phòng VH-XH thẩm định', { exact: true }).waitFor();
      await item.getByRole('button', { name: /Xem nhanh và duyệt/ }).click();
      await item.getByText(/^Đã duyệt: Vũ Đức Thắng \(Trưởng phòng Kinh tế\) lúc/).waitFor();
      // Meanwhile the same step is approved in another tab.
      await t.http().post(`/api/tasks/${ids[25]}/decision`).set(await auth('vhxh.truongphong')).send({ decision: 'approve' }).expect(200);
      await item.getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page.getByText(/^Nhiệm vụ 25: Bước này đã được xử lý/).waitFor();
      expect(await itemOf(page, 25).count()).toBe(0);
      await screenshot(page, 'xem-nhanh-03-buoc-da-xu-ly');
    });
  });
});
