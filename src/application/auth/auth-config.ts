/** How sign-in behaves in a deployment; the defaults suit a province, the environment can change them. */
export interface AuthConfig {
  /** A session ends after this long without a request. */
  sessionIdleSeconds: number;
  /** …and in any case this long after sign-in. */
  sessionMaxSeconds: number;
  /** true: cookies are always Secure; 'auto': Secure when the request came over HTTPS (behind a trusted proxy too). */
  secureCookies: boolean | 'auto';
  /** Origins besides the server's own that may send cookie-authenticated writes (e.g. the public URL). */
  allowedOrigins: readonly string[];
  /** Nobody approves a unit's period they submitted or entered values in (on by default). */
  separationOfDuties: boolean;
  /** Failed sign-ins on one account, since its last success, before it is locked for the window. */
  maxFailuresPerAccount: number;
  /** Failed sign-ins from one address, whatever the accounts, before it is refused for the window. */
  maxFailuresPerAddress: number;
  lockoutWindowSeconds: number;
  oidc: OidcConfig | null;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: <public URL>/api/auth/oidc/callback. */
  redirectUri: string;
  /** Shown on the sign-in button, e.g. "Đăng nhập một lần (SSO tỉnh)". */
  label: string;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  sessionIdleSeconds: 2 * 3600,
  sessionMaxSeconds: 12 * 3600,
  secureCookies: 'auto',
  allowedOrigins: [],
  separationOfDuties: true,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
  lockoutWindowSeconds: 15 * 60,
  oidc: null,
};

type Env = Readonly<Record<string, string | undefined>>;

const flag = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : /^(1|true|yes|on)$/i.test(value);

/**
 * From the environment: DX_PUBLIC_URL, DX_SECURE_COOKIES (true/false/auto), DX_SEPARATION_OF_DUTIES,
 * DX_SESSION_IDLE_MINUTES, DX_SESSION_MAX_HOURS, and for single sign-on DX_OIDC_ISSUER, DX_OIDC_CLIENT_ID,
 * DX_OIDC_CLIENT_SECRET (and optionally DX_OIDC_LABEL).
 */
export function authConfigFromEnv(env: Env): AuthConfig {
  const publicUrl = env.DX_PUBLIC_URL ? new URL(env.DX_PUBLIC_URL) : null;
  const secure = env.DX_SECURE_COOKIES;
  const oidc =
    env.DX_OIDC_ISSUER && env.DX_OIDC_CLIENT_ID && env.DX_OIDC_CLIENT_SECRET
      ? {
          issuer: env.DX_OIDC_ISSUER,
          clientId: env.DX_OIDC_CLIENT_ID,
          clientSecret: env.DX_OIDC_CLIENT_SECRET,
          redirectUri: new URL('/api/auth/oidc/callback', publicUrl ?? 'http://127.0.0.1:3000').href,
          label: env.DX_OIDC_LABEL ?? 'SSO',
        }
      : null;
  return {
    ...DEFAULT_AUTH_CONFIG,
    secureCookies: secure === undefined || secure === '' || secure === 'auto' ? 'auto' : flag(secure, false),
    allowedOrigins: publicUrl ? [publicUrl.origin] : [],
    separationOfDuties: flag(env.DX_SEPARATION_OF_DUTIES, true),
    sessionIdleSeconds: Number(env.DX_SESSION_IDLE_MINUTES ?? 120) * 60,
    sessionMaxSeconds: Number(env.DX_SESSION_MAX_HOURS ?? 12) * 3600,
    oidc,
  };
}
