import type { PlanSettings } from '../../domain/planner/plan-settings.js';
import { CoverState } from './cover-state.js';
import type { CoverInstance } from './instance.js';
import { solveExact } from './solve-exact.js';
import type { SolvedScenario } from './solve-scenario.js';

/** HiGHS is tried only on instances of this size or less: beyond, its time grows past what a plan may wait. */
export const EXACT_MAX_POINTS = 30_000;
export const EXACT_MAX_CANDIDATES = 5_000;

export interface ExactCheck {
  status: 'optimal' | 'time_limit';
  seconds: number;
  /** HiGHS found a better plan than ours (its plan is the result then). */
  improved: boolean;
}

/** A set of sites in a build order: mandatory first, then each time the site adding the most (ties: lower index). */
export function buildOrder(instance: CoverInstance, chosen: readonly number[], mandatory: readonly number[]): number[] {
  const state = new CoverState(instance);
  for (const c of mandatory) state.add(c);
  const left = new Set(chosen.filter((c) => !mandatory.includes(c)));
  while (left.size > 0) {
    let best = -1;
    let bestGain = -1;
    for (const c of [...left].sort((a, b) => a - b)) {
      const gain = state.gain(c);
      if (gain > bestGain) {
        bestGain = gain;
        best = c;
      }
    }
    state.add(best);
    left.delete(best);
  }
  return [...state.chosen];
}

/**
 * For an unphased plan on a small enough instance: HiGHS on the same MIP, started from our plan, within a time limit
 * (half the scenario's, at most 30 s). Its proven bound tightens ours (both are valid, so the smaller is kept), and
 * its plan replaces ours when it covers more. Larger instances and phased plans keep the solver's answer (null).
 */
export async function improveExactly(
  instance: CoverInstance,
  solved: SolvedScenario,
  settings: Pick<PlanSettings, 'maxSites' | 'budget' | 'phases' | 'timeLimitS'>,
  mandatory: readonly number[],
  excluded: readonly number[],
): Promise<{ solved: SolvedScenario; check: ExactCheck } | null> {
  if (settings.phases || instance.demandCount > EXACT_MAX_POINTS || instance.candidateCount > EXACT_MAX_CANDIDATES)
    return null;
  const ours = solved.phases[0]!;
  const constraints = {
    ...(settings.maxSites !== undefined ? { maxSites: settings.maxSites } : {}),
    ...(settings.budget !== undefined ? { budget: settings.budget } : {}),
    mandatory,
    excluded,
  };
  const exact = await solveExact(instance, constraints, {
    timeLimitS: Math.min(30, settings.timeLimitS / 2),
    relativeGap: 1e-4,
    start: ours.built,
  });
  const improved = exact.objective > solved.objective + 1e-9;
  const upperBound = Math.max(Math.min(solved.upperBound, exact.bound), improved ? exact.objective : solved.objective);
  const built = improved ? buildOrder(instance, exact.chosen, mandatory) : ours.built;
  const objective = improved ? exact.objective : solved.objective;
  const cost = built.reduce((sum, c) => sum + instance.cost[c]!, 0);
  return {
    solved: {
      ...solved,
      objective,
      upperBound,
      phases: [{ year: null, built, cost, covered: objective }],
      timings: { ...solved.timings, exact: exact.seconds * 1000 },
    },
    check: { status: exact.status, seconds: exact.seconds, improved },
  };
}
