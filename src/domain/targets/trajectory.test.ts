import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods.js';
import { endOf, expectedValueAt, splitTarget } from './trajectory.js';

describe('expectedValueAt', () => {
  // Baseline 72 at the end of 2024; 2025 target 172; no 2026–2029 targets; 2030 target 572.
  const points = [
    { year: 2024, value: 72 },
    { year: 2030, value: 572 },
    { year: 2025, value: 172 },
  ];
  it('is the baseline at the end of its year and null before', () => {
    expect(expectedValueAt(points, { year: 2024, fraction: 1 })).toBe(72);
    expect(expectedValueAt(points, { year: 2025, fraction: 0 })).toBe(72);
    expect(expectedValueAt(points, { year: 2024, fraction: 0.5 })).toBeNull();
    expect(expectedValueAt([], { year: 2030, fraction: 1 })).toBeNull();
  });
  it('runs straight between consecutive points, each target due at the end of its year', () => {
    expect(expectedValueAt(points, { year: 2025, fraction: 0.75 })).toBe(147);
    expect(expectedValueAt(points, { year: 2025, fraction: 1 })).toBe(172);
    // 2025 → 2030: 400 over 5 years, 80 a year; end of June 2027 is 1.5 years after the end of 2025.
    expect(expectedValueAt(points, { year: 2027, fraction: 0.5 })).toBe(292);
    expect(expectedValueAt(points, { year: 2030, fraction: 1 })).toBe(572);
  });
  it('holds the last target after it is due', () => {
    expect(expectedValueAt(points, { year: 2031, fraction: 0.25 })).toBe(572);
    expect(expectedValueAt([{ year: 2024, value: 5 }], { year: 2026, fraction: 0.5 })).toBe(5);
  });
  it('works downwards', () => {
    const down = [
      { year: 2024, value: 40 },
      { year: 2026, value: 20 },
    ];
    expect(expectedValueAt(down, { year: 2025, fraction: 0.5 })).toBe(35);
  });
  it('refuses inconsistent points and times', () => {
    expect(() =>
      expectedValueAt(
        [
          { year: 2025, value: 1 },
          { year: 2024, value: 2 },
        ],
        { year: 2025, fraction: 1 },
      ),
    ).toThrow(/after the baseline/);
    expect(() =>
      expectedValueAt(
        [
          { year: 2024, value: 1 },
          { year: 2025, value: 2 },
          { year: 2025, value: 3 },
        ],
        { year: 2025, fraction: 1 },
      ),
    ).toThrow(/two targets/);
    expect(() => expectedValueAt(points, { year: 2025, fraction: 1.5 })).toThrow(/0–1/);
  });
  it('turns a period into the time at its end', () => {
    expect(endOf(parsePeriod('2025-09'))).toEqual({ year: 2025, fraction: 0.75 });
    expect(endOf(parsePeriod('2025Q2'))).toEqual({ year: 2025, fraction: 0.5 });
    expect(endOf(parsePeriod('2025'))).toEqual({ year: 2025, fraction: 1 });
  });
});

describe('splitTarget', () => {
  const weights = [
    { unitCode: 'A', weight: 1 },
    { unitCode: 'B', weight: 1 },
    { unitCode: 'C', weight: 1 },
  ];
  it('splits counts into whole numbers that add up', () => {
    expect(splitTarget(100, weights, 'count')).toEqual([
      { unitCode: 'A', value: 34 },
      { unitCode: 'B', value: 33 },
      { unitCode: 'C', value: 33 },
    ]);
  });
  it('does not divide a percent or yes/no target', () => {
    expect(splitTarget(80, weights, 'percent').map((p) => p.value)).toEqual([80, 80, 80]);
    expect(splitTarget(1, weights, 'boolean').map((p) => p.value)).toEqual([1, 1, 1]);
  });
  it('splits other numbers proportionally', () => {
    const parts = splitTarget(
      10,
      [
        { unitCode: 'A', weight: 1 },
        { unitCode: 'B', weight: 3 },
      ],
      'number',
    );
    expect(parts).toEqual([
      { unitCode: 'A', value: 2.5 },
      { unitCode: 'B', value: 7.5 },
    ]);
  });
  it('refuses impossible splits', () => {
    expect(() => splitTarget(10, [{ unitCode: 'A', weight: 0 }], 'number')).toThrow(/all zero/);
    expect(() => splitTarget(10.5, weights, 'count')).toThrow(/whole number/);
    expect(() => splitTarget(10, [...weights, { unitCode: 'A', weight: 2 }], 'count')).toThrow(/twice/);
    expect(() => splitTarget(10, [{ unitCode: 'A', weight: -1 }], 'number')).toThrow(/≥ 0/);
  });
});
