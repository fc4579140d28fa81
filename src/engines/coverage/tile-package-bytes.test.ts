import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COVERAGE_PARAMS } from './predict/coverage-params.js';
import type { WindowTileOutcome } from './predict/window-tile.js';
import type { Raster } from './raster/raster.js';
import { packTileOutcome, packTilePackage, unpackTileOutcome, unpackTilePackage } from './tile-package-bytes.js';
import type { TilePackage } from './tile-package.js';

const raster = (name: string, width: number, height: number, noData: number | null): Raster => ({
  name,
  width,
  height,
  crs: '+proj=longlat +datum=WGS84 +no_defs',
  transform: { originX: 105.123456789, originY: 21.000000001, pixelWidth: 1 / 1200, pixelHeight: -1 / 1200 },
  noData,
  data: Float32Array.from({ length: width * height }, (_, i) => (i % 7 === 0 ? Number.NaN : i * 0.1 - 3)),
  bandCount: 1,
  sampleFormat: 'float32',
  metadata: { UNITTYPE: 'people' },
});

describe('tile packages and outcomes as bytes', () => {
  it('come back to the same values, NaN, infinities and −0 included', () => {
    const pkg: TilePackage = {
      tile: { index: 3, grid: 0, x0: 64, y0: 0, width: 2, height: 2, units: [1, 4] },
      tileGrid: { crs: '+proj=utm +zone=48', originX: 32000, originY: 2_400_000, cellSizeM: 500, width: 2, height: 2 },
      window: { x0: -5, y0: -3, width: 12, height: 9 },
      sites: [{ index: 7, x: -0.5, y: 1.25 } as never],
      units: [
        {
          code: 'C1',
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [105, 21],
                [105.1, 21],
                [105, 21.1],
                [105, 21],
              ],
            ],
          },
        },
      ],
      operators: ['VTL', 'MBF'],
      terrain: raster('N21E105.hgt', 5, 3, -32768),
      population: [raster('population.tif', 2, 4, Number.NaN)],
      technologies: ['2G', '4G'],
      params: { ...DEFAULT_COVERAGE_PARAMS, kFactor: Number.POSITIVE_INFINITY },
    };
    const back = unpackTilePackage(packTilePackage(pkg));
    expect(back).toEqual(pkg);
    expect(back.params.kFactor).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(back.population[0]!.noData)).toBe(true);
    expect(Buffer.from(back.terrain!.data.buffer).equals(Buffer.from(pkg.terrain!.data.buffer))).toBe(true);
    expect(Object.is(back.sites[0]!.x, -0.5)).toBe(true);

    const outcome: WindowTileOutcome = {
      bestSignalDbm: { '4G': Float32Array.of(-80.5, Number.NaN, -0, -120) },
      bestServer: { '4G': Int32Array.of(7, -1, 7, 2) },
      population: Float64Array.of(10.25, 0.1 + 0.2),
      sums: { '2G': new Float64Array(6), '4G': Float64Array.of(1, 2, 3, 4, 5, 6) },
      hotspots: { '4G': [{ unit: 'C1', people: 3.5, lon: 105.01, lat: 21.02 }] },
      uncovered: { '2G': [], '4G': [] },
      mastsSwept: 2,
      levelsComputed: 9,
      levelsSkipped: 1,
    };
    const again = unpackTileOutcome(packTileOutcome(outcome, ['2G', '4G'], 4));
    expect(again).toEqual(outcome);
    expect(Object.is(again.bestSignalDbm['4G']![2], -0)).toBe(true);
    expect(again.bestSignalDbm['2G']).toBeUndefined();
  });

  it('refuses bytes shorter than their header says', () => {
    const outcome = packTileOutcome(
      {
        bestSignalDbm: {},
        bestServer: {},
        population: new Float64Array(2),
        sums: { '2G': new Float64Array(4) },
        hotspots: {},
        uncovered: {},
        mastsSwept: 0,
        levelsComputed: 0,
        levelsSkipped: 0,
      },
      ['2G'],
      4,
    );
    const cut = gzipSync(gunzipSync(outcome).subarray(0, -8));
    expect(() => unpackTileOutcome(cut)).toThrow(/shorter/);
  });
});
