/**
 * Helpers of the notification tests: the approval chain of task 25 over HTTP, waiting for what arrives
 * asynchronously, and the worker as a separate OS process (as `npm start` runs it), to be killed with SIGKILL.
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import type { TestApp } from './app';

const ROOT = path.resolve(__dirname, '..', '..');

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface Chain {
  taskId: string;
  tokens: Record<string, string>;
  as(user: string): { Authorization: string };
  /** The steps, each a person's action over HTTP; `until` stops before the named step. */
  run(from: ChainStep, until?: ChainStep): Promise<void>;
}

export const CHAIN_STEPS = ['assign', 'submit', 'return', 'resubmit', 'approveUnit', 'approveVhxh', 'approveChairman'] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];
export const RETURN_REASON = 'Bổ sung số liệu quý IV và phụ lục kèm theo';

const USERS = ['kt.truongphong', 'kt.chuyenvien', 'vhxh.truongphong', 'vhxh.cchc', 'chutich', 'phochutich', 'admin'];

/** Task 25 (Phòng Kinh tế): assign → submit → return → resubmit → approve ×3, as the demo accounts. */
export async function taskChain(t: TestApp): Promise<Chain> {
  const tokens: Record<string, string> = {};
  for (const u of USERS) tokens[u] = await t.login(u);
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const tasks = await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(as('kt.truongphong'));
  const taskId: string = tasks.body.find((x: { number: number }) => x.number === 25).id;
  await waitFor(
    'task 25 in the KT head’s inbox',
    async () => ((await t.http().get('/api/inbox').set(as('kt.truongphong'))).body as { taskId: string }[]).some((x) => x.taskId === taskId),
    120_000,
  );
  const staff = (await t.http().get('/api/users?unit=KT&role=STAFF').set(as('kt.truongphong'))).body[0];
  const ok = async (res: Promise<{ status: number; body: unknown }>, what: string) => {
    const r = await res;
    if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const draftAndSubmit = async (text: string) => {
    await ok(t.http().put(`/api/tasks/${taskId}/draft`).set(as('kt.chuyenvien')).send({ content: text }), 'draft');
    await ok(t.http().post(`/api/tasks/${taskId}/submit`).set(as('kt.chuyenvien')).send({ note: 'Kính trình' }), 'submit');
  };
  const decide = (user: string, decision: 'approve' | 'return', comment?: string) =>
    ok(t.http().post(`/api/tasks/${taskId}/decision`).set(as(user)).send({ decision, ...(comment ? { comment } : {}) }), `${user} ${decision}`);
  const steps: Record<ChainStep, () => Promise<void>> = {
    assign: () => ok(t.http().post(`/api/tasks/${taskId}/assign`).set(as('kt.truongphong')).send({ assigneeId: staff.id }), 'assign'),
    submit: () => draftAndSubmit('Báo cáo tự chủ tài chính quý IV — bản 1'),
    return: () => decide('kt.truongphong', 'return', RETURN_REASON),
    resubmit: () => draftAndSubmit('Báo cáo tự chủ tài chính quý IV — bản 2, đã bổ sung'),
    approveUnit: () => decide('kt.truongphong', 'approve'),
    approveVhxh: () => decide('vhxh.truongphong', 'approve', 'Đồng ý'),
    approveChairman: () => decide('chutich', 'approve', 'Phê duyệt'),
  };
  return {
    taskId,
    tokens,
    as,
    async run(from, until) {
      const first = CHAIN_STEPS.indexOf(from);
      const last = until ? CHAIN_STEPS.indexOf(until) : CHAIN_STEPS.length;
      for (const step of CHAIN_STEPS.slice(first, last)) await steps[step]();
    },
  };
}

export interface WorkerProcess {
  pid: number;
  /** Resolves once the worker polls its task queue. */
  ready: Promise<void>;
  exited: Promise<number | null>;
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

/** `node -r @swc-node/register apps/worker/src/main.ts`, as `npm start` runs it, with the test app's settings. */
export function spawnWorker(t: TestApp, env: Record<string, string>): WorkerProcess {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.config.databaseUrl,
      TEMPORAL_ADDRESS: t.config.temporalAddress,
      TEMPORAL_NAMESPACE: t.config.temporalNamespace,
      TEMPORAL_TASK_QUEUE: t.config.taskQueue,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let resolveReady: () => void;
  let rejectReady: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.includes('Worker đang nhận việc')) resolveReady();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    rejectReady(new Error(`worker exited before it was ready:\n${out}`));
    resolve(code);
  }));
  return {
    pid: child.pid!,
    ready,
    exited,
    output: () => out,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
