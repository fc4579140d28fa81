import type { CoverState } from './cover-state.js';
import { greedyFill } from './lazy-greedy.js';
import { fitsBudget, hasBudget, type SelectionRules } from './selection-rules.js';
import type { DemandCoverers } from './transpose-cover.js';

export interface LocalSearchOptions {
  /** Passes over the chosen sites; each pass tries every droppable site once. */
  maxPasses?: number;
  /** performance.now() after which no new pass starts (the one under way finishes its current site). */
  deadline?: number;
  isCancelled?: () => boolean;
}

export interface LocalSearchResult {
  swaps: number;
  passes: number;
  /** Whether it stopped because no swap improved, rather than at a limit. */
  converged: boolean;
}

/**
 * Swaps a chosen site for an unchosen one while that raises covered weight, then refills any site or budget a swap
 * freed. For a dropped site d and an added site a, the change is gain(a) − loss(d) + the weight of points covered by
 * d alone that a also covers; gain(a) is kept for every candidate as points change between covered and uncovered,
 * and the last term is collected from d's singly covered points, so one site costs its own list plus a scan of gains.
 * Best improvement per dropped site, sites tried in build order, lower indices on ties: deterministic.
 */
export function improveBySwaps(
  state: CoverState,
  rules: SelectionRules,
  coverers: DemandCoverers,
  options: LocalSearchOptions = {},
): LocalSearchResult {
  const { instance, coverCount, isChosen } = state;
  const { candStart, candDemand, weight, cost, candidateCount } = instance;
  const { demandStart, demandCand } = coverers;
  const maxPasses = options.maxPasses ?? 100;
  const byRatio = hasBudget(rules);
  const gain = new Float64Array(candidateCount);
  const shared = new Float64Array(candidateCount); // weight d alone covers that a covers too
  const touched: number[] = [];
  const moveGains = (c: number, fromCount: number, sign: number) => {
    for (let j = candStart[c]!, end = candStart[c + 1]!; j < end; j++) {
      const point = candDemand[j]!;
      if (coverCount[point] !== fromCount) continue;
      const w = sign * weight[point]!;
      for (let k = demandStart[point]!, kEnd = demandStart[point + 1]!; k < kEnd; k++) gain[demandCand[k]!]! += w;
    }
  };
  let swaps = 0;
  let passes = 0;
  let converged = false;
  while (passes < maxPasses && !options.isCancelled?.()) {
    if (options.deadline !== undefined && performance.now() > options.deadline) break;
    passes++;
    greedyFill(state, rules, byRatio);
    for (let c = 0; c < candidateCount; c++) gain[c] = isChosen[c] ? 0 : state.gain(c); // fresh, no drift
    const threshold = 1e-12 * Math.max(1, state.covered);
    let improved = false;
    for (const d of [...state.chosen]) {
      if (rules.isMandatory[d]) continue;
      let loss = 0;
      for (let j = candStart[d]!, end = candStart[d + 1]!; j < end; j++) {
        const point = candDemand[j]!;
        if (coverCount[point] !== 1) continue;
        const w = weight[point]!;
        loss += w;
        for (let k = demandStart[point]!, kEnd = demandStart[point + 1]!; k < kEnd; k++) {
          const a = demandCand[k]!;
          if (shared[a] === 0) touched.push(a);
          shared[a]! += w;
        }
      }
      const spare = rules.budget - (state.cost - cost[d]!);
      let best = -1;
      let bestChange = threshold;
      for (let a = 0; a < candidateCount; a++) {
        if (isChosen[a] || rules.isExcluded[a]) continue;
        const change = gain[a]! + shared[a]! - loss;
        if (change > bestChange && fitsBudget(0, cost[a]!, spare)) {
          best = a;
          bestChange = change;
        }
      }
      for (const a of touched) shared[a] = 0;
      touched.length = 0;
      if (best < 0) continue;
      // Points d alone covered become uncovered (gains rise), then points a newly covers stop counting.
      state.remove(d);
      moveGains(d, 0, +1);
      state.add(best);
      moveGains(best, 1, -1);
      gain[best] = 0;
      gain[d] = state.gain(d);
      swaps++;
      improved = true;
      if (options.deadline !== undefined && performance.now() > options.deadline) break;
    }
    if (!improved) {
      converged = true;
      break;
    }
  }
  return { swaps, passes, converged };
}
