import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { readGeoTiff } from '../../engines/coverage/raster/read-geotiff.js';
import { writeGeoTiffFile } from '../../engines/coverage/raster/write-geotiff.js';
import { coverageViewshedCommand, HIDDEN, OUTSIDE, VISIBLE, type CoverageViewshedFlags } from './coverage-viewshed.js';

const dir = mkdtempSync(join(tmpdir(), 'dx-viewshed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 41 × 41 cells of 30 m, flat at 100 m, with a 300 m wall along column 25 (rows 5…35); site at cell (20, 20).
const SIDE = 41;
const ORIGIN = { originX: 420_000, originY: 1_560_000, pixelWidth: 30, pixelHeight: -30 };
const heights = new Float32Array(SIDE * SIDE).fill(100);
for (let row = 5; row <= 35; row++) heights[row * SIDE + 25] = 400;
heights[3 * SIDE + 3] = -9999; // one no-data cell
const demPath = join(dir, 'dem.tif');
writeGeoTiffFile(demPath, { width: SIDE, height: SIDE, data: heights, crs: 32649, transform: ORIGIN, noData: -9999 });
const site = { x: String(420_000 + 20.5 * 30), y: String(1_560_000 - 20.5 * 30) };

const flags = (more: Partial<CoverageViewshedFlags> = {}): CoverageViewshedFlags => ({
  dem: demPath,
  out: join(dir, 'visible.tif'),
  ...site,
  height: '10',
  radiusKm: '0.55',
  ...more,
});

it('writes a Byte GeoTIFF: the wall is seen, the cells behind it are hidden, beyond the radius is no-data', async () => {
  await coverageViewshedCommand(flags());
  const out = await readGeoTiff(new Uint8Array(readFileSync(join(dir, 'visible.tif'))), 'visible.tif');
  expect(out.sampleFormat).toBe('uint8');
  expect(out.noData).toBe(OUTSIDE);
  expect(out.crs).toMatch(/\+zone=49/);
  // 0.55 km = 18.3 cells: columns and rows 2…38 of the DEM.
  expect([out.width, out.height]).toEqual([37, 37]);
  expect(out.transform.originX).toBe(420_000 + 2 * 30);
  const at = (col: number, row: number) => out.data[(row - 2) * out.width + (col - 2)];
  expect(at(20, 20)).toBe(VISIBLE);
  expect(at(10, 20)).toBe(VISIBLE); // open ground on the other side
  expect(at(25, 20)).toBe(VISIBLE); // the wall's face
  expect(at(30, 20)).toBe(HIDDEN); // behind it
  expect(at(36, 24)).toBe(HIDDEN);
  expect(at(2, 2)).toBe(OUTSIDE); // the corner is beyond the radius
  expect(at(3, 3)).toBe(OUTSIDE); // no terrain
});

it('takes the site as WGS 84 longitude and latitude too', async () => {
  const read = async (name: string) => (await readGeoTiff(new Uint8Array(readFileSync(join(dir, name))), name)).data;
  await coverageViewshedCommand(flags({ out: join(dir, 'xy.tif') }));
  // The centre of cell (20, 20) in UTM 49N, as gdaltransform gives it.
  const lonLat = { x: undefined, y: undefined, lon: '110.264576', lat: '14.104295' };
  await coverageViewshedCommand(flags({ ...lonLat, out: join(dir, 'lonlat.tif') }));
  expect(await read('lonlat.tif')).toEqual(await read('xy.tif'));
});

it('names the field or the file that is wrong', async () => {
  await expect(coverageViewshedCommand(flags({ height: 'tall' }))).rejects.toThrow(/--height: "tall"/);
  await expect(coverageViewshedCommand(flags({ radiusKm: '0' }))).rejects.toThrow(/--radius-km: "0"/);
  await expect(coverageViewshedCommand(flags({ lon: '108' }))).rejects.toThrow(/--lon and --lat .* or as --x and --y/);
  await expect(coverageViewshedCommand(flags({ x: '1', y: '2' }))).rejects.toThrow(/outside dem\.tif/);
  await expect(coverageViewshedCommand(flags({ dem: join(dir, 'missing.tif') }))).rejects.toThrow(
    /--dem .*missing\.tif: no such file/,
  );
  writeFileSync(join(dir, 'junk.tif'), 'not a tiff');
  await expect(coverageViewshedCommand(flags({ dem: join(dir, 'junk.tif') }))).rejects.toThrow(
    /junk\.tif: not a readable GeoTIFF/,
  );
  const geographic = join(dir, 'degrees.tif');
  const degrees = { originX: 108, originY: 14, pixelWidth: 0.001, pixelHeight: -0.001 };
  writeGeoTiffFile(geographic, {
    width: SIDE,
    height: SIDE,
    data: heights,
    crs: 4326,
    transform: degrees,
    noData: null,
  });
  await expect(coverageViewshedCommand(flags({ dem: geographic }))).rejects.toThrow(/degrees\.tif: .*projected CRS/);
});

it('runs from the command line and exits 2 with the message on bad input', async () => {
  const main = join(import.meta.dirname, '..', 'main.ts');
  const args = ['coverage', 'viewshed', '--dem', demPath, '--x', site.x, '--y', site.y, '--height', '10'];
  const run = promisify(execFile)(process.execPath, [
    '--import',
    'tsx',
    main,
    ...args,
    '--radius-km',
    '-1',
    '--out',
    'x.tif',
  ]);
  await expect(run).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringMatching(/--radius-km: "-1" is not a radius/),
  });
});
