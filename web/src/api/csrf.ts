/**
 * The session's CSRF token, as `/api/auth/me` and each sign-in step hand it out. The server refuses a
 * cookie-authenticated write without it (403 `auth.csrf`), so client.ts adds it to every request that is not a
 * read. It lives in memory only: a reload asks `/api/auth/me` again.
 */

export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

let current: string | null = null;

export function setCsrfToken(token: string | null): void {
  current = token;
}

export function csrfToken(): string | null {
  return current;
}

/** The header to add to a request: the token for a write, nothing for a read or while signed out. */
export function csrfHeaders(method: string): Record<string, string> {
  return current && !SAFE_METHODS.has(method.toUpperCase()) ? { [CSRF_HEADER]: current } : {};
}
