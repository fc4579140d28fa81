import type { CoverInstance, PlanConstraints } from './instance.js';
import { invalidConstraints as invalidStart } from './validate-instance.js';

/**
 * Checks that a plan given as the exact solve's start obeys the constraints: HiGHS would quietly drop an infeasible
 * start, and the caller would not learn why its plan was not used.
 */
export function checkStartPlan(instance: CoverInstance, constraints: PlanConstraints, start: readonly number[]): void {
  const inStart = new Set<number>();
  start.forEach((c, at) => {
    if (!Number.isInteger(c) || c < 0 || c >= instance.candidateCount)
      throw invalidStart(`start[${at}]`, `candidate ${c} is not in 0..${instance.candidateCount - 1}`);
    if (inStart.has(c)) throw invalidStart(`start[${at}]`, `candidate ${c} is listed twice`);
    inStart.add(c);
  });
  for (const c of constraints.mandatory ?? [])
    if (!inStart.has(c)) throw invalidStart('start', `leaves out the mandatory candidate ${c}`);
  for (const c of constraints.excluded ?? [])
    if (inStart.has(c)) throw invalidStart('start', `has the excluded candidate ${c}`);
  if (constraints.maxSites !== undefined && start.length > constraints.maxSites)
    throw invalidStart('start', `has ${start.length} sites, more than maxSites ${constraints.maxSites}`);
  const cost = start.reduce((sum, c) => sum + instance.cost[c]!, 0);
  if (constraints.budget !== undefined && cost > constraints.budget)
    throw invalidStart('start', `costs ${cost}, more than the budget ${constraints.budget}`);
}
