// Worker entry, started by pool.ts: predicts tiles over a DEM shared with the main thread.
import { parentPort } from 'node:worker_threads';
import { predictTile, TileScratch, type CoverTest } from './predict/predict-tile.js';
import { groupIntoMasts, type Mast } from './predict/masts.js';
import { siteModel } from './predict/site-signal.js';
import type { SweepDem } from './sweep/radial-sweep.js';
import type { CoverageParams } from './predict/coverage-params.js';
import { siteCoverTest } from './predict/cover-test.js';
import { computeStreamTile, startStreamTileWork, type StreamTileWork } from './stream-tile-work.js';
import type { RunTile } from './run-grids.js';
import { computeTilePackage } from './tile-package.js';
import { unpackTilePackage } from './tile-package-bytes.js';
import type { WindowTileOutcome } from './predict/window-tile.js';
import {
  toWireError,
  type InitMessage,
  type InitFailed,
  type TileJob,
  type TileReply,
  type WireError,
  type WorkerInit,
} from './messages.js';

if (!parentPort) throw new Error('worker.ts must run in a worker thread');
const port = parentPort;

interface WorkerState {
  dem: SweepDem;
  masts: Mast[];
  params: CoverageParams;
  scratch: TileScratch;
  cover: CoverTest;
  /** The id of the tile the pool gave up on (0 = none). */
  cancel: Int32Array;
}

let state: WorkerState | null = null;
/** A streamed run's state instead (inputs read by window per tile). */
let stream: { work: Promise<StreamTileWork>; cancel: Int32Array } | null = null;
/** A `dx-compact worker`'s thread instead: every tile brings its own package. */
let packages: { scratch: TileScratch; cancel: Int32Array } | null = null;
/** Why the init message could not be used; each tile is answered with it. */
let initFailure: WireError | null = null;

function startState(message: InitMessage & { cancel: SharedArrayBuffer }): WorkerState {
  const { width, height, heights } = message.dem;
  if (!(heights instanceof SharedArrayBuffer) || heights.byteLength !== width * height * 4)
    throw new Error(`init message: the DEM is not a shared buffer of ${width} × ${height} float32 heights`);
  const dem = { ...message.dem, heights: new Float32Array(heights) };
  const models = message.sites.map((site) => siteModel(site, message.params));
  const { cover, operatorBitOf } = siteCoverTest(message.sites, message.params);
  return {
    dem,
    masts: groupIntoMasts(message.sites, models, dem.cellSizeM, operatorBitOf),
    params: message.params,
    cover,
    scratch: new TileScratch(), // a large allocation: may fail on a small heap
    cancel: new Int32Array(message.cancel, 0, 1),
  };
}

/** A streamed run's tile: read its window of inputs (or unpack its package), predict, sum; every end is answered. */
async function predictStreamed(
  message: TileJob,
  cancel: Int32Array,
  compute: (isCancelled: () => boolean) => Promise<WindowTileOutcome>,
): Promise<void> {
  const isCancelled = () => Atomics.load(cancel, 0) === message.id;
  try {
    const outcome = await compute(isCancelled);
    if (isCancelled()) {
      port.postMessage({ kind: 'tile', id: message.id, ok: false, cancelled: true } satisfies TileReply);
      return;
    }
    const transfer = [...Object.values(outcome.bestSignalDbm), ...Object.values(outcome.bestServer)].map(
      (a) => a!.buffer as ArrayBuffer,
    );
    port.postMessage(
      { kind: 'tile', id: message.id, ok: true, tile: message.tile as RunTile, outcome } satisfies TileReply,
      transfer,
    );
  } catch (error) {
    port.postMessage({ kind: 'tile', id: message.id, ok: false, error: toWireError(error) } satisfies TileReply);
  }
}

function predict(message: TileJob): void {
  if (stream && !initFailure) {
    const run = stream;
    void predictStreamed(message, run.cancel, async (isCancelled) =>
      computeStreamTile(await run.work, message.tile as RunTile, isCancelled),
    );
    return;
  }
  if (packages && !initFailure) {
    const { scratch, cancel } = packages;
    void predictStreamed(message, cancel, async (isCancelled) => {
      if (!message.package) throw new Error(`tile ${message.tile.index} came without its package`);
      return computeTilePackage(unpackTilePackage(message.package), scratch, isCancelled);
    });
    return;
  }
  try {
    if (initFailure) throw Object.assign(new Error(initFailure.message), { code: initFailure.code });
    if (!state) throw new Error('worker received a tile before its init message');
    const { cancel } = state;
    const isCancelled = () => Atomics.load(cancel, 0) === message.id;
    const { dem, masts, params, scratch, cover } = state;
    const result = predictTile(dem, masts, params, message.tile, scratch, isCancelled, cover);
    if (isCancelled()) {
      port.postMessage({ kind: 'tile', id: message.id, ok: false, cancelled: true } satisfies TileReply);
      return;
    }
    const transfer = [
      ...Object.values(result.bestSignalDbm),
      ...Object.values(result.bestServer),
      ...Object.values(result.coveredMask),
    ].map((a) => a!.buffer as ArrayBuffer);
    const reply: TileReply = {
      kind: 'tile',
      id: message.id,
      ok: true,
      tile: result.tile,
      bestSignalDbm: result.bestSignalDbm,
      bestServer: result.bestServer,
      coveredMask: result.coveredMask,
      mastsSwept: result.mastsSwept,
      levelsComputed: result.levelsComputed,
      levelsSkipped: result.levelsSkipped,
    };
    port.postMessage(reply, transfer); // move, don't copy
  } catch (error) {
    port.postMessage({ kind: 'tile', id: message.id, ok: false, error: toWireError(error) } satisfies TileReply);
  }
}

// A throw here would surface as the Worker's 'error' event and end the thread; answers keep it a value.
port.on('message', (message: WorkerInit | TileJob) => {
  if (message?.kind === 'tile') return predict(message);
  try {
    if (message?.kind !== 'init' && message?.kind !== 'init-stream' && message?.kind !== 'init-packages')
      throw new Error(`unknown message ${JSON.stringify(message)?.slice(0, 80)}`);
    if (!(message.cancel instanceof SharedArrayBuffer) || message.cancel.byteLength < 4)
      throw new Error('init message: no shared cancel flag');
    initFailure = null;
    if (message.kind === 'init') {
      state = startState(message);
      return;
    }
    if (message.kind === 'init-packages') {
      packages = { scratch: new TileScratch(), cancel: new Int32Array(message.cancel, 0, 1) };
      return;
    }
    const work = startStreamTileWork(message);
    const cancel = new Int32Array(message.cancel, 0, 1);
    stream = { work, cancel };
    work.catch((error: unknown) => {
      stream = null;
      const wire = toWireError(error);
      initFailure = { code: wire.code, message: `coverage worker could not start: ${wire.message}` };
      port.postMessage({ kind: 'init', ok: false, error: initFailure } satisfies InitFailed);
    });
  } catch (error) {
    state = null;
    stream = null;
    packages = null;
    const wire = toWireError(error);
    initFailure = { code: wire.code, message: `coverage worker could not start: ${wire.message}` };
    port.postMessage({ kind: 'init', ok: false, error: initFailure } satisfies InitFailed);
  }
});
