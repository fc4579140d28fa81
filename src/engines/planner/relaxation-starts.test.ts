import { describe, expect, it } from 'vitest';
import { bruteForceOptimum } from './brute-force-optimum.js';
import { generateInstance } from './generate-instance.js';
import { lagrangianBound } from './lagrangian-bound.js';
import { lazyGreedy } from './lazy-greedy.js';
import { largestShares, onlineStart } from './relaxation-starts.js';
import { resolveRules } from './selection-rules.js';
import { smallInstance } from './test-instances.js';

describe('onlineStart', () => {
  it('starts the bound at the plan plus its largest marginal gains, or lower', () => {
    const instance = generateInstance({
      seed: 7,
      sideKm: 40,
      candidateCount: 200,
      demandCount: 4000,
      reachKm: { min: 2, max: 3 },
    });
    const k = 20;
    const rules = resolveRules(instance, { maxSites: k });
    const { state } = lazyGreedy(instance, rules);
    const gains: number[] = [];
    for (let c = 0; c < instance.candidateCount; c++) if (!state.isChosen[c]) gains.push(state.gain(c));
    gains.sort((a, b) => b - a);
    const submodular = state.covered + gains.slice(0, k).reduce((sum, g) => sum + g, 0);
    const start = onlineStart(instance, state);
    const once = lagrangianBound(instance, rules, { bestKnown: state.covered, maxIterations: 1, starts: [start] });
    const plain = lagrangianBound(instance, rules, { bestKnown: state.covered, maxIterations: 1 });
    expect(once.bound).toBeLessThanOrEqual(submodular * (1 + 1e-12));
    expect(once.bound).toBeLessThanOrEqual(plain.bound);
    expect(once.bound).toBeGreaterThanOrEqual(state.covered);
  });

  it('never takes the bound below the exact optimum, whatever the starts hold', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const instance = smallInstance(seed);
      for (const constraints of [{ maxSites: 3 }, { budget: 5 }, { maxSites: 4, mandatory: [0], excluded: [1] }]) {
        const rules = resolveRules(instance, constraints);
        const exact = bruteForceOptimum(instance, constraints).objective;
        const { state } = lazyGreedy(instance, rules);
        const wild = Float64Array.from(instance.weight, (w, i) => (i % 3 === 0 ? -5 : i % 3 === 1 ? 10 * w : 0));
        for (const starts of [[onlineStart(instance, state)], [wild], [new Float64Array(instance.demandCount)]]) {
          for (const maxIterations of [1, 200]) {
            const { bound } = lagrangianBound(instance, rules, { bestKnown: state.covered, maxIterations, starts });
            expect(bound).toBeGreaterThanOrEqual(exact - 1e-9 * exact);
          }
        }
      }
    }
  });
});

describe('largestShares', () => {
  it('takes the largest positive shares up to the site count, ties to the lower index, none excluded', () => {
    const shares = Float64Array.of(0.2, 0.9, 0, 0.5, 0.9, 1, 0.5);
    const rules = resolveRules({ candidateCount: 7 } as never, { maxSites: 4, excluded: [5] });
    expect(largestShares(shares, rules)).toEqual([1, 4, 3, 6]);
    const byBudget = resolveRules({ candidateCount: 7 } as never, { budget: 3 });
    expect(largestShares(shares, byBudget)).toEqual([5, 1, 4, 3, 6, 0]);
  });
});
