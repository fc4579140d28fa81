import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transformer, UTM_49N, VN2000_TM3, WGS84 } from './crs.js';
import { assertPopulationCounts, assertPopulationSourceCounts, resampleCounts } from './population-raster.js';
import { rasterSource } from './raster-source.js';
import type { PixelWindow } from './read-geotiff.js';
import type { GridSpec, Raster } from './raster.js';
import { readGeoTiff } from './read-geotiff.js';
import { writeGeoTiff } from './write-geotiff.js';

const hasGdal = spawnSync('gdal_translate', ['--version'], { stdio: 'ignore' }).status === 0;

function population(partial: Partial<Raster> & Pick<Raster, 'width' | 'height' | 'data'>): Raster {
  return {
    name: 'vnm_ppp_2020.tif',
    crs: UTM_49N,
    transform: { originX: 800000, originY: 1550000, pixelWidth: 100, pixelHeight: -100 },
    noData: -99999,
    bandCount: 1,
    sampleFormat: 'float32',
    metadata: {},
    ...partial,
  };
}

const sum = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => (b > 0 ? a + b : a), 0);

async function asyncRefusal(run: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('assertPopulationCounts', () => {
  const counts = population({ width: 3, height: 2, data: Float32Array.from([0, 12.5, 40, -99999, 3, 0]) });

  it('accepts people per pixel and sums them, skipping no-data', () => {
    expect(assertPopulationCounts(counts)).toEqual({
      total: 55.5,
      populatedCells: 3,
      populatedAreaKm2: 0.03,
      meanPerKm2: 1850,
    });
  });

  it('uses true cell areas for a geographic raster (3″ at 14°N ≈ 0.0083 km²)', () => {
    const step = 1 / 1200;
    const geographic = {
      ...counts,
      crs: WGS84,
      transform: { originX: 108, originY: 14, pixelWidth: step, pixelHeight: -step },
    };
    const area = assertPopulationCounts(geographic).populatedAreaKm2 / 3;
    const expected = ((((6371007.2 * Math.PI) / 180) * step) ** 2 * Math.cos((14 * Math.PI) / 180)) / 1e6;
    expect(area).toBeCloseTo(expected, 7);
  });

  it('accepts the usual count products by name', () => {
    for (const name of [
      'vnm_ppp_2020_UNadj_constrained.tif',
      'GHS_POP_E2020_GLOBE_R2023A_54009_100_V1_0.tif',
      'gpw_v4_population_count_adjusted_to_2015_unwpp_country_totals_rev11_2020_30_sec.tif',
    ]) {
      expect(assertPopulationCounts({ ...counts, name }).total).toBe(55.5);
    }
  });

  it('refuses a raster whose name or metadata says density', () => {
    for (const name of [
      'vnm_pd_2020_1km.tif',
      'gpw_v4_population_density_rev11.tif',
      'pop-per-km2.tif',
      'Mật độ dân số.tif',
    ]) {
      expect(refusal(() => assertPopulationCounts({ ...counts, name }))).toMatchObject({
        code: 'population.not_counts',
      });
    }
    const labelled = { ...counts, metadata: { UNITTYPE: 'people / km²' } };
    expect(refusal(() => assertPopulationCounts(labelled)).message).toMatch(
      /vnm_ppp_2020\.tif: not a population count raster: .* says "people \/ km/,
    );
  });

  it('refuses negative counts', () => {
    const negative = { ...counts, data: Float32Array.from([0, -3, 40, -99999, -1, 0]) };
    expect(refusal(() => assertPopulationCounts(negative))).toMatchObject({
      code: 'population.not_counts',
      message:
        'vnm_ppp_2020.tif: not a population count raster: 2 pixel(s) are negative (lowest -3) and are not no-data',
    });
  });

  it('refuses a density read as counts on a fine grid (a city at 20,000 /km² on 100 m cells)', () => {
    const city = { ...counts, data: new Float32Array(6).fill(20000) };
    expect(refusal(() => assertPopulationCounts(city)).message).toMatch(
      /2,000,000 people\/km² on average over populated pixels/,
    );
    const hotspot = { ...counts, data: Float32Array.from([0, 0, 0, 0, 0, 20000]) }; // 2M/km² in one 1 ha cell
    expect(refusal(() => assertPopulationCounts(hotspot, { maxMeanPerKm2: 1e7, maxCellPerKm2: 1e6 })).message).toMatch(
      /a pixel holds/,
    );
  });

  it.skipIf(!hasGdal)('sees density metadata GDAL wrote into the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'population-'));
    writeFileSync(join(dir, 'pop.tif'), new Uint8Array(writeGeoTiff({ ...counts, crs: UTM_49N })));
    execFileSync('gdal_translate', [
      '-q',
      '-mo',
      'UNITS=persons per square kilometre',
      join(dir, 'pop.tif'),
      join(dir, 'grid.tif'),
    ]);
    const raster = await readGeoTiff(readFileSync(join(dir, 'grid.tif')), 'grid.tif');
    expect(raster.metadata.UNITS).toBe('persons per square kilometre');
    expect(refusal(() => assertPopulationCounts(raster)).message).toMatch(/^grid\.tif: not a population count raster/);
  });
});

