/**
 * `dx-compact coverage viewshed`: one site's line of sight over a DEM GeoTIFF, written as a Byte
 * GeoTIFF (1 visible, 0 hidden, 255 = no-data: beyond the radius or no terrain), the job
 * gdal_viewshed does, with the coverage engine's radial sweep (src/engines/coverage/sweep).
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { Invalid } from '../../domain/errors.js';
import { isGeographic, transformer, WGS84 } from '../../engines/coverage/raster/crs.js';
import type { GeoTransform, Raster } from '../../engines/coverage/raster/raster.js';
import { openGeoTiffFile, type PixelWindow, type RasterHeader } from '../../engines/coverage/raster/read-geotiff.js';
import { writeGeoTiffFile } from '../../engines/coverage/raster/write-geotiff.js';
import { maxSweepCells, radialSweep, SweepCells } from '../../engines/coverage/sweep/radial-sweep.js';

export interface CoverageViewshedFlags {
  dem: string;
  out: string;
  lon?: string;
  lat?: string;
  x?: string;
  y?: string;
  height: string;
  radiusKm: string;
  receiverHeight?: string;
  k?: string;
}

export const VISIBLE = 1;
export const HIDDEN = 0;
export const OUTSIDE = 255;
/** gdal_viewshed takes the earth's radius from the CRS's ellipsoid; WGS 84's semi-major axis, to agree with it. */
const EARTH_RADIUS_M = 6_378_137;

export interface ViewshedRequest {
  /** Site in the DEM's CRS (metres), or in WGS 84 degrees when `geographic`. */
  x: number;
  y: number;
  geographic: boolean;
  antennaHeightM: number;
  radiusM: number;
  receiverHeightM: number;
  k: number;
}

export interface Viewshed {
  width: number;
  height: number;
  transform: GeoTransform;
  data: Uint8Array;
  /** Cells within the radius with terrain, and how many of them are visible. */
  inRadius: number;
  visible: number;
}

/** `--name value` as a number, or a clear error naming the option. */
function numberFlag(name: string, text: string | undefined, check: (v: number) => boolean, rule: string): number {
  const value = text === undefined ? NaN : Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new Invalid('coverage.inputs', `--${name}: "${text ?? ''}" is not ${rule}`);
  }
  return value;
}

export function viewshedRequest(flags: CoverageViewshedFlags): ViewshedRequest {
  const geographic = flags.lon !== undefined || flags.lat !== undefined;
  const projected = flags.x !== undefined || flags.y !== undefined;
  if (geographic === projected) {
    throw new Invalid('coverage.inputs', 'Give the site as --lon and --lat (WGS 84) or as --x and --y (the DEM’s CRS)');
  }
  const any = (v: number) => Number.isFinite(v);
  const [x, y] = geographic
    ? [
        numberFlag('lon', flags.lon, (v) => v >= -180 && v <= 180, 'a longitude in degrees (−180…180)'),
        numberFlag('lat', flags.lat, (v) => v >= -90 && v <= 90, 'a latitude in degrees (−90…90)'),
      ]
    : [numberFlag('x', flags.x, any, 'a number (metres)'), numberFlag('y', flags.y, any, 'a number (metres)')];
  return {
    x,
    y,
    geographic,
    antennaHeightM: numberFlag('height', flags.height, (v) => v >= 0, 'a height ≥ 0 m'),
    radiusM: numberFlag('radius-km', flags.radiusKm, (v) => v > 0, 'a radius > 0 km') * 1000,
    receiverHeightM: numberFlag('receiver-height', flags.receiverHeight ?? '1.5', (v) => v >= 0, 'a height ≥ 0 m'),
    k: numberFlag('k', flags.k ?? String(4 / 3), (v) => v > 0, 'an effective earth-radius factor > 0'),
  };
}

/** A DEM fit for the sweep: a projected CRS with square cells in metres; else a clear error. */
function checkSquareMetres(dem: RasterHeader): void {
  const t = dem.transform;
  if (isGeographic(dem.crs) || Math.abs(t.pixelWidth + t.pixelHeight) > 1e-6 * t.pixelWidth) {
    throw new Invalid(
      'raster.grid_invalid',
      `${dem.name}: the DEM needs square cells in metres (a projected CRS such as UTM); it has ` +
        `${t.pixelWidth} × ${-t.pixelHeight} ${isGeographic(dem.crs) ? 'degrees' : 'units'}: warp it first (gdalwarp -t_srs)`,
    );
  }
}

