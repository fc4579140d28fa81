import type { Technology } from '../../../domain/coverage/technology.js';
import type { GridSpec } from '../raster/raster.js';
import type { ZoneMap } from '../zones/rasterize-units.js';
import { uncoveredHotspots, type Hotspot } from '../hotspots.js';
import { coverageSums } from '../coverage-sums.js';
import { groupIntoMasts, rectDistanceCells } from './masts.js';
import type { CoverageParams } from './coverage-params.js';
import { predictTile, type CoverTest, type TileScratch, type TileSpec } from './predict-tile.js';
import type { GridSite, SiteModel } from './site-signal.js';

/** A rectangle of a grid in cells (it may reach past the grid's edges: a window around a border tile). */
export interface CellRect {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/**
 * A site as a run's grids carry it: its radio fields and its position in the grid's CRS (metres), from which
 * each tile places it in its own cells. Positions taken from the absolute lattice, not from a grid's origin,
 * are the same floats whatever the run's extent, so one place is predicted alike in every run.
 */
export type ProjectedSite = Omit<GridSite, 'x' | 'y'> & { easting: number; northing: number };

/** The sites in the cells of a grid (a tile's own grid): integer positions at cell centres. */
export function placeInGrid(sites: readonly ProjectedSite[], grid: GridSpec): GridSite[] {
  return sites.map(({ easting, northing, ...site }) => ({
    ...site,
    x: (easting - grid.originX) / grid.cellSizeM - 0.5,
    y: (grid.originY - northing) / grid.cellSizeM - 0.5,
  }));
}

/** The sites (grid coordinates) whose reach touches the tile. */
export function sitesReaching(
  tile: CellRect,
  sites: readonly GridSite[],
  models: readonly SiteModel[],
  cellSizeM: number,
): GridSite[] {
  return sites.filter(
    (site) => rectDistanceCells(site.x, site.y, tile).near * cellSizeM <= models[site.index]!.radiusM,
  );
}

/**
 * The terrain a tile needs: the tile and every site reaching it, plus two cells (a site's own cell and the
 * sweep's interpolation). Every ray from such a site to the tile lies inside, so the window is all the DEM
 * the tile's prediction reads.
 */
export function tileWindow(tile: CellRect, sites: readonly Pick<GridSite, 'x' | 'y'>[]): CellRect {
  let x0 = tile.x0;
  let y0 = tile.y0;
  let x1 = tile.x0 + tile.width;
  let y1 = tile.y0 + tile.height;
  for (const site of sites) {
    x0 = Math.min(x0, Math.floor(site.x) - 2);
    y0 = Math.min(y0, Math.floor(site.y) - 2);
    x1 = Math.max(x1, Math.ceil(site.x) + 3);
    y1 = Math.max(y1, Math.ceil(site.y) + 3);
  }
  return { x0, y0, width: x1 - x0, height: y1 - y0 };
}

/** The grid of a rectangle of `grid`'s cells (same CRS and lattice). */
export function subGrid(grid: GridSpec, rect: CellRect): GridSpec {
  return {
    ...grid,
    originX: grid.originX + rect.x0 * grid.cellSizeM,
    originY: grid.originY - rect.y0 * grid.cellSizeM,
    width: rect.width,
    height: rect.height,
  };
}

/** Everything one tile's prediction and sums need, already read for its window. */
export interface WindowTileInput {
  /** The tile as a grid of its own: cells count from its top-left corner. */
  tileGrid: GridSpec;
  /** The window of terrain, in the tile's cells (it starts left of and above the tile: x0, y0 ≤ 0). */
  window: CellRect;
  /** Ground heights over the window (NaN = nodata). */
  dem: Float32Array;
  /** The sites reaching the tile, in the tile's cells, with their models (by site index). */
  sites: readonly GridSite[];
  models: readonly SiteModel[];
  operatorBitOf: (site: GridSite) => number;
  cover: CoverTest;
  /** People per cell of the tile, and the tile's share of each unit touching it (indices into `unitCodes`). */
  population: Float32Array;
  zones: ZoneMap;
  unitCodes: readonly string[];
  technologies: readonly Technology[];
  params: CoverageParams;
}

/** 1 for each cell of the zone map in no unit at all: nobody there counts, so it is not predicted. */
export function cellsOutside(zones: ZoneMap): Uint8Array {
  const outside = Uint8Array.from(zones.whole, (unit) => (unit < 0 ? 1 : 0));
  for (const cell of zones.partial.cell) outside[cell] = 0;
  return outside;
}

/** One tile's share of a run: its rasters, and its people and covered people per unit touching it. */
export interface WindowTileOutcome {
  bestSignalDbm: Partial<Record<Technology, Float32Array>>;
  bestServer: Partial<Record<Technology, Int32Array>>;
  /** People per unit (same order as the input's `unitCodes`). */
  population: Float64Array;
  /** Per technology: unit u, operator o at u·(operators + 1) + o, the union at u·(operators + 1) + operators. */
  sums: Partial<Record<Technology, Float64Array>>;
  /** Per technology, each unit's blocks (about 1 km, aligned to the tile) with the most people the main operator leaves uncovered. */
  hotspots: Partial<Record<Technology, Hotspot[]>>;
  /** Per technology, every block with people no operator covers. */
  uncovered: Partial<Record<Technology, Hotspot[]>>;
  mastsSwept: number;
  levelsComputed: number;
  levelsSkipped: number;
}

/**
 * Predicts one tile over its own window of terrain and sums its people per unit. Nothing outside the
 * window is read, so a worker holds one window at a time whatever the run's extent; inside the run's area
 * the tile's result is the same as predicting it on the whole grid. Cells in no unit (sea, a neighbouring
 * country) are left without a level and not swept.
 */
export function predictWindowTile(
  input: WindowTileInput,
  scratch: TileScratch,
  isCancelled: () => boolean = () => false,
): WindowTileOutcome {
  const { tileGrid, window, params } = input;
  const { cellSizeM } = tileGrid;
  // Whole cells are subtracted, so a site's position in the window is the same float in every run.
  const local = input.sites.map((site) => ({ ...site, x: site.x - window.x0, y: site.y - window.y0 }));
  const models = local.map((site) => input.models[site.index]!);
  const masts = groupIntoMasts(local, models, cellSizeM, input.operatorBitOf);
  const dem = { heights: input.dem, width: window.width, height: window.height, cellSizeM };
  const inWindow: TileSpec = {
    index: 0,
    x0: -window.x0,
    y0: -window.y0,
    width: tileGrid.width,
    height: tileGrid.height,
  };
  const outside = cellsOutside(input.zones);
  const prediction = predictTile(dem, masts, params, inWindow, scratch, isCancelled, input.cover, outside);
  const area = { ...input, grid: tileGrid };
  const { population, sums, hotspots } = coverageSums(area, prediction.coveredMask, input.cover.operatorCount);
  const uncovered: WindowTileOutcome['uncovered'] = {};
  for (const tech of input.technologies) {
    const mask = prediction.coveredMask[tech];
    uncovered[tech] = uncoveredHotspots(tileGrid, input.population, input.zones, input.unitCodes, (c) => !!mask?.[c], {
      perUnit: Number.POSITIVE_INFINITY,
      minPeople: 1,
    });
  }
  return {
    bestSignalDbm: prediction.bestSignalDbm,
    bestServer: prediction.bestServer,
    population,
    sums,
    hotspots,
    uncovered,
    mastsSwept: prediction.mastsSwept,
    levelsComputed: prediction.levelsComputed,
    levelsSkipped: prediction.levelsSkipped,
  };
}
