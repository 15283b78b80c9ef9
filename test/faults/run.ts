/**
 * `npm run test:faults`: the approval chain under faults. Nothing accepted may be lost, nothing may be applied
 * twice, no workflow may wedge, no file may go missing.
 *
 *   1. starts its own PostgreSQL (embedded, data in a temporary folder) and Temporal dev server (SQLite file in that
 *      folder) on free ports, the API in this process, and the worker as a separate OS process
 *      (apps/worker/src/main.ts, as `npm start` runs it), then activates the An Lão plan;
 *   2. a bounded loop drives the single-lead tasks through the chain over HTTP with stepIds, several at once: the unit
 *      head assigns, the staff member saves a draft, attaches a file and submits, the unit head approves, VH-XH
 *      returns it (so the chain goes round again) until the faults are over, then approves, and the Chairman approves;
 *   3. meanwhile the worker is killed with SIGKILL FAULTS_KILLS times (default 50) at random moments and started
 *      again; once in the run the Temporal dev server is restarted on its SQLite file, and once PostgreSQL;
 *   4. with everything up again and quiet, it checks the database and the workflows and prints a table.
 *
 * A request that fails (connection lost, 503, time-out) is sent again with the same stepId; a 409 STEP_CLOSED on that
 * second attempt means the first one went through. A draft or a file (no stepId) whose answer was lost is not sent
 * again, and may be found once or not at all.
 *
 * Settings: FAULTS_KILLS (default 50), FAULTS_SEED (default: random; printed), FAULTS_CONCURRENCY (tasks driven at
 * once, default 6). Exit code 1 when any count of the table is not 0.
 */
import 'reflect-metadata';
import { createHash } from 'crypto';
import { chmodSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Connection, Client } from '@temporalio/client';
import { taskSnapshotQuery, TaskSnapshot } from '@app/contracts';
import {
  EmbeddedPostgres,
  freePorts,
  ManagedProcess,
  spawnManaged,
  startEmbeddedPostgres,
  startTemporalDevServer,
  TemporalDevServer,
} from '@tools/devstack';
import { startTestApp, TestApp } from '../support/app';
import { SEARCH_ATTRIBUTE_CLI_TYPES } from '@app/contracts';

const ROOT = path.resolve(__dirname, '..', '..');

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`Biến môi trường ${name} phải là số nguyên không âm (đang là "${raw}").`);
    process.exit(2);
  }
  return n;
}

const KILLS = positiveInt('FAULTS_KILLS', 50);
const CONCURRENCY = Math.max(1, positiveInt('FAULTS_CONCURRENCY', 6));
const SEED = positiveInt('FAULTS_SEED', Math.floor(Math.random() * 1e9));

/** A small seeded generator (mulberry32): the same FAULTS_SEED gives the same kill moments and order of work. */
let rngState = SEED >>> 0;
function random(): number {
  rngState = (rngState + 0x6d2b79f5) >>> 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (lo: number, hi: number) => lo + random() * (hi - lo);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

// ---------------------------------------------------------------- the services, restartable

interface Stack {
  dir: string;
  pg: EmbeddedPostgres;
  pgPort: number;
  temporal: TemporalDevServer;
  temporalPort: number;
  app: TestApp;
  worker: ManagedProcess | null;
  workerStarts: number;
  workerExitsUnasked: number;
}

async function startPg(dir: string, port: number): Promise<EmbeddedPostgres> {
  return startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, databases: ['cchc'], ephemeral: true });
}

async function startTemporal(dir: string, port: number): Promise<TemporalDevServer> {
  return startTemporalDevServer({ port, dbFilename: path.join(dir, 'temporal.db'), readyTimeoutMs: 120000, searchAttributes: SEARCH_ATTRIBUTE_CLI_TYPES });
}

