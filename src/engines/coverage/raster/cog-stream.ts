/**
 * Writes one band as a Cloud-Optimised GeoTIFF block by block, for bands too large to hold whole: the
 * file is byte-identical to writeGeoTiffFile's for the same pixels, whatever order the blocks come in.
 *
 * A block of B × B pixels (B = blockCells = tileSize · 2^k) at an offset that is a multiple of B halves
 * on its own into the levels B, B/2, …, tileSize: every block offset is even at those levels, so
 * block-local halving gives the pixels global halving gives, and each level's tiles are whole tiles of
 * the image's grid. Those tiles are compressed at once and appended to a spool file (only their offsets
 * and lengths stay in memory). The last block-local level (1/2^k of the size each way) is kept in an
 * in-memory coarse raster, from which finish() makes the remaining overviews; it then copies the spooled
 * tiles into `path + '.part'` in COG order, in chunks, and renames it to `path`.
 *
 * Memory (S = bytes per sample, T = tile size, f = B / T, tiles ≈ ⌈W/T⌉·⌈H/T⌉·4/3):
 *   resident  S·⌈W/f⌉·⌈H/f⌉  coarse raster (none when the image has no level beyond the blocks' own)
 *           + 12·tiles        tile offsets (8 bytes) and lengths (4 bytes)
 *           + ⌈W/B⌉·⌈H/B⌉     one flag per block
 *   writeBlock, transiently: S·B²/3 (the block's own overviews) + S·T² (one tile) + the block's compressed tiles
 *   finish, transiently: S·⌈W/f⌉·⌈H/f⌉/3 (the coarse overviews) + 16·tiles (the IFDs) + a 4 MiB copy buffer
 * The caller's block (S·B²) comes on top. For 1.5 billion Float32 cells in 2048 blocks: a 94 MB coarse
 * raster, 31 MB of coarse overviews at finish, 0.4 MB of tile index; 4096 blocks quarter the coarse raster.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { Invalid } from '../../../domain/errors.js';
import { cogHead, cogTileOrder, framedTile, TILE_LEADER, TILE_TRAILER, type TiffTag } from './cog-layout.js';
import {
  bandArray,
  halve,
  levelSizes,
  pyramid,
  sampleBytes,
  sampleTypeOf,
  TileCompressor,
  type BandArray,
  type Level,
  type OverviewResampling,
  type SampleType,
} from './cog-tiles.js';
import { checkBand, pyramidTags, resamplingOf, type GeoTiffBand } from './geotiff-tags.js';

export interface CogStreamOptions extends GeoTiffBand {
  sampleType: SampleType;
  /** Side of a block in pixels: the tile size times a power of two (default 2048). */
  blockCells?: number;
}

const DEFAULT_BLOCK = 2048;
const COPY_BUFFER = 4 * 2 ** 20;
const FRAME = TILE_LEADER + TILE_TRAILER;

interface Shape {
  width: number;
  height: number;
  blockCells: number;
  tileSize: number;
  sampleType: SampleType;
}

/** How many levels a block makes by itself (full resolution included), for an image with `levelCount` levels. */
const blockLevels = (shape: Shape, levelCount: number) =>
  Math.min(levelCount, Math.log2(shape.blockCells / shape.tileSize) + 1);

/** The resident bytes of a stream writer for this shape, as the module comment states (its tile count is exact). */
export function cogStreamResidentBytes(shape: Shape): { coarseRaster: number; tileIndex: number; blockFlags: number } {
  const sizes = levelSizes(shape.width, shape.height, shape.tileSize);
  const local = blockLevels(shape, sizes.length);
  const last = sizes[local - 1]!;
  const tiles = sizes.reduce(
    (sum, s) => sum + Math.ceil(s.width / shape.tileSize) * Math.ceil(s.height / shape.tileSize),
    0,
  );
  return {
    coarseRaster: local < sizes.length ? sampleBytes(shape.sampleType) * last.width * last.height : 0,
    tileIndex: 12 * tiles,
    blockFlags: Math.ceil(shape.width / shape.blockCells) * Math.ceil(shape.height / shape.blockCells),
  };
}

function checkBlockCells(blockCells: number, tileSize: number): void {
  const ratio = blockCells / tileSize;
  if (!Number.isInteger(ratio) || ratio < 1 || !Number.isInteger(Math.log2(ratio))) {
    throw new Invalid(
      'raster.size_invalid',
      `openCogStream: block size ${blockCells} must be the tile size ${tileSize} times a power of two`,
    );
  }
}

export class CogStreamWriter {
  private readonly sizes: { width: number; height: number }[];
  private readonly tags: TiffTag[][];
  private readonly resampling: OverviewResampling;
  private readonly tileSize: number;
  private readonly blockCells: number;
  private readonly localLevels: number;
  private readonly blocksAcross: number;
  private readonly blocksDown: number;
  private readonly written: Uint8Array;
  /** Per level, row-major: where each tile starts in the spool and how long it is. */
  private readonly tileOffsets: Float64Array[];
  private readonly tileLengths: Uint32Array[];
  private coarse: Level | null;
  private readonly compressor: TileCompressor;
  private readonly spoolPath: string;
  private readonly partPath: string;
  private spool: number | null;
  private spoolSize = 0;
  private state: 'open' | 'finishing' | 'done' | 'aborted' = 'open';

