import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthConfig } from '../application/auth/auth-config.js';
import {
  completeSecondFactor,
  confirmEnrolment,
  signInFromSso,
  signInWithPassword,
  startEnrolment,
  type SignInResult,
} from '../application/auth/sign-in.js';
import { endSession, type IssuedSession } from '../application/auth/sessions.js';
import { changeOwnPassword } from '../application/auth/accounts.js';
import { SingleSignOn, safeReturnPath } from '../application/auth/single-sign-on.js';
import { sha256Hex } from '../application/auth/secrets.js';
import { actorPermissions, ANONYMOUS } from '../domain/auth/actor.js';
import {
  EnrolmentConfirmedSchema,
  EnrolmentSchema,
  SessionStateSchema,
  type SessionState,
} from '../domain/auth/session-contract.js';
import { DomainError, NotFound } from '../domain/errors.js';
import { SESSION_COOKIE } from './authenticate.js';
import type { Account } from '../db/accounts.js';
import { actorForAccount } from '../application/auth/actors.js';

export interface AuthRouteOptions {
  config: AuthConfig;
}

const Code = z.string().trim().min(6).max(16).describe('six digits from the authenticator app, or a recovery code');

function clientOf(request: FastifyRequest) {
  const agent = request.headers['user-agent'];
  return { address: request.ip, userAgent: typeof agent === 'string' ? agent : null };
}

