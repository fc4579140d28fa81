import { createHash } from 'node:crypto';
import type { Queryable } from './database.js';
import { canonicalJson } from '../domain/audit/audit-chain.js';
import { Conflict } from '../domain/errors.js';

export interface StoredResponse<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

/**
 * Runs `work` once per idempotency key: a retry with the same key and body gets the first response
 * back and changes nothing; the same key with another body is refused. Runs in the caller's transaction,
 * where the key is claimed with the work, so a concurrent retry waits for the first to commit (or roll back).
 */
export async function runOnce<T>(
  tx: Queryable,
  key: string,
  request: unknown,
  work: (tx: Queryable) => Promise<{ statusCode: number; body: T }>,
): Promise<StoredResponse<T>> {
  const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
  const claimed = await tx.query(
    `insert into idempotency_key (key, request_hash, status_code, response) values ($1, $2, 0, 'null'::jsonb)
     on conflict (key) do nothing returning key`,
    [key, requestHash],
  );
  if (claimed.length === 0) {
    const [stored] = await tx.query<{ request_hash: string; status_code: number; response: T }>(
      'select request_hash, status_code, response from idempotency_key where key = $1',
      [key],
    );
    if (stored!.request_hash !== requestHash) {
      throw new Conflict('idempotency.mismatch', `Idempotency key "${key}" was already used for a different request`);
    }
    return { statusCode: stored!.status_code, body: stored!.response, replayed: true };
  }
  const result = await work(tx);
  await tx.query('update idempotency_key set status_code = $2, response = $3::jsonb where key = $1', [
    key,
    result.statusCode,
    JSON.stringify(result.body),
  ]);
  return { ...result, replayed: false };
}
