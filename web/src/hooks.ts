import { useCallback, useEffect, useMemo, useState } from 'react';

export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export interface Resource<T> {
  /** Result for the current loader, once it has arrived. */
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Last successful result, possibly from a previous loader: lets the page keep showing it while reloading. */
  previous: T | undefined;
  retry: () => void;
}

interface Settled<T> {
  loader: Loader<T>;
  attempt: number;
  data?: T;
  error?: Error;
}

/**
 * Runs `loader` (memoise it: a new function means a new request) and aborts the previous request when the loader
 * changes or the component unmounts. `null` means nothing to load yet.
 */
export function useResource<T>(loader: Loader<T> | null): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [previous, setPrevious] = useState<T | undefined>(undefined);

  useEffect(() => {
    if (!loader) return;
    const controller = new AbortController();
    loader(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setSettled({ loader, attempt, data });
        setPrevious(data);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ loader, attempt, error: err instanceof Error ? err : new Error(String(err)) });
      },
    );
    return () => controller.abort();
  }, [loader, attempt]);

  const current = settled && settled.loader === loader && settled.attempt === attempt ? settled : null;
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    data: current?.data,
    error: current?.error,
    loading: loader !== null && current === null,
    previous,
    retry,
  };
}

/** Search parameters of the page URL as state; `navigate` changes them with pushState (back button works). */
export function useUrlSearch(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const [search, setSearch] = useState(() => (typeof window === 'undefined' ? '' : window.location.search));

  useEffect(() => {
    const onPop = () => setSearch(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((changes: Record<string, string | null>) => {
    const url = new URL(window.location.href);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    if (url.href !== window.location.href) window.history.pushState(null, '', url);
    setSearch(url.search);
  }, []);

  const params = useMemo(() => new URLSearchParams(search), [search]);
  return [params, navigate];
}
