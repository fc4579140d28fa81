import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../start-worker.js';
import { DomainError } from '../../domain/errors.js';
import type { InitMessage, TileJob, TileReply, WorkerReply } from './messages.js';
import type { TileSpec } from './predict/predict-tile.js';

type Success = Extract<TileReply, { ok: true }>;

function startWorker(): Worker {
  return startModuleWorker(import.meta.url, './worker');
}

/**
 * A pool of worker threads predicting tiles. Each worker gets the DEM once (shared memory) and then
 * one tile at a time, so a slow tile does not hold the others up. The API thread never does the work.
 */
export class CoveragePool {
  private readonly workers: Worker[];
  private nextId = 0;

  constructor(init: InitMessage, size = Math.max(1, availableParallelism())) {
    this.workers = Array.from({ length: size }, () => {
      const worker = startWorker();
      worker.postMessage(init);
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Predicts every tile, calling `onTile` as each finishes (in completion order); stops early when `isCancelled` says so. */
  async run(
    tiles: readonly TileSpec[],
    onTile: (reply: Success) => void | Promise<void>,
    isCancelled: () => Promise<boolean> | boolean = () => false,
  ): Promise<boolean> {
    const queue = [...tiles];
    let failure: unknown = null;
    let cancelled = false;
    const drive = async (worker: Worker) => {
      while (queue.length > 0 && failure === null && !cancelled) {
        if (await isCancelled()) {
          cancelled = true;
          return;
        }
        const tile = queue.shift()!;
        try {
          await onTile(await this.send(worker, tile));
        } catch (error) {
          failure = error;
        }
      }
    };
    await Promise.all(this.workers.map(drive));
    if (failure !== null) throw failure;
    return !cancelled;
  }

  private send(worker: Worker, tile: TileSpec): Promise<Success> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply) => {
        if (reply.kind === 'init') {
          cleanup();
          reject(new DomainError(reply.error.code, reply.error.message));
          return;
        }
        if (reply.id !== id) return;
        cleanup();
        if (reply.ok) resolve(reply);
        else reject(new DomainError(reply.error.code, `tile ${tile.index}: ${reply.error.message}`));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`coverage worker exited (code ${code}) during tile ${tile.index}`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ kind: 'tile', id, tile } satisfies TileJob);
    });
  }

  private readonly busy = new Set<Worker>();

  /** Predicts one tile on the first idle worker (callers run at most `size` at once). */
  async predictOne(tile: TileSpec): Promise<Success> {
    const worker = this.workers.find((w) => !this.busy.has(w));
    if (!worker) throw new Error('every coverage worker is busy');
    this.busy.add(worker);
    try {
      return await this.send(worker, tile);
    } finally {
      this.busy.delete(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