describe('assertPopulationSourceCounts', () => {
  // 7 × 5 pixels of 100 m, geographic rows would differ in area: take WGS 84 so strips must place their rows.
  const step = 1 / 1200;
  const wide = population({
    width: 7,
    height: 5,
    crs: WGS84,
    transform: { originX: 108, originY: 14, pixelWidth: step, pixelHeight: -step },
    data: Float32Array.from({ length: 35 }, (_, i) => (i % 4 === 0 ? -99999 : i)),
  });
  /** The raster read by window, remembering every window asked for. */
  const watched = (raster: Raster) => {
    const open = rasterSource(raster);
    const windows: PixelWindow[] = [];
    return {
      windows,
      source: {
        header: open.header,
        read: (window: PixelWindow) => {
          windows.push(window);
          return open.read(window);
        },
      },
    };
  };

  it('reads strips of whole rows, one at a time, and sums up what the whole raster sums up', async () => {
    const { windows, source } = watched(wide);
    const summary = await assertPopulationSourceCounts(source, undefined, 14); // two rows a strip
    expect(windows.map((w) => [w.y0, w.height, w.width])).toEqual([
      [0, 2, 7],
      [2, 2, 7],
      [4, 1, 7],
    ]);
    const whole = assertPopulationCounts(wide);
    expect(summary.total).toBe(whole.total);
    expect(summary.populatedCells).toBe(whole.populatedCells);
    expect(summary.populatedAreaKm2).toBeCloseTo(whole.populatedAreaKm2, 12);
    expect(summary.meanPerKm2).toBeCloseTo(whole.meanPerKm2, 6);
  });

  it('refuses what the whole-raster check refuses, with the same message', async () => {
    const negative = { ...wide, data: wide.data.map((v, i) => (i === 30 ? -2 : v)) };
    const city = { ...wide, data: new Float32Array(35).fill(20000) };
    const named = { ...wide, name: 'vnm_pd_2020.tif' };
    for (const bad of [negative, city, named]) {
      const expected = refusal(() => assertPopulationCounts(bad));
      const strips = await asyncRefusal(() => assertPopulationSourceCounts(watched(bad).source, undefined, 7));
      expect(strips).toMatchObject({ code: 'population.not_counts', message: expected.message });
    }
  });

  it('refuses a density by its name before reading a pixel', async () => {
    const { windows, source } = watched({ ...wide, name: 'gpw_population_density.tif' });
    expect((await asyncRefusal(() => assertPopulationSourceCounts(source))).code).toBe('population.not_counts');
    expect(windows).toEqual([]);
  });
});