/** The worker as its own OS process, as `npm start` runs it: kill -9 is then a real crash. */
function spawnWorker(s: Stack): ManagedProcess {
  const proc = spawnManaged('worker', process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: s.app.config.databaseUrl,
      TEMPORAL_ADDRESS: s.temporal.address,
      TEMPORAL_TASK_QUEUE: s.app.config.taskQueue,
      CCHC_COMMUNE: s.app.commune,
    },
    stopSignal: 'SIGTERM',
    stopTimeoutMs: 10000,
  });
  s.workerStarts++;
  const me = proc;
  const startedAt = Date.now();
  void proc.exited.then((info) => {
    // A worker that dies on its own (e.g. while Temporal restarts) is started again, and counted with its last words.
    if (s.worker === me && !stopping) {
      s.workerExitsUnasked++;
      const last = me.recentOutput(40).split('\n').filter((l) => /error|fail|exit|shut|cannot|refused|terminat/i.test(l)).slice(-2).join(' | ');
      unaskedExits.push(`${info.signal ?? `exit ${info.code}`} after ${seconds(startedAt)}: ${last.slice(0, 300) || '(no output)'}`);
      s.worker = spawnWorker(s);
    }
  });
  return proc;
}

let stopping = false;
const unaskedExits: string[] = [];

// ---------------------------------------------------------------- HTTP, with the retry rules of the header

interface Sent {
  taskId: string;
  number: number;
  action: 'assign' | 'draft' | 'attach' | 'submit' | 'approve' | 'return';
  actor: string;
  stepId?: string;
  /** accepted: 2xx (possibly after retries); closedOnRetry: 409 on a retry, i.e. an earlier attempt went through. */
  outcome: 'accepted' | 'closedOnRetry' | 'refused' | 'unknown';
  status: number;
  attempts: number;
  draftContent?: string;
  attachment?: { id: string; sha256: string; size: number };
}

const sent: Sent[] = [];
const tokens = new Map<string, string>();
let baseUrl = '';

async function http(method: string, url: string, token: string, body?: unknown, file?: { name: string; bytes: Buffer }) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  let payload: BodyInit | undefined;
  if (file) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    payload = form;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  try {
    const res = await fetch(`${baseUrl}/api${url}`, { method, headers, body: payload, signal: AbortSignal.timeout(90000) });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = { raw: text.slice(0, 200) };
    }
    return { status: res.status, body: json };
  } catch (e) {
    return { status: 0, body: { error: (e as Error).message } };
  }
}

const retryable = (status: number) => status === 0 || status >= 500;

/** One action; a lost answer is asked again when the action carries a stepId (idempotent), never otherwise. */
async function act(entry: Omit<Sent, 'outcome' | 'status' | 'attempts'>, send: () => ReturnType<typeof http>, idempotent: boolean): Promise<Sent & { body: any }> {
  let attempts = 0;
  for (;;) {
    attempts++;
    const res = await send();
    const done = (outcome: Sent['outcome']) => {
      const record = { ...entry, outcome, status: res.status, attempts };
      sent.push(record);
      return { ...record, body: res.body };
    };
    if (res.status >= 200 && res.status < 300) return done('accepted');
    if (!retryable(res.status)) return done(attempts > 1 && res.status === 409 && res.body?.code === 'STEP_CLOSED' ? 'closedOnRetry' : 'refused');
    if (!idempotent || attempts >= 40) return done('unknown');
    await sleep(between(500, 2000));
  }
}

// ---------------------------------------------------------------- the decision loop

interface TaskRef {
  id: string;
  number: number;
  unit: string;
}

const people = new Map<string, { head: string; staff: string; staffId: string }>();
const HEADS: Record<string, string> = { VP: 'vp.chanhvanphong', VHXH: 'vhxh.truongphong', KT: 'kt.truongphong', TTPVHCC: 'ttpvhcc.giamdoc', TTDVSNC: 'ttdvsnc.giamdoc' };
const STAFF: Record<string, string> = { VP: 'vp.chuyenvien', VHXH: 'vhxh.cchc', KT: 'kt.chuyenvien', TTPVHCC: 'ttpvhcc.chuyenvien', TTDVSNC: 'ttdvsnc.chuyenvien' };

