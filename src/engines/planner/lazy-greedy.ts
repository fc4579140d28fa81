import { CandidateHeap } from './candidate-heap.js';
import { CoverState } from './cover-state.js';
import type { CoverInstance } from './instance.js';
import { fitsBudget, hasBudget, type SelectionRules } from './selection-rules.js';

export interface GreedyResult {
  state: CoverState;
  /** 'gain' under a site count; under a budget, 'ratio' (gain per cost) or 'single' when one site beat it. */
  variant: 'gain' | 'ratio' | 'single';
}

/**
 * Adds candidates to the state by largest gain (or gain per cost) until a limit binds or nothing gains, with CELF's
 * lazy evaluation: gains only fall as coverage grows, so a stale key is an upper bound and only the top is refreshed.
 */
export function greedyFill(state: CoverState, rules: SelectionRules, byRatio: boolean): void {
  const { instance } = state;
  const { cost } = instance;
  const heap = new CandidateHeap(instance.candidateCount);
  const evaluatedAt = new Int32Array(instance.candidateCount);
  const keyOf = (c: number) => (byRatio ? state.gain(c) / cost[c]! : state.gain(c));
  for (let c = 0; c < instance.candidateCount; c++) {
    if (state.isChosen[c] || rules.isExcluded[c] || !fitsBudget(state.cost, cost[c]!, rules.budget)) continue;
    evaluatedAt[c] = state.chosen.length;
    heap.push(c, keyOf(c));
  }
  while (state.chosen.length < rules.maxSites && heap.size > 0) {
    const c = heap.topCandidate();
    if (!fitsBudget(state.cost, cost[c]!, rules.budget)) {
      heap.pop(); // what is left of the budget only shrinks
      continue;
    }
    if (evaluatedAt[c] === state.chosen.length) {
      if (heap.topKey() <= 0) break;
      heap.pop();
      state.add(c);
      continue;
    }
    heap.pop();
    evaluatedAt[c] = state.chosen.length;
    heap.push(c, keyOf(c));
  }
}

/** The mandatory sites plus the one affordable candidate that adds most: the other half of the budget guarantee. */
function bestSingleAddition(instance: CoverInstance, rules: SelectionRules): CoverState {
  const state = new CoverState(instance);
  for (const c of rules.mandatory) state.add(c);
  if (state.chosen.length >= rules.maxSites) return state;
  let best = -1;
  let bestGain = 0;
  for (let c = 0; c < instance.candidateCount; c++) {
    if (state.isChosen[c] || rules.isExcluded[c] || !fitsBudget(state.cost, instance.cost[c]!, rules.budget)) continue;
    const gain = state.gain(c);
    if (gain > bestGain) {
      best = c;
      bestGain = gain;
    }
  }
  if (best >= 0) state.add(best);
  return state;
}

/**
 * Mandatory sites first, then the lazy greedy. Under a site count this is the (1 − 1/e) greedy. Under a budget it is
 * the cost-benefit greedy or the best single affordable site, whichever covers more: that pair guarantees
 * (1 − 1/e)/2 of the optimum (Khuller, Moss and Naor 1999; Leskovec et al. 2007, CELF).
 */
export function lazyGreedy(instance: CoverInstance, rules: SelectionRules): GreedyResult {
  const state = new CoverState(instance);
  for (const c of rules.mandatory) state.add(c);
  if (!hasBudget(rules)) {
    greedyFill(state, rules, false);
    return { state, variant: 'gain' };
  }
  greedyFill(state, rules, true);
  const single = bestSingleAddition(instance, rules);
  return single.covered > state.covered ? { state: single, variant: 'single' } : { state, variant: 'ratio' };
}
