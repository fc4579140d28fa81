import { describe, expect, it } from 'vitest';
import { mulberry32, syntheticDem } from '../sweep/synthetic-dem.js';
import { DEFAULT_COVERAGE_PARAMS } from './coverage-params.js';
import { groupIntoMasts } from './masts.js';
import { predictTile, splitIntoTiles, TileScratch } from './predict-tile.js';
import { siteCoverTest } from './cover-test.js';
import { siteModel, type GridSite } from './site-signal.js';
import {
  cellsOutside,
  placeInGrid,
  predictWindowTile,
  sitesReaching,
  subGrid,
  tileWindow,
  type ProjectedSite,
} from './window-tile.js';
import { rasterizeUnits, zonalSums } from '../zones/rasterize-units.js';

const maskOf = (bits: Uint8Array) => Uint8Array.from(bits, (b) => b & 1);
import type { GridSpec } from '../raster/raster.js';
import { utmWgs84 } from '../raster/crs.js';

const SIDE = 300;
const CELL = 30;
const heights = syntheticDem({ width: SIDE, height: SIDE, seed: 5, baseM: 400, reliefM: 600 });
const grid: GridSpec = {
  crs: utmWgs84(48),
  originX: 600_000,
  originY: 1_500_000,
  cellSizeM: CELL,
  width: SIDE,
  height: SIDE,
};
const params = { ...DEFAULT_COVERAGE_PARAMS, maxRadiusKm: 4, cellSizeM: CELL };

function network(count: number, seed: number): GridSite[] {
  const rand = mulberry32(seed);
  const sites: GridSite[] = [];
  for (let m = 0; m < count; m++) {
    const x = 3 + rand() * (SIDE - 6);
    const y = 3 + rand() * (SIDE - 6);
    const is4g = rand() < 0.5;
    for (let s = 0; s < 3; s++) {
      sites.push({
        index: sites.length,
        technology: is4g ? '4G' : '2G',
        operator: rand() < 0.3 ? 'MBF' : 'VTL',
        x,
        y,
        bandMhz: is4g ? 1800 : 900,
        antennaHeightM: 25 + Math.floor(rand() * 20),
        azimuthDeg: (120 * s + rand() * 60) % 360,
        mechanicalTiltDeg: 1,
        electricalTiltDeg: 4,
        hBeamwidthDeg: 65,
        vBeamwidthDeg: 7,
        txPowerDbm: 40 + Math.floor(rand() * 6),
        antennaGainDbi: 15,
        cableLossDb: 2,
        environment: 'rural',
      });
    }
  }
  return sites;
}

describe('a tile predicted on its own window of terrain', () => {
  const sites = network(30, 3);
  const models = sites.map((site) => siteModel(site, params));
  const { cover, operatorBitOf } = siteCoverTest(sites, params);
  const masts = groupIntoMasts(sites, models, CELL, operatorBitOf);
  const dem = { heights, width: SIDE, height: SIDE, cellSizeM: CELL };
  // Sites in metres, as a run's grids carry them.
  const projected: ProjectedSite[] = sites.map(({ x, y, ...site }) => ({
    ...site,
    easting: grid.originX + (x + 0.5) * CELL,
    northing: grid.originY - (y + 0.5) * CELL,
  }));

  it('gives the same levels, servers and operator bits as the whole grid inside the area, none outside', () => {
    for (const tile of splitIntoTiles(SIDE, SIDE, 100)) {
      const whole = predictTile(dem, masts, params, tile, new TileScratch(), () => false, cover);
      const tileGrid = subGrid(grid, tile);
      const own = { x0: 0, y0: 0, width: tile.width, height: tile.height };
      const reaching = sitesReaching(own, placeInGrid(projected, tileGrid), models, CELL);
      const window = tileWindow(own, reaching);
      expect(window.width * window.height).toBeLessThan(SIDE * SIDE * 1.5);
      const windowDem = new Float32Array(window.width * window.height).fill(Number.NaN);
      for (let r = 0; r < window.height; r++) {
        for (let c = 0; c < window.width; c++) {
          const gx = tile.x0 + window.x0 + c;
          const gy = tile.y0 + window.y0 + r;
          if (gx >= 0 && gx < SIDE && gy >= 0 && gy < SIDE) windowDem[r * window.width + c] = heights[gy * SIDE + gx]!;
        }
      }
      const cells = tile.width * tile.height;
      const triangle = [
        [0, 0],
        [tile.width, 0],
        [0, tile.height * 0.8],
      ] as const;
      const zones = rasterizeUnits([[[triangle]]], tile.width, tile.height);
      const outside = cellsOutside(zones);
      const population = new Float32Array(cells).fill(2);
      const outcome = predictWindowTile(
        {
          tileGrid,
          window,
          dem: windowDem,
          sites: reaching,
          models,
          operatorBitOf,
          cover,
          population,
          zones,
          unitCodes: ['U'],
          technologies: ['2G', '4G'],
          params,
        },
        new TileScratch(),
      );
      for (const tech of ['2G', '4G'] as const) {
        const a = whole.bestSignalDbm[tech];
        const b = outcome.bestSignalDbm[tech];
        expect(b?.length, `tile ${tile.index} ${tech}`).toBe(a?.length);
        if (!a || !b) continue;
        let differ = 0;
        let inside = 0;
        for (let i = 0; i < a.length; i++) {
          if (outside[i]) {
            expect(b[i]).toBeNaN();
            continue;
          }
          inside++;
          if (!Object.is(a[i], b[i]) || whole.bestServer[tech]![i] !== outcome.bestServer[tech]![i]) differ++;
        }
        expect(inside).toBeGreaterThan(cells * 0.3);
        expect(differ, `tile ${tile.index} ${tech}`).toBe(0);
        // The area's people (cells cut by its edge by their share), covered by VTL (bit 0) as the mask says.
        const { population: people, covered } = zonalSums(zones, population, maskOf(whole.coveredMask[tech]!), 1);
        expect(outcome.population[0]).toBeCloseTo(people[0]!, 6);
        expect(outcome.sums[tech]![0]).toBeCloseTo(covered[0]!, 6);
      }
    }
  });
});
