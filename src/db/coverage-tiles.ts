import type { Queryable } from './database.js';

// The tiles of a run shared through the queue: one row per tile, written by whichever worker did it.

/** One queued row per tile, numbered 0 … count − 1 as the tiles are. */
export async function createRunTiles(db: Queryable, runId: string, count: number): Promise<void> {
  await db.query(`insert into coverage_run_tile (run_id, tile) select $1, t from generate_series(0, $2 - 1) as t`, [
    runId,
    count,
  ]);
}

/** A worker took the tile: one more attempt, under its name (a tile already done stays done). */
export async function markTileRunning(db: Queryable, runId: string, tile: number, worker: string): Promise<void> {
  await db.query(
    `update coverage_run_tile set status = 'running', attempts = attempts + 1, worker = $3, updated_at = now()
     where run_id = $1 and tile = $2 and status <> 'done'`,
    [runId, tile, worker],
  );
}

/** Whether the tile is done already (the queue may hand a tile out again while its first worker finishes it). */
export async function isTileDone(db: Queryable, runId: string, tile: number): Promise<boolean> {
  const [row] = await db.query<{ status: string }>(
    'select status from coverage_run_tile where run_id = $1 and tile = $2',
    [runId, tile],
  );
  return row?.status === 'done';
}

export async function storeTileResult(db: Queryable, runId: string, tile: number, result: Uint8Array): Promise<void> {
  await db.query(
    `update coverage_run_tile set status = 'done', result = $3, updated_at = now() where run_id = $1 and tile = $2`,
    [runId, tile, result],
  );
}

export async function countFinishedTiles(db: Queryable, runId: string): Promise<{ done: number; failed: number }> {
  const [counts] = await db.query<{ done: number; failed: number }>(
    `select count(*) filter (where status = 'done')::int as done, count(*) filter (where status = 'failed')::int as failed
     from coverage_run_tile where run_id = $1`,
    [runId],
  );
  return counts!;
}

export async function listTileResults(db: Queryable, runId: string): Promise<{ tile: number; result: Uint8Array }[]> {
  return db.query<{ tile: number; result: Uint8Array }>(
    'select tile, result from coverage_run_tile where run_id = $1',
    [runId],
  );
}

/** The tile ran out of attempts: it is failed, with the reason, and fails its run. */
export async function markTileFailed(db: Queryable, runId: string, tile: number, reason: string): Promise<void> {
  await db.query(
    `update coverage_run_tile set status = 'failed', error = $3, updated_at = now() where run_id = $1 and tile = $2`,
    [runId, tile, reason],
  );
}

export interface FailedTile {
  tile: number;
  attempts: number;
  reason: string;
}

/** The run's first failed tile with its reason, or null. */
export async function firstFailedTile(db: Queryable, runId: string): Promise<FailedTile | null> {
  const [row] = await db.query<FailedTile>(
    `select tile, attempts, coalesce(error, 'no reason recorded') as reason from coverage_run_tile
     where run_id = $1 and status = 'failed' order by tile limit 1`,
    [runId],
  );
  return row ?? null;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/i;

/**
 * A tile job of the run that the queue (pg-boss) gave up on: every retry used, by a worker's error or by
 * timing out while a dead worker held it. Its output holds the last error. Null when there is none.
 */
export async function exhaustedTileJob(
  db: Queryable,
  queueSchema: string,
  queue: string,
  runId: string,
): Promise<FailedTile | null> {
  if (!SCHEMA_NAME.test(queueSchema)) throw new Error(`invalid queue schema name "${queueSchema}"`);
  const [row] = await db.query<{ tile: number; attempts: number; output: unknown }>(
    `select (data->'tile'->>'index')::int as tile, retry_count + 1 as attempts, output
     from ${queueSchema}.job where name = $1 and state = 'failed' and data->>'runId' = $2
     order by (data->'tile'->>'index')::int limit 1`,
    [queue, runId],
  );
  if (!row) return null;
  return { tile: row.tile, attempts: row.attempts, reason: queueErrorText(row.output) };
}

/** pg-boss stores a thrown error as { message, stack } and a timeout as { message } (or a plain value). */
function queueErrorText(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output && typeof output.message === 'string')
    return output.message;
  if (typeof output === 'string' && output) return output;
  return output == null ? 'no reason recorded' : JSON.stringify(output);
}

// A streamed run's tiles carry their own inputs (coverage_tile_package), and their results are read one by one.

export async function storeTilePackage(db: Queryable, runId: string, tile: number, bytes: Uint8Array): Promise<void> {
  await db.query(
    `insert into coverage_tile_package (run_id, tile, package) values ($1, $2, $3)
     on conflict (run_id, tile) do update set package = excluded.package`,
    [runId, tile, bytes],
  );
}

/** A tile's package; null once its result was read (or the run ended). */
export async function findTilePackage(db: Queryable, runId: string, tile: number): Promise<Uint8Array | null> {
  const [row] = await db.query<{ package: Uint8Array }>(
    'select package from coverage_tile_package where run_id = $1 and tile = $2',
    [runId, tile],
  );
  return row?.package ?? null;
}

export async function deleteTilePackage(db: Queryable, runId: string, tile: number): Promise<void> {
  await db.query('delete from coverage_tile_package where run_id = $1 and tile = $2', [runId, tile]);
}

/** Every package a run still has (it ended). */
export async function deleteRunTilePackages(db: Queryable, runId: string): Promise<void> {
  await db.query('delete from coverage_tile_package where run_id = $1', [runId]);
}

/**
 * Stores a tile's result unless the tile is already done: a tile the queue handed out twice (its first worker
 * was only slow) is taken once.
 */
export async function storeTileResultOnce(
  db: Queryable,
  runId: string,
  tile: number,
  result: Uint8Array,
): Promise<void> {
  await db.query(
    `update coverage_run_tile set status = 'done', result = $3, updated_at = now()
     where run_id = $1 and tile = $2 and status <> 'done'`,
    [runId, tile, result],
  );
}

/** The tiles done whose results have not been taken yet (at most `limit`), by tile number. */
export async function listUntakenTileResults(
  db: Queryable,
  runId: string,
  limit: number,
): Promise<{ tile: number; result: Uint8Array }[]> {
  return db.query<{ tile: number; result: Uint8Array }>(
    `select tile, result from coverage_run_tile where run_id = $1 and status = 'done' and result is not null
     order by tile limit $2`,
    [runId, limit],
  );
}

/** The result was written into the run's files and figures: the tile's row keeps only its record. */
export async function clearTileResult(db: Queryable, runId: string, tile: number): Promise<void> {
  await db.query('update coverage_run_tile set result = null where run_id = $1 and tile = $2', [runId, tile]);
}
