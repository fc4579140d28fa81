import { expect, it } from 'vitest';
import { generateInstance, generatePlacedInstance } from './generate-instance.js';
import { validateInstance } from './validate-instance.js';

const PROVINCE = { sideKm: 150, candidateCount: 2000, demandCount: 50_000, reachKm: { min: 3, max: 5 } };

it('generates a valid instance of the benchmark size well under a second', () => {
  const started = performance.now();
  const instance = generateInstance({ seed: 1, ...PROVINCE });
  const elapsedMs = performance.now() - started;
  validateInstance(instance);
  expect(instance.candidateCount).toBe(2000);
  expect(instance.demandCount).toBe(50_000);
  expect(instance.candDemand.length).toBeGreaterThan(50_000);
  expect(elapsedMs).toBeLessThan(1000);
});

it('replays from its seed and differs between seeds', () => {
  const spec = { sideKm: 30, candidateCount: 100, demandCount: 2000, reachKm: { min: 2, max: 4 } };
  const a = generateInstance({ seed: 7, ...spec });
  const b = generateInstance({ seed: 7, ...spec });
  const c = generateInstance({ seed: 8, ...spec });
  expect(b).toEqual(a);
  expect(c.candDemand).not.toEqual(a.candDemand);
});

it('covers exactly the points within reach', () => {
  const placed = generatePlacedInstance({
    seed: 2,
    sideKm: 20,
    candidateCount: 40,
    demandCount: 2000,
    reachKm: { min: 1, max: 4 },
  });
  const { instance } = placed;
  for (let c = 0; c < instance.candidateCount; c++) {
    const expected: number[] = [];
    for (let i = 0; i < instance.demandCount; i++) {
      const distanceKm = Math.hypot(placed.pointXKm[i]! - placed.siteXKm[c]!, placed.pointYKm[i]! - placed.siteYKm[c]!);
      if (distanceKm <= placed.reachKm[c]!) expected.push(i);
    }
    expect(Array.from(instance.candDemand.subarray(instance.candStart[c], instance.candStart[c + 1]))).toEqual(
      expected,
    );
  }
});

it('draws costs in the range asked for', () => {
  const instance = generateInstance({
    seed: 3,
    ...PROVINCE,
    candidateCount: 100,
    demandCount: 1000,
    costRange: { min: 2, max: 5 },
  });
  for (const cost of instance.cost) {
    expect(cost).toBeGreaterThanOrEqual(2);
    expect(cost).toBeLessThanOrEqual(5);
  }
});
