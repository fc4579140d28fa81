/**
 * Inputs read by window: a run names its terrain and population files (or hands rasters already in
 * memory) and each tile reads only the pixels under its own window, so no process ever holds a whole
 * country's raster. GeoTIFF and COG files decode only the strips or tiles a window touches; SRTM .hgt
 * files are read row by row at their byte offsets.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Invalid } from '../../../domain/errors.js';
import { transformer } from './crs.js';
import { HGT_VOID, hgtHeader, hgtSide } from './read-hgt.js';
import { openGeoTiffFile, type PixelWindow, type RasterHeader } from './read-geotiff.js';
import type { GridSpec, Raster } from './raster.js';
import { mosaic } from './resample-dem.js';

/** Where one input raster comes from; plain data, so it can be posted to a worker thread. */
export type RasterSourceRef =
  | { kind: 'file'; path: string; name: string }
  /** A raster already in memory (an upload, the demo); its pixels in a SharedArrayBuffer to share across threads. */
  | { kind: 'memory'; header: RasterHeader; data: SharedArrayBuffer };

/** An open input: its description, and its pixels by window. */
export interface OpenRaster {
  header: RasterHeader;
  read(window: PixelWindow): Promise<Raster>;
  close(): Promise<void>;
}

export function memorySource(raster: Raster): RasterSourceRef {
  const data = new SharedArrayBuffer(raster.data.byteLength);
  new Float32Array(data).set(raster.data);
  const { data: _pixels, ...header } = raster;
  return { kind: 'memory', header, data };
}

export async function openRasterSource(ref: RasterSourceRef): Promise<OpenRaster> {
  if (ref.kind === 'memory') return inMemory(ref.header, new Float32Array(ref.data));
  if (/\.hgt$/i.test(ref.name)) return openHgtFile(ref.path, ref.name);
  return openGeoTiffFile(ref.path, ref.name);
}

/** A raster already read (e.g. a window shipped to another machine), read by window like a file. */
export function rasterSource(raster: Raster): OpenRaster {
  const { data, ...header } = raster;
  return inMemory(header, data);
}

function inMemory(header: RasterHeader, pixels: Float32Array): OpenRaster {
  return {
    header,
    read: async (window) => {
      const w = clipWindow(window, header);
      const data = new Float32Array(w.width * w.height);
      for (let row = 0; row < w.height; row++) {
        const from = (w.y0 + row) * header.width + w.x0;
        data.set(pixels.subarray(from, from + w.width), row * w.width);
      }
      return { ...header, ...shifted(header, w), data };
    },
    close: async () => undefined,
  };
}

function clipWindow(window: PixelWindow, header: Pick<RasterHeader, 'width' | 'height' | 'name'>): PixelWindow {
  const x0 = Math.max(0, window.x0);
  const y0 = Math.max(0, window.y0);
  const x1 = Math.min(header.width, window.x0 + window.width);
  const y1 = Math.min(header.height, window.y0 + window.height);
  if (!(x1 > x0 && y1 > y0))
    throw new Invalid('raster.window_outside', `${header.name}: the area asked for lies outside the raster`);
  return { x0, y0, width: x1 - x0, height: y1 - y0 };
}

function shifted(header: RasterHeader, w: PixelWindow) {
  const t = header.transform;
  return {
    width: w.width,
    height: w.height,
    transform: { ...t, originX: t.originX + w.x0 * t.pixelWidth, originY: t.originY + w.y0 * t.pixelHeight },
  };
}

/** An SRTM tile opened for windowed reads: only the rows of the window are read from disk. */
function openHgtFile(path: string, name: string): OpenRaster {
  const size = statSync(path).size;
  const header = hgtHeader(name, hgtSide(size, name));
  const side = header.width;
  let fd: number | null = openSync(path, 'r');
  return {
    header,
    read: async (window) => {
      if (fd === null) throw new Error(`${name} is closed`);
      const w = clipWindow(window, header);
      const row = Buffer.alloc(w.width * 2);
      const data = new Float32Array(w.width * w.height);
      for (let r = 0; r < w.height; r++) {
        readSync(fd, row, 0, row.length, ((w.y0 + r) * side + w.x0) * 2);
        for (let c = 0; c < w.width; c++) data[r * w.width + c] = row.readInt16BE(c * 2);
      }
      return { ...header, ...shifted(header, w), data, noData: HGT_VOID };
    },
    close: async () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/** Source pixels whose footprint can reach the target grid, with a margin of `marginPx`; null when none do. */
export function sourceWindowFor(header: RasterHeader, target: GridSpec, marginPx = 2): PixelWindow | null {
  const { forward } = transformer(target.crs, header.crs);
  const right = target.originX + target.width * target.cellSizeM;
  const bottom = target.originY - target.height * target.cellSizeM;
  let minCol = Infinity,
    maxCol = -Infinity,
    minRow = Infinity,
    maxRow = -Infinity;
  const steps = 32;
  const { originX, originY, pixelWidth, pixelHeight } = header.transform;
  const take = (x: number, y: number) => {
    const [px, py] = forward(x, y);
    const col = (px - originX) / pixelWidth;
    const row = (py - originY) / pixelHeight;
    minCol = Math.min(minCol, col);
    maxCol = Math.max(maxCol, col);
    minRow = Math.min(minRow, row);
    maxRow = Math.max(maxRow, row);
  };
  for (let s = 0; s <= steps; s++) {
    const f = s / steps;
    const x = target.originX + f * (right - target.originX);
    const y = target.originY + f * (bottom - target.originY);
    take(x, target.originY);
    take(x, bottom);
    take(target.originX, y);
    take(right, y);
  }
  if (![minCol, maxCol, minRow, maxRow].every(Number.isFinite)) return null;
  const x0 = Math.max(0, Math.floor(minCol) - marginPx);
  const y0 = Math.max(0, Math.floor(minRow) - marginPx);
  const x1 = Math.min(header.width, Math.ceil(maxCol) + marginPx);
  const y1 = Math.min(header.height, Math.ceil(maxRow) + marginPx);
  return x1 > x0 && y1 > y0 ? { x0, y0, width: x1 - x0, height: y1 - y0 } : null;
}

/**
 * The pixels of several sources (e.g. neighbouring SRTM tiles) that reach `target`, joined into one
 * raster; null when none reaches it.
 */
export async function readWindowOf(sources: readonly OpenRaster[], target: GridSpec): Promise<Raster | null> {
  const parts: Raster[] = [];
  for (const source of sources) {
    const window = sourceWindowFor(source.header, target);
    if (window) parts.push(await source.read(window));
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : mosaic(parts);
}

export const fileSource = (path: string): RasterSourceRef => ({ kind: 'file', path, name: basename(path) });
