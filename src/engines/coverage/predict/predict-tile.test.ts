import { describe, expect, it } from 'vitest';
import { antennaAttenuationDb } from '../../../domain/coverage/antenna-pattern.js';
import { mulberry32, syntheticDem } from '../sweep/synthetic-dem.js';
import { allocateSweepBuffers, maxSweepCells, type SweepDem } from '../sweep/radial-sweep.js';
import { DEFAULT_COVERAGE_PARAMS } from './coverage-params.js';
import { attenuationBoundDb, groupIntoMasts } from './masts.js';
import { predictTile, splitIntoTiles, TileScratch } from './predict-tile.js';
import { siteCoverTest } from './cover-test.js';
import { requiredMarginDb } from '../../../domain/coverage/location-variability.js';
import { predictSiteSignal, siteModel, type GridSite } from './site-signal.js';

const SIDE = 360;
const dem: SweepDem = {
  heights: syntheticDem({ width: SIDE, height: SIDE, seed: 11, baseM: 300, reliefM: 500 }),
  width: SIDE,
  height: SIDE,
  cellSizeM: 30,
};
const params = { ...DEFAULT_COVERAGE_PARAMS, maxRadiusKm: 6 };

/** Masts of three sectors (and some omni 4G), with varied power, height, tilt and technology. */
function network(count: number, seed: number): GridSite[] {
  const rand = mulberry32(seed);
  const sites: GridSite[] = [];
  for (let m = 0; m < count; m++) {
    const x = 5 + rand() * (SIDE - 10);
    const y = 5 + rand() * (SIDE - 10);
    const is4g = rand() < 0.5;
    const antennaHeightM = 20 + Math.floor(rand() * 25);
    const omni = is4g && rand() < 0.3;
    const rotation = rand() * 120;
    for (let s = 0; s < (omni ? 1 : 3); s++) {
      sites.push({
        index: sites.length,
        technology: is4g ? '4G' : '2G',
        x,
        y,
        bandMhz: is4g ? 1800 : 900,
        antennaHeightM,
        azimuthDeg: omni ? null : (rotation + 120 * s) % 360,
        mechanicalTiltDeg: Math.floor(rand() * 3),
        electricalTiltDeg: 1 + Math.floor(rand() * 7),
        hBeamwidthDeg: 65,
        vBeamwidthDeg: 7,
        txPowerDbm: 40 + Math.floor(rand() * 7),
        antennaGainDbi: 12 + Math.floor(rand() * 7),
        cableLossDb: 2,
        environment: rand() < 0.5 ? 'rural' : 'suburban',
      });
    }
  }
  return sites;
}

/**
 * Every sector's level at every cell, strongest kept (first on ties): what the bounds must not change.
 * Each sector is swept with its mast's radius (the rays a tile uses) and kept within its own.
 */
function bruteForce(sites: readonly GridSite[]) {
  const mastRadiusM = new Map<string, number>();
  const key = (s: GridSite) => `${s.x}|${s.y}|${s.antennaHeightM}`;
  for (const site of sites)
    mastRadiusM.set(key(site), Math.max(mastRadiusM.get(key(site)) ?? 0, siteModel(site, params).radiusM));
  const cells = SIDE * SIDE;
  const best = { '2G': new Float32Array(cells).fill(NaN), '4G': new Float32Array(cells).fill(NaN) };
  const server = { '2G': new Int32Array(cells).fill(-1), '4G': new Int32Array(cells).fill(-1) };
  const windowCells = maxSweepCells(dem.cellSizeM, params.maxRadiusKm * 1000);
  const buffers = allocateSweepBuffers(windowCells);
  const signal = new Float32Array(windowCells);
  for (const site of sites) {
    const tech = site.technology as '2G' | '4G';
    const model = siteModel(site, params);
    const swept = { ...model, radiusM: mastRadiusM.get(key(site))! };
    const win = predictSiteSignal(dem, site, swept, params, buffers, signal);
    for (let row = 0; row < win.height; row++) {
      for (let col = 0; col < win.width; col++) {
        const level = signal[row * win.width + col]!;
        const cell = (win.y0 + row) * SIDE + win.x0 + col;
        if (Math.hypot(win.x0 + col - site.x, win.y0 + row - site.y) * dem.cellSizeM > model.radiusM) continue;
        const now = best[tech][cell]!;
        if (level > now || (Number.isNaN(now) && !Number.isNaN(level))) {
          best[tech][cell] = level;
          server[tech][cell] = site.index;
        }
      }
    }
  }
  return { best, server };
}