const stuck: string[] = [];

/** The open step of `kind` for this task in `user`'s inbox, waiting for the chain to get there. */
async function waitForStep(task: TaskRef, user: string, kind: string): Promise<string | null> {
  const deadline = Date.now() + 180000;
  while (Date.now() < deadline) {
    const res = await http('GET', '/inbox', tokens.get(user)!);
    if (res.status === 200) {
      const item = (res.body as any[]).find((x) => x.taskId === task.id && x.kind === kind);
      if (item) return item.stepId as string;
    }
    await sleep(300);
  }
  const now = await http('GET', `/tasks/${task.id}`, tokens.get('vhxh.cchc')!);
  const open = (now.body?.steps ?? []).map((x: any) => `${x.kind} ${x.stepId}`).join(', ');
  stuck.push(`nhiệm vụ ${task.number}: bước ${kind} không đến hộp việc của ${user} sau 180 s (trạng thái ${now.body?.status}, bước mở: ${open || 'không'})`);
  return null;
}

let faultsOver = false;
let rounds = 0;

/** One task through the chain: assign once, then rounds of draft → file → submit → unit approves → VH-XH returns. */
async function drive(task: TaskRef): Promise<void> {
  const { head, staff, staffId } = people.get(task.unit)!;
  const base = { taskId: task.id, number: task.number };
  const stepId = await waitForStep(task, head, 'ASSIGN');
  if (!stepId) return;
  const assigned = await act({ ...base, action: 'assign', actor: head, stepId }, () => http('POST', `/tasks/${task.id}/assign`, tokens.get(head)!, { assigneeId: staffId, stepId }), true);
  if (assigned.outcome === 'refused' || assigned.outcome === 'unknown') return;

  for (let round = 1; ; round++) {
    rounds++;
    const last = faultsOver || round >= 12;
    const draftStep = await waitForStep(task, staff, 'DRAFT');
    if (!draftStep) return;
    const content = `Báo cáo nhiệm vụ ${task.number}, vòng ${round} (${Math.floor(random() * 1e9)})`;
    await act({ ...base, action: 'draft', actor: staff, draftContent: content }, () => http('PUT', `/tasks/${task.id}/draft`, tokens.get(staff)!, { content }), false);
    const bytes = Buffer.from(`Số liệu nhiệm vụ ${task.number}, vòng ${round}: ${random()}`);
    const up = await act({ ...base, action: 'attach', actor: staff }, () => http('POST', `/tasks/${task.id}/attachments`, tokens.get(staff)!, undefined, { name: `so-lieu-${task.number}-${round}.txt`, bytes }), false);
    if (up.outcome === 'accepted') up.attachment = { id: up.body.id, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    sent[sent.length - 1].attachment = up.attachment;
    const submitted = await act({ ...base, action: 'submit', actor: staff, stepId: draftStep }, () => http('POST', `/tasks/${task.id}/submit`, tokens.get(staff)!, { stepId: draftStep }), true);
    if (submitted.outcome === 'refused') {
      // A draft whose save was lost: the next round writes another.
      if (submitted.status === 409 || submitted.status === 400 || submitted.status === 422) continue;
      return;
    }
    // A task VH-XH leads alone skips its own review: its unit head returns it instead, and it goes to the Chairman.
    const vhxhLeads = task.unit === 'VHXH';
    type Decision = [string, string, 'approve' | 'return'];
    const vhxhApproves: Decision[] = vhxhLeads ? [] : [['vhxh.truongphong', 'VHXH_REVIEW', 'approve']];
    const chain: Decision[] = last
      ? [[head, 'UNIT_REVIEW', 'approve'], ...vhxhApproves, ['chutich', 'CHAIRMAN_REVIEW', 'approve']]
      : vhxhLeads
        ? [[head, 'UNIT_REVIEW', 'return']]
        : [[head, 'UNIT_REVIEW', 'approve'], ['vhxh.truongphong', 'VHXH_REVIEW', 'return']];
    for (const [who, kind, decision] of chain) {
      const step = await waitForStep(task, who, kind);
      if (!step) return;
      const body = { decision, stepId: step, ...(decision === 'return' ? { comment: `Bổ sung số liệu (vòng ${round})` } : {}) };
      const res = await act({ ...base, action: decision, actor: who, stepId: step }, () => http('POST', `/tasks/${task.id}/decision`, tokens.get(who)!, body), true);
      if (res.outcome === 'refused' || res.outcome === 'unknown') return;
    }
    if (last) return;
  }
}

// ---------------------------------------------------------------- faults

async function faults(s: Stack): Promise<{ kills: number; temporalRestarts: number; pgRestarts: number }> {
  const count = { kills: 0, temporalRestarts: 0, pgRestarts: 0 };
  const temporalAt = Math.floor(KILLS / 3);
  const pgAt = Math.floor((2 * KILLS) / 3);
  for (let i = 1; i <= KILLS; i++) {
    await sleep(between(1000, 6000));
    const victim = s.worker;
    if (victim && !victim.hasExited()) {
      s.worker = null; // not an unasked exit: this one we kill
      process.kill(victim.pid, 'SIGKILL');
      await victim.exited;
      count.kills++;
      await sleep(between(0, 1500));
      s.worker = spawnWorker(s);
    }
    if (i === temporalAt || (KILLS < 3 && i === KILLS)) {
      const since = Date.now();
      await s.temporal.stop();
      await sleep(between(1000, 3000));
      s.temporal = await startTemporal(s.dir, s.temporalPort);
      count.temporalRestarts++;
      console.log(`  Temporal dev server khởi động lại trên cùng tệp SQLite (${seconds(since)})`);
    }
    if (i === pgAt || (KILLS < 3 && i === KILLS)) {
      const since = Date.now();
      await s.pg.stop();
      await sleep(between(1000, 3000));
      s.pg = await startPg(s.dir, s.pgPort);
      count.pgRestarts++;
      console.log(`  PostgreSQL khởi động lại trên cùng thư mục dữ liệu (${seconds(since)})`);
    }
    if (i % 10 === 0) console.log(`  ${i}/${KILLS} lần kill -9 worker`);
  }
  return count;
}

// ---------------------------------------------------------------- the checks

/** The trail event each stepped action leaves. */
const EVENT_OF: Record<Sent['action'], string> = {
  assign: 'ASSIGNED',
  draft: 'DRAFT_SAVED',
  attach: 'ATTACHMENT_ADDED',
  submit: 'SUBMITTED',
  approve: 'APPROVED',
  return: 'RETURNED',
};

interface Findings {
  neverApplied: string[];
  doubled: string[];
  stuck: string[];
  filesMissing: string[];
  /** Changes the read model set aside (bad data, or a row gone): none are expected; the first place to look. */
  setAside: string[];
}

async function check(s: Stack, tasks: TaskRef[]): Promise<Findings> {
  const f: Findings = { neverApplied: [], doubled: [], stuck: [...stuck], filesMissing: [], setAside: [] };
  const q = (sql: string, params: unknown[] = []) => s.app.ds.query(sql, params);
  const connection = await Connection.connect({ address: s.temporal.address });
  const client = new Client({ connection });
  try {
    // Quiet first: the workflows have written everything they hold into the read model.
    const workflowState = new Map<string, TaskSnapshot | null>();
    const deadline = Date.now() + 120000;
    for (const task of tasks) {
      const row = (await q(`SELECT workflow_id, last_seq FROM plan_tasks WHERE id = $1`, [task.id]))[0];
      let snapshot: TaskSnapshot | null = null;
      for (;;) {
        try {
          snapshot = await client.workflow.getHandle(row.workflow_id).query(taskSnapshotQuery);
        } catch {
          snapshot = null; // closed or not answering; compared below
        }
        const seq = (await q(`SELECT last_seq FROM plan_tasks WHERE id = $1`, [task.id]))[0].last_seq;
        if (!snapshot || snapshot.seq <= seq || Date.now() > deadline) break;
        await sleep(500);
      }
      workflowState.set(task.id, snapshot);
    }

    for (const task of tasks) {
      const label = `nhiệm vụ ${task.number}`;
      const mine = sent.filter((x) => x.taskId === task.id);
      const events: { type: string; actor_id: string | null; data: any; seq: number }[] = await q(
        `SELECT type, actor_id, data, seq FROM audit_events WHERE task_id = $1 ORDER BY seq`,
        [task.id],
      );
      const row = (await q(`SELECT status, last_seq, workflow_id FROM plan_tasks WHERE id = $1`, [task.id]))[0];
      const inbox: string[] = (await q(`SELECT step_id FROM inbox_items WHERE task_id = $1 ORDER BY step_id`, [task.id])).map((r: any) => r.step_id);
      const drafts: { content: string }[] = await q(
        // Drafts are stored by reference (text_contents); rows from before carry the text inline.
        `SELECT coalesce(d.content, c.content) AS content FROM draft_versions d LEFT JOIN text_contents c ON c.id = d.content_id WHERE d.task_id = $1`,
        [task.id],
      );

      // Accepted but never applied: every accepted action has its trace.
      for (const x of mine.filter((m) => m.outcome === 'accepted' || m.outcome === 'closedOnRetry')) {
        const actorId = (await q(`SELECT id FROM users WHERE username = $1`, [x.actor]))[0].id;
        const ok =
          x.action === 'draft'
            ? drafts.some((d) => d.content === x.draftContent)
            : x.action === 'attach'
              ? events.some((e) => e.type === 'ATTACHMENT_ADDED' && e.data?.attachmentId === x.attachment?.id)
              : events.some((e) => e.type === EVENT_OF[x.action] && e.actor_id === actorId);
        if (!ok) {
          f.neverApplied.push(
            `${label}: ${x.action} của ${x.actor} (${x.status}${x.stepId ? `, ${x.stepId}` : ''}) không có trong nhật ký ` +
              `[nhật ký: ${events.map((e) => `${e.seq}:${e.type}`).join(' ')}; quy trình ở seq ${workflowState.get(task.id)?.seq ?? '?'}]`,
          );
        }
      }
      // Counted against what was sent: more traces than attempts is a double.
      const count = (type: string) => events.filter((e) => e.type === type).length;
      const tried = (action: Sent['action']) => mine.filter((m) => m.action === action && m.outcome !== 'refused').length;
      for (const [type, action] of [['ASSIGNED', 'assign'], ['SUBMITTED', 'submit'], ['RETURNED', 'return'], ['APPROVED', 'approve']] as const) {
        if (count(type) > tried(action)) f.doubled.push(`${label}: ${count(type)} sự kiện ${type} cho ${tried(action)} lần gửi`);
      }
      for (const x of mine.filter((m) => m.action === 'draft')) {
        const n = drafts.filter((d) => d.content === x.draftContent).length;
        if (n > 1) f.doubled.push(`${label}: dự thảo "${x.draftContent}" lưu ${n} lần`);
      }
      const attachmentEvents = events.filter((e) => e.type === 'ATTACHMENT_ADDED').map((e) => e.data?.attachmentId);
      for (const id of new Set(attachmentEvents)) {
        const n = attachmentEvents.filter((a) => a === id).length;
        if (n > 1) f.doubled.push(`${label}: tệp ${id} ghi nhận ${n} lần`);
      }
      const seqs = events.map((e) => e.seq);
      if (new Set(seqs).size !== seqs.length) f.doubled.push(`${label}: số thứ tự nhật ký trùng`);

      // Stuck: the read model shows what the workflow holds, and the workflow is where the loop left it.
      const snapshot = workflowState.get(task.id);
      if (snapshot) {
        const open = snapshot.openSteps.map((o) => o.stepId).sort();
        if (JSON.stringify(open) !== JSON.stringify(inbox)) f.stuck.push(`${label}: hộp việc ${JSON.stringify(inbox)} ≠ quy trình ${JSON.stringify(open)}`);
        if (snapshot.seq > row.last_seq) f.stuck.push(`${label}: mô hình đọc dừng ở ${row.last_seq}, quy trình ở ${snapshot.seq}`);
      } else {
        const desc = await client.workflow.getHandle(row.workflow_id).describe().catch(() => null);
        if (!desc || desc.status.name === 'RUNNING') f.stuck.push(`${label}: quy trình ${row.workflow_id} không trả lời truy vấn`);
        else if (inbox.length) f.stuck.push(`${label}: quy trình đã ${desc.status.name} nhưng hộp việc còn ${JSON.stringify(inbox)}`);
      }
      const desc = await client.workflow.getHandle(row.workflow_id).describe().catch(() => null);
      const raw = desc?.raw as any;
      for (const a of raw?.pendingActivities ?? []) {
        if ((a.attempt ?? 1) > 1) f.stuck.push(`${label}: hoạt động ${a.activityType?.name} đang thử lại lần ${a.attempt}: ${a.lastFailure?.message ?? ''}`);
      }

      // Files: each accepted upload is stored, linked to the task, and reads back byte for byte.
      for (const x of mine.filter((m) => m.action === 'attach' && m.outcome === 'accepted' && m.attachment)) {
        const a = x.attachment!;
        const rows: { sha256: string; size: number; linked: boolean; content: Buffer }[] = await q(
          `SELECT sha256, size, linked, content FROM attachments WHERE id = $1 AND task_id = $2`,
          [a.id, task.id],
        );
        const stored = rows[0];
        if (!stored) f.filesMissing.push(`${label}: tệp ${a.id} không còn trong cơ sở dữ liệu`);
        else if (!stored.linked) f.filesMissing.push(`${label}: tệp ${a.id} không gắn vào nhiệm vụ`);
        else if (stored.sha256 !== a.sha256 || createHash('sha256').update(stored.content).digest('hex') !== a.sha256) f.filesMissing.push(`${label}: tệp ${a.id} sai nội dung`);
      }
    }
    const setAside: { workflow_id: string; seq: number; event_type: string; error: string }[] = await q(
      `SELECT workflow_id, seq, event_type, error FROM read_model_set_aside ORDER BY set_aside_at`,
    );
    f.setAside = setAside.map((r) => `${r.workflow_id}#${r.seq} ${r.event_type}: ${r.error}`);
  } finally {
    await connection.close();
  }
  return f;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const t0 = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-faults-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as user postgres when we are root: it must reach its folder inside
  const [pgPort, temporalPort] = await freePorts(2);
  const s = { dir, pgPort, temporalPort, worker: null, workerStarts: 0, workerExitsUnasked: 0 } as unknown as Stack;
  try {
    console.log(`test:faults — ${KILLS} lần kill -9 worker (FAULTS_KILLS), ${CONCURRENCY} nhiệm vụ song song, seed ${SEED} (FAULTS_SEED)`);
    [s.pg, s.temporal] = await Promise.all([startPg(dir, pgPort), startTemporal(dir, temporalPort)]);
    process.env.DATABASE_URL = s.pg.url('cchc');
    process.env.TEMPORAL_ADDRESS = s.temporal.address;
    s.app = await startTestApp({ worker: false });
    baseUrl = s.app.url;
    s.worker = spawnWorker(s);
    for (const u of ['vhxh.cchc', 'vhxh.truongphong', 'chutich', ...Object.values(HEADS), ...Object.values(STAFF)]) tokens.set(u, await s.app.login(u));
    const activated = await http('POST', `/plans/${s.app.planId}/activate`, tokens.get('vhxh.cchc')!);
    if (activated.status !== 200) throw new Error(`kích hoạt kế hoạch: ${activated.status} ${JSON.stringify(activated.body)}`);

    const all = (await http('GET', `/plans/${s.app.planId}/tasks`, tokens.get('vhxh.cchc')!)).body as any[];
    const tasks: TaskRef[] = all.filter((x) => x.leadUnits.length === 1).map((x) => ({ id: x.id, number: x.number, unit: x.leadUnits[0].code }));
    for (const unit of Object.keys(HEADS)) {
      const staff = (await http('GET', `/users?unit=${unit}&role=STAFF`, tokens.get(HEADS[unit])!)).body as any[];
      const member = staff.find((p) => p.username === STAFF[unit]) ?? staff[0];
      people.set(unit, { head: HEADS[unit], staff: member.username, staffId: member.id });
    }
    console.log(`  ${tasks.length} nhiệm vụ một đơn vị chủ trì; bắt đầu (${seconds(t0)})`);

    const faulting = faults(s).finally(() => {
      faultsOver = true;
    });
    const queue = [...tasks].sort(() => random() - 0.5);
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await drive(task);
    });
    const [count] = await Promise.all([faulting, ...workers]);
    console.log(`  vòng lặp quyết định xong (${seconds(t0)}); kiểm tra…`);
    if (!s.worker || s.worker.hasExited()) s.worker = spawnWorker(s);

    const f = await check(s, tasks);
    const by = (o: Sent['outcome']) => sent.filter((x) => x.outcome === o).length;
    console.log('');
    console.log('| measure | count |');
    console.log('|---|---:|');
    console.log(`| worker killed with kill -9 | ${count.kills} |`);
    console.log(`| worker exits not asked for (restarted) | ${s.workerExitsUnasked} |`);
    console.log(`| Temporal dev server restarts (same SQLite file) | ${count.temporalRestarts} |`);
    console.log(`| PostgreSQL restarts (same data folder) | ${count.pgRestarts} |`);
    console.log(`| actions sent (assign, draft, file, submit, approve, return) | ${sent.length} |`);
    console.log(`| … accepted (2xx) | ${by('accepted')} |`);
    console.log(`| … 409 on a retry (the lost attempt went through) | ${by('closedOnRetry')} |`);
    console.log(`| … answer lost, not resent (draft, file) | ${by('unknown')} |`);
    console.log(`| … refused (4xx) | ${by('refused')} |`);
    console.log(`| … sent more than once | ${sent.filter((x) => x.attempts > 1).length} |`);
    console.log(`| chain rounds | ${rounds} |`);
    console.log(`| **decisions accepted but never applied** | ${f.neverApplied.length} |`);
    console.log(`| **trail / read-model rows doubled** | ${f.doubled.length} |`);
    console.log(`| **workflows stuck** | ${f.stuck.length} |`);
    console.log(`| **files missing** | ${f.filesMissing.length} |`);
    for (const [title, list] of [['never applied', f.neverApplied], ['doubled', f.doubled], ['stuck', f.stuck], ['files missing', f.filesMissing]] as const) {
      if (list.length) console.log(`\n${title}:\n${list.slice(0, 20).map((l) => `  - ${l}`).join('\n')}`);
    }
    if (f.setAside.length) console.log(`\nset aside by the read model:\n${f.setAside.map((l) => `  - ${l}`).join('\n')}`);
    if (unaskedExits.length) console.log(`\nworker exits not asked for:\n${unaskedExits.slice(0, 10).map((l) => `  - ${l}`).join('\n')}`);
    const refused = sent.filter((x) => x.outcome === 'refused');
    if (refused.length) {
      const kinds = new Map<string, number>();
      for (const r of refused) kinds.set(`${r.action} ${r.status}`, (kinds.get(`${r.action} ${r.status}`) ?? 0) + 1);
      console.log(`\nrefused: ${[...kinds].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
    }
    console.log(`\nTổng thời gian ${seconds(t0)}.`);
    process.exitCode = f.neverApplied.length + f.doubled.length + f.stuck.length + f.filesMissing.length ? 1 : 0;
  } finally {
    stopping = true;
    await s.worker?.stop().catch(() => undefined);
    await s.app?.stop().catch((e) => console.error(`api: ${(e as Error).message}`));
    await s.temporal?.stop().catch(() => undefined);
    await s.pg?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
