import type { Technology } from '../../domain/coverage/technology.js';
import type { GridSpec } from './raster/raster.js';
import { zonalSums, type ZoneMap } from './zones/rasterize-units.js';
import { splitIntoTiles, type TileSpec } from './predict/predict-tile.js';
import type { CoverageParams } from './predict/coverage-params.js';
import type { GridSite } from './predict/site-signal.js';
import { CoveragePool } from './pool.js';
import { uncoveredHotspots, type Hotspot } from './hotspots.js';

export interface ModelInputs {
  grid: GridSpec;
  /** Ground height per grid cell (NaN = nodata). */
  dem: Float32Array;
  /** People per grid cell. */
  population: Float32Array;
  zones: ZoneMap;
  unitCodes: readonly string[];
  sites: readonly GridSite[];
  technologies: readonly Technology[];
  params: CoverageParams;
}

export interface ModelUnitCoverage {
  unit: string;
  population: number;
  covered: Partial<Record<Technology, number>>;
}

export interface ModelOutputs {
  units: ModelUnitCoverage[];
  total: ModelUnitCoverage;
  /** Per technology, the blocks (about 1 km) with the most uncovered people in each unit. */
  hotspots: Partial<Record<Technology, Hotspot[]>>;
  bestSignalDbm: Partial<Record<Technology, Float32Array>>;
  bestServer: Partial<Record<Technology, Int32Array>>;
  tiles: number;
  /** Σ over tiles of the masts swept there (a bound skips the others); cell levels worked out in full and skipped by a bound. */
  mastsSwept: number;
  levelsComputed: number;
  levelsSkipped: number;
  completed: boolean;
}

export interface ModelRunOptions {
  onProgress?: (tilesDone: number, tilesTotal: number) => void | Promise<void>;
  /** Aborting stops the run, inside the tiles in progress too; the outputs then say `completed: false`. */
  signal?: AbortSignal;
  poolSize?: number;
}

/**
 * Predicts coverage over the whole grid in tiles on a pool of worker threads, then sums people and
 * covered people per unit (cells cut by a boundary split by area). Memory: the DEM, population and,
 * per technology, a float32 level and an int32 best-server raster — 4 + 4 + 8 bytes a cell per
 * technology plus the zone map (4 bytes a cell): about 28 bytes a cell for one technology.
 */
export async function runCoverageModel(inputs: ModelInputs, options: ModelRunOptions = {}): Promise<ModelOutputs> {
  const { grid, params } = inputs;
  const cells = grid.width * grid.height;
  const shared = new SharedArrayBuffer(cells * 4);
  new Float32Array(shared).set(inputs.dem);
  const bestSignalDbm: ModelOutputs['bestSignalDbm'] = {};
  const bestServer: ModelOutputs['bestServer'] = {};
  for (const tech of inputs.technologies) {
    bestSignalDbm[tech] = new Float32Array(cells).fill(Number.NaN);
    bestServer[tech] = new Int32Array(cells).fill(-1);
  }
  const tiles = splitIntoTiles(grid.width, grid.height, params.tileCells);
  const pool = new CoveragePool(
    {
      kind: 'init',
      dem: { heights: shared, width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM },
      sites: [...inputs.sites],
      params,
    },
    Math.min(options.poolSize ?? Infinity, tiles.length) || 1,
  );
  let done = 0;
  let mastsSwept = 0;
  let levelsComputed = 0;
  let levelsSkipped = 0;
  let completed = true;
  try {
    await pool.run(
      tiles,
      async (reply) => {
        const { tile } = reply;
        for (const tech of inputs.technologies) {
          const level = reply.bestSignalDbm[tech];
          const server = reply.bestServer[tech];
          if (!level || !server) continue;
          pasteTile(bestSignalDbm[tech]!, grid.width, tile, level);
          pasteTile(bestServer[tech]!, grid.width, tile, server);
        }
        mastsSwept += reply.mastsSwept;
        levelsComputed += reply.levelsComputed;
        levelsSkipped += reply.levelsSkipped;
        done += 1;
        await options.onProgress?.(done, tiles.length);
      },
      options.signal,
    );
  } catch (error) {
    if (!options.signal?.aborted) throw error;
    completed = false;
  } finally {
    await pool.close();
  }

  const { units, total, hotspots } = summariseCoverage(inputs, bestSignalDbm);
  return {
    units,
    total,
    hotspots,
    bestSignalDbm,
    bestServer,
    tiles: tiles.length,
    mastsSwept,
    levelsComputed,
    levelsSkipped,
    completed,
  };
}

/** Copies a tile's row-major cells into the whole grid's raster (`gridWidth` cells a row). */
export function pasteTile<T extends Float32Array | Int32Array>(
  target: T,
  gridWidth: number,
  tile: TileSpec,
  source: T,
): void {
  for (let row = 0; row < tile.height; row++) {
    target.set(source.subarray(row * tile.width, (row + 1) * tile.width), (tile.y0 + row) * gridWidth + tile.x0);
  }
}

/**
 * People and covered people per unit (and hot spots) from the assembled best levels: a cell is covered
 * when its best level reaches the technology's threshold.
 */
export function summariseCoverage(
  inputs: Pick<ModelInputs, 'grid' | 'population' | 'zones' | 'unitCodes' | 'technologies' | 'params'>,
  bestSignalDbm: Partial<Record<Technology, Float32Array>>,
): Pick<ModelOutputs, 'units' | 'total' | 'hotspots'> {
  const { grid, params } = inputs;
  const cells = grid.width * grid.height;
  const unitCount = inputs.unitCodes.length;
  const population = zonalSums(inputs.zones, inputs.population, null, unitCount).population;
  const covered: Partial<Record<Technology, Float64Array>> = {};
  const hotspots: Partial<Record<Technology, Hotspot[]>> = {};
  for (const tech of inputs.technologies) {
    const threshold = params.thresholdsDbm[tech];
    const level = bestSignalDbm[tech] ?? new Float32Array(cells).fill(Number.NaN);
    const mask = new Uint8Array(cells);
    for (let i = 0; i < cells; i++) mask[i] = level[i]! >= threshold ? 1 : 0;
    covered[tech] = zonalSums(inputs.zones, inputs.population, mask, unitCount).covered;
    hotspots[tech] = uncoveredHotspots(
      grid,
      inputs.population,
      inputs.zones,
      inputs.unitCodes,
      (cell) => mask[cell] === 1,
    );
  }
  const units = inputs.unitCodes.map((unit, i) => ({
    unit,
    population: population[i]!,
    covered: Object.fromEntries(inputs.technologies.map((tech) => [tech, covered[tech]![i]!])),
  }));
  const total = {
    unit: '*',
    population: units.reduce((s, u) => s + u.population, 0),
    covered: Object.fromEntries(
      inputs.technologies.map((tech) => [tech, units.reduce((s, u) => s + (u.covered[tech] ?? 0), 0)]),
    ),
  };
  return { units, total, hotspots };
}
