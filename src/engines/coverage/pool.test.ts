import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_COVERAGE_PARAMS } from './predict/coverage-params.js';
import type { GridSite } from './predict/site-signal.js';
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

describe('a coverage pool', () => {
  it('predicts a tile with a healthy worker', async () => {
    const reply = await openPool(flatInit()).predictOne(smallTile);
    expect(reply.tile).toEqual(smallTile);
    expect(reply.bestServer['2G']![0]).toBe(0);
  });
});
