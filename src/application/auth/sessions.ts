import type { Database, Queryable } from '../../db/database.js';
import { findAccountSecretsById, type Account } from '../../db/accounts.js';
import { deleteSession, findLiveSession, insertSession, touchSession, type StoredSession } from '../../db/sessions.js';
import type { AuthConfig } from './auth-config.js';
import { randomToken, sha256Hex } from './secrets.js';

export interface IssuedSession {
  /** Goes into the HttpOnly cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  secondFactorDone: boolean;
  expiresAt: Date;
}

export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

/** A new session with a fresh random token: a session id is never taken from the client (no fixation). */
export async function issueSession(
  db: Queryable,
  config: AuthConfig,
  userId: number,
  secondFactorDone: boolean,
  client: ClientInfo,
): Promise<IssuedSession> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + config.sessionMaxSeconds * 1000);
  await insertSession(db, {
    tokenHash: sha256Hex(token),
    userId,
    csrfToken,
    secondFactorDone,
    expiresAt,
    address: client.address,
    userAgent: client.userAgent,
  });
  return { token, csrfToken, secondFactorDone, expiresAt };
}

export interface ActiveSession {
  session: StoredSession;
  account: Account;
}

/** The session a cookie names, with its account, if it is live and the account is enabled. */
export async function resolveSession(db: Database, config: AuthConfig, token: string): Promise<ActiveSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  const tokenHash = sha256Hex(token);
  const session = await findLiveSession(db, tokenHash, config.sessionIdleSeconds);
  if (!session) return null;
  const account = await findAccountSecretsById(db, session.userId);
  if (!account || account.disabled) return null;
  await touchSession(db, tokenHash);
  const { passwordHash: _p, totpSecret: _t, totpLastStep: _s, ...publicAccount } = account;
  return { session, account: publicAccount };
}

/** Replaces a session by a new one (new token, same user) when its privileges change: after the second factor. */
export async function rotateSession(
  db: Database,
  config: AuthConfig,
  oldToken: string,
  userId: number,
  client: ClientInfo,
): Promise<IssuedSession> {
  return db.transaction(async (tx) => {
    await deleteSession(tx, sha256Hex(oldToken));
    return issueSession(tx, config, userId, true, client);
  });
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await deleteSession(db, sha256Hex(token));
}
