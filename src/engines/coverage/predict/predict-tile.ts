import { antennaAttenuationDb } from '../../../domain/coverage/antenna-pattern.js';
import type { Technology } from '../../../domain/coverage/technology.js';
import { SweepCells, sweepCells, type SweepDem } from '../sweep/radial-sweep.js';
import type { CoverageParams } from './coverage-params.js';
import { attenuationBoundDb, rectDistanceCells, type Mast, type TileView } from './masts.js';
import { pathLevelDb } from './site-signal.js';

/** A rectangle of the analysis grid: the unit of work. */
export interface TileSpec {
  index: number;
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/** Best level (dBm, NaN where no site reaches) and the index of the site giving it (−1 none), per technology. */
export interface TilePrediction {
  tile: TileSpec;
  bestSignalDbm: Partial<Record<Technology, Float32Array>>;
  bestServer: Partial<Record<Technology, Int32Array>>;
  /** Masts whose reach overlaps the tile (each swept over the part of its disc that crosses the tile). */
  mastsSwept: number;
  /** Cell levels worked out in full, and those skipped because a bound showed they could not win. */
  levelsComputed: number;
  levelsSkipped: number;
}

export function splitIntoTiles(width: number, height: number, tileCells: number): TileSpec[] {
  const tiles: TileSpec[] = [];
  for (let y0 = 0; y0 < height; y0 += tileCells) {
    for (let x0 = 0; x0 < width; x0 += tileCells) {
      tiles.push({
        index: tiles.length,
        x0,
        y0,
        width: Math.min(tileCells, width - x0),
        height: Math.min(tileCells, height - y0),
      });
    }
  }
  return tiles;
}

/** Masts whose reach overlaps the tile, nearest first (ties in input order). */
export function mastsForTile(tile: TileSpec, masts: readonly Mast[], cellSizeM: number): Mast[] {
  const near = masts.map((mast) => rectDistanceCells(mast.x, mast.y, tile).near * cellSizeM);
  return masts
    .map((_, i) => i)
    .filter((i) => near[i]! <= masts[i]!.radiusM)
    .sort((a, b) => near[a]! - near[b]! || a - b)
    .map((i) => masts[i]!);
}

/** Reusable per-worker memory: the cells a sweep lists (grows to the largest tile × disc overlap). */
export class TileScratch {
  readonly cells = new SweepCells(1 << 20);
}

const DEG = 180 / Math.PI;

/** Side (cells) of the blocks whose weakest best level decides whether a mast needs sweeping there. */
const BLOCK_SHIFT = 5;
const BLOCK = 1 << BLOCK_SHIFT;

/**
 * The weakest best level per 32 × 32 block of a tile (−∞ while a cell has none; nodata cells, which never
 * get one, do not count): a mast whose bound at a block's nearest cell is no better cannot change it.
 */
class BlockFloors {
  readonly columns: number;
  readonly rows: number;
  readonly floor: Float32Array;
  private readonly dirty: Uint8Array;
  constructor(
    private readonly tile: TileSpec,
    private readonly best: Float32Array,
    private readonly nodata: Uint8Array,
  ) {
    this.columns = Math.ceil(tile.width / BLOCK);
    this.rows = Math.ceil(tile.height / BLOCK);
    this.floor = new Float32Array(this.columns * this.rows).fill(-Infinity);
    this.dirty = new Uint8Array(this.columns * this.rows);
  }

  /** A cell of the tile (tile-local column and row) took a new level. */
  touch(col: number, row: number): void {
    this.dirty[(row >> BLOCK_SHIFT) * this.columns + (col >> BLOCK_SHIFT)] = 1;
  }

