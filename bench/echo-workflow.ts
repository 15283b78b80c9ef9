import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

/** The baseline of the approval-latency bench: an Update that does nothing but answer. */
export const echoUpdate = defineUpdate<number, [number]>('echo');
export const stopSignal = defineSignal('stop');

export async function echoWorkflow(): Promise<void> {
  let stopped = false;
  setHandler(echoUpdate, (n) => n);
  setHandler(stopSignal, () => void (stopped = true));
  await condition(() => stopped);
}

/** The baseline of bench/city: a workflow that is started and ends in its first workflow task. */
export async function bareWorkflow(n: number): Promise<number> {
  return n;
}
