import { describe, expect, it } from 'vitest';
import { bruteForceOptimum } from './brute-force-optimum.js';
import { coveredWeight } from './cover-state.js';
import type { CoverInstance, PlanConstraints } from './instance.js';
import { lazyGreedy } from './lazy-greedy.js';
import { improveBySwaps } from './local-search.js';
import { resolveRules } from './selection-rules.js';
import { smallInstance } from './test-instances.js';
import { transposeCover } from './transpose-cover.js';

function search(instance: CoverInstance, constraints: PlanConstraints) {
  const rules = resolveRules(instance, constraints);
  const { state } = lazyGreedy(instance, rules);
  const greedy = state.covered;
  const result = improveBySwaps(state, rules, transposeCover(instance));
  return { greedy, state, result };
}

describe('improveBySwaps', () => {
  it('escapes the greedy trap of a site covering two halves', () => {
    // Site 0 covers both halves partly (weight 6); sites 1 and 2 cover one half each (5 + 5). With k = 2 the greedy
    // takes 0 then one half; the swap to {1, 2} covers 10.
    const instance: CoverInstance = {
      candidateCount: 3,
      demandCount: 4,
      weight: Float64Array.of(3, 2, 3, 2),
      candStart: Uint32Array.of(0, 2, 4, 6),
      candDemand: Uint32Array.of(0, 2, 0, 1, 2, 3),
      cost: Float64Array.of(1, 1, 1),
    };
    const { greedy, state, result } = search(instance, { maxSites: 2 });
    expect(greedy).toBe(8);
    expect(state.covered).toBe(10);
    expect([...state.chosen].sort()).toEqual([1, 2]);
    expect(result.converged).toBe(true);
  });

  it('never lowers the greedy objective and keeps the state consistent', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const instance = smallInstance(seed);
      for (const constraints of [{ maxSites: 4 }, { budget: 6 }, { maxSites: 3, budget: 5 }]) {
        const { greedy, state } = search(instance, constraints);
        expect(state.covered).toBeGreaterThanOrEqual(greedy - 1e-9);
        expect(state.covered).toBeCloseTo(coveredWeight(instance, state.chosen), 9);
        expect(state.chosen.length).toBeLessThanOrEqual(constraints.maxSites ?? Infinity);
        expect(state.cost).toBeLessThanOrEqual((constraints.budget ?? Infinity) + 1e-9);
      }
    }
  });

  it('keeps mandatory sites and never adds excluded ones', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const instance = smallInstance(seed);
      const { state } = search(instance, { maxSites: 4, mandatory: [5, 6], excluded: [0, 1, 2] });
      expect(state.chosen.slice(0, 2)).toEqual([5, 6]);
      for (const c of [0, 1, 2]) expect(state.chosen).not.toContain(c);
    }
  });

  it('often reaches the exact optimum on small instances', () => {
    let optimal = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const instance = smallInstance(seed);
      const exact = bruteForceOptimum(instance, { maxSites: 4 }).objective;
      if (search(instance, { maxSites: 4 }).state.covered >= exact - 1e-9) optimal++;
    }
    expect(optimal).toBeGreaterThanOrEqual(17);
  });

  it('stops after the pass limit', () => {
    const instance = smallInstance(3);
    const rules = resolveRules(instance, { maxSites: 4 });
    const { state } = lazyGreedy(instance, rules);
    expect(improveBySwaps(state, rules, transposeCover(instance), { maxPasses: 0 })).toMatchObject({
      passes: 0,
      swaps: 0,
    });
  });
});
