import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_COVERAGE_PARAMS } from './predict/coverage-params.js';
import type { GridSite } from './predict/site-signal.js';
import type { TileSpec } from './predict/predict-tile.js';
import { syntheticDem } from './sweep/synthetic-dem.js';
import type { InitMessage } from './messages.js';
import { CoveragePool } from './pool.js';

const SIDE = 64;
const params = { ...DEFAULT_COVERAGE_PARAMS, model: 'free_space' as const, kFactor: Infinity, maxRadiusKm: 2 };
const site: GridSite = {
  index: 0,
  technology: '2G',
  x: 32,
  y: 32,
  bandMhz: 900,
  antennaHeightM: 30,
  azimuthDeg: null,
  mechanicalTiltDeg: 0,
  electricalTiltDeg: 0,
  hBeamwidthDeg: null,
  vBeamwidthDeg: 3600,
  txPowerDbm: 30,
  antennaGainDbi: 0,
  cableLossDb: 0,
  environment: 'rural',
};

function flatInit(side = SIDE, sites: GridSite[] = [site]): InitMessage {
  return {
    kind: 'init',
    dem: { heights: new SharedArrayBuffer(side * side * 4), width: side, height: side, cellSizeM: 30 },
    sites,
    params,
  };
}
const smallTile = { index: 0, x0: 0, y0: 0, width: 16, height: 16 };

const pools: CoveragePool[] = [];
function openPool(init: InitMessage, size = 1): CoveragePool {
  const pool = new CoveragePool(init, size);
  pools.push(pool);
  return pool;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

describe('a coverage worker that cannot start', () => {
  it('answers a DEM of the wrong size with an error, which the pool rejects as a DomainError', async () => {
    const init = flatInit();
    const pool = openPool({ ...init, dem: { ...init.dem, heights: new SharedArrayBuffer(4) } });
    const failure = await pool.run([smallTile], () => undefined).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ code: 'coverage.worker', message: expect.stringMatching(/could not start.*DEM/) });
  });

  it('answers a malformed init message with an error, and the pool refuses each later tile too', async () => {
    const pool = openPool({ ...flatInit(), sites: null as unknown as GridSite[] });
    await expect(pool.predictOne(smallTile)).rejects.toMatchObject({
      code: 'coverage.worker',
      message: expect.stringContaining('could not start'),
    });
    await expect(pool.predictOne(smallTile)).rejects.toBeInstanceOf(DomainError);
  });
});

/** A tile of hilly ground under many masts: a couple of seconds of work in one worker. */
function heavyInit(): { init: InitMessage; tile: TileSpec } {
  const side = 768;
  const heights = new SharedArrayBuffer(side * side * 4);
  new Float32Array(heights).set(syntheticDem({ width: side, height: side, seed: 3, baseM: 300, reliefM: 500 }));
  const sites = Array.from({ length: 800 }, (_, i) => ({
    ...site,
    index: i,
    x: 8 + ((i * 37) % (side - 16)),
    y: 8 + ((i * 91) % (side - 16)),
    txPowerDbm: 60,
  }));
  return {
    init: {
      kind: 'init',
      dem: { heights, width: side, height: side, cellSizeM: 30 },
      sites,
      params: { ...DEFAULT_COVERAGE_PARAMS, maxRadiusKm: 20 },
    },
    tile: { index: 1, x0: 0, y0: 0, width: side, height: side },
  };
}

/** The pool's worker threads, to kill them from outside. */
const workersOf = (pool: CoveragePool) =>
  (pool as unknown as { slots: { worker: Worker }[] }).slots.map((s) => s.worker);

describe('a coverage pool', () => {
  it('predicts a tile with a healthy worker', async () => {
    const reply = await openPool(flatInit()).predictOne(smallTile);
    expect(reply.tile).toEqual(smallTile);
    expect(reply.bestServer['2G']![0]).toBe(0);
  });

  it('stops inside a tile when aborted: rejects at once, and the worker is free again soon after', async () => {
    const { init, tile } = heavyInit();
    const pool = openPool(init);
    await pool.predictOne(smallTile); // the worker is up and holds its masts
    const controller = new AbortController();
    const started = performance.now();
    const heavy = pool.run([tile], () => undefined, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 300)); // well inside the tile
    controller.abort();
    const aborted = performance.now();
    await expect(heavy).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - aborted).toBeLessThan(250);
    // One worker: the next tile waits for the worker to give the heavy one up, between two masts.
    await pool.predictOne(smallTile);
    expect(performance.now() - started).toBeLessThan(3000); // the whole tile takes several seconds in a worker
  });

  it('refuses a tile at once when the signal is already aborted', async () => {
    const pool = openPool(flatInit());
    const controller = new AbortController();
    controller.abort();
    await expect(pool.predictOne(smallTile, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pool.predictOne(smallTile)).resolves.toMatchObject({ tile: smallTile });
  });

  it('survives an idle worker that fails or is killed, and serves the next tile on a new one', async () => {
    const pool = openPool(flatInit(), 2);
    await pool.run([smallTile, { ...smallTile, index: 1, x0: 16 }], () => undefined);
    const [first, second] = workersOf(pool);
    first!.emit('error', new Error('thread crashed')); // with no listener this would throw here
    await first!.terminate();
    await second!.terminate();
    const tiles = [0, 1, 2].map((i) => ({ ...smallTile, index: i, x0: 16 * i }));
    const done: number[] = [];
    await pool.run(tiles, (reply) => void done.push(reply.tile.index));
    expect(done.sort()).toEqual([0, 1, 2]);
    expect(workersOf(pool)).not.toContain(first);
  });

  it('fails only the tile a worker held when it dies, and goes on with a new worker', async () => {
    const { init, tile } = heavyInit();
    const pool = openPool(init);
    await pool.predictOne(smallTile);
    const heavy = pool.predictOne(tile);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await workersOf(pool)[0]!.terminate();
    await expect(heavy).rejects.toMatchObject({ code: 'coverage.worker', message: expect.stringContaining('tile 1') });
    await expect(pool.predictOne(smallTile)).resolves.toMatchObject({ tile: smallTile });
  });

  it('rejects the tile in progress when closed, rather than leaving it pending', async () => {
    const { init, tile } = heavyInit();
    const pool = new CoveragePool(init, 1);
    const heavy = pool.predictOne(tile);
    await pool.close();
    await expect(heavy).rejects.toMatchObject({ code: 'coverage.worker', message: expect.stringContaining('closed') });
  });
});
