import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PgBoss from 'pg-boss';
import { openTestDatabase, testEngine, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { setSmallProvinceBoundaries, smallProvinceCoverage } from '../../test/fixtures/coverage-fixtures.js';
import { startCoverageJob } from './coverage-job.js';
import { runCoverageWorker, startDistributedCoverageJob, TILE_QUEUE } from './distributed-coverage.js';

// Workers on several machines share a run through a PostgreSQL-backed queue: PostgreSQL only. This is the
// whole-grid runner of `--demo --distributed`; its inputs are built on the grid directly, as the demo's are.
describe.runIf(testEngine === 'postgres')('a coverage run shared by workers through the queue', () => {
  let db: TestDatabase;
  const outputDir = mkdtempSync(join(tmpdir(), 'dx-distributed-'));
  const sites = {
    name: 'tram.csv',
    bytes: new TextEncoder().encode(
      'site_code,technology,band_mhz,lat,lon,antenna_height_m,tx_power_dbm\nA,2G,900,13.915,108.045,35,20\nB,2G,900,13.905,108.01,30,18\n',
    ),
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    await loadSmallProvince(db);
    await setSmallProvinceBoundaries(db);
  });
  afterAll(async () => {
    await db?.query(`drop schema if exists ${db.schema}_boss cascade`).catch(() => undefined);
    await db?.close();
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('finishes with the same figures as a local run although a worker dies holding a tile', async () => {
    const prepare = () =>
      smallProvinceCoverage(db, {
        technologies: ['2G'],
        params: { cellSizeM: 60, tileCells: 64 },
        groundM: 700,
        peoplePerCell: 1.8,
        sites,
      });
    const local = await (
      await startCoverageJob(db, await prepare(), {
        period: '2025-10',
        rootUnit: 'P1',
        actor: 'test',
        requestId: null,
        outputDir,
        poolSize: 1,
      })
    ).finished;
    expect(local.status).toBe('succeeded');

    const queue = {
      connectionString: process.env.TEST_DATABASE_URL!,
      schema: `${db.schema}_boss`,
      tileTimeoutSeconds: 2,
      maintenanceIntervalSeconds: 1,
    };
    const { finished } = await startDistributedCoverageJob(db, await prepare(), {
      period: '2025-11',
      rootUnit: 'P1',
      actor: 'test',
      requestId: null,
      outputDir,
      queue,
      pollMs: 200,
    });
    // A worker takes a tile and dies without finishing it.
    const dying = new PgBoss({ connectionString: queue.connectionString, schema: queue.schema });
    await dying.start();
    const [held] = await dying.fetch(TILE_QUEUE, { batchSize: 1 });
    expect(held).toBeDefined();
    await dying.stop({ graceful: false, wait: false });
    // A healthy worker does the rest, and the lost tile once it times out.
    const worker = await runCoverageWorker(db, { ...queue, threads: 1, name: 'healthy' });
    const run = await finished;
    await worker.stop();
    expect(run.status).toBe('succeeded');
    expect(run.tilesDone).toBe(run.tilesTotal);
    expect(run.tilesTotal).toBeGreaterThan(4);
    const share = (r: typeof run) => r.result!.total.covered['2G']! / r.result!.total.population;
    expect(share(run)).toBeCloseTo(share(local), 9);
    // The same files, byte for byte, assembled from the queue's tiles: rasters, site table, uncovered places.
    const files = readdirSync(join(outputDir, local.id)).sort();
    expect(files).toEqual([
      'best-server-2G.csv',
      'best-server-2G.tif',
      'best-server-2G.tif.aux.xml',
      'signal-2G.tif',
      'uncovered-2G.geojson',
    ]);
    expect(readdirSync(join(outputDir, run.id)).sort()).toEqual(files);
    for (const file of files) {
      const same = readFileSync(join(outputDir, run.id, file)).equals(readFileSync(join(outputDir, local.id, file)));
      expect(same, file).toBe(true);
    }
    const [retried] = await db.query<{ n: number }>(
      `select count(*)::int as n from ${queue.schema}.job where name = $1 and retry_count > 0`,
      [TILE_QUEUE],
    );
    expect(retried!.n).toBeGreaterThanOrEqual(1);
  }, 90_000);

  it('fails the run with the tile and its reason when a tile uses up its attempts, instead of waiting forever', async () => {
    const queue = {
      connectionString: process.env.TEST_DATABASE_URL!,
      schema: `${db.schema}_boss`,
      tileTimeoutSeconds: 5,
      maintenanceIntervalSeconds: 1,
      tileRetries: 1,
    };
    const prepared = await smallProvinceCoverage(db, {
      technologies: ['2G'],
      params: { cellSizeM: 60, tileCells: 64 },
      groundM: 700,
      peoplePerCell: 1.8,
      sites,
    });
    const { runId, finished } = await startDistributedCoverageJob(db, prepared, {
      period: '2025-12',
      rootUnit: 'P1',
      actor: 'test',
      requestId: null,
      outputDir,
      queue,
      pollMs: 200,
    });
    // Every worker now fails on this run's tiles: its work package is gone.
    await db.query('update coverage_run set work_package = null where id = $1', [runId]);
    const worker = await runCoverageWorker(db, { ...queue, threads: 1, name: 'failing' });
    const run = await Promise.race([
      finished,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the run never ended')), 60_000)),
    ]);
    await worker.stop();
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/^tile \d+ failed on every attempt \(2\): run .* has no work package$/);
    const [tile] = await db.query<{ status: string; error: string }>(
      `select status, error from coverage_run_tile where run_id = $1 and status = 'failed'`,
      [runId],
    );
    expect(tile).toMatchObject({ status: 'failed', error: expect.stringContaining('no work package') });
  }, 90_000);
});
