import type { Queryable } from './database.js';
import { accountsChanged } from './auth-epoch.js';

export interface StoredSession {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  secondFactorDone: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** The same two instants in milliseconds since 1970, for checks in memory. */
  lastSeenMs: number;
  expiresMs: number;
}

export async function insertSession(
  tx: Queryable,
  session: {
    tokenHash: string;
    userId: number;
    csrfToken: string;
    secondFactorDone: boolean;
    expiresAt: Date;
    address: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into user_session (token_hash, user_id, csrf_token, second_factor_done, expires_at, address, user_agent)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      session.tokenHash,
      session.userId,
      session.csrfToken,
      session.secondFactorDone,
      session.expiresAt.toISOString(),
      session.address,
      session.userAgent?.slice(0, 300) ?? null,
    ],
  );
}

/** The live session with this token hash: not expired, not idle for longer than `idleSeconds`. */
export async function findLiveSession(
  db: Queryable,
  tokenHash: string,
  idleSeconds: number,
): Promise<StoredSession | null> {
  const [row] = await db.query<StoredSession>(
    `select token_hash as "tokenHash", user_id as "userId", csrf_token as "csrfToken",
            second_factor_done as "secondFactorDone", created_at::text as "createdAt",
            last_seen_at::text as "lastSeenAt", expires_at::text as "expiresAt",
            (extract(epoch from last_seen_at) * 1000)::float8 as "lastSeenMs",
            (extract(epoch from expires_at) * 1000)::float8 as "expiresMs"
     from user_session
     where token_hash = $1 and expires_at > now() and last_seen_at > now() - make_interval(secs => $2)`,
    [tokenHash, idleSeconds],
  );
  return row ?? null;
}

/** Marks the session used; at most once a minute, so that reads do not turn into a write each. */
export async function touchSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(
    `update user_session set last_seen_at = now() where token_hash = $1 and last_seen_at < now() - interval '1 minute'`,
    [tokenHash],
  );
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  accountsChanged();
  await db.query('delete from user_session where token_hash = $1', [tokenHash]);
}

/** Ends a user's sessions (after a password change or reset), optionally keeping one. */
export async function deleteUserSessions(db: Queryable, userId: number, except: string | null = null): Promise<number> {
  accountsChanged();
  const rows = await db.query(
    'delete from user_session where user_id = $1 and ($2::text is null or token_hash <> $2) returning token_hash',
    [userId, except],
  );
  return rows.length;
}

export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await db.query('delete from user_session where expires_at <= now()');
}
