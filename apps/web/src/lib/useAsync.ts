import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';

export interface AsyncState<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** Loads again; keeps the current data on screen meanwhile. */
  reload: () => Promise<void>;
}

/** Runs `load` when `deps` change; the result of an outdated call is ignored. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const callId = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    const id = ++callId.current;
    setLoading(true);
    try {
      const result = await loadRef.current();
      if (id !== callId.current) return;
      setData(result);
      setError(null);
    } catch (err) {
      if (id !== callId.current) return;
      setError(errorMessage(err));
    } finally {
      if (id === callId.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(
    () => () => {
      callId.current++;
    },
    [],
  );

  return { data, error, loading, reload: run };
}
