import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Database } from '../db/database.js';
import { findUnit, isDemoUnitLoaded } from '../db/org-units.js';
import { findRun, listRuns, type CoverageRun } from '../db/coverage-runs.js';
import {
  completeScenario,
  createScenario,
  failScenario,
  findScenario,
  isScenarioCancelled,
  markScenarioRunning,
  recordScenarioProgress,
  type PlanScenario,
} from '../db/plan-scenarios.js';
import { Invalid } from '../domain/errors.js';
import type { PlanSettings } from '../domain/planner/plan-settings.js';
import { startModuleWorker } from '../start-worker.js';
import type { PlanAreaSource } from './plan-area.js';
import type { PlanWorkerReply } from './plan-messages.js';
import { planFolder } from './plan-files.js';
import { filesPlanSource } from './plan-files-source.js';
import { readKeptRunInputs } from './run-input-files.js';
import { DEFAULT_COVERAGE_PARAMS, type CoverageParams } from '../engines/coverage/predict/coverage-params.js';

export interface PlanJobOptions {
  actor: string;
  requestId: string | null;
  /** The coverage output folder: mast coverages are cached in its `planner-cache` (null: memory only). */
  coverageDir: string | null;
  onProgress?: (stage: string, fraction: number) => void;
  /** Checks made once the scenario's unit is known, before any file is read or the scenario registered (e.g. the actor's permission there). */
  beforeStart?: (rootUnit: string) => Promise<void>;
  /** The area from files (filesPlanSource) for this unit, instead of the demo province or a demo run. */
  files?: { rootUnit: string; source: PlanAreaSource };
}

/** How often a running plan checks whether it was cancelled (by another request or process). */
const CANCEL_POLL_MS = 500;

/** The model parameters a run stored, without what describes the run itself (its grids, technologies, sites). */
function runCoverageParams(stored: object): Partial<CoverageParams> {
  const entries = Object.entries(stored).filter(([key]) => key in DEFAULT_COVERAGE_PARAMS);
  return Object.fromEntries(entries) as Partial<CoverageParams>;
}

/**
 * The area a scenario plans on: the coverage run it names, else the demo province when it is loaded, else the
 * latest finished run. A demo run plans on the demo's synthetic area with the run's parameters; a run made from
 * files plans on the files it kept (uploads in its folder, files on disk by their path, checked unchanged).
 */
async function planSource(
  db: Database,
  settings: PlanSettings,
  coverageDir: string | null,
  beforeStart: (rootUnit: string) => Promise<void>,
): Promise<{ source: PlanAreaSource; runId: string | null; root: string }> {
  let run: CoverageRun | undefined;
  if (settings.coverageRunId) run = await findRun(db, settings.coverageRunId);
  else if (await isDemoUnitLoaded(db, '24')) {
    await beforeStart('24');
    return { source: { kind: 'demo' }, runId: null, root: '24' };
  } else run = (await listRuns(db)).find((r) => r.status === 'succeeded');
  if (!run)
    throw new Invalid(
      'plan.area',
      'No area to plan on: run the coverage of a province first, or load the demo province (`dx-compact seed-demo`)',
      [{ path: 'coverageRunId', message: 'no finished coverage run' }],
    );
  if (run.status !== 'succeeded')
    throw new Invalid('plan.area', `Coverage run ${run.id} is ${run.status}: plan on a run that finished`, [
      { path: 'coverageRunId', message: run.status },
    ]);
  await beforeStart(run.rootUnit); // before any file is read
  if (String((run.inputs as { dem?: string }).dem ?? '').startsWith('demo:'))
    return { source: { kind: 'demo', params: run.params as object }, runId: run.id, root: run.rootUnit };
  if (!coverageDir)
    throw new Invalid('plan.area', `Coverage run ${run.id} was made from files, and no coverage folder holds them`);
  const kept = await readKeptRunInputs(join(coverageDir, run.id), run.id);
  const source = await filesPlanSource(db, {
    rootUnit: run.rootUnit,
    dem: kept.dem,
    population: kept.population,
    sites: { records: kept.sites },
    params: runCoverageParams(run.params as object),
    sameAs: { runId: run.id, inputs: run.inputs },
  });
  return { source, runId: run.id, root: run.rootUnit };
}

/**
 * Registers a scenario and solves it in a worker thread of its own (the API stays responsive); its progress is
 * stored as it goes, a cancel stops the worker at once, and the result is stored (audited) when it succeeds.
 */
export async function startPlanJob(
  db: Database,
  settings: PlanSettings,
  options: PlanJobOptions,
): Promise<{ scenarioId: string; finished: Promise<PlanScenario> }> {
  const beforeStart = options.beforeStart ?? (async () => undefined);
  const files = options.files;
  if (files) await beforeStart(files.rootUnit);
  const { source, runId, root } = files
    ? { source: files.source, runId: null, root: files.rootUnit }
    : await planSource(db, settings, options.coverageDir, beforeStart);
  const rootUnit = await findUnit(db, root);
  const audit = { actor: options.actor, requestId: options.requestId };
  const scenarioId = await createScenario(db, { rootUnitId: rootUnit.id, coverageRunId: runId, settings }, audit);
  const cacheDir = options.coverageDir ? join(options.coverageDir, 'planner-cache') : null;
  const finished = (async () => {
    let worker: Worker | null = null;
    let poll: NodeJS.Timeout | undefined;
    try {
      await markScenarioRunning(db, scenarioId);
      const outputFolder = options.coverageDir ? planFolder(options.coverageDir, scenarioId) : null;
      worker = startModuleWorker(import.meta.url, './plan-worker', {
        workerData: { settings, source, cacheDir, outputFolder },
      });
      const running = worker;
      const outcome = await new Promise<PlanWorkerReply | 'cancelled'>((resolve, reject) => {
        let writes = Promise.resolve();
        running.on('message', (message: PlanWorkerReply) => {
          if (message.kind !== 'progress') return resolve(message);
          options.onProgress?.(message.stage, message.fraction);
          writes = writes
            .then(() => recordScenarioProgress(db, scenarioId, message.stage, message.fraction))
            .catch(() => undefined);
        });
        running.on('error', reject);
        running.on('exit', (code) => reject(new Error(`The plan's worker stopped (exit code ${code})`)));
        poll = setInterval(() => {
          isScenarioCancelled(db, scenarioId)
            .then((cancelled) => cancelled && resolve('cancelled'))
            .catch(() => undefined);
        }, CANCEL_POLL_MS);
      });
      if (outcome === 'cancelled') return await findScenario(db, scenarioId);
      if (outcome.kind === 'failed') return await failScenario(db, scenarioId, outcome.error.message, audit);
      if (outcome.kind === 'done') return await completeScenario(db, scenarioId, outcome.result, audit);
      return await findScenario(db, scenarioId);
    } catch (error) {
      return failScenario(db, scenarioId, error instanceof Error ? error.message : String(error), audit);
    } finally {
      clearInterval(poll);
      worker?.removeAllListeners();
      await worker?.terminate();
    }
  })();
  return { scenarioId, finished };
}
