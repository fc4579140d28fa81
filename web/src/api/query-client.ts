/**
 * The app's TanStack Query client: one cache for every screen, so that going back to a page shows its figures
 * at once while they are checked again. Requests the server refused (4xx) are not retried; a lost connection
 * or a busy server is retried twice, the way a commune officer on a weak signal would press "retry".
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.js';

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return false;
  return error.isNetworkError || error.status === 429 || error.status >= 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
