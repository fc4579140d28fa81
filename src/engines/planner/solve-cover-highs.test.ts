import { describe, expect, it } from 'vitest';
import { bruteForceOptimum, randomCoverInstance } from '../../../test/fixtures/cover-instances.js';
import type { CoverInstance, PlanConstraints } from './instance.js';
import { coveredWeight } from './highs-model.js';
import { solveCoverWithHighs } from './solve-cover-highs.js';

const small = (seed: number): CoverInstance =>
  randomCoverInstance(seed, { candidates: 14, points: 30, minReach: 0.15, maxReach: 0.35 });

function isAllowed(instance: CoverInstance, constraints: PlanConstraints, chosen: number[]): boolean {
  const cost = chosen.reduce((sum, c) => sum + instance.cost[c]!, 0);
  return (
    (constraints.maxSites === undefined || chosen.length <= constraints.maxSites) &&
    (constraints.budget === undefined || cost <= constraints.budget + 1e-9) &&
    (constraints.mandatory ?? []).every((c) => chosen.includes(c)) &&
    !(constraints.excluded ?? []).some((c) => chosen.includes(c))
  );
}

async function expectBruteForceOptimum(instance: CoverInstance, constraints: PlanConstraints): Promise<void> {
  const solution = await solveCoverWithHighs(instance, constraints);
  const optimum = bruteForceOptimum(instance, constraints);
  expect(solution.status).toBe('optimal');
  expect(isAllowed(instance, constraints, solution.chosen)).toBe(true);
  expect(solution.objective).toBe(coveredWeight(instance, solution.chosen));
  expect(solution.objective).toBeCloseTo(optimum, 9);
  expect(solution.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
  expect(solution.bound).toBeLessThanOrEqual(optimum + 1e-4);
}

describe('HiGHS on small random instances reaches the brute-force optimum', () => {
  it.each([1, 2, 3, 4, 5, 6])('under a site count (seed %i)', async (seed) => {
    for (const maxSites of [1, 3, 5]) await expectBruteForceOptimum(small(seed), { maxSites });
  });

  it.each([1, 2, 3, 4, 5, 6])('under a budget (seed %i)', async (seed) => {
    for (const budget of [2, 6, 11.5]) await expectBruteForceOptimum(small(seed), { budget });
  });

  it.each([1, 2, 3, 4])('with mandatory and excluded sites, a count and a budget (seed %i)', async (seed) => {
    const instance = small(seed);
    await expectBruteForceOptimum(instance, { maxSites: 4, mandatory: [seed], excluded: [seed + 1, seed + 5] });
    const mandatoryCost = instance.cost[0]! + instance.cost[seed + 2]!;
    await expectBruteForceOptimum(instance, {
      budget: mandatoryCost + 4,
      mandatory: [0, seed + 2],
      excluded: [seed + 3],
    });
    await expectBruteForceOptimum(instance, { maxSites: 3, budget: 8, excluded: [seed, seed + 4, seed + 6] });
  });
});

describe('progress while HiGHS runs', () => {
  it('reports each better plan and bounds that hold for the optimum', async () => {
    const instance = randomCoverInstance(11, { candidates: 300, points: 5_000, minReach: 0.03, maxReach: 0.06 });
    const incumbents: { chosen: number[]; objective: number }[] = [];
    const bounds: number[] = [];
    let coverable = 0;
    const solution = await solveCoverWithHighs(
      instance,
      { maxSites: 30 },
      {},
      {
        onModel: (coverableWeight) => (coverable = coverableWeight),
        onIncumbent: (chosen, objective) => incumbents.push({ chosen, objective }),
        onBound: (bound) => bounds.push(bound),
      },
    );
    expect(solution.status).toBe('optimal');
    expect(incumbents.at(-1)).toEqual({ chosen: solution.chosen, objective: solution.objective });
    for (const { chosen, objective } of incumbents) expect(objective).toBe(coveredWeight(instance, chosen));
    expect(bounds.length).toBeGreaterThan(0);
    for (const bound of bounds) {
      expect(bound).toBeGreaterThanOrEqual(solution.objective - 1e-6);
      expect(bound).toBeLessThanOrEqual(coverable);
    }
  });
});

describe('edge cases', () => {
  it('keeps a mandatory site that covers nothing worth anything', async () => {
    const instance = small(9);
    const nothing: CoverInstance = { ...instance, weight: new Float64Array(instance.demandCount) };
    const solution = await solveCoverWithHighs(nothing, { maxSites: 2, mandatory: [4] });
    expect(solution).toMatchObject({ chosen: [4], objective: 0, bound: 0, status: 'optimal' });
  });

  it('chooses nothing under a zero budget and proves nothing better exists', async () => {
    const solution = await solveCoverWithHighs(small(3), { budget: 0 });
    expect(solution).toMatchObject({ chosen: [], objective: 0, status: 'optimal' });
    expect(solution.bound).toBeCloseTo(0, 6);
  });
});
