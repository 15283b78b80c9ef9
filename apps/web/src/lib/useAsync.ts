import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, getConnection, isTransient, retryDelay, subscribeConnection } from '../api/client';

export interface AsyncState<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /**
   * True while a load that got no answer (no signal, server restarting) waits to be tried again; `loading` stays
   * true and `error` null meanwhile, since the connection bar (components/Connection.tsx) already says why.
   */
  retrying: boolean;
  /** Loads again; keeps the current data on screen meanwhile. */
  reload: () => Promise<void>;
}

/**
 * Runs `load` when `deps` change; the result of an outdated call is ignored. A load that got no answer (network
 * error, 502/503/504) is tried again by itself, waiting longer each time (1, 2, 4 … 30 s), and at once when another
 * request finds the server again; meanwhile it counts as still loading (the connection bar says "Mất kết nối với máy
 * chủ. Đang thử lại…") and the data already on screen stays.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [retrying, setRetrying] = useState(false);
  const callId = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const run = useCallback(async () => {
    const id = ++callId.current;
    clearTimer();
    setLoading(true);
    try {
      const result = await loadRef.current();
      if (id !== callId.current) return;
      attempt.current = 0;
      setData(result);
      setError(null);
      setRetrying(false);
    } catch (err) {
      if (id !== callId.current) return;
      if (isTransient(err)) {
        setError(null);
        setRetrying(true);
        timer.current = setTimeout(() => void run(), retryDelay(attempt.current++));
      } else {
        attempt.current = 0;
        setError(errorMessage(err));
        setRetrying(false);
      }
    } finally {
      // A load waiting to be tried again is still loading.
      if (id === callId.current && !timer.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(async () => {
    attempt.current = 0;
    await run();
  }, [run]);

  useEffect(() => {
    attempt.current = 0;
    void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  // The server answers again (another request got through): do not wait for the next scheduled try.
  useEffect(
    () =>
      subscribeConnection(() => {
        if (getConnection() === 'online' && timer.current) {
          attempt.current = 0;
          void run();
        }
      }),
    [run],
  );

  useEffect(
    () => () => {
      callId.current++;
      clearTimer();
    },
    [],
  );

  return { data, error, loading, retrying, reload };
}
