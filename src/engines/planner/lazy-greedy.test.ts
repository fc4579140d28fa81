import { describe, expect, it } from 'vitest';
import { bruteForceOptimum } from './brute-force-optimum.js';
import { coveredWeight } from './cover-state.js';
import type { CoverInstance } from './instance.js';
import { lazyGreedy } from './lazy-greedy.js';
import { resolveRules } from './selection-rules.js';
import { smallInstance } from './test-instances.js';

const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);

/** Plain greedy without lazy evaluation: the reference CELF must reproduce pick for pick. */
function eagerGreedy(instance: CoverInstance, k: number): number[] {
  const chosen: number[] = [];
  while (chosen.length < k) {
    const base = coveredWeight(instance, chosen);
    let best = -1;
    let bestGain = 0;
    for (let c = 0; c < instance.candidateCount; c++) {
      if (chosen.includes(c)) continue;
      const gain = coveredWeight(instance, [...chosen, c]) - base;
      if (gain > bestGain + 1e-9) [best, bestGain] = [c, gain];
    }
    if (best < 0) break;
    chosen.push(best);
  }
  return chosen;
}

describe('lazyGreedy', () => {
  it('picks what the eager greedy picks', () => {
    for (const seed of SEEDS) {
      const instance = smallInstance(seed);
      expect(lazyGreedy(instance, resolveRules(instance, { maxSites: 5 })).state.chosen).toEqual(
        eagerGreedy(instance, 5),
      );
    }
  });

  it('reaches (1 − 1/e) of the optimum under a site count', () => {
    for (const seed of SEEDS) {
      const instance = smallInstance(seed);
      for (const k of [2, 4, 6]) {
        const greedy = lazyGreedy(instance, resolveRules(instance, { maxSites: k })).state.covered;
        expect(greedy).toBeGreaterThanOrEqual(
          (1 - 1 / Math.E) * bruteForceOptimum(instance, { maxSites: k }).objective,
        );
      }
    }
  });

  it('reaches (1 − 1/e)/2 of the optimum under a budget, within it', () => {
    for (const seed of SEEDS) {
      const instance = smallInstance(seed);
      for (const budget of [3, 6, 9]) {
        const { state } = lazyGreedy(instance, resolveRules(instance, { budget }));
        expect(state.cost).toBeLessThanOrEqual(budget + 1e-9);
        const exact = bruteForceOptimum(instance, { budget }).objective;
        expect(state.covered).toBeGreaterThanOrEqual(((1 - 1 / Math.E) / 2) * exact);
      }
    }
  });

  it('builds mandatory sites first and never excluded ones', () => {
    const instance = smallInstance(7);
    const free = lazyGreedy(instance, resolveRules(instance, { maxSites: 4 })).state.chosen;
    const excluded = free.slice(0, 2);
    const mandatory = [0, 1, 2, 3, 4, 5].filter((c) => !free.includes(c)).slice(0, 2);
    const chosen = lazyGreedy(instance, resolveRules(instance, { maxSites: 4, mandatory, excluded })).state.chosen;
    expect(chosen.slice(0, 2)).toEqual(mandatory);
    expect(chosen.length).toBeLessThanOrEqual(4);
    for (const c of excluded) expect(chosen).not.toContain(c);
  });

  it('takes the best single site when it beats the cost-benefit greedy', () => {
    // A cheap site covering little has the best ratio; the dear one covering much fits only alone.
    const instance: CoverInstance = {
      candidateCount: 2,
      demandCount: 2,
      weight: Float64Array.of(1, 100),
      candStart: Uint32Array.of(0, 1, 2),
      candDemand: Uint32Array.of(0, 1),
      cost: Float64Array.of(0.1, 10),
    };
    const result = lazyGreedy(instance, resolveRules(instance, { budget: 10 }));
    expect(result.variant).toBe('single');
    expect(result.state.chosen).toEqual([1]);
  });

  it('stops adding sites that cover nothing new', () => {
    // Candidate 1 covers a subset of candidate 0's points: once 0 is built it adds nothing.
    const instance: CoverInstance = {
      candidateCount: 2,
      demandCount: 3,
      weight: Float64Array.of(1, 2, 3),
      candStart: Uint32Array.of(0, 3, 5),
      candDemand: Uint32Array.of(0, 1, 2, 1, 2),
      cost: Float64Array.of(1, 1),
    };
    expect(lazyGreedy(instance, resolveRules(instance, { maxSites: 2 })).state.chosen).toEqual([0]);
  });
});
