import type { Queryable } from './database.js';

export async function recordLoginAttempt(
  db: Queryable,
  attempt: { username: string; address: string; succeeded: boolean },
): Promise<void> {
  await db.query('insert into login_attempt (username, address, succeeded) values ($1, $2, $3)', [
    attempt.username.slice(0, 200),
    attempt.address,
    attempt.succeeded,
  ]);
}

export interface FailureCounts {
  /** Failed attempts on this username since its last success, within the window. */
  username: number;
  /** Failed attempts from this address within the window, whatever the username. */
  address: number;
  /** When the latest counted failure happened (ISO), or null. */
  lastFailureAt: string | null;
}

/** Failures within the last `windowSeconds`, per account (since its last success) and per address. */
export async function recentFailures(
  db: Queryable,
  username: string,
  address: string,
  windowSeconds: number,
): Promise<FailureCounts> {
  const [row] = await db.query<FailureCounts>(
    `with recent as (select * from login_attempt where at > now() - make_interval(secs => $3)),
     last_success as (select max(at) as at from recent where username = $1 and succeeded)
     select
       (select count(*)::int from recent, last_success
         where username = $1 and not succeeded and (last_success.at is null or recent.at > last_success.at)) as username,
       (select count(*)::int from recent where address = $2 and not succeeded) as address,
       (select to_char(max(at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from recent
         where not succeeded and (username = $1 or address = $2)) as "lastFailureAt"`,
    [username.slice(0, 200), address, windowSeconds],
  );
  return row!;
}

/** Old attempts are only needed for the lockout window. */
export async function pruneLoginAttempts(db: Queryable, olderThanSeconds: number): Promise<void> {
  await db.query('delete from login_attempt where at < now() - make_interval(secs => $1)', [olderThanSeconds]);
}
