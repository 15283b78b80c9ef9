import { delay, StartAbortedError } from './child';

export interface WaitForHttpOptions {
  timeoutMs?: number;
  intervalMs?: number;
  signal?: AbortSignal;
  /** Checked between attempts: return a reason to give up at once (e.g. the server process died). */
  giveUp?: () => string | null;
}

/** Polls `url` until it answers 200. Resolves with the response body; rejects on timeout, give-up or abort. */
export async function waitForHttpOk(url: string, opts: WaitForHttpOptions = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 120000;
  const deadline = Date.now() + timeoutMs;
  let last = 'chưa có phản hồi (no answer yet)';
  for (;;) {
    if (opts.signal?.aborted) throw new StartAbortedError(url);
    const reason = opts.giveUp?.();
    if (reason) throw new Error(reason);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const body = await res.text();
      if (res.status === 200) return body;
      last = `HTTP ${res.status} ${body.slice(0, 200)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${url} không trả lời 200 sau ${timeoutMs / 1000} s (${last}).`);
    await delay(opts.intervalMs ?? 300, opts.signal);
  }
}
