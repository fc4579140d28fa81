import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findOutliers, median, robustZScore } from './outliers.js';

describe('robustZScore', () => {
  it('matches the hand computation', () => {
    // sorted 9,10,10,10,11,11,12 → median 10; deviations 0,0,0,1,1,1,2 → MAD 1
    expect(robustZScore([10, 11, 9, 10, 12, 10, 11], 30)).toBeCloseTo(13.49, 10);
    expect(robustZScore([10, 11, 9, 10, 12, 10, 11], 8)).toBeCloseTo(-1.349, 10);
  });
  it('uses the even-length median', () => {
    // median (10+12)/2 = 11; deviations 3,1,1,1,1,3 → MAD 1
    expect(median([8, 10, 10, 12, 12, 14])).toBe(11);
    expect(robustZScore([8, 10, 10, 12, 12, 14], 15)).toBeCloseTo(0.6745 * 4, 10);
  });
  it('falls back to the mean absolute deviation when MAD is 0', () => {
    // median 10, MAD 0; mean absolute deviation 10/7 → scale 1.2533 × 10/7
    expect(robustZScore([10, 10, 10, 10, 10, 10, 20], 20)).toBeCloseTo(10 / ((1.2533 * 10) / 7), 10);
  });
  it('puts any change from a constant history infinitely far', () => {
    const flat = [5, 5, 5, 5, 5, 5];
    expect(robustZScore(flat, 5)).toBe(0);
    expect(robustZScore(flat, 5.01)).toBe(Infinity);
    expect(robustZScore(flat, 0)).toBe(-Infinity);
  });
  it('has no score for a history shorter than six points', () => {
    expect(robustZScore([], 1)).toBeNull();
    expect(robustZScore([1, 2, 3, 4, 5], 100)).toBeNull();
    expect(robustZScore([1, 2, 3, 4, 5, 6], 100)).not.toBeNull();
    expect(robustZScore([1, 2, 3], 100, 3)).not.toBeNull();
  });

  const history = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 6, maxLength: 40 });
  const value = fc.integer({ min: -2_000_000, max: 2_000_000 });
  const same = (a: number | null, b: number | null) => {
    expect(a).not.toBeNull();
    if (!Number.isFinite(a!)) expect(b).toBe(a);
    else expect(b).toBeCloseTo(a!, 6);
  };
  it('does not change when a constant is added to every value', () => {
    fc.assert(
      fc.property(history, value, fc.integer({ min: -1_000_000, max: 1_000_000 }), (h, x, c) =>
        same(
          robustZScore(h, x),
          robustZScore(
            h.map((v) => v + c),
            x + c,
          ),
        ),
      ),
    );
  });
  it('does not change when every value is scaled by k > 0', () => {
    fc.assert(
      fc.property(history, value, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (h, x, k) =>
        same(
          robustZScore(h, x),
          robustZScore(
            h.map((v) => v * k),
            x * k,
          ),
        ),
      ),
    );
  });
});

describe('findOutliers', () => {
  const monthly = (values: number[], from = 2024) =>
    values.map((value, i) => ({
      period: `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      value,
    }));

  it('flags a new spike when it arrives, judged only on the past', () => {
    const series = monthly([10, 11, 9, 10, 12, 10, 11, 30, 10]);
    expect(findOutliers(series)).toEqual([{ period: '2024-08', value: 30, z: expect.closeTo(13.49, 10), median: 10 }]);
    // Still flagged with only its own past in view: a later return to normal does not hide it.
    expect(findOutliers(series.slice(0, 8)).map((o) => o.period)).toEqual(['2024-08']);
  });
  it('sorts the series and does not judge points without enough history', () => {
    const series = monthly([10, 11, 9, 10, 12, 10, 11, 30]).reverse();
    expect(findOutliers(series).map((o) => o.period)).toEqual(['2024-08']);
    expect(findOutliers(monthly([1, 100, 1, 100, 1, 100]))).toEqual([]);
  });
  it('only looks back over the window', () => {
    // Months 1–6 sit at 100, months 7–12 hover near 10; month 13 at 100 is far from the last six months
    // (the drop to 10 itself is flagged as it happens: 2024-07 and 2024-08).
    const series = monthly([100, 100, 100, 100, 100, 100, 10, 11, 9, 10, 12, 10, 100]);
    expect(findOutliers(series, { window: 6 }).map((o) => o.period)).toEqual(['2024-07', '2024-08', '2025-01']);
    // Over 24 months, half the history is at 100: median 56, MAD 44 → z ≈ 0.67, not an outlier.
    expect(findOutliers(series).map((o) => o.period)).toEqual(['2024-07', '2024-08']);
  });
  it('honours threshold and minHistory', () => {
    const series = monthly([10, 11, 9, 13]);
    expect(findOutliers(series)).toEqual([]);
    // history 10,11,9 → median 10, MAD 1 → z = 0.6745 × 3 = 2.02
    expect(findOutliers(series, { minHistory: 3, threshold: 2 }).map((o) => o.period)).toEqual(['2024-04']);
    expect(findOutliers(series, { minHistory: 3 })).toEqual([]);
  });
  it('works on quarters and skips non-finite values', () => {
    const series = ['2023Q1', '2023Q2', '2023Q3', '2023Q4', '2024Q1', '2024Q2', '2024Q3'].map((period, i) => ({
      period,
      value: i === 6 ? 500 : 50 + (i % 2),
    }));
    series.splice(3, 0, { period: '2023Q4', value: NaN });
    expect(findOutliers(series).map((o) => o.period)).toEqual(['2024Q3']);
  });
  it('refuses bad options', () => {
    expect(() => findOutliers([], { threshold: 0 })).toThrow(/threshold/);
    expect(() => findOutliers([], { minHistory: 1.5 })).toThrow(/minHistory/);
    expect(() => findOutliers([], { window: 0 })).toThrow(/window/);
  });
});
