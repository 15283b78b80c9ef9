import type { TaskChange } from '@app/contracts';
import { Outbox } from './outbox';

const change = (seq: number) => ({ workflowId: 'wf', event: { seq } }) as unknown as TaskChange;
const tick = () => new Promise((resolve) => setImmediate(resolve));

test('concurrent publishers deliver one at a time, in seq order', async () => {
  const sent: number[] = [];
  let inFlight = 0;
  const outbox = new Outbox<TaskChange>(async (c) => {
    inFlight += 1;
    expect(inFlight).toBe(1);
    await tick();
    sent.push(c.event.seq);
    inFlight -= 1;
  });
  await Promise.all([outbox.publish([change(1), change(2)]), outbox.publish([change(3)]), outbox.publish([change(4)])]);
  expect(sent).toEqual([1, 2, 3, 4]);
  expect(outbox.size).toBe(0);
});

test('a failed write keeps the change queued, and it goes out first on the next flush', async () => {
  const sent: number[] = [];
  let down = true;
  const outbox = new Outbox<TaskChange>(async (c) => {
    if (down) throw new Error('read model down');
    sent.push(c.event.seq);
  });
  await expect(outbox.publish([change(1)])).rejects.toThrow('read model down');
  expect(outbox.stalled).toBe(true);
  expect(outbox.size).toBe(1);
  down = false;
  await outbox.publish([change(2)]);
  expect(sent).toEqual([1, 2]);
  expect(outbox.stalled).toBe(false);
});

test('the promise of a later publisher waits for earlier changes, even when they fail', async () => {
  const sent: number[] = [];
  let attempts = 0;
  const outbox = new Outbox<TaskChange>(async (c) => {
    attempts += 1;
    if (attempts === 1) throw new Error('once');
    sent.push(c.event.seq);
  });
  const first = outbox.publish([change(1)]);
  const second = outbox.publish([change(2)]);
  await expect(first).rejects.toThrow('once');
  await second;
  expect(sent).toEqual([1, 2]);
});
