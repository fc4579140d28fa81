import type { Database } from '../db/database.js';
import { cancelRun, findRun, findRunRootUnit } from '../db/coverage-runs.js';
import { findUnit } from '../db/org-units.js';
import type { UploadedFile } from '../jobs/coverage-inputs.js';
import { prepareStreamedRun } from '../jobs/streamed-inputs.js';
import { startStreamedCoverageJob } from '../jobs/streamed-coverage.js';
import { demoCoverageInputs } from '../jobs/demo-coverage.js';
import { startCoverageJob } from '../jobs/coverage-job.js';
import type { CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import type { Actor } from '../domain/auth/actor.js';
import type { Technology } from '../domain/coverage/technology.js';
import { Invalid } from '../domain/errors.js';
import { parsePeriod } from '../domain/periods.js';
import { requireUnits } from './authorize.js';

export interface CoverageRunRequest {
  rootUnit: string;
  period: string;
  technologies: Technology[];
  params: Partial<CoverageParams>;
  /** The demo province's synthetic terrain, population and network instead of uploaded inputs. */
  demo: boolean;
  dem: readonly UploadedFile[];
  population: UploadedFile | null;
  sites: UploadedFile | 'stored';
}

/**
 * Starts a coverage run for a unit the actor may run coverage for: every input is checked first, then the run
 * goes to the background; its computed indicators are written under the actor's name when it finishes.
 */
export async function startCoverageRun(
  db: Database,
  actor: Actor,
  request: CoverageRunRequest,
  options: { outputDir: string; requestId: string | null; onCrash: (error: unknown, runId: string) => void },
) {
  const unit = await findUnit(db, request.rootUnit);
  await requireUnits(db, actor, 'coverage.run', [unit]);
  const period = parsePeriod(request.period).code;
  const jobOptions = {
    period,
    rootUnit: unit.code,
    actor: actor.name,
    requestId: options.requestId,
    outputDir: options.outputDir,
  };
  // The demo's scenario is on its own calibrated grid; uploads run streamed by tiles like files do.
  const { runId, finished } = request.demo
    ? await startCoverageJob(db, await demoCoverageInputs(db, request.technologies, request.params), jobOptions)
    : await startStreamedCoverageJob(
        db,
        await prepareStreamedRun(db, {
          rootUnit: unit.code,
          technologies: request.technologies,
          params: request.params,
          dem: [...request.dem],
          population:
            request.population ??
            (() => {
              throw new Invalid(
                'coverage.population_missing',
                'A population raster (people per pixel, GeoTIFF) is needed in field `population`',
              );
            })(),
          sites: request.sites,
        }),
        jobOptions,
      );
  finished.catch((error: unknown) => options.onCrash(error, runId));
  return findRun(db, runId);
}

/** Cancels a run for a unit the actor may run coverage for. */
export async function cancelCoverageRun(db: Database, actor: Actor, runId: string) {
  const run = await findRun(db, runId);
  const unit = await findRunRootUnit(db, run.id);
  if (unit) await requireUnits(db, actor, 'coverage.run', [unit]);
  return cancelRun(db, runId);
}
