import { compiledAttenuationDb } from '../../../domain/coverage/antenna-pattern.js';
import type { Technology } from '../../../domain/coverage/technology.js';
import { SweepCells, sweepCells, type SweepDem } from '../sweep/radial-sweep.js';
import type { CoverageParams } from './coverage-params.js';
import { attenuationBoundDb, rectDistanceCells, type Mast, type MastLink, type TileView } from './masts.js';
import { BLOCK, BlockFloors, TileBlocks } from './tile-blocks.js';
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
  /** Per technology and cell, bit o set when operator o's best level there passes the coverage test. */
  coveredMask: Partial<Record<Technology, Uint8Array>>;
  /** Masts swept for the tile (over the part of their disc that crosses it); the bounds skip the others whole. */
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

/**
 * How a tile decides 'covered' per operator: a cell is covered by operator o when o's best level there clears
 * the technology's threshold by the margin its serving site asks (0 for the median criterion, σ·z for a
 * target reliability: see location-variability.ts).
 */
export interface CoverTest {
  operatorCount: number;
  /** Per site index, the margin (dB) above the threshold its median level needs. */
  marginDbBySite: Float64Array;
}

/** One operator, median test: what a run without operators or a reliability target needs. */
export function medianCoverTest(siteCount: number): CoverTest {
  return { operatorCount: 1, marginDbBySite: new Float64Array(siteCount) };
}

/** Reusable per-worker memory: the cells a sweep lists (grows to the largest tile × disc overlap). */
export class TileScratch {
  readonly cells = new SweepCells(1 << 20);
}

const DEG = 180 / Math.PI;

/**
 * Per block of the tile, the most a link's sectors can give toward it before path loss (the pattern bound),
 * or −∞ where the link cannot beat the block's weakest level (`floor`) even so, at the block's nearest ring.
 */
function linkCeilings(
  link: MastLink,
  mast: Mast,
  txZ: number,
  blocks: TileBlocks,
  floor: Float32Array | undefined,
  cellSizeM: number,
  receiverHeightM: number,
): Float32Array {
  const ceiling = new Float32Array(blocks.rects.length).fill(-Infinity);
  let peakDbm = -Infinity;
  for (const sector of link.sectors) peakDbm = Math.max(peakDbm, sector.baseDbm);
  blocks.rects.forEach((rect, b) => {
    const nearM = rectDistanceCells(mast.x, mast.y, rect).near * cellSizeM;
    if (nearM > link.radiusM) return;
    const minLossDb = link.minLossDb[(nearM / cellSizeM) | 0]!;
    const held = floor ? floor[b]! : -Infinity;
    if (!(peakDbm - minLossDb > held)) return; // not even at the peak gain
    const view: TileView = {
      rect,
      groundMinM: blocks.groundMinM[b]!,
      groundMaxM: blocks.groundMaxM[b]!,
      cellSizeM,
      receiverHeightM,
    };
    let blockDbm = -Infinity;
    for (const sector of link.sectors)
      blockDbm = Math.max(blockDbm, sector.baseDbm + attenuationBoundDb(sector.antenna, mast, txZ, view));
    if (blockDbm - minLossDb > held) ceiling[b] = blockDbm;
  });
  return ceiling;
}

/**
 * Predicts one tile: the strongest site per technology at every cell. Masts are taken nearest first and
 * each is swept once for all its sectors, over the part of its disc that crosses the tile. Bounds skip
 * work that cannot change the result: the most a mast's pattern can give toward the tile less the
 * line-of-sight loss at a distance. A mast is swept only over the blocks whose weakest level that bound
 * could still beat (not at all when there are none), and a cell's level is worked out only when the bound
 * at its distance, then the exact path loss and diffraction, could beat the cell's best so far. The
 * bounds never fall below the true level, so the result is the same as computing every level.
 * With several operators (`cover`), each operator's masts are predicted on their own and the operator's bit
 * set where its best level passes the coverage test; the levels and servers returned are the strongest of all.
 * Cells marked in `outside` (1 per tile cell; e.g. outside the run's area) get no level, and blocks of only
 * such cells are not swept at all.
 */
export function predictTile(
  dem: SweepDem,
  masts: readonly Mast[],
  params: CoverageParams,
  tile: TileSpec,
  scratch: TileScratch,
  isCancelled: () => boolean = () => false,
  cover: CoverTest = medianCoverTest(0),
  outside?: Uint8Array,
): TilePrediction {
  const tileCells = tile.width * tile.height;
  const bestSignalDbm: TilePrediction['bestSignalDbm'] = {};
  const bestServer: TilePrediction['bestServer'] = {};
  const coveredMask: TilePrediction['coveredMask'] = {};
  const blocks = new TileBlocks(tile, dem, outside);
  const counts = { mastsSwept: 0, levelsComputed: 0, levelsSkipped: 0 };
  const chosen = mastsForTile(tile, masts, dem.cellSizeM);
  const { operatorCount, marginDbBySite } = cover;
  for (let operator = 0; operator < operatorCount; operator++) {
    if (isCancelled()) break;
    // Each operator's network is predicted on its own (its bounds against its own best levels), then merged:
    // the strongest level of any operator per cell, ties to the lower bit (the main operator first).
    const own = operatorCount === 1 ? chosen : chosen.filter((mast) => mast.operator === operator);
    if (own.length === 0) continue;
    const single = operatorCount === 1;
    const level: TilePrediction['bestSignalDbm'] = single ? bestSignalDbm : {};
    const server: TilePrediction['bestServer'] = single ? bestServer : {};
    sweepMasts(dem, own, params, tile, blocks, scratch, isCancelled, level, server, counts);
    const bit = 1 << operator;
    for (const tech of Object.keys(level) as Technology[]) {
      const opLevel = level[tech]!;
      const opServer = server[tech]!;
      const mask = (coveredMask[tech] ??= new Uint8Array(tileCells));
      const threshold = params.thresholdsDbm[tech];
      const best = (bestSignalDbm[tech] ??= new Float32Array(tileCells).fill(Number.NaN));
      const bestSite = (bestServer[tech] ??= new Int32Array(tileCells).fill(-1));
      for (let t = 0; t < tileCells; t++) {
        const dbm = opLevel[t]!;
        if (dbm !== dbm) continue; // not reached
        const site = opServer[t]!;
        if (dbm - threshold >= (marginDbBySite[site] ?? 0)) mask[t]! |= bit;
        if (single) continue;
        const held = best[t]!;
        if (dbm > held || held !== held) {
          best[t] = dbm;
          bestSite[t] = site;
        }
      }
    }
  }
  return { tile, bestSignalDbm, bestServer, coveredMask, ...counts };
}

