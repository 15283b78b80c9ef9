/**
 * Test harness for the workflows (Node side, never bundled): a time-skipping Temporal server, a worker per
 * test whose only activity records every read-model change, demo people of a commune, and a driver that
 * finds the open step and sends the update the way the API will.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import {
  addAttachmentUpdate,
  assignUpdate,
  contributeUpdate,
  decideUpdate,
  requestContributionsUpdate,
  saveDraftUpdate,
  setScheduleUpdate,
  submitUpdate,
  taskSnapshotQuery,
  taskWorkflowId,
  type OpenStep,
  type StepKind,
  type TaskActivities,
  type PlanActivities,
  type DeadlineRules,
  DEFAULT_DEADLINE_SETTINGS,
  type TaskChange,
  type TaskSnapshot,
  type TaskWorkflowInput,
  type UnitCode,
  type ReportActivities,
  type ReportChange,
  type ReportWorkflowInput,
  type ReportPeriod,
  reportWorkflowId,
} from '@app/contracts';
import { bundleWorkflows } from '../../../workflows/src/bundle';
import { taskWorkflow } from '../../../workflows/src/task/workflow';
import { reportWorkflow } from '../../../workflows/src/report/workflow';
import { ReportDriver } from './report-driver';
import { communeDate } from '@app/domain';
import { asAssignee, peopleOf, type People, type Person } from './people';

export * from './people';
export { ReportDriver } from './report-driver';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export const TEST_SERVER_PATH =
  process.env.TEMPORAL_TEST_SERVER_PATH ?? path.join(repoRoot, '.tools', 'python', 'bin', 'temporal-test-server');

/**
 * The worker's core logs at INFO, and warns on every worker start that the test server lacks a heartbeat
 * capability these workflows do not use; tests only need errors. Installable once per process.
 */
export function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
  } catch {
    // Already installed by an earlier file in this process.
  }
}

/** Files whose content decides the bundle: workflow code (not tests or Node-side helpers) and contracts. */
function bundleInputs(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'testing') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        files.push(full);
      }
    }
  };
  walk(path.join(repoRoot, 'workflows', 'src'));
  walk(path.join(repoRoot, 'libs', 'contracts', 'src'));
  walk(path.join(repoRoot, 'libs', 'domain', 'src'));
  files.push(require.resolve('@temporalio/workflow/package.json'));
  return files.sort();
}

/**
 * Bundling takes seconds on these machines; test files share one bundle per content hash in the temp
 * folder, so only the first file of a run (or a run after a code change) pays for it.
 */
export async function bundleForTests(): Promise<WorkflowBundleWithSourceMap> {
  const hash = createHash('sha256');
  for (const file of bundleInputs()) hash.update(file).update(fs.readFileSync(file));
  const dir = path.join(os.tmpdir(), 'cchc-workflow-bundles');
  const cached = path.join(dir, `${hash.digest('hex').slice(0, 24)}.json`);
  if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, 'utf8')) as WorkflowBundleWithSourceMap;
  const bundle = await bundleWorkflows({ logger: new DefaultLogger('WARN') });
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(partial, JSON.stringify(bundle));
  fs.renameSync(partial, cached);
  return bundle;
}

/**
 * A time-skipping server whose clock starts at `startIso` (UTC), for tests pinned to a calendar (Tết 2026): the server
 * runs with Debian's libfaketime preloaded, which shifts only that process's clock. The library is preloaded by the
 * server's own process (not through the `faketime` wrapper, which would stand between the SDK and the server and
 * keep it from stopping).
 */
export async function createTestEnvAt(startIso: string): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const lib = ['/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1', '/usr/lib/faketime/libfaketime.so.1'].find((f) =>
    fs.existsSync(f),
  );
  if (!lib) throw new Error('libfaketime not found: install it with `apt-get install -y faketime` (.ci/run does).');
  const when = startIso.replace('T', ' ').replace(/\.\d+/, '').replace(/Z$/, '');
  const wrapper = path.join(os.tmpdir(), `cchc-test-server-at-${when.replace(/[^0-9]/g, '')}.sh`);
  fs.writeFileSync(wrapper, `#!/bin/sh\nLD_PRELOAD="${lib}" FAKETIME="@${when}" exec "${TEST_SERVER_PATH}" "$@"\n`, { mode: 0o755 });
  return TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: wrapper } } });
}

export async function createTestEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TEST_SERVER_PATH } },
  });
}

