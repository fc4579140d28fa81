import type { Database, Queryable } from '../../db/database.js';
import { findAccountSecretsById, type Account } from '../../db/accounts.js';
import { accountsEpoch } from '../../db/auth-epoch.js';
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

/** How often a session's last use is written: more often would turn every read into a write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Sessions already looked up, per database, while this process has changed no session or account since (see
 * auth-epoch). Only for an engine this process alone writes to (PGlite): then a signed-in request needs no
 * database turn, even while a long import holds it. At most SESSION_MEMORY_MS old, whatever happens.
 */
const knownSessions = new WeakMap<Database, Map<string, { epoch: number; at: number; active: ActiveSession }>>();
const KNOWN_SESSIONS_MAX = 10_000;
const SESSION_MEMORY_MS = 30_000;

function stillLive(session: StoredSession, config: AuthConfig, now: number): boolean {
  return session.expiresMs > now && session.lastSeenMs > now - config.sessionIdleSeconds * 1000;
}

/** The session a cookie names, with its account, if it is live and the account is enabled. */
export async function resolveSession(db: Database, config: AuthConfig, token: string): Promise<ActiveSession | null> {
  if (token.length < 20 || token.length > 100) return null;
  const tokenHash = sha256Hex(token);
  const remembering = db.keepCurrent !== undefined; // only this process writes to it
  // Read before the lookup: a change made while it runs leaves the entry already out of date.
  const epoch = accountsEpoch();
  const now = Date.now();
  let known = knownSessions.get(db);
  const hit = remembering ? known?.get(tokenHash) : undefined;
  if (
    hit &&
    hit.epoch === epoch &&
    now - hit.at < SESSION_MEMORY_MS &&
    stillLive(hit.active.session, config, now) &&
    now - hit.active.session.lastSeenMs < TOUCH_EVERY_MS
  )
    return hit.active;
  const session = await findLiveSession(db, tokenHash, config.sessionIdleSeconds);
  if (!session) return null;
  const account = await findAccountSecretsById(db, session.userId);
  if (!account || account.disabled) return null;
  const { passwordHash: _p, totpSecret: _t, totpLastStep: _s, ...publicAccount } = account;
  const active: ActiveSession = { session, account: publicAccount };
  if (now - session.lastSeenMs >= TOUCH_EVERY_MS) {
    // Written on the side: the request does not wait for a database turn (a long import may hold it).
    touchSession(db, tokenHash).catch(() => undefined);
    active.session = { ...session, lastSeenMs: now };
  }
  if (remembering) {
    if (!known) knownSessions.set(db, (known = new Map()));
    if (known.size >= KNOWN_SESSIONS_MAX) known.clear();
    known.set(tokenHash, { epoch, at: now, active });
  }
  return active;
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
