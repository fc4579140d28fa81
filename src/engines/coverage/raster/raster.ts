import { Invalid } from '../../../domain/errors.js';

/** The sample type the file stored; values are always handed over as Float32Array. */
export type SampleFormat = 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';

/** North-up affine georeferencing: the top-left corner of the top-left pixel and the pixel size. */
export interface GeoTransform {
  originX: number;
  originY: number;
  pixelWidth: number;
  /** Negative for north-up rasters (rows run southwards). */
  pixelHeight: number;
}

/** One band of a georeferenced raster. */
export interface Raster {
  /** File name, used in error messages. */
  name: string;
  width: number;
  height: number;
  /** proj4 definition, as returned by crs.ts (canonical strings compare equal). */
  crs: string;
  transform: GeoTransform;
  /** Value marking missing data (may be NaN); NaN is treated as missing in any case. */
  noData: number | null;
  /** Row-major, top row first. */
  data: Float32Array;
  /** Bands in the file (only one is read). */
  bandCount: number;
  sampleFormat: SampleFormat;
  /** GDAL metadata items of the file and of the band read (DESCRIPTION, UNITTYPE, …), if any. */
  metadata: Readonly<Record<string, string>>;
}

/** An analysis grid: north-up, square cells in metres, originY is the top edge. */
export interface GridSpec {
  crs: string;
  originX: number;
  originY: number;
  cellSizeM: number;
  width: number;
  height: number;
}

export function isNoData(value: number, noData: number | null): boolean {
  return Number.isNaN(value) || value === noData;
}

export function gridTransform(grid: GridSpec): GeoTransform {
  return { originX: grid.originX, originY: grid.originY, pixelWidth: grid.cellSizeM, pixelHeight: -grid.cellSizeM };
}

/** Row and column of the pixel containing (x, y), or null outside the raster. */
export function pixelAt(
  transform: GeoTransform,
  width: number,
  height: number,
  x: number,
  y: number,
): { col: number; row: number } | null {
  const col = Math.floor((x - transform.originX) / transform.pixelWidth);
  const row = Math.floor((y - transform.originY) / transform.pixelHeight);
  if (!(col >= 0 && col < width && row >= 0 && row < height)) return null;
  return { col, row };
}

/** Refuses a grid that cannot hold data; `what` names it in the message. */
export function assertGrid(grid: GridSpec, what: string): void {
  const problems: string[] = [];
  if (!Number.isInteger(grid.width) || grid.width < 1) problems.push(`width ${grid.width}`);
  if (!Number.isInteger(grid.height) || grid.height < 1) problems.push(`height ${grid.height}`);
  if (!(grid.cellSizeM > 0) || !Number.isFinite(grid.cellSizeM)) problems.push(`cell size ${grid.cellSizeM} m`);
  if (!Number.isFinite(grid.originX) || !Number.isFinite(grid.originY)) problems.push('origin not finite');
  if (/\+proj=(longlat|latlong|lonlat|latlon)\b/.test(grid.crs)) problems.push('CRS is geographic, not in metres');
  if (problems.length > 0) throw new Invalid('raster.grid_invalid', `${what}: unusable grid (${problems.join(', ')})`);
}
