/**
 * Cuts one band into DEFLATE-compressed square tiles (edge tiles padded with the no-data value) and
 * builds its overview pyramid by halving: nearest for categories (a site index must stay a site
 * index), the mean of the valid pixels for measurements.
 */
import { deflateSync } from 'node:zlib';

export type BandArray = Float32Array | Uint8Array | Int16Array | Uint16Array;
export type OverviewResampling = 'nearest' | 'average';

export interface Level {
  width: number;
  height: number;
  data: BandArray;
}

const blank = (like: BandArray, length: number): BandArray =>
  new (like.constructor as new (length: number) => BandArray)(length);

/** Halves a level (rounding the size up); a 2 × 2 block whose pixels are all missing stays missing. */
export function halve(level: Level, resampling: OverviewResampling, noData: number | null): Level {
  const width = Math.ceil(level.width / 2);
  const height = Math.ceil(level.height / 2);
  const data = blank(level.data, width * height);
  const fill = noData ?? 0;
  const integer = !(level.data instanceof Float32Array);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const r0 = row * 2;
      const c0 = col * 2;
      if (resampling === 'nearest') {
        data[row * width + col] = level.data[r0 * level.width + c0]!;
        continue;
      }
      let sum = 0;
      let n = 0;
      for (let r = r0; r < Math.min(r0 + 2, level.height); r++) {
        for (let c = c0; c < Math.min(c0 + 2, level.width); c++) {
          const v = level.data[r * level.width + c]!;
          if (Number.isNaN(v) || v === noData) continue;
          sum += v;
          n++;
        }
      }
      data[row * width + col] = n === 0 ? fill : integer ? Math.round(sum / n) : sum / n;
    }
  }
  return { width, height, data };
}

/** The full-resolution level and its overviews, halving until the image fits in one tile. */
export function pyramid(base: Level, tileSize: number, resampling: OverviewResampling, noData: number | null): Level[] {
  const levels = [base];
  while (levels.at(-1)!.width > tileSize || levels.at(-1)!.height > tileSize) {
    levels.push(halve(levels.at(-1)!, resampling, noData));
  }
  return levels;
}

function setter(view: DataView, data: BandArray): (at: number, value: number) => void {
  if (data instanceof Float32Array) return (at, v) => view.setFloat32(at * 4, v, true);
  if (data instanceof Int16Array) return (at, v) => view.setInt16(at * 2, v, true);
  if (data instanceof Uint16Array) return (at, v) => view.setUint16(at * 2, v, true);
  return (at, v) => view.setUint8(at, v);
}

/** The level's tiles, row-major, each DEFLATE-compressed (zlib stream, as TIFF compression 8 expects). */
export function compressTiles(level: Level, tileSize: number, noData: number | null, deflateLevel = 6): Uint8Array[] {
  const across = Math.ceil(level.width / tileSize);
  const down = Math.ceil(level.height / tileSize);
  const tiles: Uint8Array[] = [];
  const bytes = new Uint8Array(tileSize * tileSize * level.data.BYTES_PER_ELEMENT);
  const view = new DataView(bytes.buffer);
  const set = setter(view, level.data);
  const pad = noData ?? 0;
  for (let ty = 0; ty < down; ty++) {
    for (let tx = 0; tx < across; tx++) {
      for (let r = 0; r < tileSize; r++) {
        const row = ty * tileSize + r;
        for (let c = 0; c < tileSize; c++) {
          const col = tx * tileSize + c;
          const inside = row < level.height && col < level.width;
          set(r * tileSize + c, inside ? level.data[row * level.width + col]! : pad);
        }
      }
      tiles.push(new Uint8Array(deflateSync(bytes, { level: deflateLevel })));
    }
  }
  return tiles;
}
