import { CoverState, coveredWeight } from './cover-state.js';
import type { CoverInstance } from './instance.js';
import { greedyFill } from './lazy-greedy.js';
import { improveBySwaps } from './local-search.js';
import { mergeIdenticalDemand } from './merge-demand.js';
import { fitsBudget, type SelectionRules } from './selection-rules.js';
import { transposeCover, type DemandCoverers } from './transpose-cover.js';
import { invalidConstraints, validateCoverInstance, validatePlanConstraints } from './validate-instance.js';

export interface PlanYear {
  /** Sites that may be built in this year, and/or what they may cost; at least one is given. */
  maxSites?: number;
  budget?: number;
  /** Sites that must be built in this year. */
  mandatory?: readonly number[];
}

export interface PhasedConstraints {
  years: readonly PlanYear[];
  excluded?: readonly number[];
}

export interface PhasedYear {
  /** 1-based. */
  year: number;
  /** Sites built this year, in build order. */
  built: number[];
  cost: number;
  /** Weight covered by every site built up to and including this year. */
  covered: number;
}

export interface PhasedPlan {
  years: PhasedYear[];
  /** Σ over years of the weight covered that year: a site built in year y counts for Y − y + 1 years. */
  objective: number;
}

function validatePhased(instance: CoverInstance, constraints: PhasedConstraints): void {
  validateCoverInstance(instance);
  if (constraints.years.length === 0) throw invalidConstraints('years', 'give at least one year');
  const yearOf = new Map<number, number>();
  constraints.years.forEach((year, at) => {
    validatePlanConstraints(instance, { ...year, excluded: constraints.excluded }, `years[${at}].`);
    for (const c of year.mandatory ?? []) {
      const other = yearOf.get(c);
      if (other !== undefined)
        throw invalidConstraints(`years[${at}].mandatory`, `candidate ${c} is mandatory in years[${other}] already`);
      yearOf.set(c, at);
    }
  });
}

/**
 * Greedy by year: each year's mandatory sites, then the sites that add most coverage within that year's limits,
 * on top of everything built before. Every site built in a year counts for the same remaining years, so within a year
 * the plain (or per-cost) greedy is the right order; under a budget the best single affordable site is taken instead
 * when it covers more, as in the single-period greedy. A second plan also improves each year's additions by swaps
 * (earlier years fixed); that is myopic, so the plan with the larger total is kept. Runs on the merged demand;
 * reports the original weights.
 */
export function planPhased(original: CoverInstance, constraints: PhasedConstraints): PhasedPlan {
  validatePhased(original, constraints);
  const instance = mergeIdenticalDemand(original).instance;
  const greedy = buildByYear(instance, constraints, null);
  const swapped = buildByYear(instance, constraints, transposeCover(instance));
  const best = swapped.objective > greedy.objective ? swapped : greedy;
  const built: number[] = [];
  let objective = 0;
  const years = best.years.map((year) => {
    built.push(...year.built);
    const covered = coveredWeight(original, built);
    objective += covered;
    return { ...year, covered };
  });
  return { years, objective };
}

/** The plan year by year on the merged instance; with coverers, each year's additions are improved by swaps. */
function buildByYear(
  instance: CoverInstance,
  constraints: PhasedConstraints,
  coverers: DemandCoverers | null,
): PhasedPlan {
  const state = new CoverState(instance);
  const isExcluded = new Uint8Array(instance.candidateCount);
  for (const c of constraints.excluded ?? []) isExcluded[c] = 1;
  const futureMandatory = new Uint8Array(instance.candidateCount);
  for (const year of constraints.years) for (const c of year.mandatory ?? []) futureMandatory[c] = 1;
  const years: PhasedYear[] = [];
  let objective = 0;
  constraints.years.forEach((year, at) => {
    const builtBefore = state.chosen.length;
    const spentBefore = state.cost;
    for (const c of year.mandatory ?? []) {
      state.add(c);
      futureMandatory[c] = 0;
    }
    const rules: SelectionRules = {
      maxSites: builtBefore + (year.maxSites ?? Infinity),
      budget: spentBefore + (year.budget ?? Infinity),
      mandatory: [],
      // Sites of earlier years and this year's mandatory ones stay; later years' mandatory ones are built then.
      isMandatory: Uint8Array.from(state.isChosen),
      isExcluded: Uint8Array.from(isExcluded, (excluded, c) => excluded | futureMandatory[c]!),
    };
    const byRatio = year.budget !== undefined;
    const single = byRatio ? bestAffordable(state, rules) : { candidate: -1, gain: 0 };
    const coveredBefore = state.covered;
    greedyFill(state, rules, byRatio);
    if (single.candidate >= 0 && single.gain > state.covered - coveredBefore) {
      const mandatoryCount = year.mandatory?.length ?? 0;
      for (const c of state.chosen.slice(builtBefore + mandatoryCount)) state.remove(c);
      state.add(single.candidate);
    }
    if (coverers) improveBySwaps(state, rules, coverers);
    years.push({
      year: at + 1,
      built: state.chosen.slice(builtBefore),
      cost: state.cost - spentBefore,
      covered: state.covered,
    });
    objective += state.covered;
  });
  return { years, objective };
}

function bestAffordable(state: CoverState, rules: SelectionRules): { candidate: number; gain: number } {
  let candidate = -1;
  let gain = 0;
  if (state.chosen.length >= rules.maxSites) return { candidate, gain };
  for (let c = 0; c < state.instance.candidateCount; c++) {
    if (state.isChosen[c] || rules.isExcluded[c] || !fitsBudget(state.cost, state.instance.cost[c]!, rules.budget))
      continue;
    const g = state.gain(c);
    if (g > gain) {
      candidate = c;
      gain = g;
    }
  }
  return { candidate, gain };
}
