import { describe, expect, it } from 'vitest';
import { coveredWeight } from './cover-state.js';
import type { CoverInstance } from './instance.js';
import { planPhased } from './phased-plan.js';
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

  it('phases: builds the best final network soonest where the year-by-year greedy is myopic', () => {
    // 18 people; B and C cover nine each, A five of each: the greedy takes A first (10), then A + B (14): 24 in all.
    // B then B + C covers 9 + 18 = 27.
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
    const covers = [[...range(0, 4), ...range(9, 13)], range(0, 8), range(9, 17)];
    const instance: CoverInstance = {
      candidateCount: 3,
      demandCount: 18,
      weight: new Float64Array(18).fill(1),
      candStart: Uint32Array.from([0, 10, 19, 28]),
      candDemand: Uint32Array.from(covers.flat()),
      cost: new Float64Array(3).fill(1),
    };
    const years = [
      { year: 2026, maxSites: 1 },
      { year: 2027, maxSites: 1 },
    ];
    expect(planPhased(instance, { years }).objective).toBe(24);
    const solved = solveScenario(instance, { phases: years, timeLimitS: 5 }, [], []);
    expect(solved.objective).toBe(27);
    expect(solved.phases.map((p) => p.built)).toEqual([[1], [2]]);
    expect(solved.upperBound).toBeGreaterThanOrEqual(27);
  });

  it('phases: never below the year-by-year greedy, within every year’s limits', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const instance = smallInstance(seed, 12);
      const years = [
        { year: 2026, maxSites: 2, budget: 4 },
        { year: 2027, budget: 3 },
        { year: 2028, maxSites: 1 },
      ];
      const solved = solveScenario(instance, { phases: years, timeLimitS: 5 }, [], []);
      expect(solved.objective).toBeGreaterThanOrEqual(planPhased(instance, { years }).objective - 1e-9);
      solved.phases.forEach((phase, at) => {
        const limit = years[at]!;
        if (limit.maxSites !== undefined) expect(phase.built.length).toBeLessThanOrEqual(limit.maxSites);
        if (limit.budget !== undefined) expect(phase.cost).toBeLessThanOrEqual(limit.budget + 1e-9);
      });
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
