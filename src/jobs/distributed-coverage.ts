import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';
import { findWorkPackage, isCancelled, storeWorkPackage, type CoverageRun } from '../db/coverage-runs.js';
import {
  countFinishedTiles,
  createRunTiles,
  exhaustedTileJob,
  firstFailedTile,
  listTileResults,
  markTileFailed,
  markTileRunning,
  storeTileResult,
  type FailedTile,
} from '../db/coverage-tiles.js';
import { splitIntoTiles, type TileSpec } from '../engines/coverage/predict/predict-tile.js';
import { pasteTile, summariseCoverage } from '../engines/coverage/run-model.js';
import { siteCoverTest } from '../engines/coverage/predict/cover-test.js';
import { CoveragePool } from '../engines/coverage/pool.js';
import type { Technology } from '../domain/coverage/technology.js';
import { packTile, packWork, unpackTile, unpackWork } from './work-package.js';
import type { PreparedCoverage } from './coverage-inputs.js';
import { describePrepared, startRun, type JobOptions, type RunOutputs } from './run-lifecycle.js';
import { writeRunOutputs } from './coverage-outputs.js';
import { gridCornersLonLat } from '../engines/coverage/analysis-grid.js';
import { DEFAULT_TILE_SIZE } from '../engines/coverage/raster/geotiff-tags.js';
import { oneGridLayers } from './map-layers.js';
import type { ModelOutputs } from '../engines/coverage/run-model.js';
import { whileNotCancelled } from './while-not-cancelled.js';

export const TILE_QUEUE = 'coverage-tile';

export interface QueueOptions {
  /** PostgreSQL server holding the queue (the app's own database). */
  connectionString: string;
  /** Schema for pg-boss's tables (default pgboss). */
  schema?: string;
  /** A tile whose worker went silent this long is handed to another worker. */
  tileTimeoutSeconds?: number;
  /** How often pg-boss looks for expired tiles (tests shorten it). */
  maintenanceIntervalSeconds?: number;
  /** Attempts after the first before a tile, and with it the run, fails (default 5). */
  tileRetries?: number;
}

interface TileMessage {
  runId: string;
  tile: TileSpec;
}

/** A pg-boss client on the run's database, with the tile queue `queue` in place. */
export async function startBoss(options: QueueOptions, queue = TILE_QUEUE): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? 'pgboss',
    max: 4,
    ...(options.maintenanceIntervalSeconds
      ? {
          maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
          monitorStateIntervalSeconds: options.maintenanceIntervalSeconds,
        }
      : {}),
  });
  boss.on('error', () => undefined); // transient connection errors: pg-boss reconnects by itself
  await boss.start();
  await boss.createQueue(queue).catch(() => undefined); // exists already
  return boss;
}

/**
 * A run shared by every `dx-compact worker` attached to the database: the run's grid, terrain and sites go
 * into the database once, each tile becomes a queue job, and this coordinator waits for the tiles,
 * assembles them and writes the results in one transaction. A worker that dies loses only the tile it
 * held: the queue hands it to another worker once it times out. The run's lifecycle is the local runner's.
 */
export async function startDistributedCoverageJob(
  db: Database,
  prepared: PreparedCoverage,
  options: JobOptions & { queue: QueueOptions; pollMs?: number },
): Promise<{ runId: string; finished: Promise<CoverageRun> }> {
  const { grid } = prepared;
  const tiles = splitIntoTiles(grid.width, grid.height, prepared.params.tileCells);
  let boss: PgBoss | null = null;
  return startRun(db, describePrepared(prepared), options, {
    params: { distributed: true },
    tilesTotal: tiles.length,
    setUp: async (runId) => {
      await storeWorkPackage(
        db,
        runId,
        packWork({
          grid,
          dem: prepared.dem,
          sites: prepared.gridSites,
          params: prepared.params,
          technologies: prepared.technologies,
        }),
      );
      await createRunTiles(db, runId, tiles.length);
      boss = await startBoss(options.queue);
      const expireInSeconds = options.queue.tileTimeoutSeconds ?? 900;
      for (const tile of tiles) {
        await boss.send(TILE_QUEUE, { runId, tile } satisfies TileMessage, {
          retryLimit: options.queue.tileRetries ?? 5,
          retryDelay: 1,
          expireInSeconds,
        });
      }
    },
    compute: async (runId, folder, signal, progress) => {
      for (;;) {
        if (signal.aborted) return null;
        const counts = await countFinishedTiles(db, runId);
        const failed =
          counts.failed > 0 ? await firstFailedTile(db, runId) : await exhaustedTile(db, options.queue, runId);
        if (failed) throw new Error(tileFailure(failed));
        await progress(counts.done);
        if (counts.done === tiles.length) break;
        await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
      }
      const assembled = assembleTiles(prepared, tiles, await listTileResults(db, runId));
      if (folder) writeRunOutputs(folder, prepared, assembled);
      return { ...assembled, corners: gridCornersLonLat(grid), layers: oneGridLayers(grid, DEFAULT_TILE_SIZE) };
    },
    tearDown: async () => {
      await boss?.stop({ graceful: false, wait: false });
    },
  });
}

