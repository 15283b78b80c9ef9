import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  assignUpdate,
  decideUpdate,
  saveDraftUpdate,
  submitUpdate,
  type Actor,
  type OpenStep,
  type StepKind,
  type TaskAction,
} from '@app/contracts';
import { communeDate } from '@app/domain';
import { startTestApp, TestApp } from '../support/app';
import { testServices } from '../support/services';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { TasksService } from '../../apps/api/src/tasks/tasks.service';

/**
 * One policy, two paths. Each case — a step kind, a person (role and unit, the drafter, the Vice Chairman with and
 * without the Chairman's delegation), an action — is tried through the API and, on the same state, straight at the
 * task's workflow with the actor the API would send, skipping the API's own check. Refusals must be the same code
 * on both paths. An allowed action is tried once per path on twin tasks brought to the same state (one by the API,
 * one by the workflow), and both must move on the same way.
 */
type Who = 'staff' | 'head' | 'actingChairman' | 'otherStaff' | 'otherHead' | 'vhxhHead' | 'coordinator' | 'chairman' | 'vice' | 'admin';
const USERNAMES: Record<Who, string> = {
  staff: 'ttpvhcc.chuyenvien',
  head: 'ttpvhcc.giamdoc',
  // A staffer of the lead unit who also holds the Chairman's role (acting Chairman): the drafter of the twins.
  actingChairman: 'ttpvhcc.quyenchutich',
  otherStaff: 'kt.chuyenvien',
  otherHead: 'kt.truongphong',
  vhxhHead: 'vhxh.truongphong',
  coordinator: 'vhxh.cchc',
  chairman: 'chutich',
  vice: 'phochutich',
  admin: 'admin',
};
const EVERYONE = Object.keys(USERNAMES) as Who[];
type Attempt = 'assign' | 'saveDraft' | 'submit' | 'approve' | 'return';
const ATTEMPTS_AT: Record<string, Attempt[]> = {
  ASSIGN: ['assign'],
  DRAFT: ['assign', 'saveDraft', 'submit'],
  UNIT_REVIEW: ['approve', 'return'],
  VHXH_REVIEW: ['approve', 'return'],
  CHAIRMAN_REVIEW: ['approve', 'return'],
};
/** The policy's name of an attempt at a step: assigning during drafting is the unit head's reassign. */
const policyAction = (state: StepKind, attempt: Attempt): TaskAction => (attempt === 'assign' && state === 'DRAFT' ? 'reassign' : attempt);
type Outcome = 'ALLOWED' | string;

