import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

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
