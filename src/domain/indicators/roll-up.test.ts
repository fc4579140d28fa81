import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateOverTime, aggregateOverUnits, summariseOverTime, sum, type UnitValue } from './roll-up.js';
import type { IndicatorRule } from './indicator-rule.js';

const rule = (overrides: Partial<IndicatorRule>): IndicatorRule => ({
  valueType: 'number',
  unitAggregation: 'sum',
  threshold: null,
  timeAggregation: 'last',
  reportingLevel: 'commune',
  ...overrides,
});
const unit = (unitCode: string, value: number | null, weight: number | null = 1): UnitValue => ({
  unitCode,
  value,
  weight,
});

describe('over time', () => {
  const months = [
    { periodEnd: '2025-03-31', value: 30 },
    { periodEnd: '2025-01-31', value: 10 },
    { periodEnd: '2025-02-28', value: 20 },
  ];
  it('sums flows and takes the latest value of stocks, whatever the order', () => {
    const summary = summariseOverTime(months);
    expect(aggregateOverTime(summary, { timeAggregation: 'sum' })).toBe(60);
    expect(aggregateOverTime(summary, { timeAggregation: 'last' })).toBe(30);
  });
  it('has no value, not zero, when nothing was reported', () => {
    expect(aggregateOverTime(summariseOverTime([]), { timeAggregation: 'sum' })).toBeNull();
  });
});

describe('over units', () => {
  it('weights a population-weighted average by population', () => {
    const result = aggregateOverUnits(
      [unit('a', 100, 900), unit('b', 0, 100)],
      rule({ unitAggregation: 'weighted_average' }),
    );
    expect(result.value).toBeCloseTo(90);
  });
  it('counts missing units as missing, not zero', () => {
    const result = aggregateOverUnits(
      [unit('a', 10), unit('b', null), unit('c', 20)],
      rule({ unitAggregation: 'average' }),
    );
    expect(result).toEqual({ value: 15, reported: 2, expected: 3 });
  });
  it('gives the share of units meeting a threshold', () => {
    const result = aggregateOverUnits(
      [unit('a', 1), unit('b', 0), unit('c', 1), unit('d', 1)],
      rule({ unitAggregation: 'share_meeting', threshold: 1 }),
    );
    expect(result.value).toBe(75);
  });
  it('takes min and max', () => {
    const values = [unit('a', 3), unit('b', -2), unit('c', 7)];
    expect(aggregateOverUnits(values, rule({ unitAggregation: 'min' })).value).toBe(-2);
    expect(aggregateOverUnits(values, rule({ unitAggregation: 'max' })).value).toBe(7);
  });
  it('has no value when no unit reported', () => {
    expect(aggregateOverUnits([unit('a', null)], rule({})).value).toBeNull();
  });
});

describe('invariants', () => {
  const values = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 });
  it('sums are additive across any split of the units', () => {
    fc.assert(
      fc.property(values, fc.nat(), (numbers, cut) => {
        const units = numbers.map((n, i) => unit(String(i), n));
        const k = cut % (units.length + 1);
        const whole = aggregateOverUnits(units, rule({})).value ?? 0;
        const left = aggregateOverUnits(units.slice(0, k), rule({})).value ?? 0;
        const right = aggregateOverUnits(units.slice(k), rule({})).value ?? 0;
        expect(whole).toBe(left + right);
      }),
    );
  });
  it('a weighted average lies between the min and the max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 50_000 })), {
          minLength: 1,
        }),
        (pairs) => {
          const units = pairs.map(([v, w], i) => unit(String(i), v, w));
          const avg = aggregateOverUnits(units, rule({ unitAggregation: 'weighted_average' })).value!;
          const numbers = pairs.map(([v]) => v);
          expect(avg).toBeGreaterThanOrEqual(Math.min(...numbers) - 1e-9);
          expect(avg).toBeLessThanOrEqual(Math.max(...numbers) + 1e-9);
        },
      ),
    );
  });
  it('compensated sums are exact where naive ones drift', () => {
    expect(sum([1e16, 1, -1e16])).toBe(1); // naive: 0
    expect(sum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });
});
