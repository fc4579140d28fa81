import { describe, expect, it } from 'vitest';
import { bruteForceOptimum } from './brute-force-optimum.js';
import type { PlanConstraints } from './instance.js';
import { lagrangianBound } from './lagrangian-bound.js';
import { lazyGreedy } from './lazy-greedy.js';
import { resolveRules } from './selection-rules.js';
import { generateInstance } from './generate-instance.js';
import { smallInstance } from './test-instances.js';

const CASES: PlanConstraints[] = [
  { maxSites: 2 },
  { maxSites: 5 },
  { budget: 4 },
  { budget: 8 },
  { maxSites: 3, budget: 5 },
  { maxSites: 4, mandatory: [0], excluded: [1, 2] },
  { budget: 6, mandatory: [3], excluded: [4] },
];

describe('lagrangianBound', () => {
  it('is never below the exact optimum on small instances', () => {
    for (let seed = 1; seed <= 15; seed++) {
      const instance = smallInstance(seed);
      for (const constraints of CASES) {
        const rules = resolveRules(instance, constraints);
        const exact = bruteForceOptimum(instance, constraints).objective;
        const greedy = lazyGreedy(instance, rules).state.covered;
        const { bound } = lagrangianBound(instance, rules, { bestKnown: greedy });
        expect(bound).toBeGreaterThanOrEqual(exact - 1e-9 * exact);
      }
    }
  });

  it('is tighter than covering everything, and stops at the target gap', () => {
    const instance = generateInstance({
      seed: 5,
      sideKm: 40,
      candidateCount: 200,
      demandCount: 4000,
      reachKm: { min: 2, max: 3 },
    });
    const rules = resolveRules(instance, { maxSites: 20 });
    const greedy = lazyGreedy(instance, rules).state.covered;
    const total = instance.weight.reduce((sum, w) => sum + w, 0);
    const loose = lagrangianBound(instance, rules, { bestKnown: greedy, maxIterations: 1 });
    const tight = lagrangianBound(instance, rules, { bestKnown: greedy, maxIterations: 500 });
    expect(tight.bound).toBeLessThan(loose.bound);
    expect(tight.bound).toBeLessThan(total);
    expect((tight.bound - greedy) / tight.bound).toBeLessThan(0.02);
    const early = lagrangianBound(instance, rules, { bestKnown: greedy, maxIterations: 500, targetGap: 0.05 });
    expect(early.iterations).toBeLessThan(tight.iterations);
    expect((early.bound - greedy) / early.bound).toBeLessThanOrEqual(0.05);
  });

  it("averages the relaxation's choice into a fractional plan within the limits", () => {
    const instance = generateInstance({
      seed: 6,
      sideKm: 40,
      candidateCount: 200,
      demandCount: 4000,
      reachKm: { min: 2, max: 3 },
    });
    for (const constraints of [{ maxSites: 15, mandatory: [4] }, { budget: 12 }]) {
      const rules = resolveRules(instance, constraints);
      const greedy = lazyGreedy(instance, rules).state.covered;
      const { averageChoice, iterations } = lagrangianBound(instance, rules, { bestKnown: greedy, maxIterations: 300 });
      expect(iterations).toBeGreaterThan(20);
      let total = 0;
      for (const share of averageChoice) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        total += share;
      }
      if (constraints.maxSites) {
        expect(total).toBeLessThanOrEqual(constraints.maxSites + 1e-9);
        expect(averageChoice[4]).toBeCloseTo(1, 12);
      }
      expect(total).toBeGreaterThan(0);
    }
    const none = lagrangianBound(instance, resolveRules(instance, { maxSites: 5 }), { bestKnown: 0, maxIterations: 0 });
    expect(none.averageChoice.every((share) => share === 0)).toBe(true);
  });

  it('stays above the exact optimum when weights span orders of magnitude, raced or not', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const base = smallInstance(seed);
      const weight = base.weight.map((w, i) => w * 10 ** ((i * 7) % 5)); // 1× to 10,000×
      const instance = { ...base, weight };
      for (const constraints of [{ maxSites: 3 }, { budget: 5 }, { maxSites: 4, mandatory: [0], excluded: [1] }]) {
        const rules = resolveRules(instance, constraints);
        const exact = bruteForceOptimum(instance, constraints).objective;
        const greedy = lazyGreedy(instance, rules).state.covered;
        for (const maxIterations of [1, 50, 400]) {
          const { bound } = lagrangianBound(instance, rules, { bestKnown: greedy, maxIterations });
          expect(bound).toBeGreaterThanOrEqual(exact - 1e-9 * exact);
        }
      }
    }
  });
});
