import { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/app';
import { assertVietnamese, buildWeb, expectNoPageErrors, launchChromium, messages, newPage, PHONE, screenshot, signIn, menu } from '../../support/browser';

/**
 * The inbox approve flow on a 360 px wide phone: the menu collapses behind a button that shows the count, nothing
 * scrolls sideways, and kt.truongphong approves task 26 (drafted and submitted over HTTP beforehand); later the
 * Vice Chairman approves it for the Chairman by delegation.
 */
describe('web app on a phone (360 px): inbox approve flow', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void>;
  let taskId: string;
  let task25: string;

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ activate: true });
    const head = { Authorization: `Bearer ${await t.login('kt.truongphong')}` };
    const staff = { Authorization: `Bearer ${await t.login('kt.chuyenvien')}` };
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(head);
    taskId = tasks.body.find((x: { number: number }) => x.number === 26).id;
    task25 = tasks.body.find((x: { number: number }) => x.number === 25).id;
    for (let i = 0; i < 120; i++) {
      const inbox = await t.http().get('/api/inbox').set(head);
      const assign = (id: string) => inbox.body.some((x: { taskId: string; kind: string }) => x.taskId === id && x.kind === 'ASSIGN');
      if (assign(taskId) && assign(task25)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const users = await t.http().get('/api/users?unit=KT&role=STAFF').set(head);
    await t.http().post(`/api/tasks/${taskId}/assign`).set(head).send({ assigneeId: users.body[0].id }).expect(200);
    // Task 25 waits for kt.chuyenvien's draft (the last test writes it on the phone).
    await t.http().post(`/api/tasks/${task25}/assign`).set(head).send({ assigneeId: users.body[0].id }).expect(200);
    await t.http().put(`/api/tasks/${taskId}/draft`).set(staff).send({ content: 'Dự thảo quyết định giao quyền tự chủ' }).expect(200);
    await t.http().post(`/api/tasks/${taskId}/submit`).set(staff).send({}).expect(200);

    browser = await launchChromium();
    const opened = await newPage(browser, t.url, PHONE);
    page = opened.page;
    close = () => opened.context.close();
  });

  afterAll(async () => {
    await close?.();
    await browser?.close();
    await t?.stop();
  });

  afterEach(async () => {
    assertVietnamese(await messages(page));
    expectNoPageErrors(page);
  });

  const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('signs in on a phone; the menu is collapsed behind a button with the inbox count', async () => {
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await screenshot(page, 'dien-thoai-01-dang-nhap');
    await signIn(page, 'kt.truongphong');
    await page.getByRole('list', { name: 'Danh sách việc' }).waitFor();
    expect(await noSidewaysScroll()).toBe(true);

    const toggle = page.getByRole('button', { name: /Menu/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation', { name: 'Menu chính' }).isVisible()).toBe(false);
    await screenshot(page, 'dien-thoai-02-hop-viec');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const count = page.getByTestId('inbox-count');
    await count.waitFor();
    expect(Number((await count.innerText()).replace(/\D/g, ''))).toBeGreaterThan(0);
    await screenshot(page, 'dien-thoai-03-menu');
    await menu(page).getByRole('link', { name: /Hộp việc/ }).click();
    expect(await page.getByRole('navigation', { name: 'Menu chính' }).isVisible()).toBe(false);
  });

  it('opens task 26 from the inbox and approves it', async () => {
    const item = page.getByRole('listitem').filter({ hasText: 'Nhiệm vụ 26:' });
    await item.getByText('Trưởng phòng duyệt', { exact: true }).waitFor();
    await item.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 26/ }).waitFor();
    await page.getByText('Dự thảo quyết định giao quyền tự chủ').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await screenshot(page, 'dien-thoai-04-nhiem-vu');

    const before = Number((await page.getByTestId('inbox-count').innerText()).replace(/\D/g, ''));
    // A long task page: a link near the top jumps to the decision.
    await page.getByRole('link', { name: 'Đến phần xử lý ↓' }).click();
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
    await page.getByText('Đã duyệt nhiệm vụ 26.').waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'Nhiệm vụ 26:' }).count()).toBe(0);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=inbox-count]')?.textContent?.replace(/\D/g, '')) === n,
      before - 1,
    );
    await screenshot(page, 'dien-thoai-05-da-duyet');
  });

  it('with the Chairman’s delegation, phochutich sees for whom he acts, and approves', async () => {
    const vhxh = { Authorization: `Bearer ${await t.login('vhxh.truongphong')}` };
    const chairman = { Authorization: `Bearer ${await t.login('chutich')}` };
    await t.http().post(`/api/tasks/${taskId}/decision`).set(vhxh).send({ decision: 'approve' }).expect(200);
    const deputy = (await t.http().get('/api/users?role=VICE_CHAIRMAN').set(chairman)).body[0];
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    await t.http().post('/api/delegations').set(chairman).send({ toUserId: deputy.id, from: today, until: today }).expect(201);

    const other = await newPage(browser, t.url, PHONE);
    try {
      const p = other.page;
      await signIn(p, 'phochutich');
      const item = p.getByRole('listitem').filter({ hasText: 'Nhiệm vụ 26:' });
      await item.getByText('Xử lý thay: Đinh Thành Đồng (ủy quyền)').waitFor();
      await screenshot(p, 'dien-thoai-06-hop-viec-uy-quyen');
      await item.getByRole('link').click();
      await p.getByText('Bạn xử lý thay Đinh Thành Đồng theo ủy quyền.').waitFor();
      await p.getByRole('button', { name: 'Duyệt', exact: true }).click();
      await p.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
      await p.getByText('Đã duyệt nhiệm vụ 26.').waitFor();
      await p.goto(`/nhiem-vu/${taskId}?tu=theo-doi`);
      await p.locator('ol.timeline').getByText('— thay mặt Đinh Thành Đồng').waitFor();
      // A Vice Chairman reads the task, not its workflow: no workflow id, no Temporal UI link.
      expect(await p.getByRole('link', { name: /Temporal UI/ }).count()).toBe(0);
      expect(await p.getByText(/Mã quy trình/).count()).toBe(0);
      assertVietnamese(await messages(p));
      expectNoPageErrors(p);
    } finally {
      await other.context.close();
    }
  });

  it('the board reads as one card per task on a phone', async () => {
    await page.getByRole('button', { name: /Menu/ }).click();
    await menu(page).getByRole('link', { name: 'Theo dõi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Theo dõi kế hoạch' }).waitFor();
    // Task 26 is continuous ("Thường xuyên"): once approved, its next quarterly cycle may already be open.
    await page.locator('tr[data-task-number="26"]').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await screenshot(page, 'dien-thoai-07-theo-doi');

    // Typed without accents on a phone keyboard: "tu chu" finds "tự chủ".
    await page.getByLabel('Tìm kiếm').fill('tu chu');
    await page.getByText('Đang hiển thị 2/32 nhiệm vụ.').waitFor();
    await page.locator('tr[data-task-number="25"]').waitFor();
    await page.locator('tr[data-task-number="26"]').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await screenshot(page, 'dien-thoai-08-theo-doi-tim-kiem', { fullPage: false });
  });

  it('kt.chuyenvien on a phone: a file chosen but not uploaded goes up with the submission', async () => {
    const other = await newPage(browser, t.url, PHONE);
    try {
      const p = other.page;
      await signIn(p, 'kt.chuyenvien');
      await p.getByRole('button', { name: /Menu/ }).click();
      await p.getByRole('link', { name: /Việc của tôi/ }).click();
      await p.getByRole('link', { name: /Nhiệm vụ 25:/ }).click();
      await p.getByLabel('Nội dung dự thảo').fill('Báo cáo tình hình thực hiện cơ chế tự chủ quý IV');
      await p.getByLabel(/Chọn tệp/).setInputFiles({ name: 'anh-bien-ban.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(5 * 1024, 9) });
      await p.getByText('anh-bien-ban.jpg — 5 KB').waitFor();
      await p.getByRole('button', { name: 'Trình duyệt' }).click();
      const dialog = p.getByRole('dialog');
      await dialog.getByText('Tệp anh-bien-ban.jpg (5 KB) bạn đã chọn chưa được tải lên: tệp sẽ được tải lên cùng dự thảo.').waitFor();
      await screenshot(p, 'dien-thoai-09-trinh-kem-tep', { fullPage: false });
      await dialog.getByRole('button', { name: 'Trình duyệt' }).click();
      await p.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
      await p.getByText('Đã trình dự thảo nhiệm vụ 25 để duyệt, kèm tệp “anh-bien-ban.jpg” (5 KB).').waitFor();
      const head = { Authorization: `Bearer ${await t.login('kt.truongphong')}` };
      const task = await t.http().get(`/api/tasks/${task25}`).set(head);
      expect(task.body.attachments.map((a: { name: string; size: number }) => [a.name, a.size])).toEqual([['anh-bien-ban.jpg', 5 * 1024]]);
      expect(task.body.status).toBe('UNIT_REVIEW');
      assertVietnamese(await messages(p));
      expectNoPageErrors(p);
    } finally {
      await other.context.close();
    }
  });
});