// ---- Recording the activity (the edge) ----

export class ChangeRecorder {
  readonly changes: TaskChange[] = [];
  /** Every call, including failed attempts (to see retries). */
  attempts = 0;
  private failuresLeft = 0;
  readonly activities: TaskActivities & PlanActivities & ReportActivities = {
    applyReportChange: async (change) => {
      this.reportChanges.push(JSON.parse(JSON.stringify(change)) as ReportChange);
    },
    notifyReportEvent: async (change) => {
      this.reportNotified.push(JSON.parse(JSON.stringify(change)) as ReportChange);
    },
    sendReport: async (input) => {
      this.sendAttempts += 1;
      if (this.sendFailuresLeft > 0) {
        this.sendFailuresLeft -= 1;
        throw new Error('SMTP server not answering (simulated)');
      }
      const key = `${input.workflowId}#${input.submission}`;
      // Idempotent per submission, as the real activity: a retry of a sending that went returns the same message.
      const earlier = this.sent.find((m) => m.key === key);
      if (earlier) return earlier.result;
      const result = { to: 'sonoivu@haiphong.gov.vn', messageId: `<${randomUUID()}@cchc.test>`, at: new Date().toISOString() };
      this.sent.push({ key, input, result });
      return result;
    },
    notifyLateAtActivation: async (input) => {
      this.lateLists.push(input);
    },
    reportsToOpen: async () => this.reports,
    applyTaskChange: async (change) => {
      this.attempts += 1;
      if (this.failuresLeft > 0) {
        this.failuresLeft -= 1;
        throw new Error('read model unavailable (simulated)');
      }
      this.changes.push(JSON.parse(JSON.stringify(change)) as TaskChange);
    },
    deadlineRules: async () => this.rules,
    notifyTaskEvent: async (change) => {
      this.notified.push(JSON.parse(JSON.stringify(change)) as TaskChange);
    },
  };
  /** The deadline rules the workflow is given (the test may set a calendar or other settings). */
  rules: DeadlineRules = { calendar: { holidays: [], workingSaturdays: [] }, settings: DEFAULT_DEADLINE_SETTINGS };
  /** Changes handed to the notifications activity, in order. */
  readonly notified: TaskChange[] = [];
  /** The reports the plan workflow is told to open (none unless a test says so). */
  reports: Awaited<ReturnType<PlanActivities['reportsToOpen']>> = [];
  /** The plan workflow's one list of what was late at activation. */
  readonly lateLists: { commune: string; planId: string; year: number }[] = [];
  /** Report changes written to the read model, and handed to the notifications, in order. */
  readonly reportChanges: ReportChange[] = [];
  readonly reportNotified: ReportChange[] = [];
  /** Reports sent to Sở Nội vụ (one per submission), and every attempt. */
  readonly sent: { key: string; input: Parameters<ReportActivities['sendReport']>[0]; result: { to: string; messageId: string; at: string } }[] = [];
  sendAttempts = 0;
  private sendFailuresLeft = 0;
  /** The next `n` sendings fail, as when the mail server does not answer. */
  failSends(n: number): void {
    this.sendFailuresLeft = n;
  }
  reportOf(workflowId: string): ReportChange[] {
    return this.reportChanges.filter((c) => c.workflowId === workflowId);
  }
  /** The next `n` writes fail, as when the database is briefly down. */
  failNext(n: number): void {
    this.failuresLeft = n;
  }
  of(workflowId: string): TaskChange[] {
    return this.changes.filter((c) => c.workflowId === workflowId);
  }
}

/** The error code and message a rejected update carries (what the API maps to HTTP). */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ type: string | undefined | null; message: string }> {
  try {
    await promise;
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : err;
    if (cause instanceof ApplicationFailure) return { type: cause.type, message: cause.message };
    throw err;
  }
  throw new Error('Expected the update to be rejected, but it was accepted');
}

// ---- Driving a task workflow like the API does ----

export class TaskDriver {
  constructor(
    readonly handle: WorkflowHandle<typeof taskWorkflow>,
    readonly workflowId: string,
  ) {}

  snapshot(): Promise<TaskSnapshot> {
    return this.handle.query(taskSnapshotQuery);
  }

