/**
 * Cuts one band into DEFLATE-compressed square tiles (edge tiles padded with the no-data value) and
 * builds its overview pyramid by halving: nearest for categories (a site index must stay a site
 * index), the mean of the valid pixels for measurements.
 */
import { deflateSync } from 'node:zlib';

export type BandArray = Float32Array | Uint8Array | Int16Array | Uint16Array;
export type OverviewResampling = 'nearest' | 'average';
export type SampleType = 'float32' | 'uint16' | 'uint8' | 'int16';

const ARRAYS = { float32: Float32Array, uint16: Uint16Array, uint8: Uint8Array, int16: Int16Array } as const;

export function sampleTypeOf(data: BandArray): SampleType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Uint16Array) return 'uint16';
  return 'uint8';
}

export const bandArray = (sampleType: SampleType, length: number): BandArray => new ARRAYS[sampleType](length);
export const sampleBytes = (sampleType: SampleType): number => ARRAYS[sampleType].BYTES_PER_ELEMENT;

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

/** The sizes of the full-resolution level and its overviews: halving (rounding up) until the image fits in one tile. */
export function levelSizes(width: number, height: number, tileSize: number): { width: number; height: number }[] {
  const sizes = [{ width, height }];
  while (sizes.at(-1)!.width > tileSize || sizes.at(-1)!.height > tileSize) {
    const last = sizes.at(-1)!;
    sizes.push({ width: Math.ceil(last.width / 2), height: Math.ceil(last.height / 2) });
  }
  return sizes;
}

/** The full-resolution level and its overviews, halving until the image fits in one tile. */
export function pyramid(base: Level, tileSize: number, resampling: OverviewResampling, noData: number | null): Level[] {
  const levels = [base];
  const count = levelSizes(base.width, base.height, tileSize).length;
  while (levels.length < count) levels.push(halve(levels.at(-1)!, resampling, noData));
  return levels;
}

function setter(view: DataView, sampleType: SampleType): (at: number, value: number) => void {
  if (sampleType === 'float32') return (at, v) => view.setFloat32(at * 4, v, true);
  if (sampleType === 'int16') return (at, v) => view.setInt16(at * 2, v, true);
  if (sampleType === 'uint16') return (at, v) => view.setUint16(at * 2, v, true);
  return (at, v) => view.setUint8(at, v);
}

/** Compresses tile (tx, ty) of a level: raw little-endian samples, padded with no-data past the level's edge. */
export class TileCompressor {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(
    private readonly sampleType: SampleType,
    private readonly tileSize: number,
    private readonly noData: number | null,
    private readonly deflateLevel = 6,
  ) {
    this.bytes = new Uint8Array(tileSize * tileSize * sampleBytes(sampleType));
    this.view = new DataView(this.bytes.buffer);
  }

  /** A zlib stream, as TIFF compression 8 expects. */
  tile(level: Level, tx: number, ty: number): Uint8Array {
    const { tileSize } = this;
    const set = setter(this.view, this.sampleType);
    const pad = this.noData ?? 0;
    for (let r = 0; r < tileSize; r++) {
      const row = ty * tileSize + r;
      for (let c = 0; c < tileSize; c++) {
        const col = tx * tileSize + c;
        const inside = row < level.height && col < level.width;
        set(r * tileSize + c, inside ? level.data[row * level.width + col]! : pad);
      }
    }
    // A tile of nothing but no-data (sea, land outside the run) is common: its bytes are compressed once.
    const blank = this.blankTile();
    if (Buffer.from(this.bytes.buffer).equals(blank.bytes)) return blank.compressed;
    return new Uint8Array(deflateSync(this.bytes, { level: this.deflateLevel }));
  }

  private blank: { bytes: Buffer; compressed: Uint8Array } | null = null;

  /** The tile filled with the no-data value (0 without one), as stored and as compressed; shared, never written to. */
  private blankTile(): { bytes: Buffer; compressed: Uint8Array } {
    if (!this.blank) {
      const bytes = Buffer.alloc(this.bytes.byteLength);
      const set = setter(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), this.sampleType);
      for (let i = 0; i < this.tileSize * this.tileSize; i++) set(i, this.noData ?? 0);
      this.blank = { bytes, compressed: new Uint8Array(deflateSync(bytes, { level: this.deflateLevel })) };
    }
    return this.blank;
  }
}

/** The level's tiles, row-major, each DEFLATE-compressed. */
export function compressTiles(level: Level, tileSize: number, noData: number | null, deflateLevel = 6): Uint8Array[] {
  const across = Math.ceil(level.width / tileSize);
  const down = Math.ceil(level.height / tileSize);
  const compressor = new TileCompressor(sampleTypeOf(level.data), tileSize, noData, deflateLevel);
  const tiles: Uint8Array[] = [];
  for (let ty = 0; ty < down; ty++) {
    for (let tx = 0; tx < across; tx++) tiles.push(compressor.tile(level, tx, ty));
  }
  return tiles;
}
