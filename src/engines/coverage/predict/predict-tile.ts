import type { Technology } from '../../../domain/coverage/technology.js';
import { allocateSweepBuffers, maxSweepCells, type SweepBuffers, type SweepDem } from '../sweep/radial-sweep.js';
import type { CoverageParams } from './coverage-params.js';
import { predictSiteSignal, type GridSite, type SiteModel } from './site-signal.js';

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

/** Sites whose reach overlaps the tile. */
export function sitesForTile(
  tile: TileSpec,
  sites: readonly GridSite[],
  models: readonly SiteModel[],
  cellSizeM: number,
): number[] {
  const chosen: number[] = [];
  sites.forEach((site, i) => {
    const r = models[i]!.radiusM / cellSizeM;
    if (
      site.x + r >= tile.x0 &&
      site.x - r <= tile.x0 + tile.width - 1 &&
      site.y + r >= tile.y0 &&
      site.y - r <= tile.y0 + tile.height - 1
    )
      chosen.push(i);
  });
  return chosen;
}

/** Reusable per-worker memory: sized for the largest radius, allocated once. */
export class TileScratch {
  readonly sweep: SweepBuffers;
  readonly signal: Float32Array;
  constructor(cellSizeM: number, maxRadiusM: number) {
    const cells = maxSweepCells(cellSizeM, maxRadiusM);
    this.sweep = allocateSweepBuffers(cells);
    this.signal = new Float32Array(cells);
  }
}

/**
 * Predicts one tile: every site that reaches it is swept over its whole radius (the horizon builds up
 * from the site outwards), and the cells inside the tile keep the strongest site per technology.
 */
export function predictTile(
  dem: SweepDem,
  sites: readonly GridSite[],
  models: readonly SiteModel[],
  params: CoverageParams,
  tile: TileSpec,
  scratch: TileScratch,
  isCancelled: () => boolean = () => false,
): TilePrediction {
  const cells = tile.width * tile.height;
  const bestSignalDbm: TilePrediction['bestSignalDbm'] = {};
  const bestServer: TilePrediction['bestServer'] = {};
  for (const i of sitesForTile(tile, sites, models, dem.cellSizeM)) {
    if (isCancelled()) break;
    const site = sites[i]!;
    const tech = site.technology;
    const best = (bestSignalDbm[tech] ??= new Float32Array(cells).fill(Number.NaN));
    const server = (bestServer[tech] ??= new Int32Array(cells).fill(-1));
    const win = predictSiteSignal(dem, site, models[i]!, params, scratch.sweep, scratch.signal, tile);
    const fromX = Math.max(win.x0, tile.x0);
    const toX = Math.min(win.x0 + win.width, tile.x0 + tile.width);
    const fromY = Math.max(win.y0, tile.y0);
    const toY = Math.min(win.y0 + win.height, tile.y0 + tile.height);
    for (let gy = fromY; gy < toY; gy++) {
      let src = (gy - win.y0) * win.width + (fromX - win.x0);
      let dst = (gy - tile.y0) * tile.width + (fromX - tile.x0);
      for (let gx = fromX; gx < toX; gx++, src++, dst++) {
        const level = scratch.signal[src]!;
        // NaN compares false both ways: a cell no site reached takes the first level it gets.
        if (level > best[dst]! || (Number.isNaN(best[dst]!) && !Number.isNaN(level))) {
          best[dst] = level;
          server[dst] = site.index;
        }
      }
    }
  }
  return { tile, bestSignalDbm, bestServer };
}
