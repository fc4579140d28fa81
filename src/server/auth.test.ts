import { beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { createAccount } from '../application/auth/accounts.js';
import { totpCode } from '../application/auth/second-factor.js';
import { systemActor } from '../domain/auth/actor.js';
import type { Role } from '../domain/auth/permissions.js';
import type { SessionState } from '../domain/auth/session-contract.js';
import { SESSION_COOKIE } from './authenticate.js';

const testApp = useTestApp();
const PASSWORD = 'sông Ba chảy qua Gia Lai';

async function account(username: string, role: Role, units: string[] = ['P1']) {
  await createAccount(
    testApp.db,
    systemActor('test'),
    { username, displayName: username, role, party: null, units, password: PASSWORD },
    null,
  );
}

const sessionCookie = (response: LightMyRequestResponse) => response.cookies.find((c) => c.name === SESSION_COOKIE);

/** A browser-like client: keeps the session cookie and the CSRF token between requests. */
function client(address = '10.0.0.1') {
  let cookie = '';
  let csrf = '';
  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const response = await testApp.app.inject({
      method,
      url,
      remoteAddress: address,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}) },
      ...(payload ? { payload } : {}),
    });
    const set = sessionCookie(response);
    if (set) cookie = set.value ? `${SESSION_COOKIE}=${set.value}` : '';
    const body = response.headers['content-type']?.toString().includes('json') ? response.json() : null;
    if (body && typeof body === 'object' && 'csrfToken' in body) csrf = (body as SessionState).csrfToken ?? '';
    if (body && typeof body === 'object' && 'state' in body)
      csrf = (body as { state: SessionState }).state.csrfToken ?? '';
    return response;
  };
  return {
    send,
    login: (username: string, password = PASSWORD) => send('POST', '/api/auth/login', { username, password }),
    get cookie() {
      return cookie;
    },
  };
}

beforeAll(async () => {
  await account('lan', 'province_officer');
  await account('minh', 'viewer');
  await account('root', 'admin', []);
  await account('khoa', 'viewer');
});

describe('password sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and tells who is signed in', async () => {
    const lan = client();
    const response = await lan.login('Lan');
    expect(response.statusCode).toBe(200);
    expect(response.json<SessionState>()).toMatchObject({
      signedIn: true,
      user: { username: 'lan', role: 'province_officer' },
    });
    const cookie = sessionCookie(response)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy(); // plain HTTP here; Secure behind HTTPS
    const me = (await lan.send('GET', '/api/auth/me')).json<SessionState>();
    expect(me.permissions.map((p) => p.action)).toContain('value.write');
    await lan.send('POST', '/api/auth/logout');
    expect((await lan.send('GET', '/api/auth/me')).json<SessionState>().signedIn).toBe(false);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await client('10.0.0.2').login('lan', 'not the password at all');
    const unknown = await client('10.0.0.2').login('nobody', 'not the password at all');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'auth.credentials', detail: 'Wrong username or password' });
    }
  });

  it('locks an account after five failures, even against the right password, with Retry-After', async () => {
    const attacker = client('10.0.0.3');
    for (let i = 0; i < 5; i++) expect((await attacker.login('minh', `guess number ${i}`)).statusCode).toBe(401);
    const locked = await client('10.0.0.4').login('minh');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'auth.locked' });
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses an address that keeps failing on many accounts', async () => {
    const sprayer = client('10.0.0.5');
    for (let i = 0; i < 30; i++) await sprayer.login(`user${i}`, 'Password 1234!');
    const blocked = await sprayer.login('khoa');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'auth.address_blocked' });
    expect((await client('10.0.0.6').login('khoa')).statusCode).toBe(200);
  });
});