  private readonly options: CogStreamOptions;

  constructor(
    private readonly path: string,
    options: CogStreamOptions,
  ) {
    this.options = { ...options }; // the caller may reuse its object
    this.tileSize = checkBand(options);
    this.blockCells = options.blockCells ?? DEFAULT_BLOCK;
    checkBlockCells(this.blockCells, this.tileSize);
    const { width, height, sampleType, noData } = options;
    this.sizes = levelSizes(width, height, this.tileSize);
    this.tags = pyramidTags(options, sampleType, this.sizes, this.tileSize); // refuses a bad CRS or no-data now
    this.resampling = resamplingOf(options, sampleType);
    const shape = { width, height, blockCells: this.blockCells, tileSize: this.tileSize, sampleType };
    this.localLevels = blockLevels(shape, this.sizes.length);
    this.blocksAcross = Math.ceil(width / this.blockCells);
    this.blocksDown = Math.ceil(height / this.blockCells);
    this.written = new Uint8Array(this.blocksAcross * this.blocksDown);
    const counts = this.sizes.map((s) => Math.ceil(s.width / this.tileSize) * Math.ceil(s.height / this.tileSize));
    this.tileOffsets = counts.map((n) => new Float64Array(n));
    this.tileLengths = counts.map((n) => new Uint32Array(n));
    const last = this.sizes[this.localLevels - 1]!;
    this.coarse =
      this.localLevels < this.sizes.length
        ? { ...last, data: bandArray(sampleType, last.width * last.height) } // every pixel comes from a block
        : null;
    this.compressor = new TileCompressor(sampleType, this.tileSize, noData);
    this.spoolPath = `${path}.spool`;
    this.partPath = `${path}.part`;
    this.spool = openSync(this.spoolPath, 'w+');
  }

  /** Bytes held between blocks (see the module comment): the coarse raster, the tile index and the block flags. */
  get residentBytes(): { coarseRaster: number; tileIndex: number; blockFlags: number } {
    const sum = (arrays: { byteLength: number }[]) => arrays.reduce((s, a) => s + a.byteLength, 0);
    return {
      coarseRaster: this.coarse?.data.byteLength ?? 0,
      tileIndex: sum(this.tileOffsets) + sum(this.tileLengths),
      blockFlags: this.written.byteLength,
    };
  }

  /**
   * Block (blockX, blockY): pixels [blockX·B, blockX·B + B) × [blockY·B, blockY·B + B) clipped at the image's
   * right and bottom edges, row-major. Any order, each block exactly once. Compresses the block's tiles and
   * appends them to the spool before it resolves (the work is synchronous, so calls never interleave). A block out of place, of the wrong size or type, or
   * written twice is the caller's bug: an Error, not an Invalid.
   */
  async writeBlock(blockX: number, blockY: number, data: BandArray): Promise<void> {
    this.mustBe('open', 'writeBlock');
    const { width, height, sampleType } = this.options;
    const B = this.blockCells;
    if (
      !Number.isInteger(blockX) ||
      !Number.isInteger(blockY) ||
      blockX < 0 ||
      blockY < 0 ||
      blockX >= this.blocksAcross ||
      blockY >= this.blocksDown
    ) {
      throw new Error(
        `CogStreamWriter: block (${blockX}, ${blockY}) is outside the ${this.blocksAcross} × ${this.blocksDown} blocks`,
      );
    }
    const flag = blockY * this.blocksAcross + blockX;
    if (this.written[flag]) {
      throw new Error(`CogStreamWriter: block (${blockX}, ${blockY}) was already written`);
    }
    const blockWidth = Math.min(B, width - blockX * B);
    const blockHeight = Math.min(B, height - blockY * B);
    if (sampleTypeOf(data) !== sampleType || data.length !== blockWidth * blockHeight) {
      throw new Error(
        `CogStreamWriter: block (${blockX}, ${blockY}) needs ${blockWidth} × ${blockHeight} ${sampleType} values, ` +
          `not ${data.length} ${sampleTypeOf(data)}`,
      );
    }
    let level: Level = { width: blockWidth, height: blockHeight, data };
    for (let j = 0; j < this.localLevels; j++) {
      if (j > 0) level = halve(level, this.resampling, this.options.noData);
      const tilesPerBlock = B / this.tileSize / 2 ** j; // block offsets are whole tiles at every block-local level
      this.spoolTiles(j, level, blockX * tilesPerBlock, blockY * tilesPerBlock);
    }
    if (this.coarse)
      this.place(level, (blockX * B) / 2 ** (this.localLevels - 1), (blockY * B) / 2 ** (this.localLevels - 1));
    this.written[flag] = 1;
  }

