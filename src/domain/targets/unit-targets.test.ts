import { describe, expect, it } from 'vitest';
import { effectiveTargetsOf, inheritedTargets, targetInheritance } from './unit-targets.js';

const count = { valueType: 'count', unitAggregation: 'sum' } as const;
const percent = { valueType: 'percent', unitAggregation: 'weighted_average' } as const;
const shareMeeting = { valueType: 'boolean', unitAggregation: 'share_meeting' } as const;

const province = [
  { year: 2024, kind: 'baseline' as const, value: 100 },
  { year: 2030, kind: 'target' as const, value: 500 },
];
// C1 holds 2 % of the province's people.
const weights = [
  { unitCode: 'C1', weight: 2_000 },
  { unitCode: 'C2', weight: 38_000 },
  { unitCode: 'C3', weight: 60_000 },
];

describe('targetInheritance', () => {
  it('splits amounts, passes rates and shares as they are, and refuses shares of units', () => {
    expect(targetInheritance(count)).toBe('split');
    expect(targetInheritance({ valueType: 'number', unitAggregation: 'sum' })).toBe('split');
    expect(targetInheritance(percent)).toBe('as_is');
    expect(targetInheritance({ valueType: 'number', unitAggregation: 'average' })).toBe('as_is');
    expect(targetInheritance({ valueType: 'percent', unitAggregation: 'sum' })).toBe('as_is');
    expect(targetInheritance(shareMeeting)).toBe('none');
  });
});

describe('inheritedTargets', () => {
  it('gives a commune with 2 % of the population 2 % of a count target and baseline', () => {
    expect(inheritedTargets(province, count, 'C1', weights)).toEqual([
      { year: 2024, kind: 'baseline', value: 2 },
      { year: 2030, kind: 'target', value: 10 },
    ]);
  });

  it('splits counts into whole numbers that add up to the province’s target', () => {
    const odd = [{ year: 2030, kind: 'target' as const, value: 7 }];
    const parts = ['C1', 'C2', 'C3'].map((code) => inheritedTargets(odd, count, code, weights)![0]!.value);
    expect(parts.every(Number.isInteger)).toBe(true);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('splits a non-count amount proportionally', () => {
    const money = [{ year: 2030, kind: 'target' as const, value: 1_000 }];
    expect(inheritedTargets(money, { valueType: 'number', unitAggregation: 'sum' }, 'C2', weights)).toEqual([
      { year: 2030, kind: 'target', value: 380 },
    ]);
  });

  it('keeps a percentage target the same', () => {
    const rate = [{ year: 2030, kind: 'target' as const, value: 95 }];
    expect(inheritedTargets(rate, percent, 'C1', weights)).toEqual(rate);
  });

  it('gives nothing for a share-of-units indicator, nor without the ancestor’s targets', () => {
    expect(inheritedTargets(province, shareMeeting, 'C1', weights)).toBeNull();
    expect(inheritedTargets([], count, 'C1', weights)).toBeNull();
  });

  it('gives no amount to a unit whose population is unknown, rather than a target of zero', () => {
    expect(inheritedTargets(province, count, 'C9', weights)).toBeNull();
    expect(inheritedTargets(province, count, 'C1', [{ unitCode: 'C1', weight: 0 }])).toBeNull();
  });

  it('gives no amount when the split refuses the target (a fractional count)', () => {
    expect(inheritedTargets([{ year: 2030, kind: 'target' as const, value: 2.5 }], count, 'C1', weights)).toBeNull();
  });
});

describe('effectiveTargetsOf', () => {
  const own = [{ year: 2030, kind: 'target' as const, value: 40 }];
  it('lets the unit’s own targets win', () => {
    expect(effectiveTargetsOf(own, inheritedTargets(province, count, 'C1', weights))).toEqual({
      targets: own,
      source: 'own',
    });
  });
  it('falls back to the inherited ones, then to none', () => {
    expect(effectiveTargetsOf([], inheritedTargets(province, count, 'C1', weights))).toMatchObject({
      source: 'split_from_province',
      targets: [{ value: 2 }, { value: 10 }],
    });
    expect(effectiveTargetsOf([], null)).toEqual({ targets: [], source: 'none' });
  });
});
