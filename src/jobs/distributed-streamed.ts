import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';
import { findRun, isCancelled, type CoverageRun } from '../db/coverage-runs.js';
import {
  clearTileResult,
  createRunTiles,
  deleteRunTilePackages,
  deleteTilePackage,
  findTilePackage,
  isTileDone,
  listUntakenTileResults,
  markTileRunning,
  storeTilePackage,
  storeTileResultOnce,
} from '../db/coverage-tiles.js';
import { CoveragePool } from '../engines/coverage/pool.js';
import type { StreamTileDone } from '../engines/coverage/messages.js';
import type { RunTile } from '../engines/coverage/run-grids.js';
import { openStreamTilePlanner, planStreamTile } from '../engines/coverage/stream-tile-work.js';
import { packTileOutcome, packTilePackage, unpackTileOutcome } from '../engines/coverage/tile-package-bytes.js';
import type { Technology } from '../domain/coverage/technology.js';
import { exhaustedTile, startBoss, tileFailure, type QueueOptions } from './distributed-coverage.js';
import { startRun, type JobOptions, type RunOutputs } from './run-lifecycle.js';
import { describeStreamed, finishStreamedRun, streamInitMessage, type TileFigures } from './streamed-coverage.js';
import type { StreamedRunInputs } from './streamed-inputs.js';
import { StreamedOutputs } from './streamed-outputs.js';
import { whileNotCancelled } from './while-not-cancelled.js';
import { discardRunInputs, keepRunInputs } from './run-input-files.js';

/** The queue of streamed runs' tiles (a job names its run and tile; the tile's inputs are in its package). */
export const STREAM_TILE_QUEUE = 'coverage-stream-tile';

/** Tile packages stored at once by default: enough to keep a few workers busy, never the run's extent. */
const DEFAULT_IN_FLIGHT = 8;

