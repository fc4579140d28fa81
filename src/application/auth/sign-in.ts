import type { Database } from '../../db/database.js';
import {
  claimTotpStep,
  consumeRecoveryCode,
  enableTotp,
  findAccountSecrets,
  findAccountSecretsById,
  replaceRecoveryCodes,
  setPendingTotpSecret,
  type Account,
  type AccountSecrets,
} from '../../db/accounts.js';
import { recentFailures, recordLoginAttempt } from '../../db/login-attempts.js';
import { requiresSecondFactor } from '../../domain/auth/permissions.js';
import { Forbidden, Invalid, TooManyRequests, Unauthorized } from '../../domain/errors.js';
import type { AuthConfig } from './auth-config.js';
import { issueSession, rotateSession, type ClientInfo, type IssuedSession } from './sessions.js';
import { verifyPassword } from './secrets.js';
import {
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpStep,
  totpUri,
} from './second-factor.js';

export type SignInStatus = 'signed_in' | 'second_factor_required' | 'enrolment_required';

export interface SignInResult {
  status: SignInStatus;
  session: IssuedSession;
  account: Account;
}

const publicAccount = ({ passwordHash: _p, totpSecret: _t, totpLastStep: _s, ...account }: AccountSecrets): Account =>
  account;

/** Where a signed-in password leaves the user: done, asked for a code, or asked to set up two-factor first. */
function statusAfterPassword(account: Account): SignInStatus {
  if (account.totpEnabled) return 'second_factor_required';
  return requiresSecondFactor(account.role) ? 'enrolment_required' : 'signed_in';
}

/**
 * Refuses further attempts while an account (since its last success) or an address has failed too often within
 * the window. Counting by the username typed, existing or not, tells an attacker nothing about which accounts exist.
 */
async function refuseWhileLocked(db: Database, config: AuthConfig, username: string, address: string) {
  const failures = await recentFailures(db, username, address, config.lockoutWindowSeconds);
  const retryAfter = () => {
    const last = failures.lastFailureAt ? Date.parse(failures.lastFailureAt) : Date.now();
    return Math.max(1, Math.ceil((last + config.lockoutWindowSeconds * 1000 - Date.now()) / 1000));
  };
  if (failures.address >= config.maxFailuresPerAddress) {
    throw new TooManyRequests(
      'auth.address_blocked',
      `Too many failed sign-ins from this address; try again in ${Math.ceil(retryAfter() / 60)} minutes`,
      retryAfter(),
      { minutes: Math.ceil(retryAfter() / 60) },
    );
  }
  if (failures.username >= config.maxFailuresPerAccount) {
    throw new TooManyRequests(
      'auth.locked',
      `This account is locked after ${failures.username} failed sign-ins; try again in ${Math.ceil(retryAfter() / 60)} minutes or ask an administrator`,
      retryAfter(),
      { failures: failures.username, minutes: Math.ceil(retryAfter() / 60) },
    );
  }
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Checks a username and password; issues a session, complete or waiting for the second factor. */
export async function signInWithPassword(
  db: Database,
  config: AuthConfig,
  input: { username: string; password: string },
  client: ClientInfo,
): Promise<SignInResult> {
  const username = normaliseUsername(input.username);
  await refuseWhileLocked(db, config, username, client.address);
  const account = await findAccountSecrets(db, username);
  const passwordOk = await verifyPassword(account?.passwordHash ?? null, input.password);
  const ok = passwordOk && account !== null && !account.disabled;
  await recordLoginAttempt(db, { username, address: client.address, succeeded: ok });
  if (!ok) throw new Unauthorized('auth.credentials', 'Wrong username or password');
  const status = statusAfterPassword(account);
  const session = await issueSession(db, config, account.id, status === 'signed_in', client);
  return { status, session, account: publicAccount(account) };
}

/** A session for an account signed in through single sign-on; the second factor still applies to admins. */
export async function signInFromSso(
  db: Database,
  config: AuthConfig,
  account: Account,
  providerDidMfa: boolean,
  client: ClientInfo,
): Promise<SignInResult> {
  const status = providerDidMfa ? 'signed_in' : statusAfterPassword(account);
  const session = await issueSession(db, config, account.id, status === 'signed_in', client);
  await recordLoginAttempt(db, { username: account.username, address: client.address, succeeded: true });
  return { status, session, account };
}

/**
 * The second step: a code from the authenticator app (each time step accepted once) or a one-time recovery code.
 * Failures count toward the account's lockout like wrong passwords. A success replaces the session by a new one.
 */
export async function completeSecondFactor(
  db: Database,
  config: AuthConfig,
  pending: { token: string; userId: number },
  code: string,
  client: ClientInfo,
  now = Date.now(),
): Promise<IssuedSession> {
  const account = await findAccountSecretsById(db, pending.userId);
  if (!account || !account.totpEnabled || !account.totpSecret)
    throw new Forbidden('auth.enrolment_required', 'Set up two-factor sign-in first');
  await refuseWhileLocked(db, config, account.username, client.address);
  const accepted = await db.transaction(async (tx) => {
    if (looksLikeRecoveryCode(code)) return consumeRecoveryCode(tx, account.id, recoveryCodeHash(code));
    const step = totpStep(account.totpSecret!, account.username, code.trim(), now);
    if (step === null) return false;
    if (!(await claimTotpStep(tx, account.id, step)))
      throw new Unauthorized('auth.second_factor_replayed', 'This code was already used; wait for the next one');
    return true;
  });
  await recordLoginAttempt(db, { username: account.username, address: client.address, succeeded: accepted });
  if (!accepted) throw new Unauthorized('auth.second_factor_invalid', 'The code is wrong or has expired');
  return rotateSession(db, config, pending.token, account.id, client);
}

export interface Enrolment {
  secret: string;
  uri: string;
}

/** Starts two-factor enrolment: a new secret, in force only once a code from it is confirmed. */
export async function startEnrolment(db: Database, userId: number): Promise<Enrolment> {
  const account = await findAccountSecretsById(db, userId);
  if (!account) throw new Unauthorized('auth.required', 'Sign in first');
  if (account.totpEnabled)
    throw new Invalid('auth.second_factor_required', 'Two-factor sign-in is already set up for this account');
  const secret = newTotpSecret();
  await setPendingTotpSecret(db, userId, secret);
  return { secret, uri: totpUri(secret, account.username) };
}

/** Confirms enrolment with a first code; returns the recovery codes (shown once) and a full session. */
export async function confirmEnrolment(
  db: Database,
  config: AuthConfig,
  pending: { token: string; userId: number },
  code: string,
  client: ClientInfo,
  now = Date.now(),
): Promise<{ recoveryCodes: string[]; session: IssuedSession }> {
  const account = await findAccountSecretsById(db, pending.userId);
  if (!account?.totpSecret || account.totpEnabled)
    throw new Invalid('auth.enrolment_required', 'Start two-factor set-up first');
  const step = totpStep(account.totpSecret, account.username, code.trim(), now);
  if (step === null) {
    await recordLoginAttempt(db, { username: account.username, address: client.address, succeeded: false });
    throw new Unauthorized('auth.second_factor_invalid', 'The code is wrong or has expired');
  }
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await enableTotp(tx, account.id, step);
    await replaceRecoveryCodes(tx, account.id, recoveryCodes.map(recoveryCodeHash));
  });
  const session = await rotateSession(db, config, pending.token, account.id, client);
  return { recoveryCodes, session };
}
