/**
 * SRTM .hgt tiles: a square of big-endian int16 heights in metres, −32768 for voids, no header.
 * The name gives the south-west corner (N13E108 → 13°N 108°E). Samples are points: the first and
 * last rows and columns lie exactly on the tile's edges, so neighbouring tiles share them and the
 * pixel grid (area convention) overhangs the 1° square by half a sample on each side.
 */
import { Invalid } from '../../../domain/errors.js';
import { WGS84 } from './crs.js';
import type { Raster } from './raster.js';

export const HGT_VOID = -32768;
/** 1 arc-second (SRTM1) and 3 arc-second (SRTM3) tiles. */
const SIDES = [3601, 1201] as const;

/** South-west corner of a tile from its file name (path and extra suffixes allowed: N13E108.SRTMGL1.hgt). */
export function hgtCorner(name: string): { lat: number; lon: number } | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  const match = /^([NS])(\d{2})([EW])(\d{3})(\.[\w-]+)*\.hgt$/i.exec(base);
  if (!match) return null;
  const lat = Number(match[2]) * (match[1]!.toUpperCase() === 'S' ? -1 : 1);
  const lon = Number(match[4]) * (match[3]!.toUpperCase() === 'W' ? -1 : 1);
  return lat >= -90 && lat < 90 && lon >= -180 && lon < 180 ? { lat, lon } : null;
}

function tileCorner(name: string): { lat: number; lon: number } {
  const corner = hgtCorner(name);
  if (!corner) {
    throw new Invalid(
      'raster.hgt_name',
      `${name}: not an SRTM tile name (expected e.g. N13E108.hgt, the south-west corner)`,
    );
  }
  return corner;
}

/** The side in samples of a tile of `byteLength` bytes, refusing any other size. */
export function hgtSide(byteLength: number, name: string): number {
  const side = SIDES.find((n) => byteLength === n * n * 2);
  if (side === undefined) {
    throw new Invalid(
      'raster.hgt_size',
      `${name}: ${byteLength} bytes is neither a 1″ tile (3601 × 3601 × 2 = 25934402) nor a 3″ tile (1201 × 1201 × 2 = 2884802)`,
    );
  }
  return side;
}

/** A tile's description without its samples, from its name and side. */
export function hgtHeader(name: string, side: number): Omit<Raster, 'data'> {
  const corner = tileCorner(name);
  const step = 1 / (side - 1); // centres span exactly 1°
  return {
    name,
    width: side,
    height: side,
    crs: WGS84,
    transform: {
      originX: corner.lon - step / 2,
      originY: corner.lat + 1 + step / 2,
      pixelWidth: step,
      pixelHeight: -step,
    },
    noData: HGT_VOID,
    bandCount: 1,
    sampleFormat: 'int16',
    metadata: {},
  };
}

export function readHgt(bytes: Uint8Array, name: string): Raster {
  tileCorner(name); // the name first: it says what the file should be
  const side = hgtSide(bytes.byteLength, name);
  const header = hgtHeader(name, side);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data = new Float32Array(side * side);
  let valid = 0;
  for (let i = 0; i < data.length; i++) {
    const v = view.getInt16(i * 2, false);
    data[i] = v;
    if (v !== HGT_VOID) valid++;
  }
  if (valid === 0) throw new Invalid('raster.empty', `${name}: every sample is a void (−32768)`);
  return { ...header, data };
}