/** The cell holding the site (the observer stands at its centre, like gdal_viewshed's), or a clear error. */
function siteCell(dem: RasterHeader, request: ViewshedRequest): { col: number; row: number; where: string } {
  checkSquareMetres(dem);
  const t = dem.transform;
  const [sx, sy] = request.geographic
    ? transformer(WGS84, dem.crs).forward(request.x, request.y)
    : [request.x, request.y];
  const col = Math.floor((sx - t.originX) / t.pixelWidth);
  const row = Math.floor((t.originY - sy) / t.pixelWidth);
  const where = request.geographic ? `${request.x}, ${request.y}` : `x ${request.x}, y ${request.y}`;
  if (!(col >= 0 && col < dem.width && row >= 0 && row < dem.height)) {
    throw new Invalid(
      'coverage.site_outside',
      `the site (${where}) lies outside ${dem.name} (${dem.width} × ${dem.height} cells)`,
    );
  }
  return { col, row, where };
}

/** The DEM's cells the radius can reach around the site (and one more each side): all a viewshed reads. */
export function viewshedWindow(dem: RasterHeader, request: ViewshedRequest): PixelWindow {
  const { col, row } = siteCell(dem, request);
  const reach = Math.ceil(request.radiusM / dem.transform.pixelWidth) + 1;
  return { x0: col - reach, y0: row - reach, width: 2 * reach + 1, height: 2 * reach + 1 };
}

/** The viewshed of one site over `dem` (a projected raster with square cells), on the window the radius covers. */
export function viewshedOf(dem: Raster, request: ViewshedRequest): Viewshed {
  const { transform: t, width, height } = dem;
  const cellSizeM = t.pixelWidth;
  const { col, row, where } = siteCell(dem, request);
  const heights = dem.data;
  if (dem.noData !== null && !Number.isNaN(dem.noData)) {
    for (let i = 0; i < heights.length; i++) if (heights[i] === dem.noData) heights[i] = NaN;
  }
  if (Number.isNaN(heights[row * width + col]!)) {
    throw new Invalid('coverage.dem_missing', `${dem.name} has no terrain height under the site (${where})`);
  }
  const sweep = radialSweep(
    { heights, width, height, cellSizeM },
    { x: col, y: row, antennaHeightM: request.antennaHeightM },
    {
      radiusM: request.radiusM,
      receiverHeightM: request.receiverHeightM,
      k: request.k,
      earthRadiusM: EARTH_RADIUS_M,
    },
    undefined,
    new SweepCells(maxSweepCells(cellSizeM, request.radiusM)), // room for every cell: the list never regrows
  );
  const data = new Uint8Array(sweep.width * sweep.height);
  let inRadius = 0;
  let visible = 0;
  for (let wy = 0; wy < sweep.height; wy++) {
    const demRow = (sweep.y0 + wy) * width + sweep.x0;
    for (let wx = 0; wx < sweep.width; wx++) {
      const i = wy * sweep.width + wx;
      if (!(sweep.distanceM[i]! <= request.radiusM) || Number.isNaN(heights[demRow + wx]!)) {
        data[i] = OUTSIDE;
        continue;
      }
      inRadius++;
      visible += data[i] = sweep.visible[i] ? VISIBLE : HIDDEN;
    }
  }
  const transform = {
    originX: t.originX + sweep.x0 * cellSizeM,
    originY: t.originY - sweep.y0 * cellSizeM,
    pixelWidth: cellSizeM,
    pixelHeight: -cellSizeM,
  };
  return { width: sweep.width, height: sweep.height, transform, data, inRadius, visible };
}

async function openDem(path: string) {
  if (!existsSync(path)) throw new Invalid('coverage.file_not_found', `--dem ${path}: no such file`);
  return openGeoTiffFile(path, basename(path));
}

export async function coverageViewshedCommand(flags: CoverageViewshedFlags): Promise<void> {
  const request = viewshedRequest(flags);
  // Only the strips or tiles within the radius are read and decoded, not the whole DEM.
  const file = await openDem(flags.dem);
  let dem: Raster;
  try {
    dem = await file.read(viewshedWindow(file.header, request));
  } finally {
    await file.close();
  }
  const result = viewshedOf(dem, request);
  writeGeoTiffFile(flags.out, {
    width: result.width,
    height: result.height,
    data: result.data,
    crs: dem.crs,
    transform: result.transform,
    noData: OUTSIDE,
    description: 'visible',
    metadata: {
      VISIBLE: String(VISIBLE),
      HIDDEN: String(HIDDEN),
      ANTENNA_HEIGHT_M: String(request.antennaHeightM),
      RECEIVER_HEIGHT_M: String(request.receiverHeightM),
      RADIUS_M: String(request.radiusM),
    },
  });
  const share = result.inRadius > 0 ? (100 * result.visible) / result.inRadius : 0;
  console.log(
    `${flags.out}: ${result.width} × ${result.height} cells; ${result.visible.toLocaleString('en-US')} of ` +
      `${result.inRadius.toLocaleString('en-US')} cells within ${request.radiusM / 1000} km visible (${share.toFixed(1)} %)`,
  );
}
