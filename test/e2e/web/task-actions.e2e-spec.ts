import { addDays, communeDate, isWorkingDay } from '@app/domain';
import { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/app';
import { buildWeb, DESKTOP, launchChromium, PHONE, screenshot, Viewport, menu, visitAs } from '../../support/browser';
import { waitFor } from '../../support/notifications';

/**
 * What a person may do on a task, as the server lists it (`allowedActions`), and the deadline pages, in Chromium on
 * the real stack. Each test brings its own task to the state it needs over HTTP, so they run in any order:
 * - task 25 (Phòng Kinh tế): buttons follow allowedActions (no Duyệt for the drafter; gone after the approval);
 * - task 26 (Phòng Kinh tế): the Trưởng phòng gives the draft to another staff member ("Giao lại");
 * - task 13 (Trung tâm Phục vụ HCC): the staff member submits, then finds it under "Đã trình / Đã xử lý";
 * - task 7 (Văn phòng, "Cả năm 2026"): "Xin gia hạn", the Chairman's decision, "Hạn gốc · Hạn đã gia hạn";
 * - task 2 (Phòng VH-XH, on request): a date four working days behind, then "Quá hạn";
 * - task 15 (Văn phòng, with Trung tâm Phục vụ HCC named to help): contributions only from the named co-unit;
 * - the board: searching without diacritics ("tu chu" finds "tự chủ"), at both widths.
 */
describe('web app: actions the server lists, reassigning, what I handled, extensions and Quá hạn', () => {
  let t: TestApp;
  let browser: Browser;
  const ids: Record<number, string> = {};
  const tokens: Record<string, string> = {};
  const USERS = [
    'kt.truongphong',
    'kt.chuyenvien',
    'kt.chuyenvien2',
    'ttpvhcc.giamdoc',
    'ttpvhcc.chuyenvien',
    'vp.chanhvanphong',
    'vp.chuyenvien',
    'vhxh.truongphong',
    'vhxh.cchc',
    'chutich',
    'ttdvsnc.chuyenvien',
  ];
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });

  beforeAll(async () => {
    buildWeb();
    // Some forty sign-ins from this one address within minutes: the login limits are tested elsewhere (row 9).
    t = await startTestApp({ activate: true, env: { LOGIN_THROTTLE_PER_ADDRESS: '1000', LOGIN_THROTTLE_PER_USERNAME: '1000' } });
    // A second staff member of Phòng Kinh tế (the demo has one), to hand a draft to.
    await t.ds.query(
      `INSERT INTO users (commune, username, full_name, email, unit_code, roles, password_hash)
       SELECT commune, 'kt.chuyenvien2', 'Lý Văn Toàn', 'kt.chuyenvien2@' || commune || '.local', unit_code, roles, password_hash
       FROM users WHERE username = 'kt.chuyenvien'`,
    );
    for (const u of USERS) tokens[u] = await t.login(u);
    const tasks = (await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'))).body as { id: string; number: number }[];
    for (const x of tasks) ids[x.number] = x.id;
    await waitFor('every task to open its first steps', async () => {
      const rows = await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE snapshot IS NOT NULL`);
      return rows[0].n === tasks.length;
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function asUser(username: string, viewport: Viewport, steps: (page: Page) => Promise<void>): Promise<void> {
    return visitAs(browser, t.url, { username, viewport, failShot: `that-bai-hanh-dong-${username}-${viewport.width}` }, steps);
  }

  const userId = async (username: string) => (await t.http().get('/api/me').set(as(username))).body.id as string;
  async function assign(n: number, head: string, staff: string) {
    await t.http().post(`/api/tasks/${ids[n]}/assign`).set(as(head)).send({ assigneeId: await userId(staff) }).expect(200);
  }
  async function draftAndSubmit(n: number, staff: string, content: string) {
    await t.http().put(`/api/tasks/${ids[n]}/draft`).set(as(staff)).send({ content }).expect(200);
    await t.http().post(`/api/tasks/${ids[n]}/submit`).set(as(staff)).send({ note: 'Kính trình' }).expect(200);
  }
  const allowed = async (n: number, username: string) =>
    (await t.http().get(`/api/tasks/${ids[n]}`).set(as(username)).expect(200)).body.allowedActions as string[];
  const openTask = async (page: Page, n: number, from = '') => {
    await page.goto(`/nhiem-vu/${ids[n]}${from}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`Nhiệm vụ ${n}\\b`) }).waitFor();
    await page.locator('ol.timeline, .empty').first().waitFor();
  };
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  /** The button is on the page exactly when the server lists the action. */
  async function followsAllowed(page: Page, actions: string[], name: string, action: string) {
    expect({ name, shown: await button(page, name).count() }).toEqual({ name, shown: actions.includes(action) ? 1 : 0 });
  }

  it('buttons follow allowedActions: the drafter sees no Duyệt; the Trưởng phòng does, and after his approval it is gone', async () => {
    await assign(25, 'kt.truongphong', 'kt.chuyenvien');
    await draftAndSubmit(25, 'kt.chuyenvien', 'Báo cáo tự chủ tài chính quý IV');

    const staffActions = await allowed(25, 'kt.chuyenvien');
    expect(staffActions).not.toContain('approve');
    expect(staffActions).not.toContain('return');
    for (const viewport of [DESKTOP, PHONE]) {
      await asUser('kt.chuyenvien', viewport, async (page) => {
        await openTask(page, 25);
        await page.getByText('Báo cáo tự chủ tài chính quý IV').first().waitFor();
        await followsAllowed(page, staffActions, 'Duyệt', 'approve');
        await followsAllowed(page, staffActions, 'Trả lại', 'return');
        expect(await page.getByRole('heading', { name: 'Phân công thực hiện' }).count()).toBe(0);
        expect(await page.getByRole('heading', { name: 'Giao lại', exact: true }).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Mở trình soạn thảo' }).count()).toBe(0);
        // Nor in his inbox: the draft under review is not his to decide.
        await page.goto('/hop-viec');
        await page.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
        await page.locator('ul.inbox, .empty').first().waitFor();
        expect(await page.locator('li.inbox-item').filter({ hasText: 'Nhiệm vụ 25:' }).count()).toBe(0);
        await openTask(page, 25);
        await screenshot(page, `${viewport === PHONE ? 'dien-thoai-' : ''}hanh-dong-01-chuyen-vien-khong-co-duyet`);
      });
    }

    const headActions = await allowed(25, 'kt.truongphong');
    expect(headActions).toEqual(expect.arrayContaining(['approve', 'return']));
    await asUser('kt.truongphong', PHONE, async (page) => {
      await openTask(page, 25);
      await followsAllowed(page, headActions, 'Duyệt', 'approve');
      await followsAllowed(page, headActions, 'Trả lại', 'return');
      await followsAllowed(page, headActions, 'Xin gia hạn', 'requestExtension');
      await screenshot(page, 'dien-thoai-hanh-dong-02-truong-phong-duyet');
      await page.getByRole('link', { name: 'Đến phần xử lý ↓' }).click();
      await button(page, 'Duyệt').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page.getByText('Đã duyệt nhiệm vụ 25.').waitFor();

      await openTask(page, 25);
      await page.getByText('Chờ Phòng VH-XH thẩm định').first().waitFor();
      const after = await allowed(25, 'kt.truongphong');
      expect(after).not.toContain('approve');
      await followsAllowed(page, after, 'Duyệt', 'approve');
      await followsAllowed(page, after, 'Trả lại', 'return');
      await screenshot(page, 'dien-thoai-hanh-dong-03-sau-khi-duyet');
    });
  });

  it('the Trưởng phòng sees “Giao lại” while a part is being drafted, and hands it to another staff member after a confirmation', async () => {
    await assign(26, 'kt.truongphong', 'kt.chuyenvien');
    await t.http().put(`/api/tasks/${ids[26]}/draft`).set(as('kt.chuyenvien')).send({ content: 'Dự thảo quyết định giao quyền tự chủ' }).expect(200);
    expect(await allowed(26, 'kt.truongphong')).toContain('reassign');
    expect(await allowed(26, 'kt.chuyenvien')).not.toContain('reassign');

    await asUser('kt.chuyenvien', PHONE, async (page) => {
      await openTask(page, 26);
      expect(await page.getByRole('heading', { name: 'Giao lại', exact: true }).count()).toBe(0);
      await page.getByRole('link', { name: 'Mở trình soạn thảo' }).waitFor();
    });

    await asUser('kt.truongphong', PHONE, async (page) => {
      await openTask(page, 26);
      await page.getByRole('link', { name: 'Đến phần xử lý ↓' }).click();
      const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Giao lại', exact: true }) });
      await panel.getByText('đang soạn: Đỗ Thị Hương').waitFor();
      await panel.getByRole('button', { name: 'Giao lại cho chuyên viên khác' }).click();
      await panel.getByLabel('Giao cho').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'dien-thoai-hanh-dong-04-giao-lai', { fullPage: false });
    });

    await asUser('kt.truongphong', DESKTOP, async (page) => {
      await openTask(page, 26);
      const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Giao lại', exact: true }) });
      await panel.getByText('đang soạn: Đỗ Thị Hương').waitFor();
      await panel.getByRole('button', { name: 'Giao lại cho chuyên viên khác' }).click();
      // The one who has it now is not offered.
      const options = await panel.getByLabel('Giao cho').locator('option').allInnerTexts();
      expect(options).toEqual(['— Chọn chuyên viên —', 'Lý Văn Toàn (kt.chuyenvien2)']);
      await panel.getByRole('button', { name: 'Giao lại', exact: true }).click();
      await panel.getByText('Vui lòng chọn chuyên viên nhận việc.').waitFor();
      await panel.getByLabel('Giao cho').selectOption({ label: 'Lý Văn Toàn (kt.chuyenvien2)' });
      await panel.getByLabel('Ghi chú (không bắt buộc)').fill('Đồng chí Hương đi học, đồng chí Toàn tiếp tục');
      await panel.getByRole('button', { name: 'Giao lại', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Giao lại nhiệm vụ 26?' }).waitFor();
      await dialog.getByText('Đỗ Thị Hương sẽ không sửa được dự thảo nữa.', { exact: false }).waitFor();
      await screenshot(page, 'hanh-dong-04-giao-lai-xac-nhan', { fullPage: false });
      await dialog.getByRole('button', { name: 'Giao lại', exact: true }).click();
      await page.getByText('Đã giao lại nhiệm vụ 26 từ Đỗ Thị Hương cho Lý Văn Toàn.').waitFor();
      const timeline = page.locator('ol.timeline');
      await timeline.getByText('Giao lại từ Đỗ Thị Hương cho Lý Văn Toàn').waitFor();
      await timeline.getByText('Đồng chí Hương đi học, đồng chí Toàn tiếp tục').waitFor();
      await page.locator('section').filter({ has: page.getByRole('heading', { name: 'Giao lại', exact: true }) }).getByText('đang soạn: Lý Văn Toàn').waitFor();
      await screenshot(page, 'hanh-dong-05-da-giao-lai');
    });

    const trail = (await t.http().get(`/api/tasks/${ids[26]}/history`).set(as('kt.truongphong'))).body as { type: string; data?: any }[];
    expect(trail.find((e) => e.type === 'REASSIGNED')?.data).toMatchObject({ from: { fullName: 'Đỗ Thị Hương' }, to: { fullName: 'Lý Văn Toàn' } });

    // The one who had it reads only; the new one writes on the version left, and is told by the bell.
    await asUser('kt.chuyenvien', DESKTOP, async (page) => {
      await page.goto(`/viec-cua-toi/${ids[26]}`);
      await page.getByText('Nhiệm vụ này hiện không ở bước soạn thảo của bạn; bạn chỉ có thể xem.', { exact: false }).waitFor();
      expect(await button(page, 'Lưu bản nháp').count()).toBe(0);
      expect(await button(page, 'Trình duyệt').count()).toBe(0);
    });
    await asUser('kt.chuyenvien2', PHONE, async (page) => {
      const bell = page.getByTestId('notification-bell');
      await page.getByTestId('notification-count').waitFor();
      expect(await bell.getAttribute('aria-label')).toMatch(/^Thông báo: \d+ chưa đọc$/);
      await page.getByRole('button', { name: /Menu/ }).click();
      await page.getByRole('link', { name: /Việc của tôi/ }).click();
      await page.getByRole('link', { name: /Nhiệm vụ 26:/ }).click();
      expect(await page.getByLabel('Nội dung dự thảo').inputValue()).toBe('Dự thảo quyết định giao quyền tự chủ');
      await button(page, 'Lưu bản nháp').waitFor();
      await button(page, 'Trình duyệt').waitFor();
      await screenshot(page, 'dien-thoai-hanh-dong-06-nguoi-nhan-giao-lai');
    });
  });

  it('“Đã trình / Đã xử lý”: after submitting, the staff member finds the task and where it is now; so does the Giám đốc after approving', async () => {
    await assign(13, 'ttpvhcc.giamdoc', 'ttpvhcc.chuyenvien');

    await asUser('ttpvhcc.chuyenvien', PHONE, async (page) => {
      await page.goto(`/viec-cua-toi/${ids[13]}`);
      await page.getByLabel('Nội dung dự thảo').fill('Báo cáo tiếp nhận hồ sơ thủ tục hành chính quý IV');
      await button(page, 'Trình duyệt').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Trình duyệt', exact: true }).click();
      await page.getByText('Đã trình dự thảo nhiệm vụ 13 để duyệt.').waitFor();
      await page.getByRole('link', { name: 'Việc đã trình / đã xử lý →' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đã trình / Đã xử lý' }).waitFor();
      const card = page.locator('li.card').filter({ hasText: 'Nhiệm vụ 13:' });
      await card.getByText('Đã trình', { exact: true }).waitFor();
      await card.getByText('Chờ Giám đốc duyệt').waitFor();
      await card.getByText('Giám đốc Trung tâm Phục vụ hành chính công').waitFor();
      await card.getByText(/đang chờ (từ hôm nay|\d+ ngày làm việc)/).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'dien-thoai-hanh-dong-07-da-trinh');
    });

    await t.http().post(`/api/tasks/${ids[13]}/decision`).set(as('ttpvhcc.giamdoc')).send({ decision: 'approve', comment: 'Đồng ý' }).expect(200);

    await asUser('ttpvhcc.giamdoc', DESKTOP, async (page) => {
      await menu(page).getByRole('link', { name: 'Đã xử lý', exact: true }).click();
      const card = page.locator('li.card').filter({ hasText: 'Nhiệm vụ 13:' });
      await card.getByText('Đã duyệt', { exact: true }).waitFor();
      await card.getByText('“Đồng ý”').waitFor();
      await card.getByText('Chờ Phòng VH-XH thẩm định').waitFor();
      await card.getByText('Trưởng phòng Văn hóa - Xã hội').waitFor();
      await screenshot(page, 'hanh-dong-08-da-xu-ly-giam-doc');
      await card.getByRole('link', { name: /Nhiệm vụ 13:/ }).click();
      await page.getByRole('link', { name: '← Đã trình / Đã xử lý' }).waitFor();
    });
    await asUser('ttpvhcc.chuyenvien', DESKTOP, async (page) => {
      await page.goto('/da-xu-ly');
      await page.locator('li.card').filter({ hasText: 'Nhiệm vụ 13:' }).getByText('Chờ Phòng VH-XH thẩm định').waitFor();
    });
  });

  it('an extension: the drafter asks with a date and a reason; the Chairman sees it in his inbox, compares the dates and agrees', async () => {
    await assign(7, 'vp.chanhvanphong', 'vp.chuyenvien');
    const before = (await t.http().get(`/api/tasks/${ids[7]}`).set(as('vp.chuyenvien'))).body;
    expect(before.allowedActions).toContain('requestExtension');
    expect(before.cycleDueAt).toBe('2026-12-31');

    await asUser('vp.chuyenvien', DESKTOP, async (page) => {
      await openTask(page, 7);
      const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Gia hạn', exact: true }) });
      await panel.getByText('Hạn của nhiệm vụ: 31/12/2026').waitFor();
      await panel.getByRole('button', { name: 'Xin gia hạn' }).click();
      await panel.getByRole('button', { name: 'Gửi đề nghị gia hạn' }).click();
      await panel.getByText('Vui lòng nhập ngày xin gia hạn đến.').waitFor();
      await panel.getByText('Vui lòng nêu lý do xin gia hạn.').waitFor();
      await panel.getByLabel('Xin gia hạn đến ngày').fill('15/01/2027');
      await panel.getByLabel('Lý do xin gia hạn').fill('Chờ Sở Tư pháp có ý kiến về dự thảo quy chế');
      await panel.getByRole('button', { name: 'Gửi đề nghị gia hạn' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Hạn hiện tại 31/12/2026, xin gia hạn đến 15/01/2027.').waitFor();
      await dialog.getByText('Đề nghị sẽ được chuyển tới Chủ tịch UBND xã xem xét.', { exact: false }).waitFor();
      await screenshot(page, 'hanh-dong-09-xin-gia-han');
      await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
      await page.getByText('Đã gửi đề nghị gia hạn đến 15/01/2027.', { exact: false }).waitFor();
      // One request at a time: no second "Xin gia hạn"; the request is on the page.
      expect(await page.getByRole('heading', { name: 'Gia hạn', exact: true }).count()).toBe(0);
      const requests = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Đề nghị gia hạn', exact: true }) });
      await requests.getByText('Đang chờ quyết định').waitFor();
      await page.locator('ol.timeline').getByText('Hạn hiện tại 31/12/2026 → xin đến 15/01/2027').waitFor();
      await screenshot(page, 'hanh-dong-10-da-xin-gia-han');
    });

    expect(await allowed(7, 'vp.chanhvanphong')).not.toContain('decideExtension');
    await asUser('chutich', PHONE, async (page) => {
      await page.getByTestId('notification-count').waitFor();
      const item = page.locator('li.inbox-item').filter({ hasText: 'Nhiệm vụ 7:' });
      await item.getByText('Xét đề nghị gia hạn', { exact: true }).waitFor();
      await screenshot(page, 'dien-thoai-hanh-dong-11-hop-viec-gia-han', { fullPage: false });
      await item.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 7\b/ }).waitFor();
      const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Xét đề nghị gia hạn', exact: true }) });
      const fact = (label: string) => panel.locator('div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
      expect(await fact('Hạn gốc').innerText()).toBe('31/12/2026');
      expect(await fact('Hạn hiện tại').innerText()).toBe('31/12/2026');
      expect(await fact('Xin gia hạn đến').innerText()).toBe('15/01/2027');
      expect(await fact('Người đề nghị').innerText()).toBe('Hoàng Thị Mai');
      await panel.getByText('Chờ Sở Tư pháp có ý kiến về dự thảo quy chế').waitFor();
      await page.getByRole('link', { name: 'Đến phần xử lý ↓' }).click();
      await screenshot(page, 'dien-thoai-hanh-dong-12-xet-gia-han', { fullPage: false });
      await panel.getByLabel('Ý kiến (không bắt buộc)').fill('Đồng ý, hoàn thành trước 15/01/2027');
      await panel.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Thời hạn mới sẽ là 15/01/2027', { exact: false }).waitFor();
      await dialog.getByRole('button', { name: 'Đồng ý', exact: true }).click();
      await page.getByText('Đã đồng ý gia hạn nhiệm vụ 7 đến 15/01/2027.').waitFor();
      await page.getByText('Hạn gốc 31/12/2026 · Hạn đã gia hạn 15/01/2027').waitFor();
      expect(await page.getByRole('heading', { name: 'Xét đề nghị gia hạn', exact: true }).count()).toBe(0);
      await page.locator('ol.timeline').getByText('Hạn mới 15/01/2027 (hạn gốc 31/12/2026)').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'dien-thoai-hanh-dong-13-da-gia-han');
    });

    await asUser('vp.chuyenvien', PHONE, async (page) => {
      await openTask(page, 7);
      await page.getByText('Hạn gốc 31/12/2026 · Hạn đã gia hạn 15/01/2027').waitFor();
      await page.locator('section').filter({ has: page.getByRole('heading', { name: 'Đề nghị gia hạn', exact: true }) }).getByText('Đã đồng ý').waitFor();
      await screenshot(page, 'dien-thoai-hanh-dong-14-chuyen-vien-thay-gia-han');
    });
  });

  it('Quá hạn: a date four working days behind; the coordinator sees the count per unit, the working days late and who was told', async () => {
    await assign(2, 'vhxh.truongphong', 'vhxh.cchc');
    let due = communeDate(Date.now());
    for (let n = 0; n < 4; ) {
      due = addDays(due, -1);
      if (isWorkingDay(due, { holidays: [], workingSaturdays: [] })) n++;
    }
    const set = await t.http().put(`/api/tasks/${ids[2]}/schedule`).set(as('vhxh.cchc')).send({ dueDates: [due] });
    expect(set.status).toBe(200);
    const history = async () => (await t.http().get(`/api/tasks/${ids[2]}/history`).set(as('vhxh.cchc'))).body as { type: string }[];
    await waitFor('the overdue alert in the trail', async () => (await history()).some((e) => e.type === 'ESCALATED' || e.type === 'OVERDUE'), 60_000);
    const report = (await t.http().get('/api/overdue').set(as('vhxh.cchc'))).body;
    const item = report.items.find((i: { taskId: string }) => i.taskId === ids[2]);
    expect(item).toMatchObject({ kind: 'DRAFT', unit: 'VHXH' });

    await asUser('vhxh.cchc', DESKTOP, async (page) => {
      await menu(page).getByRole('link', { name: 'Quá hạn', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Việc quá hạn' }).waitFor();
      const counts = page.getByRole('navigation', { name: 'Số việc quá hạn theo đơn vị' });
      const unitLink = counts.getByRole('link', { name: /^Phòng Văn hóa - Xã hội \d+$/ });
      await unitLink.waitFor();
      const card = page.locator('li.overdue-item').filter({ hasText: 'Nhiệm vụ 2:' });
      await card.getByText(`Quá hạn ${item.workingDaysLate} ngày làm việc`).waitFor();
      await card.getByText(`hạn ${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}`, { exact: false }).waitFor();
      await card.getByText('Đã báo đầu mối CCHC').waitFor();
      await card.getByText('Phạm Minh Tuấn').waitFor();
      await screenshot(page, 'hanh-dong-15-qua-han');

      await unitLink.click();
      await page.waitForURL(/\/qua-han\?don-vi=VHXH$/);
      expect(await unitLink.getAttribute('aria-current')).toBe('page');
      const shown = await page.locator('li.overdue-item').allInnerTexts();
      expect(shown.length).toBeGreaterThan(0);
      for (const text of shown) expect(text).toContain('Phòng Văn hóa - Xã hội');
      await card.getByRole('link', { name: /Nhiệm vụ 2:/ }).click();
      await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 2\b/ }).waitFor();
      await page.getByRole('link', { name: '← Quá hạn' }).waitFor();
      await page.getByText('Đang thực hiện quá hạn').first().waitFor();
      await page.locator('ol.timeline').getByText('Đã báo: cán bộ đầu mối CCHC', { exact: false }).waitFor();
      await screenshot(page, 'hanh-dong-16-nhiem-vu-qua-han');

      // The board: the status word, and how long the step has been with its holder.
      await page.goto('/theo-doi');
      const row = page.locator('tr[data-task-number="2"]');
      await row.getByText('Đang thực hiện quá hạn').waitFor();
      await row.getByText(/^đang chờ (từ hôm nay|\d+ ngày làm việc)$/).waitFor();
      await row.getByText('Đã báo đầu mối CCHC').waitFor();
      await page.locator('#b-time').selectOption({ label: 'Đang thực hiện quá hạn' });
      await page.locator('tr[data-task-number="2"]').waitFor();
      await screenshot(page, 'hanh-dong-17-theo-doi-qua-han');
    });

    await asUser('chutich', PHONE, async (page) => {
      await page.getByRole('button', { name: /Menu/ }).click();
      await menu(page).getByRole('link', { name: 'Quá hạn', exact: true }).click();
      await page.locator('li.overdue-item').filter({ hasText: 'Nhiệm vụ 2:' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'dien-thoai-hanh-dong-18-qua-han');
    });
    // Not for a staff member: no menu entry, and the page says why.
    await asUser('kt.chuyenvien', DESKTOP, async (page) => {
      expect(await menu(page).getByRole('link', { name: 'Quá hạn', exact: true }).count()).toBe(0);
      await page.goto('/qua-han');
      await page.getByRole('alert').getByText(/Chỉ cán bộ đầu mối CCHC/).waitFor();
    });
  });

  it('a contribution: the drafter asks only the named co-unit; its staff member answers from the phone; another unit is not offered it', async () => {
    // Task 15: Văn phòng leads, Trung tâm Phục vụ hành chính công is the one unit named to help.
    const detail = (await t.http().get(`/api/tasks/${ids[15]}`).set(as('vp.chanhvanphong')).expect(200)).body;
    expect(detail.coUnits.map((u: { code: string }) => u.code)).toEqual(['TTPVHCC']);
    await assign(15, 'vp.chanhvanphong', 'vp.chuyenvien');
    const centre = 'Trung tâm Phục vụ hành chính công';
    const due = addDays(communeDate(Date.now()), 10);
    const dueText = `${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}`;

    await asUser('vp.chuyenvien', DESKTOP, async (page) => {
      await page.goto(`/viec-cua-toi/${ids[15]}`);
      const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Đề nghị đơn vị phối hợp', exact: true }) });
      await panel.waitFor();
      // Only the co-unit the plan names is offered.
      expect(await panel.getByRole('checkbox').count()).toBe(1);
      await panel.getByRole('checkbox', { name: centre }).check();
      await panel.getByLabel(`Hạn gửi ý kiến — ${centre}`).fill(dueText);
      await screenshot(page, 'hanh-dong-19-de-nghi-phoi-hop');
      await panel.getByRole('button', { name: 'Gửi đề nghị phối hợp' }).click();
      await page.getByText(`Đã gửi đề nghị phối hợp tới ${centre}.`).waitFor();
      const list = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Ý kiến đơn vị phối hợp', exact: true }) });
      await list.getByText(centre).waitFor();
      await list.getByText('Chưa gửi ý kiến.').waitFor();
    });

    // A unit the plan does not name: no panel, and the server refuses.
    expect(await allowed(15, 'ttdvsnc.chuyenvien')).not.toContain('contribute');
    await asUser('ttdvsnc.chuyenvien', PHONE, async (page) => {
      await openTask(page, 15);
      expect(await page.getByRole('heading', { name: 'Gửi ý kiến phối hợp', exact: true }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Đến phần xử lý ↓' }).count()).toBe(0);
    });
    const refused = await t.http().post(`/api/tasks/${ids[15]}/contributions`).set(as('ttdvsnc.chuyenvien')).send({ unit: 'TTDVSNC', content: 'Ý kiến' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);

    expect(await allowed(15, 'ttpvhcc.chuyenvien')).toContain('contribute');
    const contributor = (await t.http().get('/api/me').set(as('ttpvhcc.chuyenvien'))).body.fullName as string;
    await asUser('ttpvhcc.chuyenvien', PHONE, async (page) => {
      const item = page.locator('li.inbox-item').filter({ hasText: 'Nhiệm vụ 15:' });
      await item.getByText('Góp ý phối hợp').first().waitFor();
      await item.getByRole('link', { name: /Nhiệm vụ 15:/ }).click();
      await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 15\b/ }).waitFor();
      await page.getByRole('link', { name: 'Đến phần xử lý ↓' }).click();
      const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Gửi ý kiến phối hợp', exact: true }) });
      await panel.getByText(`hạn ${dueText}`, { exact: false }).waitFor();
      await panel.getByRole('button', { name: 'Gửi ý kiến' }).click();
      await panel.getByText('Vui lòng nhập nội dung ý kiến.').waitFor();
      await panel.getByLabel('Nội dung ý kiến của đơn vị').fill('Trung tâm thống nhất nội dung; đề nghị bổ sung số liệu hồ sơ trực tuyến quý IV.');
      expect(await panel.getByText('Vui lòng nhập nội dung ý kiến.').count()).toBe(0);
      await screenshot(page, 'dien-thoai-hanh-dong-20-gui-y-kien', { fullPage: false });
      await panel.getByRole('button', { name: 'Gửi ý kiến' }).click();
      await page.getByText('Đã gửi ý kiến phối hợp.').waitFor();
      expect(await page.getByRole('heading', { name: 'Gửi ý kiến phối hợp', exact: true }).count()).toBe(0);
      const list = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Ý kiến đơn vị phối hợp', exact: true }) });
      await list.getByText('đề nghị bổ sung số liệu hồ sơ trực tuyến quý IV', { exact: false }).waitFor();
      await page.locator('ol.timeline').getByText('Gửi ý kiến phối hợp').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'dien-thoai-hanh-dong-21-da-gui-y-kien');
    });

    await asUser('vp.chuyenvien', DESKTOP, async (page) => {
      await openTask(page, 15);
      const list = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Ý kiến đơn vị phối hợp', exact: true }) });
      await list.getByText('đề nghị bổ sung số liệu hồ sơ trực tuyến quý IV', { exact: false }).waitFor();
      await list.getByText(`— ${contributor}`).waitFor();
      await screenshot(page, 'hanh-dong-22-y-kien-da-nhan');
    });
  });

  it('board search matches without diacritics or case, at desktop and phone width', async () => {
    const total = ((await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'))).body as unknown[]).length;
    for (const viewport of [DESKTOP, PHONE]) {
      await asUser('kt.chuyenvien', viewport, async (page) => {
        await page.goto('/theo-doi');
        await page.getByRole('heading', { level: 1, name: 'Theo dõi kế hoạch' }).waitFor();
        const search = page.getByLabel('Tìm kiếm');
        for (const needle of ['tu chu', 'TỰ CHỦ', 'Co Che Tu Chu']) {
          await search.fill(needle);
          await page.getByText(`Đang hiển thị 2/${total} nhiệm vụ.`).waitFor();
          await page.locator('tr[data-task-number="25"]').waitFor();
          await page.locator('tr[data-task-number="26"]').waitFor();
        }
        // "đ" is "d": "don vi su nghiep" finds "đơn vị sự nghiệp".
        await search.fill('don vi su nghiep cong lap');
        await page.locator('tr[data-task-number="26"]').waitFor();
        await search.fill('tu chu');
        await page.getByText(`Đang hiển thị 2/${total} nhiệm vụ.`).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await screenshot(page, `${viewport === PHONE ? 'dien-thoai-' : ''}hanh-dong-23-tim-khong-dau`);
      });
    }
  });
});