  /** The open step of a kind (and unit), as the API finds it in the read model. */
  async step(kind: StepKind, unit?: UnitCode | null): Promise<OpenStep> {
    const snap = await this.snapshot();
    const step = snap.openSteps.find((s) => s.kind === kind && (unit === undefined || s.unit === unit));
    if (!step) throw new Error(`No open ${kind}${unit ? ` for ${unit}` : ''} step: ${JSON.stringify(snap.openSteps)}`);
    return step;
  }

  async assign(actor: Person, assignee: Person, unit: UnitCode = actor.unit!): Promise<TaskSnapshot> {
    const { stepId } = await this.step('ASSIGN', unit);
    return this.handle.executeUpdate(assignUpdate, { args: [{ actor, stepId, assignee: asAssignee(assignee) }] });
  }

  saveDraft(actor: Person, content: string): Promise<TaskSnapshot> {
    return this.handle.executeUpdate(saveDraftUpdate, { args: [{ actor, content }] });
  }

  addAttachment(actor: Person, name: string): Promise<TaskSnapshot> {
    const attachment = { id: randomUUID(), name, size: 1024, sha256: 'a'.repeat(64) };
    return this.handle.executeUpdate(addAttachmentUpdate, { args: [{ actor, attachment }] });
  }

  async submit(actor: Person, unit: UnitCode = actor.unit!, note?: string): Promise<TaskSnapshot> {
    const { stepId } = await this.step('DRAFT', unit);
    return this.handle.executeUpdate(submitUpdate, { args: [{ actor, stepId, note }] });
  }

  /** Saves a version and submits it. */
  async draftAndSubmit(actor: Person, content: string, unit: UnitCode = actor.unit!): Promise<TaskSnapshot> {
    await this.saveDraft(actor, content);
    return this.submit(actor, unit);
  }

  async decide(
    actor: Person,
    kind: 'UNIT_REVIEW' | 'VHXH_REVIEW' | 'CHAIRMAN_REVIEW',
    decision: 'approve' | 'return',
    comment?: string,
    unit?: UnitCode,
  ): Promise<TaskSnapshot> {
    const { stepId } = await this.step(kind, unit);
    return this.decideOn(stepId, actor, decision, comment);
  }

  decideOn(stepId: string, actor: Person, decision: 'approve' | 'return', comment?: string): Promise<TaskSnapshot> {
    return this.handle.executeUpdate(decideUpdate, { args: [{ actor, stepId, decision, comment }] });
  }

  requestContributions(actor: Person, requests: { unit: UnitCode; dueAt: string | null }[]): Promise<TaskSnapshot> {
    return this.handle.executeUpdate(requestContributionsUpdate, { args: [{ actor, requests }] });
  }

  contribute(actor: Person, unit: UnitCode, content: string): Promise<TaskSnapshot> {
    return this.handle.executeUpdate(contributeUpdate, { args: [{ actor, unit, content }] });
  }

  setSchedule(actor: Person, dueDates: string[]): Promise<TaskSnapshot> {
    return this.handle.executeUpdate(setScheduleUpdate, { args: [{ actor, dueDates }] });
  }

