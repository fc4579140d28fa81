import { afterEach, expect, it, vi } from 'vitest';
import { apiGet, apiPostForm, apiPostJson, ApiError, filenameFromDisposition, retryAfterSeconds } from './client.js';
import { CSRF_HEADER, setCsrfToken } from './csrf.js';

afterEach(() => {
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

/** A fetch that records each request and answers `body` with `status`. */
function stubFetch(status = 200, body: unknown = {}, headers: Record<string, string> = {}) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json', ...headers },
      });
    }),
  );
  return calls;
}

const sentHeaders = (init: RequestInit) => init.headers as Record<string, string>;

it('adds the CSRF token to every write, never to a read, and nothing while signed out', async () => {
  const calls = stubFetch();
  await apiPostJson('/auth/logout', {});
  expect(sentHeaders(calls[0]!.init)[CSRF_HEADER]).toBeUndefined();

  setCsrfToken('csrf-123');
  await apiGet('/progress', { unit: '24' });
  await apiPostJson('/auth/password', { currentPassword: 'a', newPassword: 'b' });
  await apiPostForm('/imports', { mode: 'preview' }, new FormData());
  expect(sentHeaders(calls[1]!.init)[CSRF_HEADER]).toBeUndefined();
  expect(sentHeaders(calls[2]!.init)[CSRF_HEADER]).toBe('csrf-123');
  expect(sentHeaders(calls[2]!.init)['Content-Type']).toBe('application/json');
  expect(calls[2]!.init.body).toBe('{"currentPassword":"a","newPassword":"b"}');
  expect(sentHeaders(calls[3]!.init)[CSRF_HEADER]).toBe('csrf-123');
  // A multipart form sets its own content type (with the boundary).
  expect(sentHeaders(calls[3]!.init)['Content-Type']).toBeUndefined();
  expect(calls.every((c) => !Object.keys(sentHeaders(c.init)).some((h) => /x-dx-user/i.test(h)))).toBe(true);
});

it('turns a problem into an ApiError with its code, Retry-After and language', async () => {
  stubFetch(
    429,
    { status: 429, code: 'auth.locked', detail: 'Tài khoản tạm khóa' },
    { 'retry-after': '840', 'content-language': 'vi' },
  );
  const error = await apiPostJson('/auth/login', { username: 'a', password: 'b' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ status: 429, code: 'auth.locked', retryAfterSeconds: 840, language: 'vi' });
  expect((error as ApiError).message).toBe('Tài khoản tạm khóa');
});

it('reads Retry-After as seconds or as an HTTP date', () => {
  expect(retryAfterSeconds('120')).toBe(120);
  expect(retryAfterSeconds(null)).toBeUndefined();
  expect(retryAfterSeconds('soon')).toBeUndefined();
  const now = Date.parse('2026-01-01T00:00:00Z');
  expect(retryAfterSeconds('Thu, 01 Jan 2026 00:02:00 GMT', now)).toBe(120);
});

it('reads the file name of a Content-Disposition header', () => {
  expect(filenameFromDisposition('attachment; filename="dx-compact-24-2025-12.xlsx"')).toBe(
    'dx-compact-24-2025-12.xlsx',
  );
  expect(filenameFromDisposition('attachment; filename=a.csv')).toBe('a.csv');
  expect(filenameFromDisposition('attachment; filename="x.csv"; filename*=UTF-8\'\'m%E1%BA%ABu.csv')).toBe('mẫu.csv');
  expect(filenameFromDisposition('attachment')).toBeNull();
  expect(filenameFromDisposition(null)).toBeNull();
});
