import { describe, expect, it } from 'vitest';
import { randomCoverInstance } from '../../../test/fixtures/cover-instances.js';
import type { CoverInstance } from './instance.js';
import { chosenCandidates, coveredWeight, mapCoverColumns, startColumnValues, writeCoverLp } from './highs-model.js';

// Candidate 0 covers points 0 and 1, candidate 1 covers 1 and 2, candidate 2 covers 3; point 4 is covered by none.
const tiny: CoverInstance = {
  candidateCount: 3,
  demandCount: 5,
  weight: Float64Array.from([5, 0, 2.5, 7, 9]),
  candStart: Uint32Array.from([0, 2, 4, 5]),
  candDemand: Uint32Array.from([0, 1, 1, 2, 3]),
  cost: Float64Array.from([1, 2, 3]),
};

describe('the covering model as LP text', () => {
  it('has one covering row per point that weighs something and can be covered', () => {
    const lp = writeCoverLp(tiny, { maxSites: 2 });
    expect(lp.text).toContain(' obj: 5 z0 + 2.5 z2 + 7 z3\n');
    expect(lp.text).toContain(' z0 - x0 <= 0\n');
    expect(lp.text).toContain(' z2 - x1 <= 0\n');
    expect(lp.text).not.toMatch(/z1|z4/); // weight 0, and covered by no candidate
    expect(lp.text).toContain(' sites: x0 + x1 + x2\n <= 2\n');
    expect(lp.text).not.toContain('budget');
    expect(lp).toMatchObject({ modelledDemandCount: 3, coverableWeight: 14.5 });
  });

  it('leaves excluded candidates out, and the points only they cover', () => {
    const lp = writeCoverLp(tiny, { maxSites: 1, excluded: [2] });
    expect(lp.text).not.toMatch(/x2|z3/);
    expect(Array.from(lp.candidates)).toEqual([0, 1]);
    expect(lp.coverableWeight).toBe(7.5);
  });

  it('fixes mandatory candidates to 1 and writes the budget with each cost', () => {
    const lp = writeCoverLp(tiny, { budget: 4.5, mandatory: [1] });
    expect(lp.text).toContain(' budget: 1 x0 + 2 x1 + 3 x2\n <= 4.5\n');
    expect(lp.text).toMatch(/\nBounds\n[^]* x1 = 1\n[^]*Binary\n x0 x1 x2\nEnd\n$/);
  });

  it('keeps every line under the CPLEX format limit of 510 characters, however many terms a row has', () => {
    const instance = randomCoverInstance(7, { candidates: 300, points: 2_000, minReach: 0.2, maxReach: 0.3 });
    const lp = writeCoverLp(instance, { maxSites: 10, budget: 40 });
    const longest = Math.max(...lp.text.split('\n').map((line) => line.length));
    expect(longest).toBeLessThanOrEqual(510);
    expect(lp.text).toMatch(/\n - x\d+/); // a covering row that continued on another line
  });

  it('writes a model of 200,000 points (more rows than a spread into one array takes)', () => {
    const points = 200_000;
    const instance: CoverInstance = {
      candidateCount: 10,
      demandCount: points,
      weight: new Float64Array(points).fill(1),
      candStart: Uint32Array.from({ length: 11 }, (_, c) => c * (points / 10)),
      candDemand: Uint32Array.from({ length: points }, (_, i) => i),
      cost: new Float64Array(10).fill(1),
    };
    const lp = writeCoverLp(instance, { maxSites: 3 });
    expect(lp.modelledDemandCount).toBe(points);
    expect(lp.text).toContain(' z199999 - x9 <= 0\n');
  });
});

describe('reading a solution', () => {
  // The columns as HiGHS might order them: not the order the text names them in.
  const names = ['x2', 'z0', 'x0', 'z3', 'x1', 'z2'];
  const columns = mapCoverColumns(tiny, names.length, (column) => names[column]!);

  it('finds each variable among the columns by its name', () => {
    expect(Array.from(columns.candidateColumn)).toEqual([2, 4, 0]);
    expect(Array.from(columns.demandColumn)).toEqual([1, -1, 5, 3, -1]);
    expect(() => mapCoverColumns(tiny, 1, () => 'y1')).toThrow(/column y1/);
    expect(() => mapCoverColumns(tiny, 1, () => 'x3')).toThrow(/column x3/);
  });

  it('chooses the candidates whose variable is 1', () => {
    const lp = writeCoverLp(tiny, { maxSites: 2 });
    expect(chosenCandidates(lp, columns, Float64Array.from([0.9999999, 1, 1, 1, 1e-9, 0]))).toEqual([0, 2]);
  });

  it('starts from a plan with its candidates and the points they cover at 1', () => {
    expect(Array.from(startColumnValues(tiny, columns, names.length, [1]))).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('counts a point covered twice once', () => {
    expect(coveredWeight(tiny, [0, 1])).toBe(7.5);
    expect(coveredWeight(tiny, [])).toBe(0);
  });
});