describe('two-factor sign-in', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  it('makes an admin set it up before anything else, then gives recovery codes and a new session', async () => {
    const admin = client('10.0.1.1');
    const first = await admin.login('root');
    expect(first.json<SessionState>()).toMatchObject({ signedIn: false, signingIn: 'enrolment_required' });
    const pendingCookie = admin.cookie;
    const blocked = await admin.send('GET', '/api/users');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('auth.enrolment_required');
    const enrolment = (await admin.send('POST', '/api/auth/second-factor/enrolment')).json();
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/DX%20Compact:root\?/);
    secret = enrolment.secret;
    const confirmed = await admin.send('POST', '/api/auth/second-factor/enrolment/confirm', {
      code: totpCode(secret, 'root', Date.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    recoveryCodes = confirmed.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(admin.cookie).not.toBe(pendingCookie); // the session id changes with its privileges
    expect((await admin.send('GET', '/api/users')).statusCode).toBe(200);
    const old = await testApp.app.inject({ url: '/api/auth/me', headers: { cookie: pendingCookie } });
    expect(old.json<SessionState>()).toMatchObject({ signedIn: false, signingIn: null }); // the old session is gone
  });

  it('accepts a code once: the same code in another sign-in is a replay', async () => {
    // A code of the next time step: the enrolment above used the current one.
    const code = totpCode(secret, 'root', Date.now() + 30_000);
    const first = client('10.0.1.2');
    await first.login('root');
    expect((await first.send('POST', '/api/auth/second-factor', { code })).statusCode).toBe(200);
    const replay = client('10.0.1.3');
    await replay.login('root');
    const refused = await replay.send('POST', '/api/auth/second-factor', { code });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('auth.second_factor_replayed');
  });

  it('takes a recovery code once instead of a code', async () => {
    const lostPhone = client('10.0.1.4');
    await lostPhone.login('root');
    expect((await lostPhone.send('POST', '/api/auth/second-factor', { code: recoveryCodes[0]! })).statusCode).toBe(200);
    const again = client('10.0.1.5');
    await again.login('root');
    const refused = await again.send('POST', '/api/auth/second-factor', { code: recoveryCodes[0]! });
    expect(refused.json().code).toBe('auth.second_factor_invalid');
  });

  it('refuses a wrong code', async () => {
    const admin = client('10.0.1.6');
    await admin.login('root');
    expect((await admin.send('POST', '/api/auth/second-factor', { code: '000000' })).json().code).toMatch(
      /auth.second_factor_(invalid|replayed)/,
    );
  });
});

describe('passwords', () => {
  it('changes one’s own password with the current one, and ends the other sessions', async () => {
    await account('thu', 'viewer');
    const laptop = client('10.0.2.1');
    const phone = client('10.0.2.2');
    await laptop.login('thu');
    await phone.login('thu');
    const wrong = await laptop.send('POST', '/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'Pleiku trên cao nguyên',
    });
    expect(wrong.json().code).toBe('auth.password_wrong');
    const weak = await laptop.send('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('auth.password_policy');
    const ok = await laptop.send('POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Pleiku trên cao nguyên',
    });
    expect(ok.statusCode).toBe(200);
    expect((await laptop.send('GET', '/api/auth/me')).json<SessionState>().signedIn).toBe(true);
    expect((await phone.send('GET', '/api/auth/me')).json<SessionState>().signedIn).toBe(false);
    expect((await client('10.0.2.3').login('thu', 'Pleiku trên cao nguyên')).statusCode).toBe(200);
  });

  it('after an admin reset, the user must choose a new password before changing anything', async () => {
    await account('hoa', 'province_officer');
    const reset = await testApp.inject({ method: 'POST', url: '/api/users/hoa/password-reset' });
    const { password } = reset.json<{ password: string }>();
    expect(password).toMatch(/^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
    const hoa = client('10.0.2.4');
    expect((await hoa.login('hoa')).statusCode).toBe(401); // the old password is gone
    const state = (await hoa.login('hoa', password)).json<SessionState>();
    expect(state.user?.mustChangePassword).toBe(true);
    const write = await hoa.send('PUT', '/api/indicator-values', {
      indicator: 'SITES',
      unit: 'C1',
      period: '2025-01',
      value: 1,
    });
    expect(write.json().code).toBe('auth.password_change_required');
    expect((await hoa.send('GET', '/api/indicators')).statusCode).toBe(200);
  });
});
