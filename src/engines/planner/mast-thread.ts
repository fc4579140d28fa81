// Worker entry, started by ThreadedMastCoverer: masts' coverage over terrain shared with the caller.
import { parentPort, workerData } from 'node:worker_threads';
import type { CoverageParams } from '../coverage/predict/coverage-params.js';
import type { SweepDem } from '../coverage/sweep/radial-sweep.js';
import { coveredGridCells, MastCoverageScratch } from './mast-coverage.js';
import { MastCoverageCache } from './mast-coverage-cache.js';
import type { MastThreadReply, MastThreadRequest } from './mast-thread-messages.js';

if (!parentPort) throw new Error('mast-thread.ts must run in a worker thread');
const port = parentPort;
const data = workerData as {
  dem: Omit<SweepDem, 'heights'> & { heights: SharedArrayBuffer };
  params: CoverageParams;
  cacheDir: string | null;
};
const dem: SweepDem = { ...data.dem, heights: new Float32Array(data.dem.heights) };
// Each mast is asked once per plan and its cells go back to the caller: only the folder keeps answers.
const cache = new MastCoverageCache(data.cacheDir ?? undefined, { memory: false });
const scratch = new MastCoverageScratch();

port.on('message', (request: MastThreadRequest) => {
  const hits = cache.counts.hits;
  const misses = cache.counts.misses;
  try {
    for (const { index, mast } of request.masts) {
      const cells = mast
        ? coveredGridCells(cache.coverage(dem, mast, data.params, scratch), dem.width)
        : new Uint32Array();
      port.postMessage({ kind: 'cells', index, cells } satisfies MastThreadReply, [cells.buffer as ArrayBuffer]);
    }
    port.postMessage({
      kind: 'batch-done',
      hits: cache.counts.hits - hits,
      misses: cache.counts.misses - misses,
    } satisfies MastThreadReply);
  } catch (error) {
    port.postMessage({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies MastThreadReply);
  }
});
