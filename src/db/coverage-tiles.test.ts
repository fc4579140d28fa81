import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { findUnit } from './org-units.js';
import { createRun, findWorkPackage, storeWorkPackage } from './coverage-runs.js';
import {
  countFinishedTiles,
  createRunTiles,
  listTileResults,
  markTileRunning,
  storeTileResult,
} from './coverage-tiles.js';

let db: TestDatabase;
let runId: string;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSmallProvince(db);
  const root = await findUnit(db, 'P1');
  runId = await createRun(db, {
    rootUnitId: root.id,
    period: '2025-10',
    params: {},
    inputs: {},
    tilesTotal: 3,
    createdBy: 'test',
  });
});
afterAll(async () => db?.close());

it('keeps a distributed run’s work package', async () => {
  expect(await findWorkPackage(db, runId)).toBeNull();
  await storeWorkPackage(db, runId, new Uint8Array([1, 2, 3]));
  expect(Array.from((await findWorkPackage(db, runId))!)).toEqual([1, 2, 3]);
  const [run] = await db.query<{ distributed: boolean }>('select distributed from coverage_run where id = $1', [runId]);
  expect(run!.distributed).toBe(true);
});

it('counts a run’s tiles as workers finish them and returns their results', async () => {
  await createRunTiles(db, runId, 3);
  expect(await countFinishedTiles(db, runId)).toEqual({ done: 0, failed: 0 });
  await markTileRunning(db, runId, 1, 'host:1');
  await markTileRunning(db, runId, 1, 'host:2'); // the first worker died: another takes it again
  await storeTileResult(db, runId, 1, new Uint8Array([9]));
  expect(await countFinishedTiles(db, runId)).toEqual({ done: 1, failed: 0 });
  const [tile] = await db.query<{ attempts: number; worker: string }>(
    'select attempts, worker from coverage_run_tile where run_id = $1 and tile = 1',
    [runId],
  );
  expect(tile).toEqual({ attempts: 2, worker: 'host:2' });
  const results = await listTileResults(db, runId);
  expect(results.map((r) => r.tile).sort()).toEqual([0, 1, 2]);
  expect(Array.from(results.find((r) => r.tile === 1)!.result)).toEqual([9]);
});
