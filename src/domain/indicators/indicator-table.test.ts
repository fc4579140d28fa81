import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods.js';
import { reportingTotals, targetForYear, unitPeriodStatus } from './indicator-table.js';

const stock = { direction: 'higher' as const, timeAggregation: 'last' };
const flow = { direction: 'higher' as const, timeAggregation: 'sum' };
const targets = { baseline: { year: 2024, value: 50 }, targets: [{ year: 2025, value: 100 }] };

describe('unitPeriodStatus', () => {
  it('compares a stock with the trajectory at the end of the period', () => {
    expect(unitPeriodStatus(100, parsePeriod('2025'), targets, stock)).toBe('on_track');
    expect(unitPeriodStatus(75, parsePeriod('2025-06'), targets, stock)).toBe('on_track');
    expect(unitPeriodStatus(60, parsePeriod('2025'), targets, stock)).toBe('off_track');
  });

  it('scales a flow’s part-year sum to the whole year', () => {
    expect(unitPeriodStatus(50, parsePeriod('2025-06'), targets, flow)).toBe('on_track');
    expect(unitPeriodStatus(30, parsePeriod('2025-06'), targets, flow)).toBe('off_track');
  });

  it('says when there is nothing to compare', () => {
    expect(unitPeriodStatus(null, parsePeriod('2025'), targets, stock)).toBe('no_data');
    expect(unitPeriodStatus(80, parsePeriod('2025'), { baseline: null, targets: [] }, stock)).toBe('no_target');
  });
});

describe('targetForYear', () => {
  it('takes the year’s target, else the next one, else the last', () => {
    const yearly = [
      { year: 2030, value: 100 },
      { year: 2026, value: 80 },
    ];
    expect(targetForYear(yearly, 2026)).toBe(80);
    expect(targetForYear(yearly, 2027)).toBe(100);
    expect(targetForYear(yearly, 2031)).toBe(100);
    expect(targetForYear([], 2026)).toBeNull();
  });
});

it('counts the units that reported', () => {
  expect(reportingTotals([{ reported: true }, { reported: false }, { reported: true }])).toEqual({
    reported: 2,
    expected: 3,
  });
});
