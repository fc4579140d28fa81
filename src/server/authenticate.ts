import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ANONYMOUS, actorCan, type Actor } from '../domain/auth/actor.js';
import type { Action } from '../domain/auth/permissions.js';
import { Forbidden, Unauthorized } from '../domain/errors.js';
import type { AuthConfig } from '../application/auth/auth-config.js';
import { resolveSession } from '../application/auth/sessions.js';
import { resolveApiToken } from '../application/auth/api-tokens.js';
import { actorForAccount, actorForToken } from '../application/auth/actors.js';
import { constantTimeEqual } from '../application/auth/secrets.js';
import type { Account } from '../db/accounts.js';

/**
 * What a route needs: an action of the permission table, `public` (anyone, for sign-in and health), or
 * `signing_in` (a session that still owes its second factor may call it).
 */
export type RoutePermission = Action | 'public' | 'signing_in';

export const SESSION_COOKIE = 'dx_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The session a request came with, full or waiting for its second factor. */
export interface RequestSession {
  token: string;
  csrfToken: string;
  secondFactorDone: boolean;
  account: Account;
}

/** A route as the permission table sees it. */
export interface RoutePermissionEntry {
  method: string;
  url: string;
  permission: RoutePermission;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with the permission it declares: what the permission tests are generated from. */
    routePermissions: RoutePermissionEntry[];
  }
  interface FastifyRequest {
    actor: Actor;
    session: RequestSession | null;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** The same answer for everyone (liveness): no session is looked up, so it never waits for the database. */
    sessionless?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new Unauthorized('auth.token_invalid', 'Send an API token as "Authorization: Bearer dxc_…"');
  return match[1]!;
}

/** The origin the browser says the request came from, if any (Origin, else Referer). */
function requestOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return origin;
  if (origin === 'null') return 'null';
  const referer = request.headers.referer;
  if (typeof referer !== 'string') return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/**
 * Browser writes must come from the app itself: a cross-site page can neither read the CSRF token nor send the
 * Origin of this server. Checked on every unsafe request, signed in or not (a forged sign-in is an attack too).
 */
function refuseCrossSite(request: FastifyRequest, config: AuthConfig): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers['sec-fetch-site'] === 'cross-site')
    throw new Forbidden('auth.cross_site', 'Cross-site requests may not change anything');
  const origin = requestOrigin(request);
  if (origin === null) return; // not a browser, or a same-origin request from an old one; CSRF token still applies
  const own = `${request.protocol}://${request.host}`;
  if (origin !== own && !config.allowedOrigins.includes(origin))
    throw new Forbidden('auth.cross_site', `Requests from ${origin} may not change anything here`, undefined, {
      origin,
    });
}

function clientAddress(request: FastifyRequest): string {
  return request.ip ?? 'unknown';
}

/** Who is asking, then whether the route's permission lets them: decided before the body is even read. */
async function authenticate(app: FastifyInstance, config: AuthConfig, request: FastifyRequest): Promise<void> {
  request.actor = ANONYMOUS;
  request.session = null;
  refuseCrossSite(request, config);
  const bearer = bearerToken(request);
  if (bearer) {
    request.actor = actorForToken(await resolveApiToken(app.db, bearer, clientAddress(request)));
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const active = await resolveSession(app.db, config, cookie);
  if (!active) return; // expired or unknown: treated as signed out (the web app offers to sign in again)
  request.session = {
    token: cookie,
    csrfToken: active.session.csrfToken,
    secondFactorDone: active.session.secondFactorDone,
    account: active.account,
  };
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !constantTimeEqual(sent, active.session.csrfToken))
      throw new Forbidden('auth.csrf', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
  }
  if (active.session.secondFactorDone) request.actor = actorForAccount(active.account);
}

function authorize(request: FastifyRequest): void {
  const permission = request.routeOptions.config.permission;
  if (permission === undefined || permission === 'public') return;
  if (permission === 'signing_in') {
    if (!request.session) throw new Unauthorized('auth.required', 'Sign in first');
    return;
  }
  const { actor, session } = request;
  if (session && !session.secondFactorDone)
    throw new Unauthorized(
      session.account.totpEnabled ? 'auth.second_factor_required' : 'auth.enrolment_required',
      session.account.totpEnabled
        ? 'Enter the code from your authenticator app to finish signing in'
        : 'Set up two-factor sign-in to finish signing in',
    );
  if (!actorCan(actor, permission)) {
    if (actor.kind === 'anonymous')
      throw new Unauthorized('auth.required', 'Sign in to do this', undefined, { action: permission });
    throw new Forbidden('auth.forbidden', `${actor.name} may not ${permission}`, undefined, { action: permission });
  }
  if (session?.account.mustChangePassword && permission !== 'account.self' && !permission.endsWith('.read'))
    throw new Forbidden('auth.password_change_required', 'Choose a new password before changing anything');
}

/**
 * Resolves the actor of every request (API token, session cookie, or anonymous), refuses cross-site writes and
 * missing CSRF tokens, and enforces each route's permission. Routes must declare one (checked at start-up).
 */
export const authenticationPlugin = fp<{ config: AuthConfig; publicPrefixes: readonly string[] }>(
  async (app, options) => {
    app.decorateRequest('actor', null as unknown as Actor);
    app.decorateRequest('session', null);
    const registry: RoutePermissionEntry[] = [];
    app.decorate('routePermissions', registry);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/') || options.publicPrefixes.some((prefix) => route.url.startsWith(prefix)))
        return;
      const permission = route.config?.permission;
      if (permission === undefined)
        throw new Error(`Route ${String(route.method)} ${route.url} declares no permission (config.permission)`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') registry.push({ method, url: route.url, permission });
      }
    });
    app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
      if (!request.url.startsWith('/api/')) return; // the web app's files are public
      if (request.routeOptions.config.sessionless && SAFE_METHODS.has(request.method)) {
        request.actor = ANONYMOUS;
        request.session = null;
        return;
      }
      await authenticate(app, options.config, request);
      authorize(request);
    });
  },
  { name: 'dx-authentication', dependencies: ['@fastify/cookie'] },
);
