import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformer, UTM_48N, UTM_49N, VN2000_TM3, WGS84 } from './crs.js';
import type { GridSpec, Raster } from './raster.js';
import { readGeoTiff } from './read-geotiff.js';
import { readHgt } from './read-hgt.js';
import { mosaic, resampleElevation } from './resample-dem.js';
import { writeGeoTiff } from './write-geotiff.js';

const hasGdal = spawnSync('gdalwarp', ['--version'], { stdio: 'ignore' }).status === 0;

function raster(partial: Partial<Raster> & Pick<Raster, 'width' | 'height' | 'data' | 'transform'>): Raster {
  return {
    name: 'dem.tif',
    crs: UTM_49N,
    noData: -9999,
    bandCount: 1,
    sampleFormat: 'float32',
    metadata: {},
    ...partial,
  };
}

/** A tilted plane sampled at pixel centres: bilinear interpolation reproduces it exactly. */
function planeDem(
  crs: string,
  originX: number,
  originY: number,
  size: number,
  n: number,
  plane: (x: number, y: number) => number,
): Raster {
  const data = new Float32Array(n * n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) data[r * n + c] = plane(originX + (c + 0.5) * size, originY - (r + 0.5) * size);
  return raster({
    crs,
    width: n,
    height: n,
    data,
    transform: { originX, originY, pixelWidth: size, pixelHeight: -size },
  });
}

describe('resampleElevation', () => {
  it('reproduces a plane from a 90 m VN-2000 TM-3 DEM on a 30 m UTM 49N grid', () => {
    const plane = (x: number, y: number): number => 500 + 0.01 * (x - 440000) - 0.02 * (y - 1540000);
    const dem = planeDem(VN2000_TM3(108.5), 440000, 1550000, 90, 120, plane);
    const [x0, y0] = transformer(VN2000_TM3(108.5), UTM_49N).forward(442000, 1548000);
    const grid: GridSpec = {
      crs: UTM_49N,
      originX: Math.round(x0),
      originY: Math.round(y0),
      cellSizeM: 30,
      width: 200,
      height: 150,
    };
    const out = resampleElevation(dem, grid);
    const { forward } = transformer(UTM_49N, VN2000_TM3(108.5));
    let worst = 0;
    for (let r = 0; r < grid.height; r += 3) {
      for (let c = 0; c < grid.width; c += 3) {
        const [x, y] = forward(grid.originX + (c + 0.5) * 30, grid.originY - (r + 0.5) * 30);
        worst = Math.max(worst, Math.abs(out[r * grid.width + c]! - plane(x, y)));
      }
    }
    expect(worst).toBeLessThan(0.001);
  });

  it('skips voids, renormalising the remaining weights, and gives NaN with no valid neighbour or off the DEM', () => {
    // 3 × 3 DEM of 10 m: a void in the middle, all others 100 except the top-right 200.
    const dem = raster({
      width: 3,
      height: 3,
      data: Float32Array.from([100, 100, 200, 100, -9999, 100, 100, 100, 100]),
      transform: { originX: 0, originY: 30, pixelWidth: 10, pixelHeight: -10 },
    });
    const at = (x: number, y: number): number =>
      resampleElevation(dem, {
        crs: UTM_49N,
        originX: x - 0.5,
        originY: y + 0.5,
        cellSizeM: 1,
        width: 1,
        height: 1,
      })[0]!;
    expect(at(15, 15)).toBeNaN(); // exactly on the void sample: no valid weight
    expect(at(10, 20)).toBeCloseTo(100, 6); // halfway between 3 valid samples and the void
    expect(at(20, 20)).toBeCloseTo((100 + 200 + 100) / 3, 4); // three valid neighbours share the weight equally
    expect(at(-20, 15)).toBeNaN();
    const allVoid = raster({ ...dem, data: new Float32Array(9).fill(-9999) });
    expect(
      resampleElevation(allVoid, { crs: UTM_49N, originX: 10, originY: 20, cellSizeM: 5, width: 2, height: 2 })[0],
    ).toBeNaN();
  });

  it.skipIf(!hasGdal)('matches gdalwarp -r bilinear from a geographic DEM to UTM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resample-dem-'));
    const hilly = (lon: number, lat: number): number => 800 + 300 * Math.sin(lon * 40) * Math.cos(lat * 30);
    const n = 240;
    const step = 1 / 1200;
    const data = new Float32Array(n * n);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) data[r * n + c] = hilly(108.3 + (c + 0.5) * step, 14.1 - (r + 0.5) * step);
    const transform = { originX: 108.3, originY: 14.1, pixelWidth: step, pixelHeight: -step };
    writeFileSync(
      join(dir, 'dem.tif'),
      new Uint8Array(writeGeoTiff({ width: n, height: n, data, crs: 4326, transform, noData: null })),
    );
    const grid: GridSpec = { crs: UTM_49N, originX: 212000, originY: 1556000, cellSizeM: 30, width: 450, height: 450 };
    const te = [grid.originX, grid.originY - grid.height * 30, grid.originX + grid.width * 30, grid.originY].map(
      String,
    );
    execFileSync('gdalwarp', [
      '-q',
      '-t_srs',
      'EPSG:32649',
      '-te',
      ...te,
      '-tr',
      '30',
      '30',
      '-r',
      'bilinear',
      '-et',
      '0',
      join(dir, 'dem.tif'),
      join(dir, 'utm.tif'),
    ]);
    const gdal = await readGeoTiff(readFileSync(join(dir, 'utm.tif')), 'utm.tif');
    const ours = resampleElevation({ ...raster({ width: n, height: n, data, transform }), crs: WGS84 }, grid);
    let worst = 0;
    for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - gdal.data[i]!));
    expect(worst).toBeLessThan(0.001); // metres on 500–1100 m heights: float32 rounding only
  });
});

