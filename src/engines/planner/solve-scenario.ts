import type { PlanSettings } from '../../domain/planner/plan-settings.js';
import type { CoverInstance } from './instance.js';
import { planPhased } from './phased-plan.js';
import { solvePlan, type PlanStage } from './solve-plan.js';

/** One phase of a solved scenario (the only one, year null, for an unphased plan). */
export interface SolvedPhase {
  year: number | null;
  /** Candidates built in this phase, in build order. */
  built: number[];
  cost: number;
  /** Weighted demand covered by everything built up to this phase. */
  covered: number;
}

export interface SolvedScenario {
  phases: SolvedPhase[];
  /** Unphased: the covered weight. Phased: the covered weight summed over the years. */
  objective: number;
  /** A proven upper bound on the best `objective` under the same limits. */
  upperBound: number;
  timings: Record<string, number>;
}

type Hooks = {
  onProgress?: (stage: PlanStage, fraction: number) => void;
  isCancelled?: () => boolean;
  /** The bound stops once the proven gap is at most this (default solvePlan's). */
  targetGap?: number;
};

/**
 * A proven bound for a phased plan: in year y the network holds at most the sites and spend of years 1…y, so the
 * weight it covers that year is at most the single-period optimum under those cumulative limits; the sum over the
 * years bounds the phased objective. Each year's single-period bound comes from solvePlan, whose plan for the last
 * year (the best final network it found) is returned too.
 */
function cumulativeYearPlans(
  instance: CoverInstance,
  years: readonly { maxSites?: number; budget?: number }[],
  mandatory: readonly number[],
  excluded: readonly number[],
  timeLimitMs: number,
  hooks: Hooks,
): { bound: number; lastChosen: number[] } {
  let bound = 0;
  let lastChosen: number[] = [];
  let sites: number | undefined = 0;
  let budget: number | undefined = 0;
  for (const year of years) {
    // A year with no count limit lifts the cumulative count limit (and likewise for the budget).
    sites = sites === undefined || year.maxSites === undefined ? undefined : sites + year.maxSites;
    budget = budget === undefined || year.budget === undefined ? undefined : budget + year.budget;
    // With both lifted (a year with only a count after one with only a budget), every site may stand by then.
    const limits = {
      ...(sites !== undefined || budget === undefined
        ? { maxSites: Math.max(sites ?? instance.candidateCount, mandatory.length, 1) }
        : {}),
      ...(budget !== undefined ? { budget } : {}),
    };
    const solution = solvePlan(
      instance,
      { ...limits, mandatory, excluded },
      { timeLimitMs: timeLimitMs / years.length, isCancelled: hooks.isCancelled },
    );
    bound += solution.upperBound;
    lastChosen = solution.chosen;
  }
  return { bound, lastChosen };
}

export function phasedUpperBound(
  instance: CoverInstance,
  years: readonly { maxSites?: number; budget?: number }[],
  mandatory: readonly number[],
  excluded: readonly number[],
  timeLimitMs: number,
  hooks: Hooks = {},
): number {
  return cumulativeYearPlans(instance, years, mandatory, excluded, timeLimitMs, hooks).bound;
}

/** Solves a scenario's settings on its instance: one period (count and/or budget) or phased by year. */
export function solveScenario(
  instance: CoverInstance,
  settings: Pick<PlanSettings, 'maxSites' | 'budget' | 'phases' | 'timeLimitS'>,
  mandatory: readonly number[],
  excluded: readonly number[],
  hooks: Hooks = {},
): SolvedScenario {
  const timeLimitMs = settings.timeLimitS * 1000;
  if (!settings.phases) {
    const solution = solvePlan(
      instance,
      {
        ...(settings.maxSites !== undefined ? { maxSites: settings.maxSites } : {}),
        ...(settings.budget !== undefined ? { budget: settings.budget } : {}),
        mandatory,
        excluded,
      },
      { timeLimitMs, isCancelled: hooks.isCancelled, onProgress: hooks.onProgress, targetGap: hooks.targetGap },
    );
    return {
      phases: [{ year: null, built: solution.chosen, cost: solution.cost, covered: solution.objective }],
      objective: solution.objective,
      upperBound: solution.upperBound,
      timings: solution.timings,
    };
  }
  const years = [...settings.phases].sort((a, b) => a.year - b.year);
  const started = performance.now();
  hooks.onProgress?.('greedy', 0);
  const yearLimits = years.map((year, at) => ({
    ...(year.maxSites !== undefined ? { maxSites: year.maxSites } : {}),
    ...(year.budget !== undefined ? { budget: year.budget } : {}),
    mandatory: at === 0 ? mandatory : [],
  }));
  const greedy = planPhased(instance, { years: yearLimits, excluded });
  const greedyMs = performance.now() - started;
  hooks.onProgress?.('bound', 0);
  const { bound, lastChosen } = cumulativeYearPlans(instance, years, mandatory, excluded, timeLimitMs, hooks);
  const boundMs = performance.now() - started - greedyMs;
  // The best final network found, built in the order that covers most soonest: often better than the year-by-year
  // greedy, whose early picks are myopic. The larger total is kept.
  const inFinal = new Uint8Array(instance.candidateCount);
  for (const c of lastChosen) inFinal[c] = 1;
  const outside = Array.from({ length: instance.candidateCount }, (_, c) => c).filter((c) => !inFinal[c]);
  const fromFinal = planPhased(instance, { years: yearLimits, excluded: outside });
  const plan = fromFinal.objective > greedy.objective ? fromFinal : greedy;
  return {
    phases: plan.years.map((year, at) => ({
      year: years[at]!.year,
      built: year.built,
      cost: year.cost,
      covered: year.covered,
    })),
    objective: plan.objective,
    upperBound: Math.max(bound, plan.objective),
    timings: { phased: greedyMs, bound: boundMs, finalNetworkOrder: performance.now() - started - greedyMs - boundMs },
  };
}
