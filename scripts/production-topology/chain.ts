/**
 * One task of the An Lão plan through its whole approval chain, over plain HTTP against the running API (as the web
 * app and curl do): activate the plan → the KT head assigns task 25 → the staff member drafts, attaches a file and
 * submits → the unit head approves → Phòng VH-XH returns it with a reason → the drafter revises and resubmits →
 * unit head, VH-XH and the Chairman approve → COMPLETED; then the trail and every inbox are checked.
 */

type Json = any;

export class ChainError extends Error {}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ChainError(message);
}

export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(readonly base: string) {}

  async request(method: string, path: string, opts: { as?: string; json?: unknown; form?: FormData } = {}): Promise<{ status: number; body: Json }> {
    const headers: Record<string, string> = {};
    const token = opts.as ? this.tokens.get(opts.as) : undefined;
    if (opts.as && !token) throw new ChainError(`${opts.as} has not logged in`);
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (opts.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      body = opts.form;
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body, signal: AbortSignal.timeout(30000) });
    const text = await res.text();
    let parsed: Json = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  }

  /** The request must answer `status`; returns the body. */
  async expect(status: number, method: string, path: string, opts: { as?: string; json?: unknown; form?: FormData } = {}): Promise<Json> {
    const res = await this.request(method, path, opts);
    check(res.status === status, `${method} ${path}${opts.as ? ` (${opts.as})` : ''}: HTTP ${res.status}, expected ${status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  }

  async login(username: string, password: string): Promise<number> {
    const res = await this.request('POST', '/api/auth/login', { json: { username, password } });
    if (res.status === 200) this.tokens.set(username, res.body.accessToken);
    return res.status;
  }
}

async function poll<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 60000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new ChainError(`${what}: not seen after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export type StepRunner = <T>(name: string, fn: () => Promise<T>, detail?: (result: T) => string) => Promise<T>;

export interface ChainResult {
  planId: string;
  taskId: string;
  workflowId: string;
  historyTypes: string[];
}

/** Runs the chain; `step` times and prints each step. Users log in with `password`. */
export async function runApprovalChain(api: Api, password: string, step: StepRunner): Promise<ChainResult> {
  const users = ['vhxh.cchc', 'kt.truongphong', 'kt.chuyenvien', 'vhxh.truongphong', 'chutich'];
  await step(
    'đăng nhập 5 tài khoản của chuỗi (log in the chain’s accounts)',
    async () => {
      for (const u of users) check((await api.login(u, password)) === 200, `login ${u} failed`);
    },
    () => users.join(', '),
  );

  const inbox = async (user: string): Promise<Json[]> => api.expect(200, 'GET', '/api/inbox', { as: user });
  const itemFor = async (user: string, taskId: string) => (await inbox(user)).find((x) => x.taskId === taskId);
  const decide = (user: string, taskId: string, decision: 'approve' | 'return', comment?: string) =>
    api.expect(200, 'POST', `/api/tasks/${taskId}/decision`, { as: user, json: { decision, ...(comment ? { comment } : {}) } });

  const plan = await step(
    'kích hoạt kế hoạch An Lão 2026 (activate the plan: 32 task workflows)',
    async () => {
      const plans: Json[] = await api.expect(200, 'GET', '/api/plans', { as: 'vhxh.cchc' });
      const p = plans.find((x) => x.year === 2026) ?? plans[0];
      check(p, 'no plan imported by the migrate step');
      await api.expect(200, 'POST', `/api/plans/${p.id}/activate`, { as: 'vhxh.cchc' });
      return p;
    },
    (p) => `plan ${p.id}`,
  );

  const task = await step(
    'nhiệm vụ 25 (Phòng Kinh tế) mở bước phân công trong hộp việc của trưởng phòng KT (ASSIGN step in the KT head’s inbox)',
    async () => {
      const tasks: Json[] = await api.expect(200, 'GET', `/api/plans/${plan.id}/tasks?unit=KT`, { as: 'kt.truongphong' });
      const t = tasks.find((x) => x.number === 25);
      check(t, 'task 25 not in the plan');
      const item = await poll('ASSIGN step of task 25 in kt.truongphong’s inbox', () => itemFor('kt.truongphong', t.id));
      check(item.kind === 'ASSIGN', `first step is ${item.kind}, expected ASSIGN`);
      const detail = await api.expect(200, 'GET', `/api/tasks/${t.id}`, { as: 'kt.truongphong' });
      return { id: t.id as string, workflowId: detail.workflowId as string, dueAt: item.dueAt as string };
    },
    (t) => `task ${t.id}, workflow ${t.workflowId}, due ${t.dueAt}`,
  );

  await step(
    'trưởng phòng KT phân công cho Đỗ Thị Hương (assign)',
    async () => {
      const staff: Json[] = await api.expect(200, 'GET', '/api/users?unit=KT&role=STAFF', { as: 'kt.truongphong' });
      const hương = staff.find((u) => u.username === 'kt.chuyenvien') ?? staff[0];
      const res = await api.expect(200, 'POST', `/api/tasks/${task.id}/assign`, { as: 'kt.truongphong', json: { assigneeId: hương.id } });
      check(res.status === 'IN_PROGRESS', `status ${res.status}, expected IN_PROGRESS`);
      check((await itemFor('kt.chuyenvien', task.id))?.kind === 'DRAFT', 'no DRAFT step in kt.chuyenvien’s inbox');
      return res.status as string;
    },
    (s) => `→ ${s}; DRAFT in kt.chuyenvien’s inbox`,
  );

  await step(
    'chuyên viên soạn dự thảo, đính kèm tệp, trình (draft, attach, submit)',
    async () => {
      await api.expect(200, 'PUT', `/api/tasks/${task.id}/draft`, { as: 'kt.chuyenvien', json: { content: 'Báo cáo tự chủ tài chính quý IV — bản 1' } });
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('số liệu quý IV')], { type: 'application/vnd.ms-excel' }), 'so-lieu.xlsx');
      const file = await api.expect(201, 'POST', `/api/tasks/${task.id}/attachments`, { as: 'kt.chuyenvien', form });
      check(/^[0-9a-f]{64}$/.test(file.sha256), 'attachment without sha256');
      const res = await api.expect(200, 'POST', `/api/tasks/${task.id}/submit`, { as: 'kt.chuyenvien', json: { note: 'Kính trình' } });
      check(res.status === 'UNIT_REVIEW', `status ${res.status}, expected UNIT_REVIEW`);
      check((await itemFor('kt.truongphong', task.id))?.kind === 'UNIT_REVIEW', 'no UNIT_REVIEW step in kt.truongphong’s inbox');
      return res.status as string;
    },
    (s) => `→ ${s}; attachment so-lieu.xlsx stored`,
  );

  await step(
    'trưởng phòng KT duyệt (unit head approves)',
    async () => {
      const res = await decide('kt.truongphong', task.id, 'approve');
      check(res.status === 'VHXH_REVIEW', `status ${res.status}, expected VHXH_REVIEW`);
      check((await itemFor('vhxh.truongphong', task.id))?.kind === 'VHXH_REVIEW', 'no VHXH_REVIEW step in vhxh.truongphong’s inbox');
      return res.status as string;
    },
    (s) => `→ ${s}`,
  );

  const reason = 'Bổ sung số liệu quý IV';
  await step(
    'Phòng VH-XH trả lại kèm lý do (VH-XH returns with a reason)',
    async () => {
      const res = await decide('vhxh.truongphong', task.id, 'return', reason);
      check(res.status === 'RETURNED' && res.lastReturnReason === reason, `status ${res.status} / reason ${res.lastReturnReason}`);
      check((await itemFor('kt.chuyenvien', task.id))?.kind === 'DRAFT', 'the returned draft is not back in kt.chuyenvien’s inbox');
      const mine: Json[] = await api.expect(200, 'GET', '/api/my/tasks', { as: 'kt.chuyenvien' });
      check(mine.find((x) => x.number === 25)?.returnReason === reason, 'the drafter does not see the reason');
      return res.status as string;
    },
    (s) => `→ ${s} “${reason}”; back in kt.chuyenvien’s inbox with the reason`,
  );

  await step(
    'chuyên viên sửa và trình lại (revise, resubmit)',
    async () => {
      await api.expect(200, 'PUT', `/api/tasks/${task.id}/draft`, { as: 'kt.chuyenvien', json: { content: 'Bản 2, đã bổ sung số liệu quý IV' } });
      const res = await api.expect(200, 'POST', `/api/tasks/${task.id}/submit`, { as: 'kt.chuyenvien', json: {} });
      check(res.status === 'UNIT_REVIEW', `status ${res.status}, expected UNIT_REVIEW`);
      return res.status as string;
    },
    (s) => `→ ${s}`,
  );

  await step(
    'trưởng phòng KT duyệt lại, Phòng VH-XH duyệt (approvals)',
    async () => {
      const a = await decide('kt.truongphong', task.id, 'approve');
      check(a.status === 'VHXH_REVIEW', `after the unit head: ${a.status}`);
      const b = await decide('vhxh.truongphong', task.id, 'approve', 'Đồng ý');
      check(b.status === 'CHAIRMAN_REVIEW', `after VH-XH: ${b.status}`);
      check((await itemFor('chutich', task.id))?.kind === 'CHAIRMAN_REVIEW', 'no CHAIRMAN_REVIEW step in chutich’s inbox');
      return b.status as string;
    },
    (s) => `→ VHXH_REVIEW → ${s}`,
  );

  await step(
    'Chủ tịch phê duyệt (the Chairman approves)',
    async () => {
      const res = await decide('chutich', task.id, 'approve', 'Phê duyệt');
      check(res.status === 'COMPLETED', `status ${res.status}, expected COMPLETED`);
      return res.status as string;
    },
    (s) => `→ ${s}`,
  );

  const historyTypes = await step(
    'nhật ký và hộp việc (the trail and every inbox)',
    async () => {
      const history: Json[] = await api.expect(200, 'GET', `/api/tasks/${task.id}/history`, { as: 'vhxh.cchc' });
      const types = history.map((e) => e.type as string);
      for (const t of ['ASSIGNED', 'DRAFT_SAVED', 'ATTACHMENT_ADDED', 'SUBMITTED', 'APPROVED', 'RETURNED', 'COMPLETED']) check(types.includes(t), `trail lacks ${t}`);
      const returned = history.find((e) => e.type === 'RETURNED');
      check(returned.comment === reason && returned.actor?.fullName === 'Trần Thị Lan', `RETURNED event: ${JSON.stringify(returned)}`);
      const approvals = history.filter((e) => e.type === 'APPROVED').map((e) => e.actor?.fullName);
      check(
        JSON.stringify(approvals) === JSON.stringify(['Vũ Đức Thắng', 'Vũ Đức Thắng', 'Trần Thị Lan', 'Đinh Thành Đồng']),
        `approvals by ${approvals.join(', ')}`,
      );
      const seqs = history.map((e) => e.seq as number);
      check(seqs.every((s, i) => i === 0 || s > seqs[i - 1]), 'trail not in order');
      for (const u of users) check(!(await itemFor(u, task.id)), `task 25 still in ${u}’s inbox`);
      const detail = await api.expect(200, 'GET', `/api/tasks/${task.id}`, { as: 'vhxh.cchc' });
      check(detail.status === 'COMPLETED', `task detail status ${detail.status}`);
      return types;
    },
    (types) => `${types.length} events (${[...new Set(types)].join(', ')}); task 25 in no inbox`,
  );

  return { planId: plan.id, taskId: task.id, workflowId: task.workflowId, historyTypes };
}
