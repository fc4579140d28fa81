import { describe, expect, it } from 'vitest';
import { coveredWeight } from './cover-state.js';
import { generateInstance } from './generate-instance.js';
import type { CoverInstance } from './instance.js';
import { mergeIdenticalDemand } from './merge-demand.js';
import { seededRandom } from './seeded-random.js';
import { validateInstance } from './validate-instance.js';

describe('mergeIdenticalDemand', () => {
  it('merges points with the same coverers and drops uncovered and empty ones', () => {
    // Candidate 0 covers 0, 1, 3; candidate 1 covers 1, 3, 4. Points 1 and 3 share {0, 1}; point 2 has no coverer.
    const instance: CoverInstance = {
      candidateCount: 2,
      demandCount: 6,
      weight: Float64Array.of(1, 2, 5, 4, 0, 7),
      candStart: Uint32Array.of(0, 3, 6),
      candDemand: Uint32Array.of(0, 1, 3, 1, 3, 4),
      cost: Float64Array.of(1, 1),
    };
    const { instance: merged, mergedPoint, uncoverable } = mergeIdenticalDemand(instance);
    expect(Array.from(mergedPoint)).toEqual([0, 1, -1, 1, -1, -1]);
    expect(Array.from(merged.weight)).toEqual([1, 6]);
    expect(Array.from(merged.candStart)).toEqual([0, 2, 3]);
    expect(Array.from(merged.candDemand)).toEqual([0, 1, 1]);
    expect(uncoverable).toBe(12);
  });

  it('changes no objective of any candidate set', () => {
    for (const seed of [1, 2, 3]) {
      const instance = generateInstance({
        seed,
        sideKm: 20,
        candidateCount: 60,
        demandCount: 3000,
        reachKm: { min: 2, max: 4 },
      });
      const { instance: merged } = mergeIdenticalDemand(instance);
      validateInstance(merged);
      expect(merged.demandCount).toBeLessThan(instance.demandCount);
      const random = seededRandom(seed * 7);
      for (let trial = 0; trial < 200; trial++) {
        const chosen = Array.from({ length: 60 }, (_, c) => c).filter(() => random() < 0.1 + 0.3 * (trial % 3));
        expect(coveredWeight(merged, chosen)).toBeCloseTo(coveredWeight(instance, chosen), 6);
      }
    }
  });

  it('tells rows apart that collide in the hash table', () => {
    // Many distinct rows in a small table force probing; every point stays its own merged point.
    const demandCount = 500;
    const candidateCount = 10;
    const lists: number[][] = Array.from({ length: candidateCount }, () => []);
    for (let i = 0; i < demandCount; i++)
      for (let c = 0; c < candidateCount; c++) if ((i + 1) & (1 << c)) lists[c]!.push(i);
    const candStart = Uint32Array.from([0, ...lists.map((_, c) => lists.slice(0, c + 1).flat().length)]);
    const instance: CoverInstance = {
      candidateCount,
      demandCount,
      weight: new Float64Array(demandCount).fill(1),
      candStart,
      candDemand: Uint32Array.from(lists.flat()),
      cost: new Float64Array(candidateCount).fill(1),
    };
    expect(mergeIdenticalDemand(instance).instance.demandCount).toBe(demandCount);
  });
});
