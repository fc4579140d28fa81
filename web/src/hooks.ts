import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AGREEMENT_CODE, getAgreement } from './api/client.js';
import type { Agreement } from './api/types.js';
import { currentLang } from './i18n.js';

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

/**
 * Search parameters of the page URL as state (the router's): a change adds a history entry (the back button
 * works), `null` removes a parameter, the others are kept.
 */
export function useUrlSearch(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const navigateSearch = useCallback(
    (changes: Record<string, string | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { preventScrollReset: true },
      );
    },
    [setParams],
  );
  return [params, navigateSearch];
}

/** The agreement shown in the header of the pages that have no progress summary. */
export const loadAgreement: Loader<Agreement> = (signal) =>
  getAgreement(AGREEMENT_CODE, { signal, lang: currentLang() });