function userOf(account: Account): NonNullable<SessionState['user']> {
  return {
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    party: account.partyCode,
    units: account.units,
    totpEnabled: account.totpEnabled,
    mustChangePassword: account.mustChangePassword,
    isDemo: account.isDemo,
  };
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, { config }) => {
  const sso = config.oidc ? new SingleSignOn(app.db, config.oidc) : null;
  const ssoInfo = sso ? { label: sso.config.label } : null;

  function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: IssuedSession) {
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies === 'auto' ? request.protocol === 'https' : config.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
  }

  function clearSessionCookie(reply: FastifyReply) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  const anonymousState = (): SessionState => ({
    signedIn: false,
    signingIn: null,
    user: null,
    permissions: actorPermissions(ANONYMOUS),
    csrfToken: null,
    sso: ssoInfo,
  });

  function stateAfter(result: { status: SignInResult['status']; account: Account }, csrfToken: string): SessionState {
    const signedIn = result.status === 'signed_in';
    return {
      signedIn,
      signingIn: signedIn ? null : (result.status as SessionState['signingIn']),
      user: userOf(result.account),
      permissions: signedIn ? actorPermissions(actorForAccount(result.account)) : actorPermissions(ANONYMOUS),
      csrfToken,
      sso: ssoInfo,
    };
  }

  app.get(
    '/api/auth/me',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Who is signed in, what they may do, and the CSRF token for writes',
        tags: ['auth'],
        response: { 200: SessionStateSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const session = request.session;
      if (!session) return anonymousState();
      return stateAfter(
        {
          status: session.secondFactorDone
            ? 'signed_in'
            : session.account.totpEnabled
              ? 'second_factor_required'
              : 'enrolment_required',
          account: session.account,
        },
        session.csrfToken,
      );
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Sign in with a username and password',
        description:
          'Sets an HttpOnly session cookie. When the account has two-factor sign-in (required for admins) the answer ' +
          'says so and the session is completed by POST /api/auth/second-factor. Failed attempts lock an account ' +
          'for 15 minutes after 5 failures, and an address after 30.',
        tags: ['auth'],
        body: z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) }),
        response: { 200: SessionStateSchema },
      },
    },
    async (request, reply) => {
      if (request.session) await endSession(app.db, request.session.token); // a new sign-in never reuses a session
      const result = await signInWithPassword(app.db, config, request.body, clientOf(request));
      setSessionCookie(request, reply, result.session);
      return stateAfter(result, result.session.csrfToken);
    },
  );

  app.post(
    '/api/auth/second-factor',
    {
      config: { permission: 'signing_in' },
      schema: {
        summary: 'Finish signing in with a code from the authenticator app or a recovery code',
        description: 'Each code is accepted once. The session cookie is replaced by a new one.',
        tags: ['auth'],
        body: z.object({ code: Code }),
        response: { 200: SessionStateSchema },
      },
    },
    async (request, reply) => {
      const session = request.session!;
      const issued = await completeSecondFactor(
        app.db,
        config,
        { token: session.token, userId: session.account.id },
        request.body.code,
        clientOf(request),
      );
      setSessionCookie(request, reply, issued);
      return stateAfter({ status: 'signed_in', account: session.account }, issued.csrfToken);
    },
  );

  app.post(
    '/api/auth/second-factor/enrolment',
    {
      config: { permission: 'signing_in' },
      schema: {
        summary: 'Start setting up two-factor sign-in: a secret for the authenticator app',
        tags: ['auth'],
        response: { 200: EnrolmentSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return startEnrolment(app.db, request.session!.account.id);
    },
  );

  app.post(
    '/api/auth/second-factor/enrolment/confirm',
    {
      config: { permission: 'signing_in' },
      schema: {
        summary: 'Confirm two-factor set-up with a first code; returns ten one-time recovery codes (shown once)',
        tags: ['auth'],
        body: z.object({ code: Code }),
        response: { 200: EnrolmentConfirmedSchema },
      },
    },
    async (request, reply) => {
      const session = request.session!;
      const { recoveryCodes, session: issued } = await confirmEnrolment(
        app.db,
        config,
        { token: session.token, userId: session.account.id },
        request.body.code,
        clientOf(request),
      );
      setSessionCookie(request, reply, issued);
      reply.header('cache-control', 'no-store');
      return {
        recoveryCodes,
        state: stateAfter(
          { status: 'signed_in', account: { ...session.account, totpEnabled: true } },
          issued.csrfToken,
        ),
      };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { permission: 'public' },
      schema: { summary: 'Sign out: the session ends', tags: ['auth'], response: { 200: SessionStateSchema } },
    },
    async (request, reply) => {
      if (request.session) await endSession(app.db, request.session.token);
      clearSessionCookie(reply);
      return anonymousState();
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { permission: 'account.self' },
      schema: {
        summary: 'Change one’s own password (at least 12 characters); other sessions end',
        tags: ['auth'],
        body: z.object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(1).max(1000) }),
        response: { 200: z.object({ changed: z.literal(true) }) },
      },
    },
    async (request) => {
      await changeOwnPassword(
        app.db,
        request.actor,
        request.body,
        request.session ? sha256Hex(request.session.token) : null,
        request.id,
      );
      return { changed: true as const };
    },
  );

  app.get(
    '/api/auth/oidc/start',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Start signing in through the provincial single sign-on (when configured)',
        tags: ['auth'],
        querystring: z.object({ returnTo: z.string().max(500).default('/') }),
        response: { 302: z.undefined().describe('To the provider’s sign-in page (Location)') },
      },
    },
    async (request, reply) => {
      if (!sso) throw new NotFound('auth.sso_not_configured', 'Single sign-on is not configured on this server');
      return reply.redirect((await sso.start(request.query.returnTo)).href);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { permission: 'public' },
      schema: {
        summary: 'Where the single sign-on provider sends the browser back',
        tags: ['auth'],
        response: { 302: z.undefined().describe('Into the app, or to the sign-in page with ?error=<code>') },
      },
    },
    async (request, reply) => {
      if (!sso) throw new NotFound('auth.sso_not_configured', 'Single sign-on is not configured on this server');
      const callback = new URL(request.url, config.oidc!.redirectUri);
      try {
        const done = await sso.finish(callback);
        const result = await signInFromSso(app.db, config, done.account, done.providerDidMfa, clientOf(request));
        setSessionCookie(request, reply, result.session);
        const next = result.status === 'signed_in' ? safeReturnPath(done.returnTo) : '/dang-nhap';
        return reply.redirect(next);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        request.log.warn({ code: error.code, err: error }, 'single sign-on refused');
        return reply.redirect(`/dang-nhap?error=${encodeURIComponent(error.code)}`);
      }
    },
  );
};
