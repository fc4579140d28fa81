/**
 * The web app's session store and client against the real sign-in routes (app.inject behind a fetch that keeps
 * the cookie, as a browser does): the shapes the server answers are those the web app reads, and every write
 * the web app sends passes the server's CSRF check.
 */
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
// Not a React hook, whatever its name: the fixture opens a fresh database and app for this file.
import { useTestApp as openTestApp } from '../../../test/fixtures/test-app.js';
import { createAccount, resetPassword } from '../../../src/application/auth/accounts.js';
import { totpCode } from '../../../src/application/auth/second-factor.js';
import { systemActor } from '../../../src/domain/auth/actor.js';
import { SESSION_COOKIE } from '../../../src/server/authenticate.js';
import { deleteUserSessions } from '../../../src/db/sessions.js';
import { ApiError, getValidationRules, postImport } from './client.js';
import { setCsrfToken } from './csrf.js';
import { createSessionStore, sessionStore } from './session.js';

const testApp = openTestApp();
const PASSWORD = 'sông Ba chảy qua Gia Lai';
const ORIGIN = 'http://localhost:80';

beforeAll(async () => {
  const create = (username: string, role: 'province_officer' | 'admin' | 'viewer', units: string[]) =>
    createAccount(
      testApp.db,
      systemActor('test'),
      { username, displayName: `${username} (thử)`, role, party: null, units, password: PASSWORD },
      null,
    );
  await create('lan', 'province_officer', ['P1']);
  await create('root', 'admin', []);
  await create('minh', 'viewer', []);
});

/** A browser: same-origin fetch to the app, with a cookie jar for dx_session. Returns the statuses it saw. */
function browser() {
  let cookie = '';
  const statuses: { route: string; status: number }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      let payload: string | Buffer | undefined;
      const headers: Record<string, string> = { ...(init.headers as Record<string, string>), origin: ORIGIN };
      if (typeof init.body === 'string') payload = init.body;
      else if (init.body instanceof FormData) {
        const request = new Request(`${ORIGIN}/`, { method: 'POST', body: init.body });
        headers['content-type'] = request.headers.get('content-type')!;
        payload = Buffer.from(await request.arrayBuffer());
      }
      if (cookie) headers.cookie = cookie;
      const response = await testApp.app.inject({
        method: init.method as 'GET' | 'POST',
        url,
        headers,
        ...(payload !== undefined ? { payload } : {}),
      });
      const set = response.cookies.find((c) => c.name === SESSION_COOKIE);
      if (set) cookie = set.value ? `${SESSION_COOKIE}=${set.value}` : '';
      statuses.push({ route: `${init.method} ${url.split('?')[0]}`, status: response.statusCode });
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined && name !== 'set-cookie') responseHeaders.set(name, String(value));
      }
      return new Response(new Uint8Array(response.rawPayload), {
        status: response.statusCode,
        headers: responseHeaders,
      });
    }),
  );
  return statuses;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const csv = () => new File(['indicator,unit,period,value\nSITES,C2,2025-11,1\n'], 'sites.csv', { type: 'text/csv' });

it('reads the public without a 401, then signs in, imports with the CSRF token and signs out', async () => {
  const statuses = browser();
  const store = createSessionStore();
  const anonymous = await store.load();
  expect(anonymous).toMatchObject({ signedIn: false, user: null, csrfToken: null });
  expect(anonymous.permissions.map((p) => p.action)).toEqual(['published.read']);

  const state = await store.signIn({ username: 'lan', password: PASSWORD });
  expect(state).toMatchObject({ signedIn: true, user: { username: 'lan', role: 'province_officer', units: ['P1'] } });
  expect(state.permissions).toContainEqual({ action: 'value.import', scope: 'assigned' });
  expect(state.permissions.map((p) => p.action)).not.toContain('user.manage');

  const report = await postImport(csv(), { mode: 'preview' });
  expect(report).toMatchObject({ errors: [], valuesFound: 1, committed: false });

  await store.signOut();
  expect(store.getSnapshot().state.signedIn).toBe(false);
  const refused = await postImport(csv(), { mode: 'preview' }).catch((e: unknown) => e);
  expect(refused).toMatchObject({ status: 401, code: 'auth.required' });
  expect(statuses.filter((s) => s.status >= 400)).toEqual([{ route: 'POST /api/imports', status: 401 }]);
});

