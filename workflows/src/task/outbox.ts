/**
 * Ordered delivery of read-model changes from a workflow to its read-model activity (`applyTaskChange`,
 * `applyReportChange`).
 * Updates may run concurrently; their changes still reach the read model one at a time in `seq` order,
 * and a change whose write failed stays queued and is sent again before any later one.
 * Plain promise code (no Temporal import): deterministic inside the workflow sandbox.
 */
export class Outbox<C> {
  private readonly pending: C[] = [];
  private tail: Promise<void> = Promise.resolve();
  /** True when the last attempt to write failed and changes are still waiting. */
  stalled = false;

  constructor(private readonly send: (change: C) => Promise<void>) {}

  get size(): number {
    return this.pending.length;
  }

  /** Queues the changes; resolves once they and every change queued before them are written. */
  publish(changes: C[]): Promise<void> {
    this.pending.push(...changes);
    const run = this.tail.then(() => this.drain());
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Writes whatever is still waiting (after a failure). */
  flush(): Promise<void> {
    return this.publish([]);
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        await this.send(this.pending[0]);
        this.pending.shift();
      }
      this.stalled = false;
    } catch (err) {
      this.stalled = true;
      throw err;
    }
  }
}
