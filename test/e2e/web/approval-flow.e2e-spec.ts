import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { SEED_PLAN, startTestApp, TestApp } from '../../support/app';
import { assertVietnamese, buildWeb, expectNoPageErrors, launchChromium, newPage, screenshot, menu, visitAs } from '../../support/browser';

/**
 * The web app in Chromium against the real stack (API + worker in this process, PostgreSQL, Temporal):
 * task 25 (Phòng Kinh tế) goes through the whole chain as the demo accounts would do it in the browser.
 *
 * The chain is one story, so it is one test (its steps run in order inside it, each named in a failure); the login
 * page and the delegation are tests of their own that need nothing from it. Jest may run them in any order.
 */
describe('web app: the approval chain in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let taskId: string;
  const tokens: Record<string, string> = {};
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-web-'));
  const LIMIT = 100 * 1024;

  /**
   * The plan file the coordinator imports: the seed, with two cells changed. Task 25 gets a single deadline, so
   * once approved it stays COMPLETED (as written, "Thường xuyên" runs a cycle per quarter, and a quarter already
   * past opens the next cycle at once); task 32 gets a phrase the parser does not know, so there is a warning.
   */
  function planFile(): string {
    const lines = fs.readFileSync(SEED_PLAN, 'utf8').split('\n');
    const edit = (n: number, from: string, to: string) => {
      const i = lines.findIndex((l) => l.startsWith(`${n}\t`));
      if (i < 0 || !lines[i].includes(`\t${from}\t`)) throw new Error(`seed plan: task ${n} not as expected`);
      lines[i] = lines[i].replace(`\t${from}\t`, `\t${to}\t`);
    };
    edit(25, 'Thường xuyên', 'Trước 31/12/2026');
    edit(32, 'Thường xuyên', 'Sớm nhất có thể');
    const file = path.join(tmp, 'ke-hoach-cchc-an-lao-2026.txt');
    fs.writeFileSync(file, lines.join('\n'));
    return file;
  }

  beforeAll(async () => {
    buildWeb();
    // A small attachment limit, so the over-limit message can be shown with a small file. The coordinator
    // activates the plan in the browser.
    t = await startTestApp({ activate: false, env: { MAX_ATTACHMENT_BYTES: String(LIMIT) } });
    browser = await launchChromium();
    tokens['kt.truongphong'] = await t.login('kt.truongphong');
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set('Authorization', `Bearer ${tokens['kt.truongphong']}`);
    taskId = tasks.body.find((x: { number: number }) => x.number === 25).id;
  });

  /** The task workflows open their first step asynchronously after activation. */
  async function waitForAssignStep(): Promise<void> {
    for (let i = 0; i < 120; i++) {
      const inbox = await t.http().get('/api/inbox').set('Authorization', `Bearer ${tokens['kt.truongphong']}`);
      if (inbox.body.some((x: { taskId: string }) => x.taskId === taskId)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('task 25 never reached the KT head’s inbox');
  }

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Runs `steps` as `username` in a fresh browser context, then checks the page had no script error. */
  async function as(username: string, steps: (page: Page) => Promise<void>): Promise<void> {
    return visitAs(browser, t.url, { username, failShot: `that-bai-${username}` }, steps);
  }

  async function openFromInbox(page: Page, kindLabel: string) {
    const item = page.getByRole('listitem').filter({ hasText: 'Nhiệm vụ 25:' });
    await item.getByText(kindLabel, { exact: true }).waitFor();
    await item.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 25/ }).waitFor();
  }

  async function approveOpenItem(page: Page, comment?: string) {
    if (comment) await page.getByRole('textbox', { name: /Ý kiến \/ lý do/ }).fill(comment);
    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
    await page.getByText('Đã duyệt nhiệm vụ 25.').waitFor();
  }

  it('the login page says clearly when the password is wrong, and logout returns to it', async () => {
    const { context, page } = await newPage(browser, t.url);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await screenshot(page, '01-dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('kt.chuyenvien');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/không đúng/);
    assertVietnamese([await alert.innerText()]);
    await screenshot(page, '02-dang-nhap-sai-mat-khau');

    await page.getByLabel('Mật khẩu').fill('demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hộp việc' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    // The token is gone: a protected page sends us back to the login.
    await page.goto('/viec-cua-toi');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expectNoPageErrors(page);
    await context.close();
  });

  /** vhxh.cchc imports the plan file on the board, sees the warnings, and activates the plan. */
  async function importAndActivate(): Promise<void> {
    await as('vhxh.cchc', async (page) => {
      await menu(page).getByRole('link', { name: 'Theo dõi', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Theo dõi kế hoạch' }).waitFor();
      await page.getByText('Chưa kích hoạt').waitFor();
      await page.getByLabel('Chọn tệp kế hoạch').setInputFiles(planFile());
      // The file is read first and shown as a table; nothing is written until the import is confirmed.
      await page.getByRole('button', { name: 'Xem trước' }).click();
      await page.getByRole('heading', { name: /^Bảng nhiệm vụ đọc được/ }).waitFor();
      await page.getByRole('button', { name: 'Nhập kế hoạch' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Cập nhật' }).click();
      await page.getByText(/Đã nhập kế hoạch với 32 nhiệm vụ, 1 cảnh báo/).waitFor();
      const warnings = page.getByRole('heading', { name: 'Cảnh báo khi đọc kế hoạch (1)' });
      await warnings.waitFor();
      await page.getByText(/chưa hiểu được thời hạn "Sớm nhất có thể"/).waitFor();
      await screenshot(page, '03-theo-doi-nhap-ke-hoach');

      await page.getByRole('button', { name: 'Kích hoạt kế hoạch' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Kích hoạt' }).click();
      await page.getByText('Đã kích hoạt kế hoạch. Các quy trình nhiệm vụ đã được khởi động.').waitFor();
      await page.getByText('Đang thực hiện', { exact: true }).first().waitFor();
    });
    await waitForAssignStep();
  }

  /** kt.truongphong assigns the task to kt.chuyenvien from the task page. */
  async function assign(): Promise<void> {
    await as('kt.truongphong', async (page) => {
      await page.getByRole('list', { name: 'Danh sách việc' }).waitFor();
      await screenshot(page, '04-hop-viec-truong-phong');
      await openFromInbox(page, 'Phân công');
      await page.getByLabel('Chuyên viên thực hiện').selectOption({ label: 'Đỗ Thị Hương (kt.chuyenvien)' });
      await page.getByRole('button', { name: 'Phân công', exact: true }).click();
      await page.getByText('Đã phân công Đỗ Thị Hương thực hiện nhiệm vụ.').waitFor();
      // The page shows the task the assignment answered with: no more "Phân công", and now "Giao lại".
      await page.getByRole('heading', { name: 'Giao lại' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Phân công thực hiện' }).count()).toBe(0);
      await page.locator('ol.timeline').getByText('Giao cho Đỗ Thị Hương').waitFor();
    });
  }

  /** kt.chuyenvien writes a draft, saves versions, uploads a file (and is told when one is too big) and submits. */
  async function draftAndSubmit(): Promise<void> {
    await as('kt.chuyenvien', async (page) => {
      await page.getByRole('link', { name: /Việc của tôi/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
      await page.getByRole('link', { name: /Nhiệm vụ 25:/ }).click();
      await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 25/ }).waitFor();

      const editor = page.getByLabel('Nội dung dự thảo');
      await editor.fill('Báo cáo tự chủ tài chính — bản 1');
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.getByText('Đã lưu phiên bản 1 của dự thảo.').waitFor();
      await editor.fill('Báo cáo tự chủ tài chính — bản 2, có số liệu');
      await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
      await page.getByText('Đã lưu phiên bản 2 của dự thảo.').waitFor();
      await page.getByRole('heading', { name: 'Các phiên bản đã lưu (2)' }).waitFor();

      // Too big: refused on the spot with the size and the limit.
      const big = path.join(tmp, 'qua-lon.pdf');
      fs.writeFileSync(big, Buffer.alloc(LIMIT + 50 * 1024, 1));
      await page.getByLabel(/Chọn tệp/).setInputFiles(big);
      const error = page.locator('#file-error');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/vượt quá giới hạn 100 KB/);
      await screenshot(page, '05-soan-du-thao-tep-qua-lon');
      // A chosen file that cannot go stops the submission, with a message; it can be dropped.
      await page.getByRole('button', { name: 'Trình duyệt' }).click();
      await page.getByText('Chưa trình được: tệp “qua-lon.pdf” đã chọn không gửi kèm được.', { exact: false }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.getByRole('button', { name: 'Bỏ chọn tệp' }).click();
      await page.getByText('Chưa chọn tệp nào').waitFor();
      expect(await page.locator('#file-error').count()).toBe(0);

      const small = path.join(tmp, 'so-lieu-quy-IV.xlsx');
      fs.writeFileSync(small, Buffer.alloc(2048, 7));
      await page.getByLabel(/Chọn tệp/).setInputFiles(small);
      await page.getByText('so-lieu-quy-IV.xlsx — 2 KB').waitFor();
      await page.getByRole('button', { name: 'Tải lên' }).click();
      await page.getByText('Đã tải lên tệp “so-lieu-quy-IV.xlsx” (2 KB).').waitFor();
      await page.getByRole('button', { name: /so-lieu-quy-IV\.xlsx/ }).waitFor();

      // Unsaved work is not lost silently.
      await editor.fill('Báo cáo tự chủ tài chính — bản 2, có số liệu (sửa dở)');
      let asked = '';
      page.once('dialog', (d) => {
        asked = d.message();
        void d.dismiss();
      });
      await page.getByRole('link', { name: /Hộp việc/ }).click();
      expect(asked).toMatch(/chưa lưu/);
      await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 25/ }).waitFor();
      await screenshot(page, '06-soan-du-thao');

      await page.getByRole('button', { name: 'Trình duyệt' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Ghi chú khi trình (không bắt buộc)').fill('Kính trình');
      await dialog.getByRole('button', { name: 'Trình duyệt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
      await page.getByText('Đã trình dự thảo nhiệm vụ 25 để duyệt.').waitFor();
    });
  }

  /** kt.truongphong sees the draft, its file and the trail, downloads the file and approves. */
  async function headApproves(): Promise<void> {
    await as('kt.truongphong', async (page) => {
      await openFromInbox(page, 'Trưởng phòng duyệt');
      await page.getByText('Báo cáo tự chủ tài chính — bản 2, có số liệu (sửa dở)').waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /so-lieu-quy-IV\.xlsx/ }).click();
      expect((await download).suggestedFilename()).toBe('so-lieu-quy-IV.xlsx');
      await page.locator('ol.timeline').getByText('Trình duyệt', { exact: true }).waitFor();
      await page.locator('ol.timeline').getByText('(Trưởng phòng Kinh tế)').first().waitFor();
      await page.locator('ol.timeline').getByText('(Chuyên viên)').first().waitFor();
      await page.getByRole('heading', { name: 'Trưởng phòng duyệt' }).waitFor();
      // The workflow's id and the Temporal UI are for the coordinator and the administrator only.
      expect(await page.getByRole('link', { name: /Temporal UI/ }).count()).toBe(0);
      expect(await page.getByText(/Mã quy trình/).count()).toBe(0);
      await screenshot(page, '07-nhiem-vu-duyet');
      await approveOpenItem(page);
    });
  }

  /** vhxh.truongphong must give a reason to return it, then returns it. */
  async function vhxhReturns(): Promise<void> {
    await as('vhxh.truongphong', async (page) => {
      await openFromInbox(page, 'Phòng VH-XH thẩm định');
      await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await page.getByText('Vui lòng nhập lý do trả lại.').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('decision-comment');
      await page.getByRole('textbox', { name: /Ý kiến \/ lý do/ }).fill('Bổ sung số liệu quý IV');
      await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Trả lại', exact: true }).click();
      await page.getByText('Đã trả lại nhiệm vụ 25 cho người soạn.').waitFor();
      await page.goto(`/nhiem-vu/${taskId}?tu=theo-doi`);
      const note = page.getByRole('note');
      await note.getByText(/^Trả lại bởi Trần Thị Lan \(Trưởng phòng Văn hóa - Xã hội\) lúc \d\d\/\d\d\/\d{4} \d\d:\d\d:$/).waitFor();
      expect(await note.innerText()).toMatch(/Bổ sung số liệu quý IV$/);
      await screenshot(page, '07b-nhiem-vu-bi-tra-lai');
    });
  }

  /** kt.chuyenvien sees the reason on top, revises and resubmits. */
  async function reviseAndResubmit(): Promise<void> {
    await as('kt.chuyenvien', async (page) => {
      await page.getByRole('link', { name: /Việc của tôi/ }).click();
      await page.getByRole('heading', { name: 'Bị trả lại (1)' }).waitFor();
      await page.getByText('Bổ sung số liệu quý IV').waitFor();
      const reason = page.locator('.return-reason');
      await reason.getByText(/^Trả lại bởi Trần Thị Lan \(Trưởng phòng Văn hóa - Xã hội\) lúc \d\d\/\d\d\/\d{4} \d\d:\d\d:$/).waitFor();
      expect(await reason.innerText()).toMatch(/: Bổ sung số liệu quý IV$/);
      await screenshot(page, '08-viec-cua-toi-bi-tra-lai');
      await page.getByRole('link', { name: /Nhiệm vụ 25:/ }).click();
      await page.getByText('Dự thảo bị trả lại, cần chỉnh sửa và trình lại.').waitFor();
      await page.getByText(/^Trả lại bởi Trần Thị Lan \(Trưởng phòng Văn hóa - Xã hội\) lúc \d\d\/\d\d\/\d{4} \d\d:\d\d:/).waitFor();
      await page.getByLabel('Nội dung dự thảo').fill('Báo cáo tự chủ tài chính — bản 3, đã bổ sung số liệu quý IV');
      // A file chosen but not uploaded goes up with the submission, with its progress shown.
      const extra = path.join(tmp, 'bien-ban-bo-sung.pdf');
      fs.writeFileSync(extra, Buffer.alloc(3 * 1024, 3));
      await page.getByLabel(/Chọn tệp/).setInputFiles(extra);
      await page.getByText('Tệp đã chọn được tải lên khi bấm “Tải lên”, hoặc cùng dự thảo khi trình duyệt.').waitFor();
      // Submitting with unsaved changes saves them first.
      await page.getByRole('button', { name: 'Trình duyệt' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Tệp bien-ban-bo-sung.pdf (3 KB) bạn đã chọn chưa được tải lên: tệp sẽ được tải lên cùng dự thảo.').waitFor();
      await dialog.getByText('sẽ được chuyển tới Trưởng phòng Kinh tế duyệt', { exact: false }).waitFor();
      await screenshot(page, '08b-trinh-kem-tep');
      // Slow the upload down a little, to see its progress.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/tasks/*/attachments', async (route) => {
        await held;
        await route.continue();
      });
      await dialog.getByRole('button', { name: 'Trình duyệt' }).click();
      await dialog.getByText(/^Đang tải lên “bien-ban-bo-sung\.pdf”: \d+%/).waitFor();
      await screenshot(page, '08c-dang-tai-len', { fullPage: false });
      release();
      await page.getByRole('heading', { level: 1, name: 'Việc của tôi' }).waitFor();
      await page.getByText('Đã trình dự thảo nhiệm vụ 25 để duyệt, kèm tệp “bien-ban-bo-sung.pdf” (3 KB).').waitFor();
      await page.unroute('**/api/tasks/*/attachments');
    });
  }

  /** the chain climbs again: kt.truongphong approves from the list (bulk); vhxh.truongphong’s step closed elsewhere is explained. */
  async function climbAgain(): Promise<void> {
    await as('kt.truongphong', async (page) => {
      await page.getByLabel('Chọn nhiệm vụ 25 để duyệt').check();
      await page.getByRole('button', { name: 'Duyệt các mục đã chọn (1)' }).click();
      await screenshot(page, '09-hop-viec-duyet-nhieu');
      await page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page.getByText('Đã duyệt 1 mục.').waitFor();
    });
    await as('vhxh.truongphong', async (page) => {
      await openFromInbox(page, 'Phòng VH-XH thẩm định');
      await page.getByText('Báo cáo tự chủ tài chính — bản 3, đã bổ sung số liệu quý IV').waitFor();
      // Meanwhile the same step is approved elsewhere (another tab): the page explains, and refreshes.
      const token = await t.login('vhxh.truongphong');
      await t.http().post(`/api/tasks/${taskId}/decision`).set('Authorization', `Bearer ${token}`).send({ decision: 'approve', comment: 'Đồng ý' }).expect(200);
      await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Duyệt', exact: true }).click();
      await page.getByText(/Bước này đã được xử lý/).waitFor();
      await page.getByText('Chờ Chủ tịch phê duyệt', { exact: true }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
      await screenshot(page, '10-buoc-da-duoc-xu-ly');
    });
  }

  /** chutich approves: the task is completed. */
  async function chairmanApproves(): Promise<void> {
    await as('chutich', async (page) => {
      await openFromInbox(page, 'Chủ tịch phê duyệt');
      await approveOpenItem(page, 'Phê duyệt');
    });
  }

  /** vhxh.cchc sees task 25 completed on the board, with its full timeline and a Temporal link. */
  async function boardAndTimeline(): Promise<void> {
    await as('vhxh.cchc', async (page) => {
      await menu(page).getByRole('link', { name: 'Theo dõi', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Theo dõi kế hoạch' }).waitFor();
      await page.getByRole('figure', { name: 'Tiến độ theo nhóm nhiệm vụ' }).waitFor();
      const row = page.locator('tr[data-task-number="25"]');
      await row.getByText('Hoàn thành', { exact: true }).waitFor();
      await row.getByText('Hoàn thành đúng hạn').waitFor();
      await screenshot(page, '11-theo-doi');

      // Search without diacritics and case: "tu chu" finds "tự chủ" (tasks 25 and 26), "đ" is "d".
      const search = page.getByLabel('Tìm kiếm');
      await search.fill('tu chu');
      await page.getByText('Đang hiển thị 2/32 nhiệm vụ.').waitFor();
      await row.waitFor();
      await page.locator('tr[data-task-number="26"]').waitFor();
      await screenshot(page, '11b-theo-doi-tim-khong-dau');
      await search.fill('TỰ CHỦ');
      await page.getByText('Đang hiển thị 2/32 nhiệm vụ.').waitFor();
      await search.fill('day manh viec thuc hien co che tu chu');
      await page.getByText('Đang hiển thị 2/32 nhiệm vụ.').waitFor();
      await search.fill('khong co nhiem vu nao nhu the');
      await page.getByText('Không có nhiệm vụ nào khớp bộ lọc.').waitFor();
      await search.fill('');
      await page.getByText('Đang hiển thị 32/32 nhiệm vụ.').waitFor();

      await page.getByLabel('Trạng thái').selectOption({ label: 'Hoàn thành' });
      await page.getByText('Đang hiển thị 1/32 nhiệm vụ.').waitFor();

      await row.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: /Nhiệm vụ 25/ }).waitFor();
      const timeline = page.locator('ol.timeline');
      const entries = await timeline.locator('li strong').allInnerTexts();
      expect(entries).toEqual(
        expect.arrayContaining(['Phân công', 'Lưu dự thảo', 'Đính kèm tệp', 'Trình duyệt', 'Phê duyệt', 'Trả lại', 'Hoàn thành']),
      );
      expect(entries.filter((e) => e === 'Phê duyệt')).toHaveLength(4);
      await timeline.getByText('Bổ sung số liệu quý IV').waitFor();
      await timeline.getByText('so-lieu-quy-IV.xlsx (2 KB)').waitFor();
      await timeline.getByText('Giao cho Đỗ Thị Hương').waitFor();
      await timeline.getByText('bien-ban-bo-sung.pdf (3 KB)').waitFor();
      await timeline.getByText('(Trưởng phòng Văn hóa - Xã hội)').first().waitFor();
      await page.getByText(`Mã quy trình: ${t.commune}:2026:task:25`).waitFor();
      const link = page.getByRole('link', { name: /Xem quy trình trên Temporal UI/ });
      // The list of the task's runs, filtered by the search attributes every workflow carries.
      expect(await link.getAttribute('href')).toContain(`/workflows?query=${encodeURIComponent(`CchcCommune="${t.commune}" AND CchcYear=2026 AND CchcKind="task" AND CchcTaskNumber=25`)}`);
      await screenshot(page, '12-nhiem-vu-hoan-thanh');
    });
  }

  it('task 25 goes through the whole chain in the browser, from the plan file to the completed task on the board', async () => {
    const story: [string, () => Promise<void>][] = [
      ['import and activate the plan', importAndActivate],
      ['assign', assign],
      ['draft and submit', draftAndSubmit],
      ['the Trưởng phòng approves', headApproves],
      ['Phòng VH-XH returns it', vhxhReturns],
      ['revise and resubmit', reviseAndResubmit],
      ['bulk approval; a step closed elsewhere', climbAgain],
      ['the Chairman approves', chairmanApproves],
      ['the board and the timeline', boardAndTimeline],
    ];
    for (const [name, step] of story) {
      try {
        await step();
      } catch (err) {
        throw new Error(`step “${name}”: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }, 420_000);

  it('chutich delegates to phochutich and ends the delegation', async () => {
    await as('chutich', async (page) => {
      await menu(page).getByRole('link', { name: 'Ủy quyền', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Ủy quyền phê duyệt' }).waitFor();
      await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
      await page.getByRole('dialog').getByText('Nguyễn Văn Hùng (Phó Chủ tịch UBND xã)').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Ủy quyền', exact: true }).click();
      await page.getByText(/Đã ủy quyền phê duyệt cho/).waitFor();
      await page.getByText('Đang hiệu lực').waitFor();
      await screenshot(page, '13-uy-quyen');
      await page.getByRole('button', { name: 'Kết thúc ủy quyền' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc' }).click();
      await page.getByText(/Đã kết thúc ủy quyền cho/).waitFor();
    });
  });
});