  /** The blocks not written yet, as (blockX, blockY), row by row. */
  unwrittenBlocks(): [number, number][] {
    const blocks: [number, number][] = [];
    this.written.forEach((done, i) => {
      if (!done) blocks.push([i % this.blocksAcross, Math.floor(i / this.blocksAcross)]);
    });
    return blocks;
  }

  /**
   * Writes the file at `path` (through `path + '.part'`, renamed when complete) and removes the spool.
   * Refuses, changing nothing, while a block is missing; any other failure aborts the writer.
   */
  async finish(): Promise<void> {
    this.mustBe('open', 'finish');
    const missing = this.unwrittenBlocks().map(([x, y]) => `(${x}, ${y})`);
    if (missing.length > 0) {
      const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ` and ${missing.length - 10} more` : '');
      throw new Error(`CogStreamWriter: ${missing.length} blocks not written: ${shown}`);
    }
    this.state = 'finishing';
    try {
      if (this.coarse) {
        const levels = pyramid(this.coarse, this.tileSize, this.resampling, this.options.noData);
        this.coarse = null;
        levels.forEach((level, i) => {
          if (i > 0) this.spoolTiles(this.localLevels - 1 + i, level, 0, 0);
        });
      }
      await this.copyOut();
      await rename(this.partPath, this.path);
      this.closeSpool();
      await rm(this.spoolPath, { force: true });
      this.state = 'done';
    } catch (error) {
      await this.abort();
      throw error;
    }
  }

  /** Removes the spool and any partial file; the writer cannot be used afterwards. */
  async abort(): Promise<void> {
    if (this.state === 'done') return;
    this.state = 'aborted';
    this.coarse = null;
    this.closeSpool();
    await rm(this.spoolPath, { force: true });
    await rm(this.partPath, { force: true });
  }

  private mustBe(state: 'open', what: string): void {
    if (this.state !== state) throw new Error(`CogStreamWriter.${what}: the writer is ${this.state}`);
  }

  private closeSpool(): void {
    if (this.spool !== null) closeSync(this.spool);
    this.spool = null;
  }

  /** Compresses every tile of a piece of level j whose top-left tile is (tx0, ty0) of that level, into the spool. */
  private spoolTiles(j: number, piece: Level, tx0: number, ty0: number): void {
    const across = Math.ceil(this.sizes[j]!.width / this.tileSize);
    for (let ty = 0; ty < Math.ceil(piece.height / this.tileSize); ty++) {
      for (let tx = 0; tx < Math.ceil(piece.width / this.tileSize); tx++) {
        const tile = this.compressor.tile(piece, tx, ty);
        const index = (ty0 + ty) * across + tx0 + tx;
        writeSync(this.spool!, tile, 0, tile.length, this.spoolSize);
        this.tileOffsets[j]![index] = this.spoolSize;
        this.tileLengths[j]![index] = tile.length;
        this.spoolSize += tile.length;
      }
    }
  }

  /** Copies a block's last block-local level into the coarse raster at (x0, y0). */
  private place(piece: Level, x0: number, y0: number): void {
    const coarse = this.coarse!;
    for (let row = 0; row < piece.height; row++) {
      const from = row * piece.width;
      coarse.data.set(piece.data.subarray(from, from + piece.width), (y0 + row) * coarse.width + x0);
    }
  }

  /** The head, then every spooled tile framed, in COG order, through one fixed-size buffer. */
  private async copyOut(): Promise<void> {
    const layouts = this.tags.map((tags, j) => ({ tags, tileLengths: Array.from(this.tileLengths[j]!) }));
    const { head } = cogHead(layouts, this.options.bigTiff ?? 'auto');
    const out = await open(this.partPath, 'w');
    try {
      await out.write(head);
      let buffer = new Uint8Array(COPY_BUFFER);
      let used = 0;
      for (const [level, i] of cogTileOrder(this.tileLengths.map((lengths) => lengths.length))) {
        const length = this.tileLengths[level]![i]!;
        if (used + length + FRAME > buffer.length) {
          await out.write(buffer, 0, used);
          used = 0;
          if (length + FRAME > buffer.length) buffer = new Uint8Array(length + FRAME);
        }
        const tile = buffer.subarray(used + TILE_LEADER, used + TILE_LEADER + length);
        readSync(this.spool!, tile, 0, length, this.tileOffsets[level]![i]!);
        const [leader, , trailer] = framedTile(tile);
        buffer.set(leader, used);
        buffer.set(trailer, used + TILE_LEADER + length);
        used += length + FRAME;
      }
      await out.write(buffer, 0, used);
    } finally {
      await out.close();
    }
  }
}

/** Opens a stream writer for a band of `options.width` × `options.height` pixels that will be written at `path`. */
export function openCogStream(path: string, options: CogStreamOptions): CogStreamWriter {
  return new CogStreamWriter(path, options);
}
