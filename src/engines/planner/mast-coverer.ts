import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../start-worker.js';
import type { CoverageParams } from '../coverage/predict/coverage-params.js';
import type { SweepDem } from '../coverage/sweep/radial-sweep.js';
import { coveredGridCells, MastCoverageScratch, type MastSectors } from './mast-coverage.js';
import { MastCoverageCache, type CacheCounts } from './mast-coverage-cache.js';
import type { MastThreadReply, MastThreadRequest } from './mast-thread-messages.js';

/** Computes (or finds in the cache) the covered grid cells of many masts; a null mast (off the grid) covers none. */
export interface MastCoverer {
  cover(masts: readonly (MastSectors | null)[], onProgress?: (done: number) => void): Promise<Uint32Array[]>;
  readonly counts: CacheCounts;
  close(): Promise<void>;
}

/** In this thread: what tests and small areas need. */
export class LocalMastCoverer implements MastCoverer {
  private readonly scratch = new MastCoverageScratch();
  constructor(
    private readonly dem: SweepDem,
    private readonly params: CoverageParams,
    private readonly cache: MastCoverageCache = new MastCoverageCache(),
  ) {}

  get counts(): CacheCounts {
    return this.cache.counts;
  }

  async cover(masts: readonly (MastSectors | null)[], onProgress?: (done: number) => void): Promise<Uint32Array[]> {
    return masts.map((mast, i) => {
      const cells = mast
        ? coveredGridCells(this.cache.coverage(this.dem, mast, this.params, this.scratch), this.dem.width)
        : new Uint32Array();
      onProgress?.(i + 1);
      return cells;
    });
  }

  async close(): Promise<void> {}
}

/**
 * Spread over worker threads sharing one copy of the terrain: each thread takes every n-th mast (neighbouring
 * masts cost alike, so the threads finish together) and keeps its own cache over the same folder on disk.
 * Answers are the same as LocalMastCoverer's, in mast order.
 */
export class ThreadedMastCoverer implements MastCoverer {
  readonly counts: CacheCounts = { hits: 0, misses: 0 };
  private readonly workers: Worker[];

  constructor(dem: SweepDem, params: CoverageParams, cacheDir: string | null, threads = os.availableParallelism()) {
    const shared = new SharedArrayBuffer(dem.heights.byteLength);
    new Float32Array(shared).set(dem.heights);
    const workerData = { dem: { ...dem, heights: shared }, params, cacheDir };
    this.workers = Array.from({ length: Math.max(1, threads) }, () =>
      startModuleWorker(import.meta.url, './mast-thread', { workerData }),
    );
  }

  async cover(masts: readonly (MastSectors | null)[], onProgress?: (done: number) => void): Promise<Uint32Array[]> {
    const out: Uint32Array[] = new Array(masts.length);
    let done = 0;
    const n = this.workers.length;
    await Promise.all(
      this.workers.map(
        (worker, w) =>
          new Promise<void>((resolve, reject) => {
            const indices = masts.map((_, i) => i).filter((i) => i % n === w);
            const onMessage = (reply: MastThreadReply) => {
              if (reply.kind === 'failed') return finish(new Error(reply.message));
              if (reply.kind === 'cells') {
                out[reply.index] = reply.cells;
                onProgress?.(++done);
                return;
              }
              this.counts.hits += reply.hits;
              this.counts.misses += reply.misses;
              finish();
            };
            const onError = (error: Error) => finish(error);
            const onExit = (code: number) => finish(new Error(`A coverage thread stopped (exit code ${code})`));
            const finish = (error?: Error) => {
              worker.off('message', onMessage).off('error', onError).off('exit', onExit);
              if (error) reject(error);
              else resolve();
            };
            worker.on('message', onMessage).on('error', onError).on('exit', onExit);
            const request: MastThreadRequest = { masts: indices.map((index) => ({ index, mast: masts[index]! })) };
            worker.postMessage(request);
          }),
      ),
    );
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
