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
import { writeGeoTiffFile } from '../engines/coverage/raster/write-geotiff.js';
import { COVERAGE_THRESHOLDS_DBM } from '../domain/coverage/link-budget.js';
import type { SiteRecord } from '../domain/coverage/site-record.js';
import type { Technology } from '../domain/coverage/technology.js';
import { bestServerAuxXml, bestServerCsv, bestServerRows } from './best-server-table.js';
import { gridTransform, type GridSpec } from '../engines/coverage/raster/raster.js';
import type { PreparedCoverage } from './coverage-inputs.js';
import { writeUncoveredPlaces } from './uncovered-places.js';
import { whileNotCancelled } from './while-not-cancelled.js';
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

/**
 * Writes, per technology, the best level (dBm, float32, NaN = not reached) and the best server (site index;
 * 65535 = none) as Cloud-Optimised GeoTIFFs with band descriptions and units; beside each best-server
 * raster its site table as CSV and as a raster attribute table (.aux.xml) when the sites are given.
 */
export function writeCoverageRasters(
  folder: string,
  grid: GridSpec,
  outputs: Pick<ModelOutputs, 'bestSignalDbm' | 'bestServer'>,
  sites?: readonly SiteRecord[],
): string[] {
  mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  const raster = { width: grid.width, height: grid.height, crs: grid.crs, transform: gridTransform(grid) };
  for (const [key, level] of Object.entries(outputs.bestSignalDbm)) {
    const tech = key as Technology;
    const metric = COVERAGE_THRESHOLDS_DBM[tech].metric;
    const signalFile = `signal-${tech}.tif`;
    writeGeoTiffFile(join(folder, signalFile), {
      ...raster,
      data: level,
      noData: Number.NaN,
      description: metric,
      unit: 'dBm',
      metadata: { TECHNOLOGY: tech },
    });
    const server = outputs.bestServer[tech]!;
    const serverBand = new Uint16Array(server.length);
    for (let i = 0; i < server.length; i++) serverBand[i] = server[i]! < 0 || server[i]! >= 65535 ? 65535 : server[i]!;
    const serverFile = `best-server-${tech}.tif`;
    writeGeoTiffFile(join(folder, serverFile), {
      ...raster,
      data: serverBand,
      noData: 65535,
      description: 'best server site index',
      metadata: { TECHNOLOGY: tech, SITE_TABLE: `best-server-${tech}.csv` },
    });
    files.push(signalFile, serverFile);
    if (sites) {
      const rows = bestServerRows(sites, tech);
      writeFileSync(join(folder, `best-server-${tech}.csv`), bestServerCsv(rows));
      writeFileSync(join(folder, `${serverFile}.aux.xml`), bestServerAuxXml(rows));
      files.push(`best-server-${tech}.csv`, `${serverFile}.aux.xml`);
    }
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
      if (options.outputDir) {
        const folder = join(options.outputDir, runId);
        writeCoverageRasters(folder, prepared.grid, outputs, prepared.sites);
        writeUncoveredPlaces(folder, prepared, outputs.bestSignalDbm);
      }
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
