import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.js';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Load data for a page. `key` lists what the request depends on; a newer request wins, so a
 * slow answer for old filters never overwrites the current one.
 */
export function useApi<T>(load: () => Promise<T>, key: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const depKey = JSON.stringify(key);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    loader.current().then(
      (data) => { if (current) setState({ data, error: null, loading: false }); },
      (e: unknown) => { if (current) setState({ data: null, error: e instanceof ApiError ? e : new ApiError(0, 'client', String(e)), loading: false }); },
    );
    return () => { current = false; };
  }, [depKey, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