  /** Brings the floors of the touched blocks up to date. */
  refresh(): void {
    const { tile, best, nodata, columns } = this;
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

/**
 * Predicts one tile: the strongest site per technology at every cell. Masts are taken nearest first and
 * each is swept once for all its sectors, over the part of its disc that crosses the tile. Bounds skip
 * work that cannot change the result: the most a mast's pattern can give toward the tile less the
 * line-of-sight loss at a distance. A mast is swept only over the blocks whose weakest level that bound
 * could still beat (not at all when there are none), and a cell's level is worked out only when the bound
 * at its distance, then the exact path loss and diffraction, could beat the cell's best so far. The
 * bounds never fall below the true level, so the result is the same as computing every level.
 */
export function predictTile(
  dem: SweepDem,
  masts: readonly Mast[],
  params: CoverageParams,
  tile: TileSpec,
  scratch: TileScratch,
  isCancelled: () => boolean = () => false,
): TilePrediction {
  const { heights, width: demWidth, cellSizeM } = dem;
  const tileCells = tile.width * tile.height;
  const bestSignalDbm: TilePrediction['bestSignalDbm'] = {};
  const bestServer: TilePrediction['bestServer'] = {};
  const floors: Partial<Record<Technology, BlockFloors>> = {};
  const nodata = new Uint8Array(tileCells);
  let groundMinM = Infinity;
  let groundMaxM = -Infinity;
  for (let y = 0; y < tile.height; y++) {
    for (let x = 0; x < tile.width; x++) {
      const z = heights[(tile.y0 + y) * demWidth + tile.x0 + x]!;
      if (z !== z) nodata[y * tile.width + x] = 1;
      if (z < groundMinM) groundMinM = z;
      if (z > groundMaxM) groundMaxM = z;
    }
  }
  if (!(groundMinM <= groundMaxM)) groundMinM = groundMaxM = 0;
  const view: TileView = { rect: tile, groundMinM, groundMaxM, cellSizeM, receiverHeightM: params.receiverHeightM };
  const rx = params.receiverHeightM;
  const cells = scratch.cells;
  let levelsComputed = 0;
  let levelsSkipped = 0;
  let mastsSwept = 0;
  const chosen = mastsForTile(tile, masts, cellSizeM);
  for (const mast of chosen) {
    if (isCancelled()) break;
    const siteGround = heights[Math.round(mast.y) * demWidth + Math.round(mast.x)]!;
    if (Number.isNaN(siteGround)) continue; // no ground under the antenna: the sweep reaches nothing
    const txZ = siteGround + mast.antennaHeightM;

    // The most each link can give toward this tile before path loss, and the blocks it could still improve.
    const ceilings = mast.links.map((link) => {
      let ceilingDbm = -Infinity;
      for (const sector of link.sectors)
        ceilingDbm = Math.max(ceilingDbm, sector.baseDbm + attenuationBoundDb(sector.antenna, mast, txZ, view));
      return ceilingDbm;
    });
    let bx0 = Infinity;
    let by0 = Infinity;
    let bx1 = -1;
    let by1 = -1;
    mast.links.forEach((link, l) => {
      const floor = floors[link.technology]?.floor;
      const columns = Math.ceil(tile.width / BLOCK);
      const rows = Math.ceil(tile.height / BLOCK);
      for (let by = 0; by < rows; by++) {
        for (let bx = 0; bx < columns; bx++) {
          const block = {
            x0: tile.x0 + bx * BLOCK,
            y0: tile.y0 + by * BLOCK,
            width: Math.min(BLOCK, tile.width - bx * BLOCK),
            height: Math.min(BLOCK, tile.height - by * BLOCK),
          };
          const nearM = rectDistanceCells(mast.x, mast.y, block).near * cellSizeM;
          if (nearM > link.radiusM) continue;
          if (floor && !(ceilings[l]! - link.minLossDb[(nearM / cellSizeM) | 0]! > floor[by * columns + bx]!)) continue;
          bx0 = Math.min(bx0, bx);
          by0 = Math.min(by0, by);
          bx1 = Math.max(bx1, bx);
          by1 = Math.max(by1, by);
        }
      }
    });
    if (bx1 < 0) continue; // nothing this mast could reach is weaker than what the tile holds
    mastsSwept++;
    const clip = {
      x0: tile.x0 + bx0 * BLOCK,
      y0: tile.y0 + by0 * BLOCK,
      width: Math.min(tile.width, (bx1 + 1) * BLOCK) - bx0 * BLOCK,
      height: Math.min(tile.height, (by1 + 1) * BLOCK) - by0 * BLOCK,
    };
    sweepCells(
      dem,
      { x: mast.x, y: mast.y, antennaHeightM: mast.antennaHeightM },
      { radiusM: mast.radiusM, receiverHeightM: rx, k: params.kFactor },
      clip,
      cells,
    );
    const { col, row, distanceM, visible, obstacleExcessM, obstacleDistanceM } = cells;
    mast.links.forEach((link, l) => {
      const tech = link.technology;
      const best = (bestSignalDbm[tech] ??= new Float32Array(tileCells).fill(Number.NaN));
      const server = (bestServer[tech] ??= new Int32Array(tileCells).fill(-1));
      const blocks = (floors[tech] ??= new BlockFloors(tile, best, nodata));
      const sectors = link.sectors;
      const ceilingDbm = ceilings[l]!;
      const { minLossDb, radiusM: linkRadiusM, model, lambdaM } = link;
      const oneSector = sectors.length === 1;
      for (let k = 0; k < cells.count; k++) {
        const d = distanceM[k]!;
        if (!(d <= linkRadiusM)) continue;
        const tc = col[k]! - tile.x0;
        const tr = row[k]! - tile.y0;
        const t = tr * tile.width + tc;
        const held = best[t]!; // NaN compares false: an unreached cell is never skipped
        if (held >= ceilingDbm - minLossDb[(d / cellSizeM) | 0]!) {
          levelsSkipped++;
          continue;
        }
        if (nodata[t] === 1) continue;
        const path = pathLevelDb(model, lambdaM, d, visible[k] === 1, obstacleExcessM[k]!, obstacleDistanceM[k]!);
        if (held >= ceilingDbm + path) {
          levelsSkipped++;
          continue;
        }
        levelsComputed++;
        // Bearing and elevation are the same for every sector of the mast.
        const gx = col[k]!;
        const gy = row[k]!;
        const bearingDeg = d > 0 ? Math.atan2((gx - mast.x) * cellSizeM, (mast.y - gy) * cellSizeM) * DEG : 0;
        const elevationDeg = d > 0 ? Math.atan2(heights[gy * demWidth + gx]! + rx - txZ, d) * DEG : 0;
        for (let s = 0; s < sectors.length; s++) {
          const sector = sectors[s]!;
          if (!oneSector && d > sector.radiusM) continue;
          // EIRP already holds the peak gain; the pattern only takes away from it. Compared as stored
          // (float32), so equal levels keep the first sector, as a level raster would.
          const level = Math.fround(
            sector.baseDbm + path + (d > 0 ? antennaAttenuationDb(sector.antenna, bearingDeg, elevationDeg) : 0),
          );
          const now = best[t]!;
          if (level > now || (now !== now && level === level)) {
            best[t] = level;
            server[t] = sector.siteIndex;
            blocks.touch(tc, tr);
          }
        }
      }
      blocks.refresh();
    });
  }
  return { tile, bestSignalDbm, bestServer, mastsSwept, levelsComputed, levelsSkipped };
}
