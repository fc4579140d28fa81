import type { Queryable } from './database.js';

// The tiles of a run shared through the queue: one row per tile, written by whichever worker did it.

/** One queued row per tile, numbered 0 … count − 1 as the tiles are. */
export async function createRunTiles(db: Queryable, runId: string, count: number): Promise<void> {
  await db.query(`insert into coverage_run_tile (run_id, tile) select $1, t from generate_series(0, $2 - 1) as t`, [
    runId,
    count,
  ]);
}

/** A worker took the tile: one more attempt, under its name. */
export async function markTileRunning(db: Queryable, runId: string, tile: number, worker: string): Promise<void> {
  await db.query(
    `update coverage_run_tile set status = 'running', attempts = attempts + 1, worker = $3, updated_at = now() where run_id = $1 and tile = $2`,
    [runId, tile, worker],
  );
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
