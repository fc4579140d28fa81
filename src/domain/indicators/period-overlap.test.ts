import { expect, it } from 'vitest';
import { parsePeriod } from '../periods.js';
import { describeOverlap, findOverlaps, type ValueSlot } from './period-overlap.js';

const slot = (period: string, unit = 'C1', indicator = 'FILINGS'): ValueSlot => ({
  indicator,
  unit,
  period: parsePeriod(period),
});

it('finds a quarter over stored months of the same indicator and unit, and names them', () => {
  const found = findOverlaps([slot('2025Q3')], [slot('2025-07'), slot('2025-09'), slot('2025-10')]);
  expect(found).toEqual([{ index: 0, slot: slot('2025Q3'), overlapping: ['2025-07', '2025-09'] }]);
  expect(describeOverlap(found[0]!, 'month')).toBe(
    'FILINGS for C1: 2025Q3 overlaps 2025-07, 2025-09 (FILINGS is collected monthly)',
  );
});

it('lets corrections, other units, other indicators and neighbouring periods through', () => {
  expect(findOverlaps([slot('2025-08')], [slot('2025-08')])).toEqual([]);
  expect(findOverlaps([slot('2025Q3', 'C2')], [slot('2025-08')])).toEqual([]);
  expect(findOverlaps([slot('2025Q3', 'C1', 'SITES')], [slot('2025-08')])).toEqual([]);
  expect(findOverlaps([slot('2025Q4')], [slot('2025-09')])).toEqual([]);
});

it('finds a month under a stored year, and overlaps inside one batch', () => {
  expect(findOverlaps([slot('2025-03')], [slot('2025')])[0]?.overlapping).toEqual(['2025']);
  const batch = findOverlaps([slot('2025-02'), slot('2025Q1')], []);
  expect(batch.map((o) => o.index)).toEqual([0, 1]);
});
