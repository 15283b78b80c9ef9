import { startTestApp, TestApp } from '../support/app';

/**
 * Row 1, its edge part: text a client sends may not carry control characters (C0 but tab, LF, CR; and DEL). Every
 * text field of every form answers 400 VALIDATION naming the field in Vietnamese; tab and line breaks stay allowed.
 */
describe('row 1 (edge): control characters in text inputs are refused with 400 VALIDATION', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  let taskId: string;

  beforeAll(async () => {
    t = await startTestApp({ activate: true });
    for (const u of ['vhxh.cchc', 'kt.truongphong', 'kt.chuyenvien', 'chutich']) tokens[u] = await t.login(u);
    const tasks = await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(as('kt.truongphong'));
    taskId = tasks.body.find((x: any) => x.number === 26).id;
  });
  afterAll(() => t?.stop());

  const BAD = ['\u0000', '\u0007', '\u001b[31m', '\u000b', '\u000c', '\u007f'];

  const cases: [string, 'post' | 'put', string | (() => string), string, (bad: string) => object][] = [
    ['login username', 'post', '/api/auth/login', 'username', (b) => ({ username: `kt${b}`, password: 'demo' })],
    ['assign assigneeId', 'post', () => `/api/tasks/${taskId}/assign`, 'assigneeId', (b) => ({ assigneeId: `id${b}` })],
    ['assign stepId', 'post', () => `/api/tasks/${taskId}/assign`, 'stepId', (b) => ({ assigneeId: 'x', stepId: `s${b}` })],
    ['draft content', 'put', () => `/api/tasks/${taskId}/draft`, 'content', (b) => ({ content: `Báo cáo${b}` })],
    ['submit note', 'post', () => `/api/tasks/${taskId}/submit`, 'note', (b) => ({ note: `Kính trình${b}` })],
    ['decision comment', 'post', () => `/api/tasks/${taskId}/decision`, 'comment', (b) => ({ decision: 'return', comment: `Bổ sung${b}` })],
    ['contribution content', 'post', () => `/api/tasks/${taskId}/contributions`, 'content', (b) => ({ unit: 'VP', content: `Ý kiến${b}` })],
    ['contribution dueAt', 'post', () => `/api/tasks/${taskId}/contributions/request`, 'requests.0.dueAt', (b) => ({ requests: [{ unit: 'VP', dueAt: `2026-12-15${b}` }] })],
    ['schedule dueDates', 'put', () => `/api/tasks/${taskId}/schedule`, 'dueDates', (b) => ({ dueDates: [`2026-12-15${b}`] })],
    ['bulk-approve taskId', 'post', '/api/inbox/bulk-approve', 'items.0.taskId', (b) => ({ items: [{ taskId: `t${b}`, stepId: 's' }] })],
    ['bulk-approve stepId', 'post', '/api/inbox/bulk-approve', 'items.0.stepId', (b) => ({ items: [{ taskId: 't', stepId: `s${b}` }] })],
    ['bulk-approve comment', 'post', '/api/inbox/bulk-approve', 'comment', (b) => ({ items: [{ taskId: 't', stepId: 's' }], comment: `Đồng ý${b}` })],
    ['delegation toUserId', 'post', '/api/delegations', 'toUserId', (b) => ({ toUserId: `u${b}`, from: '2026-12-01', until: '2026-12-31' })],
  ];

  it.each(cases)('%s', async (_name, method, url, field, body) => {
    for (const bad of BAD) {
      const res = await t.http()[method](typeof url === 'string' ? url : url()).set(as('chutich')).send(body(bad));
      expect([JSON.stringify(bad), res.status, res.body.code]).toEqual([JSON.stringify(bad), 400, 'VALIDATION']);
      expect(res.body.details).toEqual(expect.arrayContaining([{ field, constraints: expect.arrayContaining(['isCleanText']) }]));
    }
    const res = await t.http()[method](typeof url === 'string' ? url : url()).set(as('chutich')).send(body('\u0000'));
    expect(res.body.message).toContain(`${field} (chứa ký tự điều khiển không được phép`);
  });

  it('refuses control characters in a plan sent as text, naming where', async () => {
    const res = await t.http().post('/api/plans/import').set(as('vhxh.cchc')).set('Content-Type', 'text/plain').send('KẾ HOẠCH\nnăm 2026\u0007');
    expect([res.status, res.body.code]).toEqual([422, 'PLAN_INVALID']);
    expect(res.body.message).toMatch(/^Tệp kế hoạch chứa ký tự điều khiển U\+0007 ở dòng 2, cột 9:/);
  });

  it('keeps tab, line feed and carriage return in text (a draft with them is saved as written)', async () => {
    const staff = (await t.http().get('/api/users?unit=KT&role=STAFF').set(as('kt.truongphong'))).body[0].id;
    for (let i = 0; i < 120; i++) {
      const inbox = (await t.http().get('/api/inbox').set(as('kt.truongphong'))).body;
      if (inbox.some((x: any) => x.taskId === taskId)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await t.http().post(`/api/tasks/${taskId}/assign`).set(as('kt.truongphong')).send({ assigneeId: staff }).expect(200);
    const content = 'Mục 1:\tđạt\r\nMục 2:\tchưa đạt\nKết luận';
    const res = await t.http().put(`/api/tasks/${taskId}/draft`).set(as('kt.chuyenvien')).send({ content });
    expect(res.status).toBe(200);
    // The action answers with the task the workflow produced; the saved versions are on the task page.
    const page = await t.http().get(`/api/tasks/${taskId}`).set(as('kt.chuyenvien'));
    expect(page.body.drafts[0].content).toBe(content);
  });
});
