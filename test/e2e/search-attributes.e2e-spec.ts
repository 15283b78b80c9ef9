import { Client, Connection } from '@temporalio/client';
import { startTestApp, TestApp } from '../support/app';

/**
 * Every workflow carries the commune, year, kind, task number, stage and lateness as search attributes, so an
 * operator finds a commune's workflows with Temporal's own list (the coordinator's link opens that list).
 */
describe('search attributes on the workflows', () => {
  let t: TestApp;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    t = await startTestApp({ activate: true });
    connection = await Connection.connect({ address: t.config.temporalAddress });
    client = new Client({ connection, namespace: t.config.temporalNamespace });
  });
  afterAll(async () => {
    await connection?.close();
    await t?.stop();
  });

  /** Visibility follows the workflows a moment later: ask until the list says what is expected (or give up). */
  async function countUntil(query: string, expected: number): Promise<number> {
    let n = -1;
    for (let i = 0; i < 120 && n !== expected; i++) {
      n = (await client.workflow.count(query)).count;
      if (n !== expected) await new Promise((r) => setTimeout(r, 250));
    }
    return n;
  }

  it('lists the commune’s plan and its 32 tasks by their attributes, and follows a task’s stage', async () => {
    const commune = `CchcCommune="${t.commune}" AND CchcYear=2026`;
    expect(await countUntil(`${commune} AND CchcKind="plan"`, 1)).toBe(1);
    expect(await countUntil(`${commune} AND CchcKind="task"`, 32)).toBe(32);
    expect(await countUntil(`${commune} AND CchcKind="task" AND CchcTaskNumber=25`, 1)).toBe(1);
    expect(await countUntil('CchcCommune="another-commune"', 0)).toBe(0);

    // The head of Phòng Kinh tế assigns task 25: its stage moves on in the list.
    const head = await t.login('kt.truongphong');
    const auth = { Authorization: `Bearer ${head}` };
    const tasks = (await t.http().get(`/api/plans/${t.planId}/tasks?unit=KT`).set(auth)).body as Array<{ id: string; number: number }>;
    const task25 = tasks.find((x) => x.number === 25)!.id;
    const staff = (await t.http().get('/api/users?unit=KT&role=STAFF').set(auth)).body[0];
    for (let i = 0; i < 120; i++) {
      const res = await t.http().post(`/api/tasks/${task25}/assign`).set(auth).send({ assigneeId: staff.id });
      if (res.status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await countUntil(`${commune} AND CchcTaskNumber=25 AND CchcStage="IN_PROGRESS"`, 1)).toBe(1);
    expect(await countUntil(`${commune} AND CchcKind="task" AND CchcStage="NOT_STARTED"`, 31)).toBe(31);
  });
});