/** The strongest of `masts` per technology at every cell of the tile, into `bestSignalDbm` and `bestServer`. */
function sweepMasts(
  dem: SweepDem,
  chosen: readonly Mast[],
  params: CoverageParams,
  tile: TileSpec,
  blocks: TileBlocks,
  scratch: TileScratch,
  isCancelled: () => boolean,
  bestSignalDbm: TilePrediction['bestSignalDbm'],
  bestServer: TilePrediction['bestServer'],
  counts: { mastsSwept: number; levelsComputed: number; levelsSkipped: number },
): void {
  const { heights, width: demWidth, cellSizeM } = dem;
  const tileCells = tile.width * tile.height;
  const floors: Partial<Record<Technology, BlockFloors>> = {};
  const { nodata, rects } = blocks;
  const blockCount = rects.length;
  const rx = params.receiverHeightM;
  const cells = scratch.cells;
  let levelsComputed = 0;
  let levelsSkipped = 0;
  let mastsSwept = 0;
  for (const mast of chosen) {
    if (isCancelled()) break;
    const siteGround = heights[Math.round(mast.y) * demWidth + Math.round(mast.x)]!;
    if (Number.isNaN(siteGround)) continue; // no ground under the antenna: the sweep reaches nothing
    const txZ = siteGround + mast.antennaHeightM;

    // Per link and block, the most the link's sectors can give toward the block; the rectangle of blocks to sweep.
    const ceilings = mast.links.map((link) =>
      linkCeilings(link, mast, txZ, blocks, floors[link.technology]?.floor, cellSizeM, rx),
    );
    let bx0 = Infinity;
    let by0 = Infinity;
    let bx1 = -1;
    let by1 = -1;
    for (const ceiling of ceilings) {
      for (let b = 0; b < blockCount; b++) {
        if (ceiling[b] === -Infinity) continue;
        const bx = b % blocks.columns;
        const by = (b - bx) / blocks.columns;
        if (bx < bx0) bx0 = bx;
        if (bx > bx1) bx1 = bx;
        if (by < by0) by0 = by;
        if (by > by1) by1 = by;
      }
    }
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
      const floor = (floors[tech] ??= new BlockFloors(blocks, best));
      const sectors = link.sectors;
      const ceiling = ceilings[l]!;
      const { minLossDb, radiusM: linkRadiusM, model, lambdaM } = link;
      const oneSector = sectors.length === 1;
      for (let k = 0; k < cells.count; k++) {
        const d = distanceM[k]!;
        if (!(d <= linkRadiusM)) continue;
        const tc = col[k]! - tile.x0;
        const tr = row[k]! - tile.y0;
        const t = tr * tile.width + tc;
        const ceilingDbm = ceiling[blocks.blockOf(tc, tr)]!;
        const held = best[t]!; // NaN compares false: an unreached cell is never skipped
        if (held >= ceilingDbm - minLossDb[(d / cellSizeM) | 0]! || ceilingDbm === -Infinity) {
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
        const east = (gx - mast.x) * cellSizeM;
        const north = (mast.y - gy) * cellSizeM;
        const across = Math.sqrt(east * east + north * north);
        const bearingDeg = Math.atan2(east, north) * DEG;
        const elevationDeg = Math.atan2(heights[gy * demWidth + gx]! + rx - txZ, d) * DEG;
        for (let s = 0; s < sectors.length; s++) {
          const sector = sectors[s]!;
          if (!oneSector && d > sector.radiusM) continue;
          // EIRP already holds the peak gain; the pattern only takes away from it. Compared as stored
          // (float32), so equal levels keep the first sector, as a level raster would.
          const level = Math.fround(
            sector.baseDbm +
              path +
              (d > 0
                ? compiledAttenuationDb(sector.pattern, bearingDeg, east / across, north / across, elevationDeg)
                : 0),
          );
          const now = best[t]!;
          if (level > now || (now !== now && level === level)) {
            best[t] = level;
            server[t] = sector.siteIndex;
            floor.touch(tc, tr);
          }
        }
      }
      floor.refresh();
    });
  }
  counts.mastsSwept += mastsSwept;
  counts.levelsComputed += levelsComputed;
  counts.levelsSkipped += levelsSkipped;
}
