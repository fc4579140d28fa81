import type { Technology } from '../../domain/coverage/technology.js';
import type { GridSpec } from './raster/raster.js';
import type { ZoneMap } from './zones/rasterize-units.js';
import { splitIntoTiles, type TileSpec } from './predict/predict-tile.js';
import type { CoverageParams } from './predict/coverage-params.js';
import type { GridSite } from './predict/site-signal.js';
import { CoveragePool } from './pool.js';
import type { Hotspot } from './hotspots.js';
import { siteCoverTest } from './predict/cover-test.js';
import { coverageSums } from './coverage-sums.js';
import { maxOperatorFigure, type OperatorFigure } from '../../domain/coverage/operators.js';

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
  /** The main operator's covered people (the agreement's figure). */
  covered: Partial<Record<Technology, number>>;
  /** Per operator code, its covered people per technology. */
  byOperator: Record<string, Partial<Record<Technology, number>>>;
  /** ITU 9.c.1: per technology, the operator covering the most people here, and how many. */
  maxOperator: Partial<Record<Technology, OperatorFigure>>;
  /** People within reach of at least one operator's network. */
  union: Partial<Record<Technology, number>>;
}

export interface ModelOutputs {
  units: ModelUnitCoverage[];
  total: ModelUnitCoverage;
  /** Per technology, the blocks (about 1 km) with the most uncovered people in each unit. */
  hotspots: Partial<Record<Technology, Hotspot[]>>;
  bestSignalDbm: Partial<Record<Technology, Float32Array>>;
  bestServer: Partial<Record<Technology, Int32Array>>;
  /** Per technology and cell, bit o set where operator o covers it (operators[o]). */
  coveredMask: Partial<Record<Technology, Uint8Array>>;
  /** The run's operators, main operator first. */
  operators: string[];
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
 * per technology, a float32 level, an int32 best-server raster and a byte of operator bits — 4 + 4 + 9
 * bytes a cell per technology plus the zone map (4 bytes a cell): about 29 bytes a cell for one technology.
 */
export async function runCoverageModel(inputs: ModelInputs, options: ModelRunOptions = {}): Promise<ModelOutputs> {
  const { grid, params } = inputs;
  const cells = grid.width * grid.height;
  const shared = new SharedArrayBuffer(cells * 4);
  new Float32Array(shared).set(inputs.dem);
  const bestSignalDbm: ModelOutputs['bestSignalDbm'] = {};
  const bestServer: ModelOutputs['bestServer'] = {};
  const coveredMask: ModelOutputs['coveredMask'] = {};
  for (const tech of inputs.technologies) {
    bestSignalDbm[tech] = new Float32Array(cells).fill(Number.NaN);
    bestServer[tech] = new Int32Array(cells).fill(-1);
    coveredMask[tech] = new Uint8Array(cells);
  }
  const { operators } = siteCoverTest(inputs.sites, params); // refuses too many operators before any worker starts
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
          const mask = reply.coveredMask[tech];
          if (mask) pasteTile(coveredMask[tech]!, grid.width, tile, mask);
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

  const { units, total, hotspots } = summariseCoverage(inputs, coveredMask, operators);
  return {
    units,
    total,
    hotspots,
    bestSignalDbm,
    bestServer,
    coveredMask,
    operators,
    tiles: tiles.length,
    mastsSwept,
    levelsComputed,
    levelsSkipped,
    completed,
  };
}

/** Copies a tile's row-major cells into the whole grid's raster (`gridWidth` cells a row). */
export function pasteTile<T extends Float32Array | Int32Array | Uint8Array>(
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
 * People and covered people per unit (and hot spots) from the assembled operator bits (see predictTile: a
 * cell is covered by an operator when its best level passes the run's coverage test). `covered` and the hot
 * spots are the main operator's (bit 0), as the agreement's indicator is.
 */
export function summariseCoverage(
  inputs: Pick<ModelInputs, 'grid' | 'population' | 'zones' | 'unitCodes' | 'technologies'>,
  coveredMask: Partial<Record<Technology, Uint8Array>>,
  operators: readonly string[],
): Pick<ModelOutputs, 'units' | 'total' | 'hotspots'> {
  const { population, sums, hotspots } = coverageSums(inputs, coveredMask, operators.length);
  return { ...coverageFigures(inputs.unitCodes, inputs.technologies, operators, population, sums), hotspots };
}

/**
 * Each unit's figures (and the total's) from its people and, per technology, its covered people per operator
 * and for the union (unit u, operator o at u·(operators + 1) + o; the union at u·(operators + 1) + operators).
 */
export function coverageFigures(
  unitCodes: readonly string[],
  technologies: readonly Technology[],
  operators: readonly string[],
  population: Float64Array,
  sums: Partial<Record<Technology, Float64Array>>,
): Pick<ModelOutputs, 'units' | 'total'> {
  const operatorCount = operators.length;
  const stride = operatorCount + 1;
  const unitCount = unitCodes.length;
  const figures = (unit: string, people: number, at: (tech: Technology, slot: number) => number) => {
    const perTech = (slot: number) =>
      Object.fromEntries(technologies.map((tech) => [tech, at(tech, slot)])) as Partial<Record<Technology, number>>;
    const byOperator = Object.fromEntries(operators.map((code, o) => [code, perTech(o)]));
    const maxOperator: ModelUnitCoverage['maxOperator'] = {};
    for (const tech of technologies) {
      const best = maxOperatorFigure(
        Object.fromEntries(operators.map((code) => [code, byOperator[code]![tech]!])),
        operators,
      );
      if (best) maxOperator[tech] = best;
    }
    return { unit, population: people, covered: perTech(0), byOperator, maxOperator, union: perTech(operatorCount) };
  };
  const units = unitCodes.map((unit, i) =>
    figures(unit, population[i]!, (tech, slot) => sums[tech]![i * stride + slot]!),
  );
  const total = figures(
    '*',
    units.reduce((s, u) => s + u.population, 0),
    (tech, slot) => {
      let sum = 0;
      for (let i = 0; i < unitCount; i++) sum += sums[tech]![i * stride + slot]!;
      return sum;
    },
  );
  return { units, total };
}
