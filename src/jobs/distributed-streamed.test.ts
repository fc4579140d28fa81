import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { runOutputNames } from '../../test/fixtures/coverage-fixtures.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PgBoss from 'pg-boss';
import { openTestDatabase, testEngine, type TestDatabase } from '../../test/fixtures/test-database.js';
import { storeNation, writeNationFiles, type NationFiles } from '../../bench/coverage/nation-files.js';
import { prepareStreamedRun } from './streamed-inputs.js';
import { startStreamedCoverageJob } from './streamed-coverage.js';
import { cancelRun } from '../db/coverage-runs.js';
import { runStreamedWorker, startDistributedStreamedJob, STREAM_TILE_QUEUE } from './distributed-streamed.js';

// Workers share a streamed run through a PostgreSQL-backed queue: PostgreSQL only.
describe.runIf(testEngine === 'postgres')('a streamed coverage run shared by workers through the queue', () => {
  let db: TestDatabase;
  let files: NationFiles;
  let province: string;
  const folder = mkdtempSync(join(tmpdir(), 'dx-dist-stream-'));
  const outputDir = join(folder, 'runs');
  const prepare = () =>
    prepareStreamedRun(db, {
      rootUnit: province,
      technologies: ['2G', '4G'],
      params: { cellSizeM: 500, tileCells: 64 },
      dem: files.dem,
      population: files.population,
      sites: files.sites,
    });
  const job = (period: string) => ({ period, rootUnit: province, actor: 'test', requestId: null, outputDir });
  const queueOf = (extra: object = {}) => ({
    connectionString: process.env.TEST_DATABASE_URL!,
    schema: `${db.schema}_boss`,
    maintenanceIntervalSeconds: 1,
    ...extra,
  });

  beforeAll(async () => {
    db = await openTestDatabase();
    files = writeNationFiles(join(folder, 'inputs'), { scale: 'small' });
    province = (await storeNation(db, files.units)).provinces[0]!;
  }, 60_000);
  afterAll(async () => {
    await db?.query(`drop schema if exists ${db.schema}_boss cascade`).catch(() => undefined);
    await db?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives the local run’s files byte for byte and its figures, although a worker dies holding a tile', async () => {
    const local = await (
      await startStreamedCoverageJob(db, await prepare(), { ...job('2025-10'), poolSize: 1 })
    ).finished;
    expect(local.status, local.error ?? '').toBe('succeeded');
    expect(local.result!.total.population).toBeGreaterThan(0);
    expect(local.result!.total.covered['4G']).toBeGreaterThan(0);

    const queue = queueOf({ tileTimeoutSeconds: 2 });
    const { runId, finished } = await startDistributedStreamedJob(db, await prepare(), {
      ...job('2025-11'),
      queue,
      pollMs: 100,
      inFlight: 3,
    });
    // A worker takes a tile and dies without finishing it.
    const dying = new PgBoss({ connectionString: queue.connectionString, schema: queue.schema });
    await dying.start();
    let held: PgBoss.Job[] = [];
    while (held.length === 0) {
      held = await dying.fetch(STREAM_TILE_QUEUE, { batchSize: 1 });
      if (held.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await dying.stop({ graceful: false, wait: false });
    // Two healthy workers do the rest, and the lost tile once it times out.
    const workers = [
      await runStreamedWorker(db, { ...queue, threads: 1, name: 'one' }),
      await runStreamedWorker(db, { ...queue, threads: 1, name: 'two' }),
    ];
    const run = await finished;
    for (const worker of workers) await worker.stop();
    expect(run.status, run.error ?? '').toBe('succeeded');
    expect(run.tilesDone).toBe(run.tilesTotal);
    expect(run.tilesTotal).toBeGreaterThan(4);
    expect(run.result!.total).toEqual(local.result!.total);
    expect(run.result!.units).toEqual(local.result!.units);
    expect(run.result!.hotspots).toEqual(local.result!.hotspots);
    const names = runOutputNames(join(outputDir, local.id));
    expect(names).toContain('signal-4G.tif');
    expect(runOutputNames(join(outputDir, runId))).toEqual(names);
    for (const name of names) {
      const same = readFileSync(join(outputDir, runId, name)).equals(readFileSync(join(outputDir, local.id, name)));
      expect(same, name).toBe(true);
    }
    const [retried] = await db.query<{ n: number }>(
      `select count(*)::int as n from ${queue.schema}.job where name = $1 and retry_count > 0 and data->>'runId' = $2`,
      [STREAM_TILE_QUEUE, runId],
    );
    expect(retried!.n).toBeGreaterThanOrEqual(1);
    // Nothing of the run's inputs or results is left in the database.
    const [left] = await db.query<{ packages: number; results: number }>(
      `select (select count(*)::int from coverage_tile_package where run_id = $1) as packages,
              (select count(*)::int from coverage_run_tile where run_id = $1 and result is not null) as results`,
      [runId],
    );
    expect(left).toEqual({ packages: 0, results: 0 });
  }, 120_000);

  it('fails the run with the tile and its reason when a tile uses up its attempts', async () => {
    const queue = queueOf({ tileTimeoutSeconds: 5, tileRetries: 1 });
    const { runId, finished } = await startDistributedStreamedJob(db, await prepare(), {
      ...job('2025-12'),
      queue,
      pollMs: 100,
      inFlight: 2,
    });
    // The first packages are stored, and spoilt: every attempt at them fails.
    for (;;) {
      const [row] = await db.query<{ n: number }>(
        'select count(*)::int as n from coverage_tile_package where run_id = $1',
        [runId],
      );
      if (row!.n === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await db.query(`update coverage_tile_package set package = '\\x00'::bytea where run_id = $1`, [runId]);
    const worker = await runStreamedWorker(db, { ...queue, threads: 1, name: 'failing' });
    const run = await Promise.race([
      finished,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the run never ended')), 60_000)),
    ]);
    await worker.stop();
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/^tile \d+ failed on every attempt \(2\): tile \d+: .+/);
    const [tile] = await db.query<{ status: string; error: string }>(
      `select status, error from coverage_run_tile where run_id = $1 and status = 'failed'`,
      [runId],
    );
    expect(tile?.status).toBe('failed');
    // A failed run leaves no half-written raster.
    expect(existsSync(join(outputDir, runId, 'signal-2G.tif'))).toBe(false);
  }, 90_000);

  it('stops when the run is cancelled: no further tile is done and its packages are removed', async () => {
    const queue = queueOf({ tileTimeoutSeconds: 30 });
    const { runId, finished } = await startDistributedStreamedJob(db, await prepare(), {
      ...job('2026-01'),
      queue,
      pollMs: 100,
      inFlight: 2,
    });
    const worker = await runStreamedWorker(db, { ...queue, threads: 1, name: 'cancelled' });
    const count = async (status: string) =>
      (
        await db.query<{ n: number }>(
          'select count(*)::int as n from coverage_run_tile where run_id = $1 and status = $2',
          [runId, status],
        )
      )[0]!.n;
    while ((await count('running')) + (await count('done')) === 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await cancelRun(db, runId);
    const run = await Promise.race([
      finished,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the run never ended')), 20_000)),
    ]);
    expect(run.status).toBe('cancelled');
    expect(run.result).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the worker's tile in progress stops
    const done = await count('done');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await count('done')).toBe(done);
    expect(done).toBeLessThan(run.tilesTotal);
    await worker.stop();
    const [left] = await db.query<{ n: number }>(
      'select count(*)::int as n from coverage_tile_package where run_id = $1',
      [runId],
    );
    expect(left!.n).toBe(0);
    expect(existsSync(join(outputDir, runId, 'signal-2G.tif'))).toBe(false);
  }, 60_000);
});
