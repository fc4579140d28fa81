import { rmSync } from 'node:fs';
import type { Database } from '../db/database.js';
import { cancelScenario, deleteScenario, findScenario } from '../db/plan-scenarios.js';
import { findUnit } from '../db/org-units.js';
import type { Actor } from '../domain/auth/actor.js';
import type { PlanSettings } from '../domain/planner/plan-settings.js';
import { startPlanJob } from '../jobs/plan-job.js';
import { planFolder } from '../jobs/plan-files.js';
import { requireUnits } from './authorize.js';

/** The unit a scenario plans for must be one the actor may plan in. */
async function requirePlanUnit(db: Database, actor: Actor, unitCode: string) {
  await requireUnits(db, actor, 'plan.run', [await findUnit(db, unitCode)]);
}

/**
 * Starts a plan scenario in the background under the actor's name; it answers at once with the queued scenario
 * (poll it, cancel it), and `onCrash` hears of a failure the job could not record.
 */
export async function startPlanScenario(
  db: Database,
  actor: Actor,
  settings: PlanSettings,
  options: { coverageDir: string | null; requestId: string | null; onCrash: (error: unknown, id: string) => void },
) {
  const { scenarioId, finished } = await startPlanJob(db, settings, {
    actor: actor.name,
    requestId: options.requestId,
    coverageDir: options.coverageDir,
    beforeStart: (rootUnit) => requirePlanUnit(db, actor, rootUnit),
  });
  finished.catch((error: unknown) => options.onCrash(error, scenarioId));
  return findScenario(db, scenarioId);
}

export async function cancelPlanScenario(db: Database, actor: Actor, id: string, requestId: string | null) {
  const scenario = await findScenario(db, id);
  await requirePlanUnit(db, actor, scenario.rootUnit);
  return cancelScenario(db, id, { actor: actor.name, requestId });
}

/** Deletes a finished scenario and its files. */
export async function deletePlanScenario(
  db: Database,
  actor: Actor,
  id: string,
  options: { requestId: string | null; coverageDir: string | null },
) {
  const scenario = await findScenario(db, id);
  await requirePlanUnit(db, actor, scenario.rootUnit);
  await deleteScenario(db, id, { actor: actor.name, requestId: options.requestId });
  if (options.coverageDir) rmSync(planFolder(options.coverageDir, id), { recursive: true, force: true });
}
