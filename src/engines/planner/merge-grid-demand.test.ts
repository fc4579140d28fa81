import { describe, expect, it } from 'vitest';
import { buildGridInstance } from './build-instance.js';
import { coveredWeight } from './cover-state.js';
import { mergeGridDemand } from './merge-grid-demand.js';
import { seededRandom } from './seeded-random.js';

/** A random grid: demand per cell (some 0), candidates covering random discs of it. */
function randomGrid(seed: number) {
  const random = seededRandom(seed);
  const side = 60;
  const demand = Float64Array.from({ length: side * side }, () => (random() < 0.2 ? 0 : Math.round(random() * 20)));
  const candidates = Array.from({ length: 25 }, () => {
    const cx = random() * side;
    const cy = random() * side;
    const r = 3 + random() * 8;
    const cells: number[] = [];
    for (let y = 0; y < side; y++)
      for (let x = 0; x < side; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) cells.push(y * side + x);
    return Uint32Array.from(cells);
  });
  const cost = Float64Array.from(candidates, () => 1 + Math.floor(random() * 3));
  return { demand, candidates, cost, random };
}

describe('merging identical demand on the grid', () => {
  it('changes no objective of any candidate set, and makes far fewer points', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const { demand, candidates, cost, random } = randomGrid(seed);
      const merged = mergeGridDemand(demand, candidates, cost);
      const plain = buildGridInstance(demand, candidates, cost);
      expect(merged.unreachableWeight).toBeCloseTo(plain.unreachableWeight, 6);
      expect(merged.demandCells).toBe(plain.instance.demandCount);
      expect(merged.instance.demandCount).toBeLessThan(plain.instance.demandCount / 3);
      for (let trial = 0; trial < 40; trial++) {
        const chosen = candidates.map((_, c) => c).filter(() => random() < 0.3);
        expect(coveredWeight(merged.instance, chosen)).toBeCloseTo(coveredWeight(plain.instance, chosen), 6);
      }
      // Each candidate's list is ascending, without repeats.
      const { candStart, candDemand } = merged.instance;
      for (let c = 0; c < candidates.length; c++)
        for (let j = candStart[c]! + 1; j < candStart[c + 1]!; j++)
          expect(candDemand[j]!).toBeGreaterThan(candDemand[j - 1]!);
    }
  });

  it('keeps cells covered by the same candidates but far apart in one point, and cells of different sets apart', () => {
    const demand = Float64Array.from([5, 0, 3, 2, 7, 1]);
    const candidates = [Uint32Array.from([0, 2, 4]), Uint32Array.from([2, 3, 4]), Uint32Array.from([5])];
    const { instance, demandCells, unreachableWeight } = mergeGridDemand(
      demand,
      candidates,
      Float64Array.from([1, 1, 1]),
    );
    // Sets: cell 0 {0}; cells 2 and 4 {0, 1}; cell 3 {1}; cell 5 {2}.
    expect(Array.from(instance.weight)).toEqual([5, 10, 2, 1]);
    expect(Array.from(instance.candStart)).toEqual([0, 2, 4, 5]);
    expect(Array.from(instance.candDemand)).toEqual([0, 1, 1, 2, 3]);
    expect(demandCells).toBe(5);
    expect(unreachableWeight).toBe(0);
  });
});
