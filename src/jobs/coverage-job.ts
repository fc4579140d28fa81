import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { findUnit } from '../db/org-units.js';
import {
  completeRun,
  createRun,
  failRun,
  findRun,
  isCancelled,
  markRunning,
  recordProgress,
  type CoverageRun,
} from '../db/coverage-runs.js';
import { runCoverageModel, type ModelOutputs } from '../engines/coverage/run-model.js';
import { splitIntoTiles } from '../engines/coverage/predict/predict-tile.js';
import { writeGeoTiff } from '../engines/coverage/raster/write-geotiff.js';
import { gridTransform, type GridSpec } from '../engines/coverage/raster/raster.js';
import type { PreparedCoverage } from './coverage-inputs.js';
import { gridCornersLonLat } from '../engines/coverage/analysis-grid.js';
import type { CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import { describeCriterion, MEDIAN_CRITERION } from '../domain/coverage/location-variability.js';

export interface JobOptions {
  period: string;
  rootUnit: string;
  actor: string;
  requestId: string | null;
  /** Where signal and best-server GeoTIFFs go (a folder per run); null writes none. */
  outputDir: string | null;
  poolSize?: number;
  onProgress?: (tilesDone: number, tilesTotal: number) => void;
}

/** Writes, per technology, the best level (dBm, float32, NaN = not reached) and the best server (site index; 65535 = none). */
export function writeCoverageRasters(
  folder: string,
  grid: GridSpec,
  outputs: Pick<ModelOutputs, 'bestSignalDbm' | 'bestServer'>,
): string[] {
  mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  const transform = gridTransform(grid);
  for (const [tech, level] of Object.entries(outputs.bestSignalDbm)) {
    const signalFile = `signal-${tech}.tif`;
    writeFileSync(
      join(folder, signalFile),
      Buffer.from(
        writeGeoTiff({
          width: grid.width,
          height: grid.height,
          data: level!,
          crs: grid.crs,
          transform,
          noData: Number.NaN,
        }),
      ),
    );
    const server = outputs.bestServer[tech as keyof ModelOutputs['bestServer']]!;
    const serverBand = new Uint16Array(server.length);
    for (let i = 0; i < server.length; i++) serverBand[i] = server[i]! < 0 || server[i]! >= 65535 ? 65535 : server[i]!;
    const serverFile = `best-server-${tech}.tif`;
    writeFileSync(
      join(folder, serverFile),
      Buffer.from(
        writeGeoTiff({
          width: grid.width,
          height: grid.height,
          data: serverBand,
          crs: grid.crs,
          transform,
          noData: 65535,
        }),
      ),
    );
    files.push(signalFile, serverFile);
  }
  return files;
}

/** The run's operators and coverage criterion, echoed in its result beside the figures they qualify. */
export function criterionEcho(params: Partial<CoverageParams>, operators: string[]) {
  const coverageCriterion = params.coverageCriterion ?? MEDIAN_CRITERION;
  return {
    operators,
    mainOperator: operators[0]!,
    coverageCriterion,
    criterionLabel: describeCriterion(coverageCriterion),
  };
}

/** What a run stores as its parameters: the model's, the technologies, the grid and how many sites. */
export function runParams(prepared: PreparedCoverage): Record<string, unknown> {
  return {
    ...prepared.params,
    technologies: prepared.technologies,
    grid: prepared.grid,
    sites: prepared.sites.length,
  };
}

/**
 * Runs `work` with a signal that aborts once the run is cancelled in the database (looked up every 250 ms),
 * so a cancel stops the tiles in progress too.
 */
async function whileNotCancelled<T>(
  db: Database,
  runId: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let check: Promise<void> = Promise.resolve();
  const ask = () => {
    check = check
      .then(async () => {
        if (await isCancelled(db, runId)) controller.abort();
      })
      .catch(() => undefined); // a failed look-up: the next one asks again
  };
  ask();
  const timer = setInterval(ask, 250);
  try {
    return await work(controller.signal);
  } finally {
    clearInterval(timer);
    await check;
  }
}

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
  const root = await findUnit(db, options.rootUnit);
  const tilesTotal = splitIntoTiles(prepared.grid.width, prepared.grid.height, prepared.params.tileCells).length;
  const runId = await createRun(db, {
    rootUnitId: root.id,
    period: options.period,
    params: runParams(prepared),
    inputs: prepared.inputs,
    tilesTotal,
    createdBy: options.actor,
  });
  const finished = (async () => {
    try {
      await markRunning(db, runId);
      const outputs = await whileNotCancelled(db, runId, (signal) =>
        runCoverageModel(
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
          {
            poolSize: options.poolSize,
            onProgress: async (done, total) => {
              options.onProgress?.(done, total);
              await recordProgress(db, runId, done);
            },
            signal,
          },
        ),
      );
      if (!outputs.completed || (await isCancelled(db, runId))) return findRun(db, runId);
      if (options.outputDir) writeCoverageRasters(join(options.outputDir, runId), prepared.grid, outputs);
      const { grid } = prepared;
      const corners = gridCornersLonLat(grid);
      return await completeRun(
        db,
        runId,
        {
          units: outputs.units,
          total: outputs.total,
          technologies: prepared.technologies,
          ...criterionEcho(prepared.params, outputs.operators),
          hotspots: outputs.hotspots,
          corners,
        },
        { actor: options.actor, requestId: options.requestId },
      );
    } catch (error) {
      await failRun(db, runId, error instanceof Error ? error.message : String(error)).catch(() => undefined);
      return findRun(db, runId);
    }
  })();
  return { runId, finished };
}
