import { availableParallelism } from 'node:os';
import type { Database } from '../db/database.js';
import type { CoverageRun } from '../db/coverage-runs.js';
import { CoveragePool } from '../engines/coverage/pool.js';
import type { StreamInitMessage, StreamTileDone } from '../engines/coverage/messages.js';
import { coverageFigures } from '../engines/coverage/run-model.js';
import { gridCornersLonLat } from '../engines/coverage/analysis-grid.js';
import { siteCoverTest } from '../engines/coverage/predict/cover-test.js';
import type { Hotspot } from '../engines/coverage/hotspots.js';
import { placeInGrid, type WindowTileOutcome } from '../engines/coverage/predict/window-tile.js';
import type { RunTile } from '../engines/coverage/run-grids.js';
import type { Technology } from '../domain/coverage/technology.js';
import { startRun, type JobOptions, type RunDescription, type RunOutputs } from './run-lifecycle.js';
import type { StreamedRunInputs } from './streamed-inputs.js';
import { cogTileSize, StreamedOutputs } from './streamed-outputs.js';
import { mapLayers } from './map-layers.js';
import { discardRunInputs, keepRunInputs } from './run-input-files.js';

/** A tile's figures once its rasters are written: all a run keeps of it until the end. */
export type TileFigures = Pick<WindowTileOutcome, 'population' | 'sums' | 'hotspots' | 'uncovered'> & { tile: RunTile };

/** How many hot spots each unit keeps (its blocks with the most people left uncovered). */
const HOTSPOTS_PER_UNIT = 3;

export function describeStreamed(run: StreamedRunInputs): RunDescription {
  return {
    coverageParams: run.params,
    technologies: run.technologies,
    stored: {
      ...run.params,
      technologies: run.technologies,
      grids: run.plan.grids.map((grid) => ({ name: grid.name, ...grid.spec })),
      tiles: run.plan.tiles.length,
      sites: run.sites.length,
      streamed: true,
    },
    inputs: run.inputs,
  };
}

export function streamInitMessage(run: StreamedRunInputs): StreamInitMessage {
  return {
    kind: 'init-stream',
    grids: run.plan.grids.map((grid) => grid.spec),
    sitesByGrid: run.sitesByGrid,
    units: run.units.map((unit) => ({ code: unit.code, boundary: unit.boundary })),
    dem: run.dem,
    population: run.population,
    technologies: run.technologies,
    params: run.params,
  };
}

/**
 * The run's figures from its tiles' figures, added in tile order whatever order the tiles finished in, so a
 * run gives the same figures to the last bit every time, locally or on the queue.
 */
export function sumTiles(run: StreamedRunInputs, tiles: readonly TileFigures[], operators: readonly string[]) {
  const stride = operators.length + 1;
  const unitCount = run.units.length;
  const population = new Float64Array(unitCount);
  const sums: Partial<Record<Technology, Float64Array>> = {};
  const hotspots: Partial<Record<Technology, Hotspot[]>> = {};
  const uncovered: Partial<Record<Technology, Hotspot[]>> = {};
  for (const tech of run.technologies) {
    sums[tech] = new Float64Array(unitCount * stride);
    hotspots[tech] = [];
    uncovered[tech] = [];
  }
  for (const figures of [...tiles].sort((a, b) => a.tile.index - b.tile.index)) {
    figures.tile.units.forEach((unit, k) => {
      population[unit]! += figures.population[k]!;
      for (const tech of run.technologies) {
        const into = sums[tech]!;
        const from = figures.sums[tech]!;
        for (let o = 0; o < stride; o++) into[unit * stride + o]! += from[k * stride + o]!;
      }
    });
    for (const tech of run.technologies) {
      hotspots[tech]!.push(...(figures.hotspots[tech] ?? []));
      uncovered[tech]!.push(...(figures.uncovered[tech] ?? []));
    }
  }
  for (const tech of run.technologies) hotspots[tech] = topPerUnit(hotspots[tech]!, HOTSPOTS_PER_UNIT);
  const unitCodes = run.units.map((unit) => unit.code);
  return { ...coverageFigures(unitCodes, run.technologies, operators, population, sums), hotspots, uncovered };
}

/** The end of a streamed run, whichever runner computed its tiles: the figures summed, the files finished. */
export async function finishStreamedRun(
  run: StreamedRunInputs,
  figures: readonly TileFigures[],
  operators: readonly string[],
  outputs: StreamedOutputs | null,
): Promise<RunOutputs> {
  const summed = sumTiles(run, figures, operators);
  await outputs?.finish(summed.uncovered, run.params.thresholdsDbm);
  return {
    units: summed.units,
    total: summed.total,
    hotspots: summed.hotspots,
    operators: [...operators],
    corners: gridCornersLonLat(run.plan.grids[0]!.spec),
    layers: mapLayers(run.plan.grids, cogTileSize(run.params.tileCells)),
  };
}

/** Each unit's `n` largest hot spots, largest first overall (a stable sort keeps tile order among equals). */
function topPerUnit(spots: readonly Hotspot[], n: number): Hotspot[] {
  const kept = new Map<string, Hotspot[]>();
  for (const spot of [...spots].sort((a, b) => b.people - a.people)) {
    const list = kept.get(spot.unit) ?? [];
    if (list.length < n) list.push(spot);
    kept.set(spot.unit, list);
  }
  return [...kept.values()].flat().sort((a, b) => b.people - a.people);
}

/**
 * A run streamed by tiles on a pool of worker threads: each tile reads its own window of the inputs,
 * is predicted and summed there; here its rasters go straight into the output files and only its sums are
 * kept. Memory does not grow with the area (see the README's memory formula).
 */
export async function startStreamedCoverageJob(
  db: Database,
  run: StreamedRunInputs,
  options: JobOptions,
): Promise<{ runId: string; finished: Promise<CoverageRun> }> {
  const tiles = run.plan.tiles;
  const { operators } = siteCoverTest(placeInGrid(run.sitesByGrid[0]!, run.plan.grids[0]!.spec), run.params);
  return startRun(db, describeStreamed(run), options, {
    tilesTotal: tiles.length,
    compute: async (_runId, folder, signal, progress): Promise<RunOutputs | null> => {
      if (folder) run.files = await keepRunInputs(folder, run.files);
      const outputs = folder ? new StreamedOutputs(folder, run) : null;
      const size = Math.min(options.poolSize ?? availableParallelism(), tiles.length) || 1;
      const pool = new CoveragePool<StreamTileDone>(streamInitMessage(run), size);
      const figures: TileFigures[] = [];
      let done = 0;
      try {
        await pool.run(
          tiles,
          async ({ tile, outcome }) => {
            await outputs?.addTile(tile, outcome);
            const { population, sums, hotspots, uncovered } = outcome;
            figures.push({ tile, population, sums, hotspots, uncovered });
            done += 1;
            await progress(done);
          },
          signal,
        );
        return await finishStreamedRun(run, figures, operators, outputs);
      } catch (error) {
        await outputs?.abort();
        if (folder) await discardRunInputs(folder); // only a finished run is planned on
        if (signal.aborted) return null;
        throw error;
      } finally {
        await pool.close();
      }
    },
  });
}