describe('mosaic', () => {
  function fakeTile(name: string, base: number, voidAt?: number): Raster {
    const bytes = new Uint8Array(1201 * 1201 * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < 1201 * 1201; i++) view.setInt16(i * 2, i === voidAt ? -32768 : base + (i % 1201), false);
    return readHgt(bytes, name);
  }

  it('joins neighbouring .hgt tiles on their shared edge, filling one tile’s voids from the other', () => {
    const west = fakeTile('N13E108.hgt', 0, 1200); // void on the shared edge, top row
    const east = fakeTile('N13E109.hgt', 5000);
    const joined = mosaic([west, east]);
    expect(joined).toMatchObject({ width: 2401, height: 1201, crs: WGS84, noData: -32768, sampleFormat: 'int16' });
    expect(joined.transform).toEqual(west.transform);
    expect(joined.data[1199]).toBe(1199);
    expect(joined.data[1200]).toBe(5000); // from the east tile's first column
    expect(joined.data[2401 + 1]).toBe(1); // row 1, column 1
    expect(joined.data[2401 + 1200]).toBe(1200); // shared edge, both valid: the first tile's value
    expect(joined.data[2400]).toBe(5000 + 1200);
  });

  it('refuses tiles on different grids', () => {
    const a = planeDem(UTM_49N, 0, 100, 10, 4, () => 1);
    expect(() => mosaic([a, { ...a, crs: UTM_48N, name: 'b.tif' }])).toThrowError(
      /b\.tif cannot join the mosaic: its CRS differs/,
    );
    expect(() => mosaic([a, { ...a, transform: { ...a.transform, originX: 5 }, name: 'c.tif' }])).toThrowError(
      /not aligned/,
    );
    expect(() => mosaic([a, { ...a, transform: { ...a.transform, pixelWidth: 20 }, name: 'd.tif' }])).toThrowError(
      /pixel size/,
    );
    expect(() => mosaic([])).toThrowError(/no rasters/);
  });
});