describe('resampleCounts', () => {
  const grid30 = (crs: string, originX: number, originY: number, width: number, height: number): GridSpec => ({
    crs,
    originX,
    originY,
    cellSizeM: 30,
    width,
    height,
  });

  it('keeps the total from 100 m to 30 m in the same CRS', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: 0, max: 500, noNaN: true }), { minLength: 400, maxLength: 400 }),
        (values) => {
          const source = population({ width: 20, height: 20, data: Float32Array.from(values) });
          const out = resampleCounts(source, grid30(UTM_49N, 799990, 1550020, 69, 69)); // covers the source with a margin
          const total = sum(source.data);
          return Math.abs(sum(out) - total) <= 1e-6 * Math.max(total, 1);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps the total from 3″ WGS 84 (WorldPop) to 30 m UTM 49N', () => {
    const step = 1 / 1200;
    const data = Float32Array.from({ length: 60 * 60 }, (_, i) => ((i * 7919) % 97) / 3);
    const source = population({
      width: 60,
      height: 60,
      data,
      crs: WGS84,
      transform: { originX: 108.4, originY: 14.0, pixelWidth: step, pixelHeight: -step },
    });
    const [west, north] = transformer(WGS84, UTM_49N).forward(108.39, 14.01);
    const out = resampleCounts(source, grid30(UTM_49N, Math.round(west), Math.round(north), 250, 250));
    expect(Math.abs(sum(out) - sum(data)) / sum(data)).toBeLessThan(1e-6);
  });

  it('moves a single populated VN-2000 TM-3 pixel onto the UTM cells overlapping it', () => {
    const data = new Float32Array(25);
    data[12] = 1000; // centre pixel of a 5 × 5, 100 m raster
    const source = population({
      width: 5,
      height: 5,
      data,
      crs: VN2000_TM3(108.5),
      transform: { originX: 440000, originY: 1550000, pixelWidth: 100, pixelHeight: -100 },
    });
    const { forward } = transformer(VN2000_TM3(108.5), UTM_49N);
    const corners = [
      [440200, 1549800],
      [440300, 1549800],
      [440300, 1549700],
      [440200, 1549700],
    ].map(([x, y]) => forward(x!, y!));
    const [west, north] = forward(439900, 1550100);
    const grid = grid30(UTM_49N, Math.round(west), Math.round(north), 30, 30);
    const out = resampleCounts(source, grid);
    expect(sum(out)).toBeCloseTo(1000, 3);
    // Exact share of a cell wholly inside the footprint: its area over the footprint's area (shoelace).
    const footprint =
      Math.abs(
        corners.reduce((twice, [x, y], i) => {
          const [nx, ny] = corners[(i + 1) % 4]!;
          return twice + x * ny - nx * y;
        }, 0),
      ) / 2;
    const inFootprint = (x: number, y: number): boolean =>
      corners.every(([ax, ay], i) => {
        const [bx, by] = corners[(i + 1) % 4]!;
        return (bx - ax) * (y - ay) - (by - ay) * (x - ax) <= 0; // clockwise ring: inside is on the right
      });
    const xs = corners.map(([x]) => x);
    const ys = corners.map(([, y]) => y);
    let wholeCells = 0;
    out.forEach((people, k) => {
      const x0 = grid.originX + (k % grid.width) * 30;
      const y1 = grid.originY - Math.floor(k / grid.width) * 30;
      const [x1, y0] = [x0 + 30, y1 - 30];
      if (people > 0)
        expect(x1 > Math.min(...xs) && x0 < Math.max(...xs) && y1 > Math.min(...ys) && y0 < Math.max(...ys)).toBe(true);
      if (
        [
          [x0, y0],
          [x0, y1],
          [x1, y0],
          [x1, y1],
        ].every(([x, y]) => inFootprint(x!, y!))
      ) {
        wholeCells++;
        expect(people).toBeCloseTo((1000 * 900) / footprint, 3);
      }
    });
    expect(wholeCells).toBeGreaterThanOrEqual(4);
  });

  it('shares an aligned 100 m pixel among 30 m cells by exact overlap', () => {
    const data = new Float32Array(9);
    data[4] = 1000; // pixel [800100, 800200] × [1549800, 1549900]
    const out = resampleCounts(population({ width: 3, height: 3, data }), grid30(UTM_49N, 800100, 1549900, 4, 4));
    const shares = [0.3, 0.3, 0.3, 0.1];
    out.forEach((people, k) => expect(people).toBeCloseTo(1000 * shares[k % 4]! * shares[Math.floor(k / 4)]!, 3));
  });

  it('splits aligned pixels exactly and keeps only the people inside a smaller target', () => {
    const source = population({ width: 2, height: 1, data: Float32Array.from([400, 800]) });
    const quarters = resampleCounts(source, {
      crs: UTM_49N,
      originX: 800000,
      originY: 1550000,
      cellSizeM: 50,
      width: 4,
      height: 2,
    });
    expect([...quarters]).toEqual([100, 100, 200, 200, 100, 100, 200, 200]);
    // The target covers the west half of the first pixel only.
    const half = resampleCounts(source, {
      crs: UTM_49N,
      originX: 800000,
      originY: 1550000,
      cellSizeM: 50,
      width: 1,
      height: 2,
    });
    expect(sum(half)).toBeCloseTo(200, 4);
    const elsewhere = resampleCounts(source, {
      crs: UTM_49N,
      originX: 900000,
      originY: 1550000,
      cellSizeM: 30,
      width: 3,
      height: 3,
    });
    expect(sum(elsewhere)).toBe(0);
  });

  it('refuses negative people and a geographic target grid', () => {
    const negative = population({ width: 1, height: 1, data: Float32Array.from([-4]) });
    const grid = { crs: UTM_49N, originX: 800000, originY: 1550000, cellSizeM: 30, width: 4, height: 4 };
    expect(() => resampleCounts(negative, grid)).toThrowError(/vnm_ppp_2020\.tif: pixel \(0, 0\) holds -4 people/);
    const counts = population({ width: 1, height: 1, data: Float32Array.from([4]) });
    expect(() => resampleCounts(counts, { ...grid, crs: WGS84 })).toThrowError(/CRS is geographic, not in metres/);
  });
});
