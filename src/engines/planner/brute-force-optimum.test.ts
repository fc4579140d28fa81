import { expect, it } from 'vitest';
import { bruteForceOptimum } from './brute-force-optimum.js';
import { coveredWeight } from './cover-state.js';
import { fitsBudget } from './selection-rules.js';
import { smallInstance } from './test-instances.js';

/** Every subset, evaluated directly: the slow definition the zeta transform must agree with. */
function naiveOptimum(seed: number, maxSites: number, budget: number): number {
  const instance = smallInstance(seed, 8);
  let best = 0;
  for (let set = 0; set < 1 << 8; set++) {
    const chosen = [0, 1, 2, 3, 4, 5, 6, 7].filter((c) => set & (1 << c));
    const cost = chosen.reduce((sum, c) => sum + instance.cost[c]!, 0);
    if (chosen.length <= maxSites && fitsBudget(0, cost, budget))
      best = Math.max(best, coveredWeight(instance, chosen));
  }
  return best;
}

it('agrees with direct enumeration', () => {
  for (const seed of [1, 2, 3, 4]) {
    const instance = smallInstance(seed, 8);
    expect(bruteForceOptimum(instance, { maxSites: 3 }).objective).toBeCloseTo(naiveOptimum(seed, 3, Infinity), 9);
    expect(bruteForceOptimum(instance, { budget: 4 }).objective).toBeCloseTo(naiveOptimum(seed, Infinity, 4), 9);
  }
});

it('returns a set that reaches its objective', () => {
  const instance = smallInstance(5);
  const exact = bruteForceOptimum(instance, { maxSites: 4, mandatory: [2], excluded: [0] });
  expect(exact.chosen).toContain(2);
  expect(exact.chosen).not.toContain(0);
  expect(coveredWeight(instance, exact.chosen)).toBeCloseTo(exact.objective, 9);
});
