import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { DEFAULT_AUTH_CONFIG, type AuthConfig } from '../application/auth/auth-config.js';
import { createAccount } from '../application/auth/accounts.js';
import { systemActor } from '../domain/auth/actor.js';
import { SESSION_COOKIE } from './authenticate.js';

/**
 * Sign-in through a provincial single sign-on, against a real OpenID Connect provider (oidc-provider) started for
 * the test with its development login pages, which accept any login name.
 */
const REDIRECT = 'http://127.0.0.1:3000/api/auth/oidc/callback';
let server: Server;
const auth: AuthConfig = { ...DEFAULT_AUTH_CONFIG };

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'dx-compact',
        client_secret: 'provincial-sso-secret-for-tests',
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['preferred_username', 'name'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: `${id}@gialai.gov.vn`, email_verified: true, preferred_username: id }),
    }),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
  });
  server.on('request', provider.callback());
  auth.oidc = {
    issuer,
    clientId: 'dx-compact',
    clientSecret: 'provincial-sso-secret-for-tests',
    redirectUri: REDIRECT,
    label: 'SSO tỉnh',
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const testApp = useTestApp(undefined, { auth });

/** Follows the provider's redirects and development login and consent forms, as a browser would. */
async function signInAtProvider(start: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!, value.join('='));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = new URL(start);
  let body: URLSearchParams | null = null;
  for (let hop = 0; hop < 20; hop++) {
    const response: Response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
      redirect: 'manual',
    });
    keep(response);
    body = null;
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT)) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url.href}: ${html.slice(0, 300)}`);
    url = new URL(action, url);
    body = new URLSearchParams({ login, password: 'any', prompt: html.includes('name="login"') ? 'login' : 'consent' });
  }
  throw new Error('too many redirects');
}

describe('single sign-on', () => {
  beforeAll(async () => {
    await createAccount(
      testApp.db,
      systemActor('test'),
      { username: 'tran.thi.mai', displayName: 'Trần Thị Mai', role: 'viewer', party: null, units: [] },
      null,
    );
  });

  it('offers the provider on the sign-in state', async () => {
    expect((await testApp.app.inject('/api/auth/me')).json().sso).toEqual({ label: 'SSO tỉnh' });
  });

  it('signs in an account whose username the provider names, and links it', async () => {
    const start = await testApp.app.inject('/api/auth/oidc/start?returnTo=/ban-do');
    expect(start.statusCode).toBe(302);
    const callback = await signInAtProvider(start.headers.location as string, 'tran.thi.mai');
    const done = await testApp.app.inject(callback.pathname + callback.search);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/ban-do');
    const session = done.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const me = await testApp.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `${SESSION_COOKIE}=${session.value}` },
    });
    expect(me.json()).toMatchObject({ signedIn: true, user: { username: 'tran.thi.mai', role: 'viewer' } });
    const [linked] = await testApp.db.query<{ subject: string }>(
      `select oidc_subject as subject from app_user where username = 'tran.thi.mai'`,
    );
    expect(linked!.subject).toMatch(/\|tran\.thi\.mai$/);
  });

  it('refuses someone without an account, and a replayed answer', async () => {
    const start = await testApp.app.inject('/api/auth/oidc/start');
    const callback = await signInAtProvider(start.headers.location as string, 'stranger');
    const refused = await testApp.app.inject(callback.pathname + callback.search);
    expect(refused.headers.location).toBe('/dang-nhap?error=auth.sso_unknown_account');
    const replayed = await testApp.app.inject(callback.pathname + callback.search);
    expect(replayed.headers.location).toBe('/dang-nhap?error=auth.sso_failed');
  });
});
