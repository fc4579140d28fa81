/**
 * gdal_viewshed as a reference for the radial sweep: write a DEM as a GeoTIFF in a projected
 * CRS, run gdal_viewshed with the radio settings of DOMAIN.md §3 and read its mask back onto
 * the DEM grid. Needs GDAL's command-line tools (Debian: gdal-bin) on PATH.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import type { SweepDem } from './radial-sweep.js';

/** UTM 49N (WGS 84): covers Gia Lai; gdal_viewshed needs a projected CRS. */
export const REFERENCE_EPSG = 32649;
/** gdal_viewshed takes the earth's size from the CRS: WGS 84 semi-major axis. */
export const WGS84_SEMI_MAJOR_M = 6_378_137;
/** Arbitrary upper-left corner of the test DEMs, in UTM 49N metres (near Pleiku). */
export const REFERENCE_ORIGIN = { x: 420_000, y: 1_560_000 };

/**
 * True when `tool --version` prints a GDAL version. (gdal_viewshed 3.6 prints it, then
 * complains about the missing source file and exits 1, so the exit status is not checked.)
 */
export function gdalToolAvailable(tool = 'gdal_viewshed'): boolean {
  const run = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  return !run.error && /GDAL \d/.test(run.stdout);
}

function run(tool: string, args: readonly string[]): void {
  const done = spawnSync(tool, args, { encoding: 'utf8' });
  if (done.error) throw done.error;
  if (done.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${done.status}): ${done.stderr}`);
}

/**
 * Writes `dem` as `<dir>/<name>.tif` (Float32, EPSG:32649, upper-left corner at `origin`) via
 * an ASCII grid and gdal_translate, and returns the path with the heights as GDAL stored them.
 */
export async function writeDemGeoTiff(
  dir: string,
  name: string,
  dem: SweepDem,
  origin = REFERENCE_ORIGIN,
): Promise<{ path: string; heights: Float32Array }> {
  const asc = join(dir, `${name}.asc`);
  const tif = join(dir, `${name}.tif`);
  const lines = [
    `ncols ${dem.width}`,
    `nrows ${dem.height}`,
    `xllcorner ${origin.x}`,
    `yllcorner ${origin.y - dem.height * dem.cellSizeM}`,
    `cellsize ${dem.cellSizeM}`,
    'NODATA_value -9999',
  ];
  for (let y = 0; y < dem.height; y++) {
    const row = dem.heights.subarray(y * dem.width, (y + 1) * dem.width);
    lines.push(Array.from(row, (v) => (Number.isNaN(v) ? '-9999' : String(v))).join(' '));
  }
  await writeFile(asc, lines.join('\n') + '\n');
  run('gdal_translate', ['-q', '-ot', 'Float32', '-a_srs', `EPSG:${REFERENCE_EPSG}`, asc, tif]);
  const back = await readBand(tif);
  const heights = Float32Array.from(back.data, (v) => (v === -9999 ? NaN : v));
  return { path: tif, heights };
}

export interface GdalViewshedParams {
  /** Observer cell (column, row); gdal_viewshed is given the cell centre. */
  col: number;
  row: number;
  antennaHeightM: number;
  receiverHeightM: number;
  radiusM: number;
  cellSizeM: number;
  /** Curvature coefficient (DOMAIN.md: 0.75 for radio, k = 4/3). */
  curvatureCoeff?: number;
  origin?: { x: number; y: number };
}

/** The argv of gdal_viewshed for these parameters (visible 255, invisible 0, out of range 0). */
export function gdalViewshedArgs(input: string, output: string, p: GdalViewshedParams): string[] {
  const origin = p.origin ?? REFERENCE_ORIGIN;
  const ox = origin.x + (p.col + 0.5) * p.cellSizeM;
  const oy = origin.y - (p.row + 0.5) * p.cellSizeM;
  return [
    '-q',
    ...['-ox', String(ox), '-oy', String(oy), '-oz', String(p.antennaHeightM), '-tz', String(p.receiverHeightM)],
    ...['-md', String(p.radiusM), '-cc', String(p.curvatureCoeff ?? 0.75)],
    ...['-vv', '255', '-iv', '0', '-ov', '0', '-om', 'NORMAL'],
    input,
    output,
  ];
}

/** A single-band raster placed on the reference grid: (x0, y0) = its upper-left cell in the DEM. */
export interface PlacedBand {
  data: ArrayLike<number>;
  width: number;
  height: number;
  x0: number;
  y0: number;
}

async function readBand(path: string, origin = REFERENCE_ORIGIN): Promise<PlacedBand> {
  const buffer = await readFile(path);
  const tiff = await fromArrayBuffer(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
  const image = await tiff.getImage();
  const [band] = (await image.readRasters()) as unknown as ArrayLike<number>[];
  const [ox, oy] = image.getOrigin() as [number, number];
  const [rx] = image.getResolution() as [number, number];
  return {
    data: band!,
    width: image.getWidth(),
    height: image.getHeight(),
    x0: Math.round((ox - origin.x) / rx),
    y0: Math.round((origin.y - oy) / rx),
  };
}

/** Runs gdal_viewshed and returns its mask placed on the DEM grid. */
export async function runGdalViewshed(input: string, output: string, p: GdalViewshedParams): Promise<PlacedBand> {
  run('gdal_viewshed', gdalViewshedArgs(input, output, p));
  return readBand(output, p.origin ?? REFERENCE_ORIGIN);
}
