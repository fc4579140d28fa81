// Worker entry, started by plan-job.ts: one plan scenario from its area to its result, off the API's thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { PlanSettings } from '../domain/planner/plan-settings.js';
import { toWireError } from '../engines/coverage/messages.js';
import { ThreadedMastCoverer } from '../engines/planner/mast-coverer.js';
import { planDem } from '../engines/planner/plan-inputs.js';
import { runPlan } from '../engines/planner/run-plan.js';
import { loadPlanArea, type PlanAreaSource } from './plan-area.js';
import { writePlanFiles } from './plan-files.js';
import type { PlanWorkerReply } from './plan-messages.js';

if (!parentPort) throw new Error('plan-worker.ts must run in a worker thread');
const port = parentPort;
const { settings, source, cacheDir, outputFolder } = workerData as {
  settings: PlanSettings;
  source: PlanAreaSource;
  cacheDir: string | null;
  /** Where the scenario's rasters go (none when null). */
  outputFolder: string | null;
};
const reply = (message: PlanWorkerReply) => port.postMessage(message);

try {
  reply({ kind: 'progress', stage: 'area', fraction: 0 });
  const { area, sites, params } = await loadPlanArea(source);
  const coverer = new ThreadedMastCoverer(planDem(area), params, cacheDir);
  let last = 0;
  const { result, newCoverage } = await runPlan(area, sites, settings, params, coverer, {
    onProgress: (stage, fraction) => {
      // At most a few reports a second: each becomes a database write on the other side.
      const now = Date.now();
      if (fraction > 0 && fraction < 1 && now - last < 250) return;
      last = now;
      reply({ kind: 'progress', stage, fraction });
    },
  });
  await coverer.close();
  if (outputFolder)
    writePlanFiles(
      outputFolder,
      area.grid,
      newCoverage,
      result.phases.map((p) => p.year),
    );
  reply({ kind: 'done', result });
} catch (error) {
  const wire = toWireError(error);
  const details = (error as { details?: unknown }).details;
  reply({
    kind: 'failed',
    error: { ...wire, code: wire.code === 'coverage.worker' ? 'plan.worker' : wire.code },
    details,
  });
}