it('is refused a write without the CSRF token', async () => {
  browser();
  const store = createSessionStore();
  await store.signIn({ username: 'minh', password: PASSWORD });
  setCsrfToken(null);
  const refused = await store.changePassword({ currentPassword: PASSWORD, newPassword: 'x' }).catch((e) => e);
  expect(refused).toBeInstanceOf(ApiError);
  expect(refused).toMatchObject({ status: 403, code: 'auth.csrf' });
});

it('takes an administrator through two-factor set-up, then signs in again with a code and a recovery code', async () => {
  browser();
  const store = createSessionStore();
  const first = await store.signIn({ username: 'root', password: PASSWORD });
  expect(first).toMatchObject({ signedIn: false, signingIn: 'enrolment_required', user: { username: 'root' } });
  expect(first.csrfToken).toEqual(expect.any(String));

  const enrolment = await store.startEnrolment();
  expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\//);
  const now = Date.now();
  let shown: string[] = [];
  const codes = await store.confirmEnrolment(totpCode(enrolment.secret, 'root', now), {
    onRecoveryCodes: (got) => (shown = got),
  });
  expect(codes).toHaveLength(10);
  expect(shown).toEqual(codes);
  expect(store.getSnapshot().state).toMatchObject({ signedIn: true, user: { totpEnabled: true } });
  expect(store.getSnapshot().state.permissions.map((p) => p.action)).toContain('user.manage');

  await store.signOut();
  expect(await store.signIn({ username: 'root', password: PASSWORD })).toMatchObject({
    signingIn: 'second_factor_required',
  });
  const wrong = await store.submitCode('000000').catch((e: unknown) => e);
  expect(wrong).toMatchObject({ status: 401, code: 'auth.second_factor_invalid' });
  expect(await store.submitCode(codes[0]!)).toMatchObject({ signedIn: true });
});

it('shows a forced password change as done once the new password is set', async () => {
  browser();
  const { password } = await resetPassword(testApp.db, systemActor('test'), 'lan', null);
  const store = createSessionStore();
  const state = await store.signIn({ username: 'lan', password: password! });
  expect(state).toMatchObject({ signedIn: true, user: { mustChangePassword: true } });
  const refused = await postImport(csv(), { mode: 'preview' }).catch((e: unknown) => e);
  expect(refused).toMatchObject({ status: 403, code: 'auth.password_change_required' });

  const after = await store.changePassword({ currentPassword: password!, newPassword: 'mưa rừng Kon Ka Kinh' });
  expect(after).toMatchObject({ signedIn: true, user: { mustChangePassword: false } });
  expect(await postImport(csv(), { mode: 'preview' })).toMatchObject({ errors: [] });
});

it('reads the session again when a request finds it ended, so the page stops showing the user signed in', async () => {
  browser();
  await sessionStore.signIn({ username: 'minh', password: PASSWORD });
  expect(await getValidationRules()).toEqual(expect.any(Array));
  // Signed out everywhere from another device (a password change does this): the server's own way, which also
  // tells this process to forget the sessions it remembered.
  const [minh] = await testApp.db.query<{ id: number }>(`select id from app_user where username = 'minh'`);
  await deleteUserSessions(testApp.db, minh!.id);
  const refused = await getValidationRules().catch((e: unknown) => e);
  expect(refused).toMatchObject({ status: 401, code: 'auth.required' });
  await vi.waitFor(() => expect(sessionStore.getSnapshot().state.signedIn).toBe(false));
  expect(sessionStore.getSnapshot().state.user).toBeNull();
});
