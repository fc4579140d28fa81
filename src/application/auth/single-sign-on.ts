import * as oidc from 'openid-client';
import type { Database } from '../../db/database.js';
import { findAccountByOidcSubject, findAccountSecrets, linkOidcSubject, type Account } from '../../db/accounts.js';
import { Invalid, Unauthorized } from '../../domain/errors.js';
import type { OidcConfig } from './auth-config.js';
import { sha256Hex } from './secrets.js';

const REQUEST_LIFETIME_MINUTES = 10;

/** Plain HTTP is allowed only for a provider on this machine (development and the tests). */
function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The provider's configuration, discovered once per process and kept. */
export class SingleSignOn {
  private configuration: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly db: Database,
    readonly config: OidcConfig,
  ) {}

  private discover(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.config.issuer);
      this.configuration = oidc
        .discovery(
          issuer,
          this.config.clientId,
          this.config.clientSecret,
          undefined,
          isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
        )
        .catch((error: unknown) => {
          this.configuration = null; // try again on the next sign-in
          throw new Unauthorized(
            'auth.sso_failed',
            `The single sign-on provider ${this.config.issuer} could not be reached: ${(error as Error).message}`,
          );
        });
    }
    return this.configuration;
  }

  /** The provider's sign-in page to send the browser to; state, nonce and PKCE verifier wait in the database. */
  async start(returnTo: string): Promise<URL> {
    const configuration = await this.discover();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.db.query(`delete from oidc_login_request where created_at < now() - make_interval(mins => $1)`, [
      REQUEST_LIFETIME_MINUTES,
    ]);
    await this.db.query(
      'insert into oidc_login_request (state_hash, nonce, code_verifier, return_to) values ($1, $2, $3, $4)',
      [sha256Hex(state), nonce, codeVerifier, safeReturnPath(returnTo)],
    );
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: 'openid profile email',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
  }

  /**
   * Completes the round trip: exchanges the code, checks state, nonce and the ID token, and finds the account it
   * belongs to (linked before, or an account whose username is the provider's username or e-mail: then linked).
   */
  async finish(callbackUrl: URL): Promise<{ account: Account; returnTo: string; providerDidMfa: boolean }> {
    const configuration = await this.discover();
    const state = callbackUrl.searchParams.get('state');
    if (!state) throw new Invalid('auth.sso_failed', 'The single sign-on answer has no state');
    const [pending] = await this.db.query<{ nonce: string; codeVerifier: string; returnTo: string }>(
      `delete from oidc_login_request where state_hash = $1 and created_at > now() - make_interval(mins => $2)
       returning nonce, code_verifier as "codeVerifier", return_to as "returnTo"`,
      [sha256Hex(state), REQUEST_LIFETIME_MINUTES],
    );
    if (!pending)
      throw new Unauthorized('auth.sso_failed', 'This sign-on attempt is unknown or has expired; start again');
    let claims: oidc.IDToken | undefined;
    let profile: { preferred_username?: unknown; email?: unknown } = {};
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Many providers put the username and e-mail in the user info only, not in the ID token.
      if (claims && claims.preferred_username === undefined && claims.email === undefined)
        profile = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    } catch (error) {
      throw new Unauthorized('auth.sso_failed', `Single sign-on failed: ${(error as Error).message}`);
    }
    if (!claims) throw new Unauthorized('auth.sso_failed', 'The provider sent no ID token');
    const subject = `${claims.iss}|${claims.sub}`;
    let account = await findAccountByOidcSubject(this.db, subject);
    if (!account) {
      const names = [claims.preferred_username, claims.email, profile.preferred_username, profile.email]
        .filter((n): n is string => typeof n === 'string')
        .map((n) => n.trim().toLowerCase());
      for (const name of names) {
        const candidate = await findAccountSecrets(this.db, name);
        if (candidate && !candidate.oidcSubject) {
          await linkOidcSubject(this.db, candidate.id, subject);
          account = { ...candidate, oidcSubject: subject };
          break;
        }
      }
    }
    if (!account || account.disabled)
      throw new Unauthorized(
        'auth.sso_unknown_account',
        `No DX Compact account belongs to ${String(claims.preferred_username ?? profile.preferred_username ?? claims.email ?? claims.sub)}; ask an administrator to create one`,
      );
    const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
    const { passwordHash: _p, totpSecret: _t, totpLastStep: _s, ...publicAccount } = account;
    return {
      account: publicAccount,
      returnTo: pending.returnTo,
      providerDidMfa: amr.some((m) => ['mfa', 'otp', 'hwk', 'swk', 'sms'].includes(m)),
    };
  }
}

/** Only a path on this site: never an absolute URL an attacker could send the user to after sign-in. */
export function safeReturnPath(returnTo: string): string {
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(returnTo) ? returnTo.slice(0, 500) : '/';
}
