import { describe, expect, it } from 'vitest';
import { Invalid } from '../../domain/errors.js';
import { coveredWeight } from './cover-state.js';
import { lazyGreedy } from './lazy-greedy.js';
import { planPhased } from './phased-plan.js';
import { resolveRules } from './selection-rules.js';
import { smallInstance } from './test-instances.js';

describe('planPhased', () => {
  it('builds within each year’s limits and counts coverage for every remaining year', () => {
    const instance = smallInstance(4);
    const plan = planPhased(instance, { years: [{ maxSites: 2 }, { budget: 3 }, { maxSites: 1, budget: 2 }] });
    expect(plan.years.map((y) => y.year)).toEqual([1, 2, 3]);
    expect(plan.years[0]!.built.length).toBeLessThanOrEqual(2);
    expect(plan.years[1]!.cost).toBeLessThanOrEqual(3 + 1e-9);
    expect(plan.years[2]!.built.length).toBeLessThanOrEqual(1);
    const built: number[] = [];
    let total = 0;
    for (const year of plan.years) {
      built.push(...year.built);
      expect(year.covered).toBeCloseTo(coveredWeight(instance, built), 9);
      total += year.covered;
    }
    expect(plan.objective).toBeCloseTo(total, 9);
    expect(new Set(built).size).toBe(built.length);
    // Coverage never falls from one year to the next.
    for (let y = 1; y < plan.years.length; y++)
      expect(plan.years[y]!.covered).toBeGreaterThanOrEqual(plan.years[y - 1]!.covered);
  });

  it('covers at least what the single-period greedy covers in year 1', () => {
    for (const seed of [2, 4, 6, 8]) {
      const instance = smallInstance(seed);
      const greedy = lazyGreedy(instance, resolveRules(instance, { maxSites: 3 })).state.covered;
      const plan = planPhased(instance, { years: [{ maxSites: 3 }, { maxSites: 2 }] });
      expect(plan.years[0]!.covered).toBeGreaterThanOrEqual(greedy - 1e-9);
    }
  });

  it('builds mandatory sites in their year and never excluded ones', () => {
    const instance = smallInstance(8);
    const plan = planPhased(instance, { years: [{ maxSites: 2 }, { maxSites: 2, mandatory: [9] }], excluded: [0, 1] });
    expect(plan.years[0]!.built).not.toContain(9);
    expect(plan.years[1]!.built[0]).toBe(9);
    for (const year of plan.years) for (const c of [0, 1]) expect(year.built).not.toContain(c);
  });

  it('names the year of a bad constraint', () => {
    const instance = smallInstance(8);
    expect(() => planPhased(instance, { years: [{ maxSites: 1 }, {}] })).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'years[1].maxSites' })] }),
    );
    expect(() =>
      planPhased(instance, {
        years: [
          { maxSites: 1, mandatory: [2] },
          { maxSites: 1, mandatory: [2] },
        ],
      }),
    ).toThrow(Invalid);
    expect(() => planPhased(instance, { years: [] })).toThrow(/years/);
  });
});