describe('predictTile', () => {
  const sites = network(14, 5);
  const models = sites.map((s) => siteModel(s, params));
  const masts = groupIntoMasts(sites, models, dem.cellSizeM);
  const expected = bruteForce(sites);

  it('groups sectors at one position and height into one mast, one link per technology, band and environment', () => {
    expect(masts.length).toBe(14);
    expect(masts.reduce((n, m) => n + m.links.reduce((k, l) => k + l.sectors.length, 0), 0)).toBe(sites.length);
    for (const mast of masts) {
      for (const link of mast.links) {
        for (const sector of link.sectors) {
          const site = sites[sector.siteIndex]!;
          expect([site.x, site.y, site.antennaHeightM]).toEqual([mast.x, mast.y, mast.antennaHeightM]);
          expect(site.technology).toBe(link.technology);
          expect(site.environment).toBe(link.sectors.length > 0 ? sites[link.sectors[0]!.siteIndex]!.environment : '');
        }
      }
    }
    expect(masts.some((m) => m.links.length > 1)).toBe(true); // sectors of one mast in different environments
  });

  it.each([64, 100, 360])(
    'gives, in tiles of %i, the strongest level and server computing every level would',
    (tileCells) => {
      const scratch = new TileScratch();
      let skipped = 0;
      const bad: string[] = [];
      let compared = 0;
      let stronger = 0;
      for (const tile of splitIntoTiles(SIDE, SIDE, tileCells)) {
        const result = predictTile(dem, masts, params, tile, scratch);
        skipped += result.levelsSkipped;
        for (const tech of ['2G', '4G'] as const) {
          const level = result.bestSignalDbm[tech];
          const server = result.bestServer[tech];
          for (let row = 0; row < tile.height; row++) {
            for (let col = 0; col < tile.width; col++) {
              const cell = (tile.y0 + row) * SIDE + tile.x0 + col;
              const want = expected.best[tech][cell]!;
              const got = level ? level[row * tile.width + col]! : NaN;
              compared++;
              // Two rays passing equally close to a cell (on the diagonals) may give it slightly different
              // horizons: the brute force keeps the later ray, the tile the stronger. Allow that, nothing else.
              const close = (Number.isNaN(want) && Number.isNaN(got)) || Math.abs(want - got) < 1e-4;
              if (!close && got > want && got - want < 10) stronger++;
              else if (!close) bad.push(`${tech} (${tile.x0 + col}, ${tile.y0 + row}) ${got} vs ${want}`);
              else if (close && server && server[row * tile.width + col] !== expected.server[tech][cell])
                bad.push(
                  `${tech} (${tile.x0 + col}, ${tile.y0 + row}) server ${server[row * tile.width + col]} vs ${expected.server[tech][cell]}`,
                );
            }
          }
        }
      }
      expect(compared).toBe(2 * SIDE * SIDE);
      expect(bad.slice(0, 5)).toEqual([]);
      expect(stronger).toBeLessThan(0.002 * compared);
      expect(skipped).toBeGreaterThan(0); // the bounds did skip work
    },
  );
});

