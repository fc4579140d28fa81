import { afterEach, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../src/domain/auth/session-contract.js';
import { ApiError } from './client.js';
import { csrfToken } from './csrf.js';
import { ANONYMOUS_STATE, createSessionStore } from './session.js';

afterEach(() => vi.unstubAllGlobals());

const USER: NonNullable<SessionState['user']> = {
  username: 'demo.tinh',
  displayName: 'Sở KH&CN Gia Lai (demo)',
  role: 'province_officer',
  party: null,
  units: ['24'],
  totpEnabled: false,
  mustChangePassword: false,
  isDemo: true,
};
const signedIn = (csrf: string, user = USER): SessionState => ({
  signedIn: true,
  signingIn: null,
  user,
  permissions: [
    { action: 'published.read', scope: 'all' },
    { action: 'data.read', scope: 'all' },
    { action: 'value.import', scope: 'assigned' },
  ],
  csrfToken: csrf,
  sso: null,
});

type Route = (init: RequestInit) => { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>;

/** A fetch answering `METHOD /api/path` from `routes`, recording each request's method, path and CSRF header. */
function fakeServer(routes: Record<string, Route>) {
  const calls: { route: string; csrf: string | undefined; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const route = `${init.method} ${url.split('?')[0]}`;
      const headers = init.headers as Record<string, string>;
      calls.push({
        route,
        csrf: headers['X-CSRF-Token'],
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      const handler = routes[route];
      if (!handler) return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
      const { status = 200, body } = await handler(init);
      const type = status < 400 ? 'application/json' : 'application/problem+json';
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
    }),
  );
  return calls;
}

it('starts loading, then knows the public from /api/auth/me, with no CSRF token', async () => {
  fakeServer({ 'GET /api/auth/me': () => ({ body: { ...ANONYMOUS_STATE, sso: { label: 'Gia Lai SSO' } } }) });
  const store = createSessionStore();
  expect(store.getSnapshot().status).toBe('loading');
  const seen: string[] = [];
  store.subscribe(() => seen.push(store.getSnapshot().status));
  await store.load();
  expect(store.getSnapshot()).toMatchObject({ status: 'ready', error: null, state: { signedIn: false } });
  expect(store.getSnapshot().state.sso).toEqual({ label: 'Gia Lai SSO' });
  expect(seen).toEqual(['ready']);
  expect(csrfToken()).toBeNull();
});

it('shares one request between concurrent loads', async () => {
  const calls = fakeServer({ 'GET /api/auth/me': () => ({ body: ANONYMOUS_STATE }) });
  const store = createSessionStore();
  await Promise.all([store.load(), store.load(), store.load()]);
  expect(calls).toHaveLength(1);
});

it('goes on as the public when /api/auth/me cannot be read', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }),
  );
  const store = createSessionStore();
  await store.load();
  const snapshot = store.getSnapshot();
  expect(snapshot.status).toBe('ready');
  expect(snapshot.state).toEqual(ANONYMOUS_STATE);
  expect(snapshot.error).toBeInstanceOf(ApiError);
});

it('signs in with a second factor, sending each step the CSRF token of the step before', async () => {
  const pending: SessionState = {
    ...ANONYMOUS_STATE,
    signingIn: 'second_factor_required',
    user: USER,
    csrfToken: 'c1',
  };
  const calls = fakeServer({
    'GET /api/auth/me': () => ({ body: ANONYMOUS_STATE }),
    'POST /api/auth/login': () => ({ body: pending }),
    'POST /api/auth/second-factor': () => ({ body: signedIn('c2') }),
    'POST /api/auth/logout': () => ({ body: ANONYMOUS_STATE }),
  });
  const store = createSessionStore();
  await store.load();
  await store.signIn({ username: 'demo.tinh', password: 'núi rừng Tây Nguyên' });
  expect(store.getSnapshot().state.signingIn).toBe('second_factor_required');
  expect(csrfToken()).toBe('c1');
  await store.submitCode('123456');
  expect(store.getSnapshot().state.signedIn).toBe(true);
  expect(csrfToken()).toBe('c2');
  await store.signOut();
  expect(store.getSnapshot().state.signedIn).toBe(false);
  expect(csrfToken()).toBeNull();
  expect(calls.map((c) => [c.route, c.csrf])).toEqual([
    ['GET /api/auth/me', undefined],
    ['POST /api/auth/login', undefined],
    ['POST /api/auth/second-factor', 'c1'],
    ['POST /api/auth/logout', 'c2'],
  ]);
  expect(calls[2]!.body).toEqual({ code: '123456' });
});

it('hands the recovery codes over before anyone sees the user signed in', async () => {
  const codes = Array.from({ length: 10 }, (_, i) => `abcde-fgh${i}k`);
  fakeServer({
    'POST /api/auth/second-factor/enrolment': () => ({ body: { secret: 'JBSWY3DP', uri: 'otpauth://totp/x' } }),
    'POST /api/auth/second-factor/enrolment/confirm': () => ({
      body: { recoveryCodes: codes, state: signedIn('c3', { ...USER, role: 'admin', totpEnabled: true }) },
    }),
  });
  const store = createSessionStore();
  expect(await store.startEnrolment()).toEqual({ secret: 'JBSWY3DP', uri: 'otpauth://totp/x' });
  const order: string[] = [];
  store.subscribe(() => order.push(`published signedIn=${store.getSnapshot().state.signedIn}`));
  const returned = await store.confirmEnrolment('654321', {
    onRecoveryCodes: (got) => order.push(`codes ${got.length}`),
  });
  expect(returned).toEqual(codes);
  expect(order).toEqual(['codes 10', 'published signedIn=true']);
  expect(csrfToken()).toBe('c3');
});

it('reads the session again after a password change, so a forced change is seen as done', async () => {
  let changed = false;
  const calls = fakeServer({
    'GET /api/auth/me': () => ({ body: signedIn('c4', { ...USER, mustChangePassword: !changed }) }),
    'POST /api/auth/password': () => {
      changed = true;
      return { body: { changed: true } };
    },
  });
  const store = createSessionStore();
  await store.load();
  expect(store.getSnapshot().state.user?.mustChangePassword).toBe(true);
  await store.changePassword({ currentPassword: 'old password 1', newPassword: 'new password 22' });
  expect(store.getSnapshot().state.user?.mustChangePassword).toBe(false);
  expect(calls.find((c) => c.route === 'POST /api/auth/password')?.csrf).toBe('c4');
});

it('keeps a sign-in that arrived while an older /api/auth/me was still on its way', async () => {
  let answerMe: (value: { body: unknown }) => void = () => {};
  fakeServer({
    'GET /api/auth/me': () => new Promise((resolve) => (answerMe = resolve)),
    'POST /api/auth/login': () => ({ body: signedIn('c5') }),
  });
  const store = createSessionStore();
  const loading = store.load();
  await store.signIn({ username: 'demo.tinh', password: 'x' });
  answerMe({ body: ANONYMOUS_STATE });
  await loading;
  expect(store.getSnapshot().state.signedIn).toBe(true);
  expect(csrfToken()).toBe('c5');
});

it('leaves the state as it was when a step is refused', async () => {
  fakeServer({
    'POST /api/auth/login': () => ({
      status: 401,
      body: { status: 401, code: 'auth.credentials', detail: 'Wrong username or password' },
    }),
  });
  const store = createSessionStore();
  const error = await store.signIn({ username: 'x', password: 'y' }).catch((e: unknown) => e);
  expect(error).toMatchObject({ status: 401, code: 'auth.credentials' });
  expect(store.getSnapshot().status).toBe('loading');
});
