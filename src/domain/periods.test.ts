import { describe, expect, it } from 'vitest';
import { addMonths, comparePeriods, contains, isPeriodCode, monthsBetween, monthsOf, parsePeriod } from './periods.js';
import { Invalid } from './errors.js';

describe('parsePeriod', () => {
  it('reads years, quarters and months with their date ranges', () => {
    expect(parsePeriod('2025')).toMatchObject({ type: 'year', startDate: '2025-01-01', endDate: '2025-12-31' });
    expect(parsePeriod('2025Q3')).toMatchObject({
      type: 'quarter',
      index: 3,
      startDate: '2025-07-01',
      endDate: '2025-09-30',
    });
    expect(parsePeriod('2024-02')).toMatchObject({ type: 'month', endDate: '2024-02-29' });
    expect(parsePeriod('2025-02').endDate).toBe('2025-02-28');
  });
  it.each(['2025Q5', '2025-13', '2025-9', '25', '2025-00', '', '2025Q'])('refuses %j', (code) => {
    expect(() => parsePeriod(code)).toThrow(Invalid);
  });
});

describe('months', () => {
  it('lists the months of a quarter and a year', () => {
    expect(monthsOf(parsePeriod('2025Q4')).map((p) => p.code)).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(monthsOf(parsePeriod('2024'))).toHaveLength(12);
  });
  it('spans year ends', () => {
    const months = monthsBetween(parsePeriod('2024-11'), parsePeriod('2025Q1')).map((p) => p.code);
    expect(months).toEqual(['2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
  });
  it('knows containment and order', () => {
    expect(contains(parsePeriod('2025'), parsePeriod('2025Q2'))).toBe(true);
    expect(contains(parsePeriod('2025Q2'), parsePeriod('2025-07'))).toBe(false);
    expect(comparePeriods(parsePeriod('2025-01'), parsePeriod('2024'))).toBe(1);
  });
});

it('adds and subtracts months across years', () => {
  expect(addMonths(parsePeriod('2025-03'), -24).code).toBe('2023-03');
  expect(addMonths(parsePeriod('2025-11'), 3).code).toBe('2026-02');
  expect(addMonths(parsePeriod('2025-01'), -1).code).toBe('2024-12');
});

it('allows the years 1990–2100 only, on one parser', () => {
  expect(isPeriodCode('0000')).toBe(false);
  expect(isPeriodCode('1989-12')).toBe(false);
  expect(isPeriodCode('1990Q1')).toBe(true);
  expect(isPeriodCode('2100-12')).toBe(true);
  expect(isPeriodCode('2101')).toBe(false);
  expect(() => parsePeriod('0000')).toThrow(/1990–2100/);
});
