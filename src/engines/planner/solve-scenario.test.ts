import { describe, expect, it } from 'vitest';
import { coveredWeight } from './cover-state.js';
import type { CoverInstance } from './instance.js';
import { phasedUpperBound, solveScenario } from './solve-scenario.js';
import { smallInstance } from './test-instances.js';

const PHASES = [
  { year: 2026, maxSites: 2 },
  { year: 2027, maxSites: 2 },
];

/** The best phased objective by enumeration: year 1 takes a set of ≤ 2 sites, year 2 adds ≤ 2 more. */
function bestPhased(instance: CoverInstance): number {
  const n = instance.candidateCount;
  const sets: number[][] = [[]];
  for (let a = 0; a < n; a++) {
    sets.push([a]);
    for (let b = a + 1; b < n; b++) sets.push([a, b]);
  }
  let best = 0;
  for (const first of sets) {
    const year1 = coveredWeight(instance, first);
    for (const more of sets) {
      if (more.some((c) => first.includes(c))) continue;
      best = Math.max(best, year1 + coveredWeight(instance, [...first, ...more]));
    }
  }
  return best;
}

describe('scenario solve', () => {
  it('phases: a plan no better than the exact phased optimum, and a bound no lower than it', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const instance = smallInstance(seed, 9);
      const solved = solveScenario(instance, { phases: PHASES, timeLimitS: 5 }, [], []);
      const exact = bestPhased(instance);
      expect(solved.objective).toBeLessThanOrEqual(exact + 1e-6);
      expect(solved.upperBound).toBeGreaterThanOrEqual(exact - 1e-6);
      expect(phasedUpperBound(instance, PHASES, [], [], 5000)).toBeGreaterThanOrEqual(exact - 1e-6);
      expect(solved.phases.map((p) => p.year)).toEqual([2026, 2027]);
      expect(solved.phases.every((p) => p.built.length <= 2)).toBe(true);
      // Year 2's covered weight includes year 1's sites.
      expect(solved.phases[1]!.covered).toBeGreaterThanOrEqual(solved.phases[0]!.covered);
    }
  });

  it('one period: mandatory sites built first, excluded never, and the same plan every time', () => {
    const instance = smallInstance(3, 12);
    const once = solveScenario(instance, { maxSites: 4, timeLimitS: 5 }, [7], [0, 1]);
    const again = solveScenario(instance, { maxSites: 4, timeLimitS: 5 }, [7], [0, 1]);
    const built = once.phases[0]!.built;
    expect(built[0]).toBe(7);
    expect(built).not.toContain(0);
    expect(built).not.toContain(1);
    expect(built.length).toBeLessThanOrEqual(4);
    expect(again.phases).toEqual(once.phases);
    expect(once.upperBound).toBeGreaterThanOrEqual(once.objective);
  });
});