/** The tiles the workers wrote, pasted into whole-grid rasters and summed per unit as a local run does. */
function assembleTiles(
  prepared: PreparedCoverage,
  tiles: readonly TileSpec[],
  rows: readonly { tile: number; result: Uint8Array }[],
): Omit<RunOutputs, 'corners' | 'layers'> & Pick<ModelOutputs, 'bestSignalDbm' | 'bestServer'> {
  const { grid } = prepared;
  const cells = grid.width * grid.height;
  const bestSignalDbm: Partial<Record<Technology, Float32Array>> = {};
  const bestServer: Partial<Record<Technology, Int32Array>> = {};
  const coveredMask: Partial<Record<Technology, Uint8Array>> = {};
  for (const tech of prepared.technologies) {
    bestSignalDbm[tech] = new Float32Array(cells).fill(Number.NaN);
    bestServer[tech] = new Int32Array(cells).fill(-1);
    coveredMask[tech] = new Uint8Array(cells);
  }
  for (const row of rows) {
    const tile = tiles[row.tile]!;
    const { level, server, mask } = unpackTile(row.result, prepared.technologies, tile);
    for (const tech of prepared.technologies) {
      pasteTile(bestSignalDbm[tech]!, grid.width, tile, level[tech]!);
      pasteTile(bestServer[tech]!, grid.width, tile, server[tech]!);
      pasteTile(coveredMask[tech]!, grid.width, tile, mask[tech]!);
    }
  }
  const { operators } = siteCoverTest(prepared.gridSites, prepared.params);
  return { ...summariseCoverage(prepared, coveredMask, operators), bestSignalDbm, bestServer, operators };
}

/** A tile the queue gave up on, marked failed on its row so that the run's record says which and why. */
export async function exhaustedTile(
  db: Database,
  queue: QueueOptions,
  runId: string,
  queueName = TILE_QUEUE,
): Promise<FailedTile | null> {
  const failed = await exhaustedTileJob(db, queue.schema ?? 'pgboss', queueName, runId);
  if (failed) await markTileFailed(db, runId, failed.tile, failed.reason);
  return failed;
}

export const tileFailure = ({ tile, attempts, reason }: FailedTile) =>
  `tile ${tile} failed on every attempt (${attempts}): ${reason}`;

/**
 * `dx-compact worker`: takes tiles from the queue, one per thread, and writes each tile's levels back.
 * Each run's work package is loaded once and kept while its tiles keep coming.
 */
export async function runCoverageWorker(
  db: Database,
  options: QueueOptions & { threads?: number; name?: string },
): Promise<{ stop: () => Promise<void> }> {
  const boss = await startBoss(options);
  const threads = Math.max(1, options.threads ?? 1);
  const name = options.name ?? `${hostname()}:${process.pid}`;
  interface Loaded {
    runId: string;
    pool: CoveragePool;
    technologies: Technology[];
  }
  let current: Loaded | null = null as Loaded | null;
  let loading: Promise<Loaded> | null = null as Promise<Loaded> | null;

  const poolFor = async (runId: string): Promise<Loaded> => {
    if (current?.runId === runId) return current;
    if (loading) {
      const ready = await loading;
      if (ready.runId === runId) return ready;
    }
    loading = (async () => {
      const workPackage = await findWorkPackage(db, runId);
      if (!workPackage) throw new Error(`run ${runId} has no work package`);
      const work = unpackWork(workPackage);
      const shared = new SharedArrayBuffer(work.dem.byteLength);
      new Float32Array(shared).set(work.dem);
      await current?.pool.close();
      const pool = new CoveragePool(
        {
          kind: 'init',
          dem: { heights: shared, width: work.grid.width, height: work.grid.height, cellSizeM: work.grid.cellSizeM },
          sites: work.sites,
          params: work.params,
        },
        threads,
      );
      const loaded: Loaded = { runId, pool, technologies: work.technologies };
      current = loaded;
      return loaded;
    })();
    try {
      return await loading;
    } finally {
      loading = null;
    }
  };

  const handle = async ([job]: PgBoss.Job<TileMessage>[]) => {
    const { runId, tile } = job!.data;
    if (await isCancelled(db, runId)) return;
    await markTileRunning(db, runId, tile.index, name);
    const { pool, technologies } = await poolFor(runId);
    // A cancelled run stops this tile part-way, not only the tiles after it.
    const reply = await whileNotCancelled(db, runId, (signal) => pool.predictOne(tile, signal)).catch((error) => {
      if (error instanceof Error && error.name === 'AbortError') return null;
      throw error;
    });
    if (!reply) return;
    await storeTileResult(
      db,
      runId,
      tile.index,
      packTile(technologies, reply.bestSignalDbm, reply.bestServer, tile.width * tile.height, reply.coveredMask),
    );
  };
  for (let i = 0; i < threads; i++)
    await boss.work<TileMessage>(TILE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, handle);
  return {
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
      await current?.pool.close();
    },
  };
}
