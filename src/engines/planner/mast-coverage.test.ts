import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_COVERAGE_PARAMS, type CoverageParams } from '../coverage/predict/coverage-params.js';
import { predictSiteSignal, siteModel, type GridSite } from '../coverage/predict/site-signal.js';
import { allocateSweepBuffers } from '../coverage/sweep/radial-sweep.js';
import { syntheticDem } from '../coverage/sweep/synthetic-dem.js';
import { coveredGridCells, mastCoverage, type MastSectors } from './mast-coverage.js';
import { MastCoverageCache, decodeMastCoverage, encodeMastCoverage, mastCoverageKey } from './mast-coverage-cache.js';

const SIZE = 160;
const params: CoverageParams = { ...DEFAULT_COVERAGE_PARAMS, cellSizeM: 100 };
const dem = {
  heights: syntheticDem({ width: SIZE, height: SIZE, seed: 7, reliefM: 300 }),
  width: SIZE,
  height: SIZE,
  cellSizeM: 100,
};

function mast(x: number, y: number, overrides: Partial<GridSite> = {}): MastSectors {
  const sectors = [0, 120, 240].map((azimuthDeg, index): GridSite => ({
    index,
    technology: '5G',
    x,
    y,
    bandMhz: 2600,
    antennaHeightM: 35,
    azimuthDeg,
    mechanicalTiltDeg: 0,
    electricalTiltDeg: 3,
    hBeamwidthDeg: 65,
    vBeamwidthDeg: 10,
    txPowerDbm: 45,
    antennaGainDbi: 16.5,
    cableLossDb: 1.5,
    environment: 'rural',
    ...overrides,
  }));
  return { technology: '5G', sectors };
}

describe('mast coverage', () => {
  it('covers exactly the cells where the strongest sector predicted by the engine clears the threshold', () => {
    const m = mast(80, 75);
    const covered = new Set(coveredGridCells(mastCoverage(dem, m, params), SIZE));
    const best = new Float32Array(SIZE * SIZE).fill(-Infinity);
    for (const sector of m.sectors) {
      const model = siteModel(sector, params);
      const signal = new Float32Array(SIZE * SIZE);
      const win = predictSiteSignal(dem, sector, model, params, allocateSweepBuffers(SIZE * SIZE), signal);
      for (let row = 0; row < win.height; row++)
        for (let col = 0; col < win.width; col++) {
          const level = signal[row * win.width + col]!;
          const cell = (win.y0 + row) * SIZE + win.x0 + col;
          if (level > best[cell]!) best[cell] = level;
        }
    }
    const expected = new Set<number>();
    best.forEach((level, cell) => {
      if (level >= params.thresholdsDbm['5G']) expected.add(cell);
    });
    expect(expected.size).toBeGreaterThan(50);
    expect(expected.size).toBeLessThan(SIZE * SIZE);
    // Float32 rounding at the threshold may flip a cell or two; none more.
    const differing =
      [...expected].filter((c) => !covered.has(c)).length + [...covered].filter((c) => !expected.has(c)).length;
    expect(differing).toBeLessThanOrEqual(2);
  });

  it('asks a larger margin under a reliability target, so covers fewer cells', () => {
    const median = mastCoverage(dem, mast(80, 75), params).cells.length;
    const reliable = mastCoverage(dem, mast(80, 75), {
      ...params,
      coverageCriterion: { kind: 'reliability', reliability: 0.9, sigmaDb: { urban: 8, suburban: 8, rural: 8 } },
    }).cells.length;
    expect(reliable).toBeLessThan(median);
    expect(reliable).toBeGreaterThan(0);
  });
});

describe('mast coverage cache', () => {
  const folder = mkdtempSync(join(os.tmpdir(), 'dx-mast-cache-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('answers a mast on identical terrain from the cache, placed where the new mast stands', () => {
    // Flat terrain: every position whose disc (68 cells for rural 5G at 100 m) stays inside sees the same window.
    const flat = { ...dem, heights: new Float32Array(SIZE * SIZE).fill(500) };
    const cache = new MastCoverageCache();
    const a = cache.coverage(flat, mast(70, 70), params);
    const b = cache.coverage(flat, mast(90, 80), params);
    expect(cache.counts).toEqual({ hits: 1, misses: 1 });
    expect(b.x0 - a.x0).toBe(20);
    expect(b.y0 - a.y0).toBe(10);
    expect(coveredGridCells(b, SIZE)).toEqual(coveredGridCells(mastCoverage(flat, mast(90, 80), params), SIZE));
  });

  it('misses when a height under the disc, an antenna field or a parameter changes', () => {
    const base = mastCoverageKey(dem, mast(80, 75), params);
    const changed = Float32Array.from(dem.heights);
    changed[75 * SIZE + 82]! += 1;
    expect(mastCoverageKey({ ...dem, heights: changed }, mast(80, 75), params)).not.toBe(base);
    expect(mastCoverageKey(dem, mast(80, 75, { txPowerDbm: 46 }), params)).not.toBe(base);
    expect(mastCoverageKey(dem, mast(80, 75), { ...params, receiverHeightM: 2 })).not.toBe(base);
    expect(mastCoverageKey(dem, mast(80, 75), params)).toBe(base);
  });

  it('keeps answers on disk for the next process, and recomputes a damaged file', () => {
    const first = new MastCoverageCache(folder);
    const computed = first.coverage(dem, mast(80, 75), params);
    const second = new MastCoverageCache(folder);
    const again = second.coverage(dem, mast(80, 75), params);
    expect(second.counts).toEqual({ hits: 1, misses: 0 });
    expect(again.cells).toEqual(computed.cells);
    expect(readdirSync(folder).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(decodeMastCoverage(encodeMastCoverage(computed).subarray(0, 20))).toBeUndefined();
  });
});
