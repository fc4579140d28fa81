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
import type { ModelOutputs } from '../engines/coverage/run-model.js';
import type { CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import { describeCriterion, MEDIAN_CRITERION } from '../domain/coverage/location-variability.js';
import type { PreparedCoverage } from './coverage-inputs.js';
import type { Technology } from '../domain/coverage/technology.js';
import type { CoverageMapLayer } from '../domain/coverage/coverage-run-contract.js';
import { whileNotCancelled } from './while-not-cancelled.js';

export interface JobOptions {
  period: string;
  rootUnit: string;
  actor: string;
  requestId: string | null;
  /** Where the output files go (a folder per run: rasters, site tables, uncovered places); null writes none. */
  outputDir: string | null;
  poolSize?: number;
  onProgress?: (tilesDone: number, tilesTotal: number) => void;
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

/** What a run stores before it starts: its parameters and the hashes naming its inputs. */
export interface RunDescription {
  /** The model's parameters (echoed with the figures). */
  coverageParams: CoverageParams;
  technologies: Technology[];
  /** Stored as the run's parameters: the model's, the technologies, the grids and how many sites. */
  stored: Record<string, unknown>;
  inputs: Record<string, string>;
}

/** The description of a run prepared on one grid in memory. */
export function describePrepared(prepared: PreparedCoverage): RunDescription {
  return {
    coverageParams: prepared.params,
    technologies: prepared.technologies,
    stored: {
      ...prepared.params,
      technologies: prepared.technologies,
      grid: prepared.grid,
      sites: prepared.sites.length,
    },
    inputs: prepared.inputs,
  };
}

/** What a runner hands back once every tile is done and its files are written: the figures. */
export type RunOutputs = Pick<ModelOutputs, 'units' | 'total' | 'hotspots' | 'operators'> & {
  /** WGS 84 corners of the (first) grid, to place its raster on a map. */
  corners: [number, number][];
  /** Each grid's map layer and where it goes. */
  layers: CoverageMapLayer[];
};

/** How one runner (in this process, or through the queue) computes a run's tiles. */
export interface TileRunner {
  /** Stored with the run's parameters (e.g. `{ distributed: true }`). */
  params?: Record<string, unknown>;
  tilesTotal: number;
  /**
   * Work once the run exists and before it counts as running (the queue's work package and jobs); done before
   * startRun answers, and a failure there fails the run and is thrown to the caller.
   */
  setUp?: (runId: string) => Promise<void>;
  /**
   * Computes every tile and writes the output files into `folder` (none when null); `progress` records the
   * tiles done. Resolves null when the run was cancelled (the signal aborts then) and rejects with the
   * reason a run fails.
   */
  compute: (
    runId: string,
    folder: string | null,
    signal: AbortSignal,
    progress: (done: number) => Promise<void>,
  ) => Promise<RunOutputs | null>;
  /** Always called at the end, whatever the outcome. */
  tearDown?: () => Promise<void>;
}

/**
 * The one lifecycle of a coverage run, whichever runner computes it: registered (queued), set up, running with
 * its progress recorded, cancelled on request (the tiles in progress too), and then either failed with its
 * reason or finished: the output files written (by the runner), then the figures stored in one transaction.
 * A cancelled or failed run writes no figures.
 */
export async function startRun(
  db: Database,
  run: RunDescription,
  options: JobOptions,
  runner: TileRunner,
): Promise<{ runId: string; finished: Promise<CoverageRun> }> {
  const root = await findUnit(db, options.rootUnit);
  const runId = await createRun(db, {
    rootUnitId: root.id,
    period: options.period,
    params: { ...run.stored, ...runner.params },
    inputs: run.inputs,
    tilesTotal: runner.tilesTotal,
    createdBy: options.actor,
  });
  // Set up before answering (a queued run's jobs exist once its id is known); a set-up that fails fails the run.
  try {
    await runner.setUp?.(runId);
  } catch (error) {
    await failRun(db, runId, error instanceof Error ? error.message : String(error)).catch(() => undefined);
    await runner.tearDown?.().catch(() => undefined);
    throw error;
  }
  const finished = (async () => {
    try {
      await markRunning(db, runId);
      const progress = async (done: number) => {
        options.onProgress?.(done, runner.tilesTotal);
        await recordProgress(db, runId, done);
      };
      const folder = options.outputDir ? join(options.outputDir, runId) : null;
      const outputs = await whileNotCancelled(db, runId, (signal) => runner.compute(runId, folder, signal, progress));
      if (!outputs || (await isCancelled(db, runId))) return await findRun(db, runId);
      return await completeRun(
        db,
        runId,
        {
          units: outputs.units,
          total: outputs.total,
          technologies: run.technologies,
          ...criterionEcho(run.coverageParams, outputs.operators),
          hotspots: outputs.hotspots,
          corners: outputs.corners,
          layers: outputs.layers,
        },
        { actor: options.actor, requestId: options.requestId },
      );
    } catch (error) {
      await failRun(db, runId, error instanceof Error ? error.message : String(error)).catch(() => undefined);
      return findRun(db, runId);
    } finally {
      await runner.tearDown?.().catch(() => undefined);
    }
  })();
  return { runId, finished };
}