  /**
   * Waits for the workflow to close and returns its status. Deliberately not `handle.result()`: on the
   * time-skipping server that unlocks time skipping, and the server then jumps to its next internal timer
   * (years ahead), which breaks every later test's dates.
   */
  async closedStatus(timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status } = await this.handle.describe();
      if (status.name !== 'RUNNING' || Date.now() > deadline) return status.name;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

// ---- One test: its own commune (so workflow ids are unique), worker and recorder ----

let testCounter = 0;

export interface TaskTest {
  env: TestWorkflowEnvironment;
  commune: string;
  people: People;
  recorder: ChangeRecorder;
  taskQueue: string;
  /** The workflow clock's date in the commune's zone, and the next calendar year. */
  today: string;
  nextYear: number;
  taskInput(overrides?: Partial<TaskWorkflowInput>): TaskWorkflowInput;
  startTask(overrides?: Partial<TaskWorkflowInput>): Promise<TaskDriver>;
  /** A report workflow of this commune (units VP, KT, TTPVHCC; VH-XH reviews), for the period and dates given. */
  reportInput(overrides?: Partial<ReportWorkflowInput>): ReportWorkflowInput;
  startReport(overrides?: Partial<ReportWorkflowInput>): Promise<ReportDriver>;
  /** Workflows to terminate when the test ends, so their timers never fire into later tests. */
  track(workflowId: string): void;
}

export async function runTaskTest<T>(
  env: TestWorkflowEnvironment,
  workflowBundle: WorkflowBundleWithSourceMap,
  body: (t: TaskTest) => Promise<T>,
): Promise<T> {
  testCounter += 1;
  const commune = `xa-${testCounter}-${randomUUID().slice(0, 8)}`;
  const taskQueue = `cchc-test-${commune}`;
  const recorder = new ChangeRecorder();
  const tracked = new Set<string>();
  const today = communeDate(await env.currentTimeMs());
  const nextYear = Number(today.slice(0, 4)) + 1;

  const taskInput = (overrides: Partial<TaskWorkflowInput> = {}): TaskWorkflowInput => ({
    commune,
    planId: `plan-${commune}`,
    year: nextYear,
    taskId: `task-${overrides.number ?? 12}`,
    number: 12,
    title: 'Rà soát, đánh giá thủ tục hành chính thuộc lĩnh vực kinh tế',
    leadUnits: ['KT'],
    coUnits: ['VP'],
    deadlineKind: 'FIXED',
    dueDates: [`${nextYear}-06-30`],
    ...overrides,
  });

  const reportInput = (overrides: Partial<ReportWorkflowInput> = {}): ReportWorkflowInput => {
    const period: ReportPeriod = overrides.period ?? 'Q2';
    return {
      commune,
      planId: `plan-${commune}`,
      year: nextYear,
      period,
      reportId: `report-${period}`,
      units: ['VP', 'KT', 'TTPVHCC'],
      reviewingUnit: 'VHXH',
      inputDueAt: `${nextYear}-06-05`,
      dueAt: `${nextYear}-06-10`,
      ...overrides,
    };
  };

  const t: TaskTest = {
    env,
    commune,
    people: peopleOf(commune),
    recorder,
    taskQueue,
    today,
    nextYear,
    taskInput,
    reportInput,
    async startReport(overrides = {}) {
      const input = reportInput(overrides);
      const workflowId = reportWorkflowId(input.commune, input.year, input.period);
      tracked.add(workflowId);
      const handle = await env.client.workflow.start(reportWorkflow, { taskQueue, workflowId, args: [input] });
      return new ReportDriver(handle, workflowId);
    },
    track: (id) => void tracked.add(id),
    async startTask(overrides = {}) {
      const input = taskInput(overrides);
      const workflowId = taskWorkflowId(input.commune, input.year, input.number);
      tracked.add(workflowId);
      const handle = await env.client.workflow.start(taskWorkflow, { taskQueue, workflowId, args: [input] });
      return new TaskDriver(handle, workflowId);
    },
  };

  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    activities: recorder.activities,
  });
  return worker.runUntil(async () => {
    try {
      return await body(t);
    } finally {
      await Promise.all([...tracked].map((id) => terminateQuietly(env, id)));
    }
  });
}

/**
 * True when no workflow task and no activity is in flight, judged from the history (the time-skipping
 * server's describe does not report a pending workflow task).
 */
async function quiescent(handle: WorkflowHandle): Promise<boolean> {
  const { events } = await handle.fetchHistory();
  let openTasks = 0;
  for (const e of events ?? []) {
    if (e.workflowTaskScheduledEventAttributes || e.activityTaskScheduledEventAttributes) openTasks += 1;
    if (
      e.workflowTaskCompletedEventAttributes ||
      e.workflowTaskFailedEventAttributes ||
      e.workflowTaskTimedOutEventAttributes ||
      e.activityTaskCompletedEventAttributes ||
      e.activityTaskFailedEventAttributes ||
      e.activityTaskTimedOutEventAttributes ||
      e.activityTaskCanceledEventAttributes
    ) {
      openTasks -= 1;
    }
  }
  return openTasks <= 0;
}

/**
 * Terminates a workflow left open by a test, so its timers never fire into a later test. It first waits
 * until nothing is in flight: the time-skipping server keeps its clock locked for a task it handed out to
 * a workflow that is then terminated, and every later `env.sleep` would wait in real time.
 */
export async function terminateQuietly(env: TestWorkflowEnvironment, workflowId: string): Promise<void> {
  const handle = env.client.workflow.getHandle(workflowId);
  try {
    for (let i = 0; i < 200; i++) {
      const { status } = await handle.describe();
      if (status.name !== 'RUNNING') return;
      if (await quiescent(handle)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await handle.terminate('test finished');
  } catch {
    // Already closed or never started: nothing to clean up.
  }
}
