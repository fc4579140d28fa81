import { describe, expect, it } from 'vitest';
import { bruteForceOptimum } from './brute-force-optimum.js';
import { coveredWeight } from './cover-state.js';
import { generateInstance } from './generate-instance.js';
import type { PlanConstraints } from './instance.js';
import { solvePlan } from './solve-plan.js';
import { smallInstance } from './test-instances.js';

describe('solvePlan', () => {
  it('brackets the exact optimum between its objective and its bound on small instances', () => {
    const cases: PlanConstraints[] = [
      { maxSites: 3 },
      { budget: 5 },
      { maxSites: 4, mandatory: [1], excluded: [2, 3] },
    ];
    for (let seed = 1; seed <= 10; seed++) {
      const instance = smallInstance(seed);
      for (const constraints of cases) {
        const plan = solvePlan(instance, constraints);
        const exact = bruteForceOptimum(instance, constraints).objective;
        expect(plan.objective).toBeLessThanOrEqual(exact + 1e-9);
        expect(plan.upperBound).toBeGreaterThanOrEqual(exact - 1e-9);
        expect(plan.gap).toBeCloseTo((plan.upperBound - plan.objective) / plan.upperBound, 12);
      }
    }
  });

  it('honours mandatory, excluded, the site count and the budget', () => {
    const instance = generateInstance({
      seed: 11,
      sideKm: 40,
      candidateCount: 150,
      demandCount: 5000,
      reachKm: { min: 2, max: 4 },
      costRange: { min: 1, max: 4 },
    });
    const mandatory = [7, 3];
    const excluded = Array.from({ length: 30 }, (_, i) => 2 * i + 10);
    const plan = solvePlan(instance, { maxSites: 12, budget: 25, mandatory, excluded });
    expect(plan.chosen.slice(0, 2)).toEqual(mandatory);
    expect(plan.chosen.length).toBeLessThanOrEqual(12);
    expect(plan.cost).toBeLessThanOrEqual(25 + 1e-9);
    for (const c of excluded) expect(plan.chosen).not.toContain(c);
    expect(plan.objective).toBeCloseTo(coveredWeight(instance, plan.chosen), 6);
    expect(plan.upperBound).toBeGreaterThanOrEqual(plan.objective);
    expect(Object.keys(plan.timings)).toEqual(expect.arrayContaining(['merge', 'greedy', 'localSearch', 'bound']));
  });

  it('gives identical plans for identical inputs', () => {
    const spec = { seed: 3, sideKm: 40, candidateCount: 200, demandCount: 5000, reachKm: { min: 2, max: 4 } };
    const strip = ({ timings: _, ...rest }: ReturnType<typeof solvePlan>) => rest;
    const first = solvePlan(generateInstance(spec), { maxSites: 25 });
    const second = solvePlan(generateInstance(spec), { maxSites: 25 });
    expect(strip(second)).toEqual(strip(first));
    expect(first.chosen.length).toBe(25);
  });

  it('reports progress by stage and stops when cancelled', () => {
    const instance = smallInstance(2);
    const stages: string[] = [];
    solvePlan(instance, { maxSites: 3 }, { onProgress: (stage, fraction) => fraction === 1 && stages.push(stage) });
    expect(stages).toEqual(['merge', 'greedy', 'localSearch', 'bound']);
    let polls = 0;
    expect(() => solvePlan(instance, { maxSites: 3 }, { isCancelled: () => ++polls > 2 })).toThrow(
      expect.objectContaining({ code: 'request.cancelled' }),
    );
  });

  it('rejects bad input with the field named', () => {
    expect(() => solvePlan(smallInstance(1), { maxSites: 2, excluded: [99] })).toThrow(/excluded\[0\]/);
  });
});

describe('solvePlan at the edges', () => {
  it('returns a valid plan and bound when the time limit cuts the stages short', () => {
    const instance = generateInstance({
      seed: 4,
      sideKm: 60,
      candidateCount: 400,
      demandCount: 20_000,
      reachKm: { min: 2, max: 4 },
    });
    const plan = solvePlan(instance, { maxSites: 40 }, { timeLimitMs: 1 });
    expect(plan.chosen.length).toBe(40);
    expect(plan.objective).toBeCloseTo(coveredWeight(instance, plan.chosen), 6);
    expect(plan.upperBound).toBeGreaterThanOrEqual(plan.objective);
    const full = solvePlan(instance, { maxSites: 40 });
    expect(full.upperBound).toBeLessThanOrEqual(plan.upperBound);
  });

  it('proves a zero gap when nothing is affordable or allowed', () => {
    const instance = smallInstance(1);
    for (const constraints of [{ budget: 0.5 }, { maxSites: 0 }, { maxSites: 3, excluded: [...Array(12).keys()] }]) {
      expect(solvePlan(instance, constraints)).toMatchObject({ chosen: [], objective: 0, upperBound: 0, gap: 0 });
    }
  });

  it('solves an instance with no candidates or no demand', () => {
    const empty = {
      candidateCount: 0,
      demandCount: 0,
      weight: new Float64Array(0),
      candStart: Uint32Array.of(0),
      candDemand: new Uint32Array(0),
      cost: new Float64Array(0),
    };
    expect(solvePlan(empty, { maxSites: 3 })).toMatchObject({ chosen: [], objective: 0, gap: 0 });
  });
});
