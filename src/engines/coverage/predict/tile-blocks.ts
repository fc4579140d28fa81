import type { SweepDem, SweepWindow } from '../sweep/radial-sweep.js';
import type { TileSpec } from './predict-tile.js';

/** Side (cells) of the blocks a tile is cut into for bounds: 2^BLOCK_SHIFT. */
export const BLOCK_SHIFT = 5;
export const BLOCK = 1 << BLOCK_SHIFT;

/**
 * A tile cut into 32 × 32 blocks, with what bounds need to know of each: its cells (grid rectangle),
 * its lowest and highest ground, and which of the tile's cells are nodata (they never get a level): no
 * ground, or outside the run's area when the caller says so (`outside`, 1 per tile cell outside).
 */
export class TileBlocks {
  readonly columns: number;
  readonly rows: number;
  readonly rects: SweepWindow[] = [];
  readonly groundMinM: Float32Array;
  readonly groundMaxM: Float32Array;
  readonly nodata: Uint8Array;
  /** 1 for a block whose every cell is nodata: no mast needs to reach it. */
  readonly empty: Uint8Array;

  constructor(
    readonly tile: TileSpec,
    dem: SweepDem,
    outside?: Uint8Array,
  ) {
    this.columns = Math.ceil(tile.width / BLOCK);
    this.rows = Math.ceil(tile.height / BLOCK);
    const count = this.columns * this.rows;
    this.groundMinM = new Float32Array(count).fill(Infinity);
    this.groundMaxM = new Float32Array(count).fill(-Infinity);
    this.nodata = outside ? Uint8Array.from(outside) : new Uint8Array(tile.width * tile.height);
    this.empty = new Uint8Array(count).fill(1);
    for (let by = 0; by < this.rows; by++) {
      for (let bx = 0; bx < this.columns; bx++) {
        this.rects.push({
          x0: tile.x0 + bx * BLOCK,
          y0: tile.y0 + by * BLOCK,
          width: Math.min(BLOCK, tile.width - bx * BLOCK),
          height: Math.min(BLOCK, tile.height - by * BLOCK),
        });
      }
    }
    for (let y = 0; y < tile.height; y++) {
      const from = (tile.y0 + y) * dem.width + tile.x0;
      for (let x = 0; x < tile.width; x++) {
        const z = dem.heights[from + x]!;
        const b = (y >> BLOCK_SHIFT) * this.columns + (x >> BLOCK_SHIFT);
        if (z !== z) this.nodata[y * tile.width + x] = 1;
        else if (this.nodata[y * tile.width + x] === 0) {
          this.empty[b] = 0;
          if (z < this.groundMinM[b]!) this.groundMinM[b] = z;
          if (z > this.groundMaxM[b]!) this.groundMaxM[b] = z;
        }
      }
    }
    for (let b = 0; b < count; b++) {
      if (!(this.groundMinM[b]! <= this.groundMaxM[b]!)) this.groundMinM[b] = this.groundMaxM[b] = 0; // all nodata
    }
  }

  /** The block holding a tile-local cell. */
  blockOf(col: number, row: number): number {
    return (row >> BLOCK_SHIFT) * this.columns + (col >> BLOCK_SHIFT);
  }
}

/**
 * The weakest best level per block (−∞ while a cell has none; nodata cells do not count): a mast whose
 * bound toward a block is no better cannot change it.
 */
export class BlockFloors {
  readonly floor: Float32Array;
  private readonly dirty: Uint8Array;

  constructor(
    private readonly blocks: TileBlocks,
    private readonly best: Float32Array,
  ) {
    // An empty block never takes a level: its floor is out of every mast's reach.
    this.floor = Float32Array.from(blocks.empty, (empty) => (empty ? Infinity : -Infinity));
    this.dirty = new Uint8Array(blocks.rects.length);
  }

  /** A cell of the tile (tile-local column and row) took a new level. */
  touch(col: number, row: number): void {
    this.dirty[this.blocks.blockOf(col, row)] = 1;
  }

  /** Brings the floors of the touched blocks up to date. */
  refresh(): void {
    const { best } = this;
    const { tile, nodata, columns } = this.blocks;
    for (let b = 0; b < this.dirty.length; b++) {
      if (this.dirty[b] === 0) continue;
      this.dirty[b] = 0;
      const x0 = (b % columns) * BLOCK;
      const y0 = Math.floor(b / columns) * BLOCK;
      const x1 = Math.min(tile.width, x0 + BLOCK);
      const y1 = Math.min(tile.height, y0 + BLOCK);
      let min = Infinity;
      for (let y = y0; y < y1 && min > -Infinity; y++) {
        for (let t = y * tile.width + x0, end = y * tile.width + x1; t < end; t++) {
          const level = best[t]!;
          if (level < min) min = level;
          else if (level !== level && nodata[t] === 0) min = -Infinity; // not reached yet
        }
      }
      this.floor[b] = min;
    }
  }
}
