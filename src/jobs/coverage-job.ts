import type { Database } from '../db/database.js';
import type { CoverageRun } from '../db/coverage-runs.js';
import { runCoverageModel } from '../engines/coverage/run-model.js';
import { splitIntoTiles } from '../engines/coverage/predict/predict-tile.js';
import type { PreparedCoverage } from './coverage-inputs.js';
import { describePrepared, startRun, type JobOptions } from './run-lifecycle.js';
import { writeRunOutputs } from './coverage-outputs.js';
import { gridCornersLonLat } from '../engines/coverage/analysis-grid.js';
import { DEFAULT_TILE_SIZE } from '../engines/coverage/raster/geotiff-tags.js';
import { oneGridLayers } from './map-layers.js';

export type { JobOptions } from './run-lifecycle.js';

/**
 * Registers a run and starts it in the background (the heavy work is in worker threads, so the API stays
 * responsive). The run's results reach the indicators only when it succeeds, in one transaction; a
 * cancelled or failed run writes none.
 */
export async function startCoverageJob(
  db: Database,
  prepared: PreparedCoverage,
  options: JobOptions,
): Promise<{ runId: string; finished: Promise<CoverageRun> }> {
  return startRun(db, describePrepared(prepared), options, {
    tilesTotal: splitIntoTiles(prepared.grid.width, prepared.grid.height, prepared.params.tileCells).length,
    compute: async (_runId, folder, signal, progress) => {
      const outputs = await runCoverageModel(
        {
          grid: prepared.grid,
          dem: prepared.dem,
          population: prepared.population,
          zones: prepared.zones,
          unitCodes: prepared.unitCodes,
          sites: prepared.gridSites,
          technologies: prepared.technologies,
          params: prepared.params,
        },
        { poolSize: options.poolSize, onProgress: (done) => progress(done), signal },
      );
      if (!outputs.completed) return null;
      if (folder) writeRunOutputs(folder, prepared, outputs);
      return {
        ...outputs,
        corners: gridCornersLonLat(prepared.grid),
        layers: oneGridLayers(prepared.grid, DEFAULT_TILE_SIZE),
      };
    },
  });
}
