import { Browser, Page } from 'playwright-core';
import { startTestApp, TestApp } from '../../support/app';
import {
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
  Viewport,
  menu,
} from '../../support/browser';

/**
 * Delegation: the Chairman confirms who and from–until in a dialog before a delegation is made, and a period that
 * overlaps one of his delegations in effect (not revoked, today within it) is refused — by the server (409 CONFLICT
 * naming the existing period) and, when the page already knows it, before the dialog.
 */
describe('web app: delegation with a confirmation, overlaps refused', () => {
  let t: TestApp;
  let browser: Browser;
  let chairman: { Authorization: string };
  let deputyId: string;

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
  const day = (n: number) => {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

  beforeAll(async () => {
    buildWeb();
    t = await startTestApp({ activate: false, worker: false });
    browser = await launchChromium();
    chairman = { Authorization: `Bearer ${await t.login('chutich')}` };
    deputyId = (await t.http().get('/api/users?role=VICE_CHAIRMAN').set(chairman)).body[0].id;
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const create = (from: string, until: string) => t.http().post('/api/delegations').set(chairman).send({ toUserId: deputyId, from, until });
  /** The delegations neither ended nor revoked (ended ones stay listed, for the trail). */
  const running = async () =>
    ((await t.http().get('/api/delegations').set(chairman)).body as { revokedAt: string | null }[]).filter((d) => !d.revokedAt);
  const revokeAll = async () => {
    const list = await t.http().get('/api/delegations').set(chairman);
    for (const d of list.body as { id: string; revokedAt: string | null }[]) {
      if (!d.revokedAt) await t.http().delete(`/api/delegations/${d.id}`).set(chairman).expect(200);
    }
  };

  it('API: a period overlapping a delegation of the same Chairman in effect is 409 CONFLICT naming it; adjacent, or after revoking, is fine', async () => {
    const a = await create(today, day(7));
    expect(a.status).toBe(201);

    const overlap = await create(day(3), day(10));
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('CONFLICT');
    expect(overlap.body.message).toBe(
      `Khoảng thời gian này trùng với ủy quyền đang hiệu lực cho Nguyễn Văn Hùng từ ngày ${vn(today)} đến hết ngày ${vn(day(7))}. ` +
        'Hãy kết thúc ủy quyền đó trước, hoặc chọn khoảng thời gian khác.',
    );
    expect(overlap.body.details.existing).toMatchObject({ id: a.body.id, from: today, until: day(7) });
    // Inside it, around it: refused too.
    expect((await create(day(1), day(2))).status).toBe(409);
    expect((await create(day(-5), day(30))).status).toBe(409);

    // The day after it ends is free.
    const c = await create(day(8), day(12));
    expect(c.status).toBe(201);

    // An ended delegation no longer blocks its period…
    await t.http().delete(`/api/delegations/${a.body.id}`).set(chairman).expect(200);
    const d = await create(today, day(7));
    expect(d.status).toBe(201);
    // … the one in effect does …
    expect((await create(day(5), day(9))).body.code).toBe('CONFLICT');
    // … and one only scheduled (not yet in effect) does not: it is the one in effect that would be doubled.
    expect((await create(day(9), day(11))).status).toBe(201);
    await revokeAll();
  });

  async function as(viewport: Viewport, steps: (page: Page) => Promise<void>, failShot: string) {
    const { context, page } = await newPage(browser, t.url, viewport);
    try {
      await signIn(page, 'chutich');
      if (viewport.width < 500) await page.getByRole('button', { name: /Menu/ }).click();
      await menu(page).getByRole('link', { name: 'Ủy quyền' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ủy quyền phê duyệt' }).waitFor();
      await steps(page);
      assertVietnamese(await messages(page));
      expectNoPageErrors(page);
    } catch (err) {
      await screenshot(page, failShot).catch(() => undefined);
      throw err;
    } finally {
      await context.close();
    }
  }

  it('phone: “Ủy quyền” asks first — who, from–until — and creates nothing on “Hủy”', async () => {
    await as(
      PHONE,
      async (page) => {
        await page.getByText('Đã kết thúc ngày', { exact: false }).first().waitFor(); // those the API test ended
        expect(await running()).toHaveLength(0);
        await page.getByLabel('Từ ngày').fill(vn(today));
        await page.getByLabel('Đến hết ngày').fill(vn(day(6)));
        await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('heading', { name: 'Xác nhận ủy quyền phê duyệt' }).waitFor();
        await dialog.getByText('Nguyễn Văn Hùng (Phó Chủ tịch UBND xã)').waitFor();
        await dialog.getByText(`Từ ngày ${vn(today)} đến hết ngày ${vn(day(6))} (7 ngày)`).waitFor();
        await screenshot(page, 'dien-thoai-uy-quyen-01-xac-nhan', { fullPage: false });
        await dialog.getByRole('button', { name: 'Hủy' }).click();
        expect(await page.getByRole('dialog').count()).toBe(0);
        expect(await running()).toHaveLength(0);

        await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
        await page.getByRole('dialog').getByRole('button', { name: 'Ủy quyền', exact: true }).click();
        await page.getByText(`Đã ủy quyền phê duyệt cho Nguyễn Văn Hùng từ ngày ${vn(today)} đến hết ngày ${vn(day(6))}.`).waitFor();
        await page.getByText('Đang hiệu lực').waitFor();
        expect(await running()).toHaveLength(1);
        await screenshot(page, 'dien-thoai-uy-quyen-02-da-uy-quyen');
      },
      'that-bai-uy-quyen-dien-thoai',
    );
  });

  it('desktop: an overlap the page knows is refused before the dialog; one it does not know, by the server', async () => {
    await as(
      DESKTOP,
      async (page) => {
        await page.getByText('Đang hiệu lực').waitFor();
        // Known to the page (listed): said at once, no dialog.
        await page.getByLabel('Từ ngày').fill(vn(day(2)));
        await page.getByLabel('Đến hết ngày').fill(vn(day(9)));
        await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
        await page.getByText(`Khoảng thời gian này trùng với ủy quyền đang hiệu lực cho Nguyễn Văn Hùng từ ngày ${vn(today)} đến hết ngày ${vn(day(6))}.`, { exact: false }).waitFor();
        expect(await page.getByRole('dialog').count()).toBe(0);
        await screenshot(page, 'uy-quyen-01-trung-thoi-gian');

        // Changed meanwhile on another device (that one ended, a longer one made): the page does not know it, the
        // server refuses, and the page shows its message.
        await revokeAll();
        await create(today, day(12)).expect(201);
        await page.getByLabel('Từ ngày').fill(vn(day(8)));
        await page.getByLabel('Đến hết ngày').fill(vn(day(10)));
        await page.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText(`Từ ngày ${vn(day(8))} đến hết ngày ${vn(day(10))} (3 ngày)`).waitFor();
        await screenshot(page, 'uy-quyen-02-xac-nhan');
        await dialog.getByRole('button', { name: 'Ủy quyền', exact: true }).click();
        const alert = page.getByRole('alert').filter({ hasText: 'Khoảng thời gian này trùng' });
        await alert.waitFor();
        expect(await alert.innerText()).toContain(`từ ngày ${vn(today)} đến hết ngày ${vn(day(12))}`);
        await page.getByText(`Từ ${vn(today)} đến hết ${vn(day(12))}`).waitFor(); // the list was read again
        expect(await running()).toHaveLength(1);
        await screenshot(page, 'uy-quyen-03-may-chu-tu-choi');
      },
      'that-bai-uy-quyen-may-tinh',
    );
  });
});