describe('the approval policy answers the same through the API and inside the workflow', () => {
  let t: TestApp;
  let connection: Connection;
  let client: Client;
  const tokens: Partial<Record<Who, string>> = {};
  const ids: Record<number, string> = {};
  const workflowIds: Record<number, string> = {};
  const people: Record<string, { id: string; fullName: string; unit: string; roles: string[] }> = {};
  // The twins: A is moved by the API, B by the workflow directly.
  const A = 12;
  const B = 13;
  /** Every case tried, for the summary at the end: state, who, action → outcome (the same on both paths). */
  const table: { state: string; who: Who; action: Attempt; outcome: Outcome }[] = [];

  beforeAll(async () => {
    t = await startTestApp({ activate: true });
    const [demo] = await t.ds.query(`SELECT password_hash FROM users WHERE username = 'ttpvhcc.chuyenvien'`);
    await t.ds.query(
      `INSERT INTO users (commune, username, full_name, email, unit_code, roles, password_hash)
       VALUES ($1, 'ttpvhcc.quyenchutich', 'Lê Thị Quyền', NULL, 'TTPVHCC', '{STAFF,CHAIRMAN}', $2)`,
      [t.commune, demo.password_hash],
    );
    for (const who of EVERYONE) tokens[who] = await t.login(USERNAMES[who]);
    for (const u of (await t.http().get('/api/users').set(auth('coordinator'))).body) people[u.username] = u;
    for (const x of (await t.http().get(`/api/plans/${t.planId}/tasks`).set(auth('coordinator'))).body) {
      ids[x.number] = x.id;
      workflowIds[x.number] = x.workflowId;
    }
    for (let i = 0; i < 160; i++) {
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE snapshot IS NOT NULL`);
      if (n === 32) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    connection = await Connection.connect({ address: testServices().temporalAddress });
    client = new Client({ connection });
  });
  afterAll(async () => {
    await connection?.close();
    await t?.stop();
  });

  function auth(who: Who) {
    return { Authorization: `Bearer ${tokens[who]}` };
  }
  /** The actor exactly as the API builds it for this person today (roles, unit, the delegation he holds). */
  async function actorOf(who: Who): Promise<Actor> {
    const user = await t.app.get(AuthService).userFromToken(tokens[who]!);
    return t.app.get(TasksService).actor(user!);
  }
  async function detail(n: number, who: Who = 'coordinator') {
    const res = await t.http().get(`/api/tasks/${ids[n]}`).set(auth(who));
    return res.body as { status: string; allowedActions: string[]; currentStep: { kind: StepKind; stepId: string } | null; openSteps?: OpenStep[] };
  }
  async function stepIdOf(n: number, kind: StepKind): Promise<string> {
    const snap = await client.workflow.getHandle(workflowIds[n]).query<{ openSteps: OpenStep[] }>('snapshot');
    const step = snap.openSteps.find((s) => s.kind === kind);
    if (!step) throw new Error(`task ${n} has no open ${kind} step`);
    return step.stepId;
  }
  /** Assigned first to the staffer, then reassigned during drafting to the acting Chairman (the twins' drafter). */
  let assigneeName = USERNAMES.staff;
  const assignee = () => {
    const p = people[assigneeName];
    return { id: p.id, fullName: p.fullName, unit: 'TTPVHCC' as const, roles: p.roles as Actor['roles'] };
  };

  async function viaApi(n: number, who: Who, action: Attempt, stepId: string): Promise<Outcome> {
    const http = t.http();
    const res =
      action === 'assign'
        ? await http.post(`/api/tasks/${ids[n]}/assign`).set(auth(who)).send({ assigneeId: assignee().id, stepId })
        : action === 'saveDraft'
          ? await http.put(`/api/tasks/${ids[n]}/draft`).set(auth(who)).send({ content: 'Dự thảo' })
          : action === 'submit'
            ? await http.post(`/api/tasks/${ids[n]}/submit`).set(auth(who)).send({ stepId })
            : await http.post(`/api/tasks/${ids[n]}/decision`).set(auth(who)).send({ decision: action, stepId, comment: 'Cần bổ sung số liệu' });
    return res.status === 200 ? 'ALLOWED' : `${res.status} ${res.body.code}`;
  }
  const HTTP_OF: Record<string, number> = { NOT_YOUR_STEP: 403, SELF_APPROVAL: 403, FORBIDDEN: 403, STEP_CLOSED: 409, VALIDATION: 400, NOT_FOUND: 404 };

  async function viaWorkflow(n: number, who: Who, action: Attempt, stepId: string): Promise<Outcome> {
    const actor = await actorOf(who);
    const handle = client.workflow.getHandle(workflowIds[n]);
    try {
      if (action === 'assign') await handle.executeUpdate(assignUpdate, { args: [{ actor, stepId, assignee: assignee() }] });
      else if (action === 'saveDraft') await handle.executeUpdate(saveDraftUpdate, { args: [{ actor, content: 'Dự thảo' }] });
      else if (action === 'submit') await handle.executeUpdate(submitUpdate, { args: [{ actor, stepId }] });
      else await handle.executeUpdate(decideUpdate, { args: [{ actor, stepId, decision: action, comment: 'Cần bổ sung số liệu' }] });
      return 'ALLOWED';
    } catch (err) {
      const cause = err instanceof WorkflowUpdateFailedError ? err.cause : err;
      if (cause instanceof ApplicationFailure && cause.type) return `${HTTP_OF[cause.type] ?? '???'} ${cause.type}`;
      throw err;
    }
  }

  /**
   * Every person and action at the twins' current step. The API's allowedActions names what it would allow; those
   * are left for the twins (they would move the task); every refusal is tried on both paths, on task A.
   */
  async function sweep(state: StepKind, allowedAs: Partial<Record<Who, Attempt[]>>) {
    const stepId = await stepIdOf(A, state);
    for (const who of EVERYONE) {
      const offered = (await detail(A, who)).allowedActions;
      for (const action of ATTEMPTS_AT[state]) {
        const allowedByApi = offered.includes(policyAction(state, action));
        expect({ state, who, action, allowed: allowedByApi }).toEqual({ state, who, action, allowed: (allowedAs[who] ?? []).includes(action) });
        if (allowedByApi) continue;
        const api = await viaApi(A, who, action, stepId);
        const workflow = await viaWorkflow(A, who, action, stepId);
        expect({ state, who, action, workflow }).toEqual({ state, who, action, workflow: api });
        table.push({ state, who, action, outcome: api });
      }
    }
    expect((await detail(A)).currentStep?.kind).toBe(state);
  }

  /** The allowed action once per path: A through the API, B straight at its workflow; both land in the same state. */
  async function twins(state: StepKind, who: Who, action: Attempt) {
    const api = await viaApi(A, who, action, await stepIdOf(A, state));
    const workflow = await viaWorkflow(B, who, action, await stepIdOf(B, state));
    expect({ state, who, action, api, workflow }).toEqual({ state, who, action, api: 'ALLOWED', workflow: 'ALLOWED' });
    table.push({ state, who, action, outcome: 'ALLOWED' });
    await waitFor(async () => (await detail(B)).status === (await detail(A)).status);
  }
  async function waitFor(check: () => Promise<boolean>) {
    for (let i = 0; i < 80 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await check()).toBe(true);
  }

  it('ASSIGN: only the lead unit’s head assigns', async () => {
    await sweep('ASSIGN', { head: ['assign'] });
    await twins('ASSIGN', 'head', 'assign');
  });

  it('DRAFT: the assignee drafts and submits; the unit head may reassign; the old assignee loses access', async () => {
    // Submitting is offered once there is a draft: before it, a submit is refused on both paths alike.
    await sweep('DRAFT', { head: ['assign'], staff: ['saveDraft'] });
    // Reassigning to the same person is refused alike on both paths; to another, allowed.
    expect([await viaApi(A, 'head', 'assign', await stepIdOf(A, 'DRAFT')), await viaWorkflow(A, 'head', 'assign', await stepIdOf(A, 'DRAFT'))]).toEqual([
      '400 VALIDATION',
      '400 VALIDATION',
    ]);
    assigneeName = USERNAMES.actingChairman;
    await twins('DRAFT', 'head', 'assign');
    // The old assignee has lost the step, on both paths (the step he held has moved on: 409); the new one has it.
    expect((await detail(A, 'staff')).allowedActions).toEqual([]);
    const stepId = await stepIdOf(A, 'DRAFT');
    expect([await viaApi(A, 'staff', 'saveDraft', stepId), await viaWorkflow(A, 'staff', 'saveDraft', stepId)]).toEqual(['409 STEP_CLOSED', '409 STEP_CLOSED']);
    expect((await detail(A, 'actingChairman')).allowedActions).toContain('saveDraft');
    const history = (await t.http().get(`/api/tasks/${ids[A]}/history`).set(auth('coordinator'))).body.map((e: { type: string }) => e.type);
    expect(history).toContain('REASSIGNED');
    for (const n of [A, B]) {
      await t.http().put(`/api/tasks/${ids[n]}/draft`).set(auth('actingChairman')).send({ content: 'Dự thảo của quyền Chủ tịch' }).expect(200);
      await t.http().post(`/api/tasks/${ids[n]}/submit`).set(auth('actingChairman')).send({}).expect(200);
    }
  });

  it('UNIT_REVIEW: the unit head decides; the drafter and everyone else are refused the same way on both paths', async () => {
    await sweep('UNIT_REVIEW', { head: ['approve', 'return'] });
    await twins('UNIT_REVIEW', 'head', 'approve');
  });

  it('VHXH_REVIEW: Phòng VH-XH’s head decides', async () => {
    await sweep('VHXH_REVIEW', { vhxhHead: ['approve', 'return'] });
    await twins('VHXH_REVIEW', 'vhxhHead', 'approve');
  });

  it('CHAIRMAN_REVIEW: the Chairman decides, the drafter who also holds the Chairman’s role may not, the Vice Chairman only by delegation', async () => {
    await sweep('CHAIRMAN_REVIEW', { chairman: ['approve', 'return'] });
    const refusedTo = (who: Who) => table.filter((c) => c.state === 'CHAIRMAN_REVIEW' && c.who === who).map((c) => c.outcome);
    expect(refusedTo('actingChairman')).toEqual(['403 SELF_APPROVAL', '403 SELF_APPROVAL']);
    expect(refusedTo('vice')).toEqual(['403 NOT_YOUR_STEP', '403 NOT_YOUR_STEP']);

    const today = communeDate(Date.now());
    const until = communeDate(Date.now() + 7 * 86_400_000);
    await t.http().post('/api/delegations').set(auth('chairman')).send({ toUserId: people['phochutich'].id, from: today, until }).expect(201);
    const offered = (await detail(A, 'vice')).allowedActions;
    expect(offered).toEqual(expect.arrayContaining(['approve', 'return']));
    await twins('CHAIRMAN_REVIEW', 'vice', 'approve');
    for (const n of [A, B]) expect((await detail(n)).status).toBe('COMPLETED');

    // The table: every refusal the same on both paths (asserted case by case above), printed for the record.
    const byOutcome = table.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.outcome]: (acc[c.outcome] ?? 0) + 1 }), {});
    console.log(`policy table: ${table.length} cases, each the same through the API and the workflow — ${JSON.stringify(byOutcome)}`);
  });
});