interface StreamTileMessage {
  runId: string;
  tile: RunTile;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A streamed run shared by every `dx-compact worker` attached to the database. This coordinator reads the input
 * files: per tile it plans the sites reaching it and reads the raw pixels under its window, stores that as the
 * tile's package and queues the tile, keeping at most `inFlight` packages stored. Workers predict a tile from its
 * package alone and store its result; here each result goes into the output files, only its figures are kept,
 * and its package and result are removed. A worker that dies loses only the tile it held (the queue hands it
 * out again once it times out); a tile out of attempts fails the run. The lifecycle is the local runner's.
 */
export async function startDistributedStreamedJob(
  db: Database,
  run: StreamedRunInputs,
  options: JobOptions & { queue: QueueOptions; pollMs?: number; inFlight?: number },
): Promise<{ runId: string; finished: Promise<CoverageRun> }> {
  const tiles = run.plan.tiles;
  const inFlight = Math.max(1, options.inFlight ?? DEFAULT_IN_FLIGHT);
  const pollMs = options.pollMs ?? 500;
  let boss: PgBoss | null = null;
  let runIdOf: string | null = null;
  return startRun(db, describeStreamed(run), options, {
    params: { distributed: true },
    tilesTotal: tiles.length,
    setUp: async (runId) => {
      runIdOf = runId;
      await createRunTiles(db, runId, tiles.length);
      boss = await startBoss(options.queue, STREAM_TILE_QUEUE);
    },
    compute: async (runId, folder, signal, progress): Promise<RunOutputs | null> => {
      if (folder) run.files = await keepRunInputs(folder, run.files);
      const planner = await openStreamTilePlanner(streamInitMessage(run));
      const outputs = folder ? new StreamedOutputs(folder, run) : null;
      const figures: TileFigures[] = [];
      const waiting = [...tiles];
      const queued = new Set<number>();
      const taken = new Set<number>();
      const send = {
        retryLimit: options.queue.tileRetries ?? 5,
        retryDelay: 1,
        expireInSeconds: options.queue.tileTimeoutSeconds ?? 900,
      };
      try {
        while (taken.size < tiles.length) {
          if (signal.aborted) throw signal.reason;
          while (queued.size < inFlight && waiting.length > 0 && !signal.aborted) {
            const tile = waiting.shift()!;
            await storeTilePackage(db, runId, tile.index, packTilePackage(await planStreamTile(planner, tile)));
            await boss!.send(STREAM_TILE_QUEUE, { runId, tile } satisfies StreamTileMessage, send);
            queued.add(tile.index);
          }
          const rows = await listUntakenTileResults(db, runId, inFlight);
          for (const row of rows) {
            if (!taken.has(row.tile)) {
              const tile = tiles[row.tile]!;
              const outcome = unpackTileOutcome(row.result);
              await outputs?.addTile(tile, outcome);
              const { population, sums, hotspots, uncovered } = outcome;
              figures.push({ tile, population, sums, hotspots, uncovered });
              taken.add(row.tile);
              queued.delete(row.tile);
              await deleteTilePackage(db, runId, row.tile);
            }
            await clearTileResult(db, runId, row.tile);
          }
          const failed = await exhaustedTile(db, options.queue, runId, STREAM_TILE_QUEUE);
          if (failed) throw new Error(tileFailure(failed));
          if (rows.length > 0) await progress(taken.size);
          else if (taken.size < tiles.length) await sleep(pollMs);
        }
        return await finishStreamedRun(run, figures, planner.operators, outputs);
      } catch (error) {
        await outputs?.abort();
        if (folder) await discardRunInputs(folder); // only a finished run is planned on
        if (signal.aborted) return null;
        throw error;
      } finally {
        await planner.reader.close();
      }
    },
    tearDown: async () => {
      if (runIdOf) await deleteRunTilePackages(db, runIdOf).catch(() => undefined);
      await boss?.stop({ graceful: false, wait: false });
    },
  });
}

/**
 * A `dx-compact worker`'s part in streamed runs: takes tiles from the queue, one per thread, predicts each from
 * its package on the thread pool and stores its result. It needs no input file and keeps nothing of a run.
 */
export async function runStreamedWorker(
  db: Database,
  options: QueueOptions & { threads?: number; name?: string },
): Promise<{ stop: () => Promise<void> }> {
  const boss = await startBoss(options, STREAM_TILE_QUEUE);
  const threads = Math.max(1, options.threads ?? 1);
  const name = options.name ?? `${hostname()}:${process.pid}`;
  // Started at the first tile: an idle worker holds no thread's scratch.
  let pool: CoveragePool<StreamTileDone> | null = null;

  const handle = async ([job]: PgBoss.Job<StreamTileMessage>[]) => {
    const { runId, tile } = job!.data;
    // A tile handed out again after it timed out may have been finished meanwhile by the worker that was slow.
    if ((await isCancelled(db, runId)) || (await isTileDone(db, runId, tile.index))) return;
    await markTileRunning(db, runId, tile.index, name);
    const bytes = await findTilePackage(db, runId, tile.index);
    if (!bytes) {
      if (await isTileDone(db, runId, tile.index)) return;
      const { status } = await findRun(db, runId);
      if (status !== 'running' && status !== 'queued') return; // the run ended; its packages went with it
      throw new Error(`tile ${tile.index} of run ${runId} has no package`);
    }
    pool ??= new CoveragePool<StreamTileDone>({ kind: 'init-packages' }, threads);
    const running = pool;
    // A cancelled run stops this tile part-way, not only the tiles after it.
    const reply = await whileNotCancelled(db, runId, (signal) => running.predictPackage(tile, bytes, signal)).catch(
      (error) => {
        if (error instanceof Error && error.name === 'AbortError') return null;
        throw error;
      },
    );
    if (!reply) return;
    const technologies = Object.keys(reply.outcome.sums) as Technology[];
    await storeTileResultOnce(
      db,
      runId,
      tile.index,
      packTileOutcome(reply.outcome, technologies, tile.width * tile.height),
    );
  };
  // pg-boss waits out its polling interval after each job however short; a worker that just did a tile asks
  // for the next at once instead, and waits only when the queue is empty.
  const workerIds: string[] = [];
  for (let i = 0; i < threads; i++) {
    workerIds[i] = await boss.work<StreamTileMessage>(
      STREAM_TILE_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        try {
          await handle(jobs);
        } finally {
          const id = workerIds[i];
          if (id) boss.notifyWorker(id);
        }
      },
    );
  }
  return {
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
      await pool?.close();
    },
  };
}
