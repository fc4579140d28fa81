// Worker entry, started by pool.ts: predicts tiles over a DEM shared with the main thread.
import { parentPort } from 'node:worker_threads';
import { predictTile, TileScratch } from './predict/predict-tile.js';
import { groupIntoMasts, type Mast } from './predict/masts.js';
import { siteModel } from './predict/site-signal.js';
import type { SweepDem } from './sweep/radial-sweep.js';
import type { CoverageParams } from './predict/coverage-params.js';
import { toWireError, type InitMessage, type TileJob, type TileReply } from './messages.js';

if (!parentPort) throw new Error('worker.ts must run in a worker thread');
const port = parentPort;

let state: {
  dem: SweepDem;
  masts: Mast[];
  params: CoverageParams;
  scratch: TileScratch;
} | null = null;

port.on('message', (message: InitMessage | TileJob) => {
  if (message.kind === 'init') {
    const dem = { ...message.dem, heights: new Float32Array(message.dem.heights) };
    const models = message.sites.map((site) => siteModel(site, message.params));
    state = {
      dem,
      masts: groupIntoMasts(message.sites, models, dem.cellSizeM),
      params: message.params,
      scratch: new TileScratch(),
    };
    return;
  }
  try {
    if (!state) throw new Error('worker received a tile before its init message');
    const result = predictTile(state.dem, state.masts, state.params, message.tile, state.scratch);
    const transfer = [...Object.values(result.bestSignalDbm), ...Object.values(result.bestServer)].map(
      (a) => a!.buffer as ArrayBuffer,
    );
    const reply: TileReply = {
      id: message.id,
      ok: true,
      tile: result.tile,
      bestSignalDbm: result.bestSignalDbm,
      bestServer: result.bestServer,
      mastsSwept: result.mastsSwept,
      levelsComputed: result.levelsComputed,
      levelsSkipped: result.levelsSkipped,
    };
    port.postMessage(reply, transfer); // move, don't copy
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: toWireError(error) } satisfies TileReply);
  }
});
