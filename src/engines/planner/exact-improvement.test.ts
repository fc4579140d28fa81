import { describe, expect, it } from 'vitest';
import { bruteForceOptimum } from './brute-force-optimum.js';
import { coveredWeight } from './cover-state.js';
import { buildOrder, improveExactly } from './exact-improvement.js';
import { smallInstance } from './test-instances.js';

describe('the exact improvement step', () => {
  it('replaces a poor plan by HiGHS’s optimum, in a build order of falling gains, and never loosens the bound', async () => {
    const instance = smallInstance(5, 12);
    const optimum = bruteForceOptimum(instance, { maxSites: 3 });
    const poor = [0, 1, 2];
    const solved = {
      phases: [{ year: null, built: poor, cost: 3, covered: coveredWeight(instance, poor) }],
      objective: coveredWeight(instance, poor),
      upperBound: optimum.objective * 1.5,
      timings: {},
    };
    const better = await improveExactly(instance, solved, { maxSites: 3, timeLimitS: 10 }, [], []);
    expect(better!.check.status).toBe('optimal');
    expect(better!.solved.objective).toBeCloseTo(optimum.objective, 6);
    expect(better!.check.improved).toBe(better!.solved.objective > solved.objective);
    expect(better!.solved.upperBound).toBeLessThanOrEqual(solved.upperBound);
    expect(better!.solved.upperBound).toBeGreaterThanOrEqual(optimum.objective - 1e-6);
    const order = better!.solved.phases[0]!.built;
    expect(coveredWeight(instance, order)).toBeCloseTo(optimum.objective, 6); // an optimum (there may be several)
    expect(order).toEqual(buildOrder(instance, order, []));
  }, 60_000);

  it('is skipped for phased plans', async () => {
    const instance = smallInstance(5, 12);
    const solved = { phases: [], objective: 0, upperBound: 1, timings: {} };
    expect(
      await improveExactly(instance, solved, { phases: [{ year: 2026, maxSites: 1 }], timeLimitS: 5 }, [], []),
    ).toBeNull();
  });

  it('orders mandatory sites first, then by what each adds', () => {
    const instance = smallInstance(2, 10);
    const order = buildOrder(instance, [4, 1, 7, 3], [7]);
    expect(order[0]).toBe(7);
    expect([...order].sort()).toEqual([1, 3, 4, 7]);
  });
});
