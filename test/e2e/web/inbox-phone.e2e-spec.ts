import { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/app';
import { assertVietnamese, buildWeb, expectNoPageErrors, launchChromium, messages, newPage, PHONE, screenshot, signIn } from '../../support/browser';

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

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ activate: true });
    const head = { Authorization: `Bearer ${await t.login('kt.truongphong')}` };
    const staff = { Authorization: `Bearer ${await t.login('kt.chuyenvien')}` };
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(head);
    taskId = tasks.body.find((x: { number: number }) => x.number === 26).id;
    for (let i = 0; i < 120; i++) {
      const inbox = await t.http().get('/api/inbox').set(head);
      if (inbox.body.some((x: { taskId: string; kind: string }) => x.taskId === taskId && x.kind === 'ASSIGN')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const users = await t.http().get('/api/users?unit=KT&role=STAFF').set(head);
    await t.http().post(`/api/tasks/${taskId}/assign`).set(head).send({ assigneeId: users.body[0].id }).expect(200);
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
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: /Hộp việc/ }).click();
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
      assertVietnamese(await messages(p));
      expectNoPageErrors(p);
    } finally {
      await other.context.close();
    }
  });

  it('the board reads as one card per task on a phone', async () => {
    await page.getByRole('button', { name: /Menu/ }).click();
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Theo dõi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Theo dõi kế hoạch' }).waitFor();
    // Task 26 is continuous ("Thường xuyên"): once approved, its next quarterly cycle may already be open.
    await page.locator('tr[data-task-number="26"]').waitFor();
    expect(await noSidewaysScroll()).toBe(true);
    await screenshot(page, 'dien-thoai-07-theo-doi');
  });
});