describe('predictTile with several operators', () => {
  const OPERATORS = ['VTL', 'MBF', 'VNP'];
  const masts = new Map<string, string>();
  // Whole masts go to one operator; the last operator also shares the first mast's tower (same position).
  const base = network(12, 8).map((site) => {
    const at = `${site.x}|${site.y}`;
    if (!masts.has(at)) masts.set(at, OPERATORS[masts.size % 3]!);
    return { ...site, operator: masts.get(at)! };
  });
  const first = base[0]!;
  const sharedTower = base
    .filter((s) => s.x === first.x && s.y === first.y)
    .map((s, i) => ({ ...s, index: base.length + i, operator: 'VNP', txPowerDbm: s.txPowerDbm - 3 }));
  const sites = [...base, ...sharedTower];
  const criterion = {
    kind: 'reliability',
    reliability: 0.9,
    sigmaDb: { urban: 8, suburban: 5, rural: 8 },
  } as const;
  const runParams = { ...params, coverageCriterion: criterion, mainOperator: 'VTL' };

  it('gives each operator the coverage of its own sites alone, and the strongest level of all', () => {
    const { operators, cover, operatorBitOf } = siteCoverTest(sites, runParams);
    expect(operators).toEqual(['VTL', 'MBF', 'VNP']);
    const models = sites.map((s) => siteModel(s, runParams));
    const grouped = groupIntoMasts(sites, models, dem.cellSizeM, operatorBitOf);
    expect(grouped.filter((m) => m.x === first.x && m.y === first.y).map((m) => m.operator)).toEqual([0, 2]);
    const alone = operators.map((code) => bruteForce(sites.filter((s) => s.operator === code)));
    const all = bruteForce(sites);
    const scratch = new TileScratch();
    let compared = 0;
    let wrong = 0;
    let unionOnly = 0;
    for (const tile of splitIntoTiles(SIDE, SIDE, 100)) {
      const result = predictTile(dem, grouped, runParams, tile, scratch, () => false, cover);
      for (const tech of ['2G', '4G'] as const) {
        const mask = result.coveredMask[tech]!;
        const level = result.bestSignalDbm[tech]!;
        for (let row = 0; row < tile.height; row++) {
          for (let col = 0; col < tile.width; col++) {
            const t = row * tile.width + col;
            const cell = (tile.y0 + row) * SIDE + tile.x0 + col;
            const bits = mask[t]!;
            if (bits !== 0 && (bits & 1) === 0) unionOnly++;
            operators.forEach((_, o) => {
              const want = alone[o]!.best[tech][cell]!;
              const server = alone[o]!.server[tech][cell]!;
              if (Number.isNaN(want)) return expect(bits & (1 << o)).toBe(0);
              const margin =
                want - runParams.thresholdsDbm[tech] - requiredMarginDb(criterion, sites[server]!.environment);
              if (Math.abs(margin) < 0.01) return; // on the edge: float rounding decides
              compared++;
              if (margin >= 0 !== ((bits & (1 << o)) !== 0)) wrong++;
            });
            const strongest = all.best[tech][cell]!;
            if (!Number.isNaN(strongest) && Math.abs(level[t]! - strongest) > 1e-4 && level[t]! < strongest) wrong++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(50_000);
    // The rays of two diagonals may give a cell slightly different horizons (see above); nothing else may differ.
    expect(wrong).toBeLessThan(0.002 * compared);
    expect(unionOnly).toBeGreaterThan(1000); // the other operators reach people the main one does not
  });

  it('asks more of a cell under a reliability target than under the median', () => {
    const median = { ...runParams, coverageCriterion: { kind: 'median' } as const };
    const count = (p: typeof runParams | typeof median) => {
      const { cover, operatorBitOf } = siteCoverTest(sites, p);
      const grouped = groupIntoMasts(
        sites,
        sites.map((s) => siteModel(s, p)),
        dem.cellSizeM,
        operatorBitOf,
      );
      const tile = { index: 0, x0: 0, y0: 0, width: SIDE, height: SIDE };
      const mask = predictTile(dem, grouped, p, tile, new TileScratch(), () => false, cover).coveredMask['4G']!;
      return mask.reduce((n, bits) => n + (bits & 1), 0);
    };
    const [byMedian, byReliability] = [count(median), count(runParams)];
    expect(byReliability).toBeGreaterThan(0);
    expect(byReliability).toBeLessThan(byMedian * 0.9);
  });
});

describe('attenuationBoundDb', () => {
  it('is never below the pattern toward any cell of the tile', () => {
    const sites = network(30, 9);
    const models = sites.map((s) => siteModel(s, params));
    const masts = groupIntoMasts(sites, models, dem.cellSizeM);
    const rand = mulberry32(3);
    let checked = 0;
    for (const tile of splitIntoTiles(SIDE, SIDE, 90)) {
      let groundMinM = Infinity;
      let groundMaxM = -Infinity;
      for (let y = tile.y0; y < tile.y0 + tile.height; y++)
        for (let x = tile.x0; x < tile.x0 + tile.width; x++) {
          groundMinM = Math.min(groundMinM, dem.heights[y * SIDE + x]!);
          groundMaxM = Math.max(groundMaxM, dem.heights[y * SIDE + x]!);
        }
      const view = { rect: tile, groundMinM, groundMaxM, cellSizeM: 30, receiverHeightM: params.receiverHeightM };
      for (const mast of masts) {
        const txZ = dem.heights[Math.round(mast.y) * SIDE + Math.round(mast.x)]! + mast.antennaHeightM;
        for (const sector of mast.links[0]!.sectors) {
          const bound = attenuationBoundDb(sector.antenna, mast, txZ, view);
          for (let n = 0; n < 40; n++) {
            const x = tile.x0 + Math.floor(rand() * tile.width);
            const y = tile.y0 + Math.floor(rand() * tile.height);
            const d = Math.hypot(x - mast.x, y - mast.y) * 30;
            if (d === 0) continue;
            const bearing = (Math.atan2((x - mast.x) * 30, (mast.y - y) * 30) * 180) / Math.PI;
            const elevation =
              (Math.atan2(dem.heights[y * SIDE + x]! + params.receiverHeightM - txZ, d) * 180) / Math.PI;
            expect(antennaAttenuationDb(sector.antenna, bearing, elevation)).toBeLessThanOrEqual(bound + 1e-9);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});
