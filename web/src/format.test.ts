import { describe, expect, it } from 'vitest';
import {
  formatAttainment,
  formatCount,
  formatExact,
  formatPercent,
  formatPeriod,
  formatValue,
  NO_VALUE,
} from './format.js';

describe('formatValue', () => {
  it('formats percents (0–100) with a space before % in Vietnamese only', () => {
    expect(formatValue(99.21, 'percent', 2, 'vi')).toBe('99,21 %');
    expect(formatValue(99.21, 'percent', 2, 'en')).toBe('99.21%');
    expect(formatValue(99.9, 'percent', 2, 'vi')).toBe('99,90 %');
    expect(formatValue(100, 'percent', 0, 'en')).toBe('100%');
    // The space is a normal space (U+0020), not a no-break space.
    expect(formatValue(5, 'percent', 1, 'vi').charCodeAt(3)).toBe(0x20);
  });

  it('formats counts with thousands separators, in full', () => {
    expect(formatValue(6500, 'count', 0, 'vi')).toBe('6.500');
    expect(formatValue(6500, 'count', 0, 'en')).toBe('6,500');
    expect(formatValue(38_800_000, 'count', 0, 'vi')).toBe('38.800.000');
    expect(formatValue(38_800_000, 'count', 0, 'en')).toBe('38,800,000');
    expect(formatValue(0, 'count', 0, 'vi')).toBe('0');
  });

  it('uses the indicator decimals for plain numbers', () => {
    expect(formatValue(1234.5, 'number', 2, 'vi')).toBe('1.234,50');
    expect(formatValue(1234.5, 'number', 2, 'en')).toBe('1,234.50');
    expect(formatValue(2.345, 'number', 1, 'en')).toBe('2.3');
    expect(formatValue(7, 'number', 0, 'vi')).toBe('7');
    expect(formatValue(-0.001, 'number', 1, 'en')).toBe('0.0');
  });

  it('formats booleans as words', () => {
    expect(formatValue(1, 'boolean', 0, 'vi')).toBe('Có');
    expect(formatValue(0, 'boolean', 0, 'vi')).toBe('Không');
    expect(formatValue(1, 'boolean', 0, 'en')).toBe('Yes');
    expect(formatValue(0, 'boolean', 0, 'en')).toBe('No');
  });

  it('shows a dash for missing values', () => {
    expect(formatValue(null, 'percent', 2, 'vi')).toBe(NO_VALUE);
    expect(formatValue(undefined, 'count', 0, 'en')).toBe(NO_VALUE);
    expect(formatValue(Number.NaN, 'number', 0, 'en')).toBe(NO_VALUE);
  });
});

describe('helpers', () => {
  it('formats plain percents and counts', () => {
    expect(formatPercent(12.5, 1, 'vi')).toBe('12,5 %');
    expect(formatCount(135, 'en')).toBe('135');
    expect(formatCount(12_345, 'vi')).toBe('12.345');
  });

  it('rounds attainment down and caps it at 100 %', () => {
    expect(formatAttainment(0.9931, 'vi')).toBe('99 %');
    expect(formatAttainment(0.9999, 'en')).toBe('99%');
    expect(formatAttainment(0.29, 'en')).toBe('29%');
    expect(formatAttainment(1, 'vi')).toBe('100 %');
    expect(formatAttainment(1.3, 'en')).toBe('100%');
  });

  it('names periods', () => {
    expect(formatPeriod('2025', 'vi')).toBe('Năm 2025');
    expect(formatPeriod('2025', 'en')).toBe('2025');
    expect(formatPeriod('2025-09', 'vi')).toBe('Tháng 9/2025');
    expect(formatPeriod('2025-09', 'en')).toBe('Sep 2025');
    expect(formatPeriod('2025Q3', 'vi')).toBe('Quý 3/2025');
    expect(formatPeriod('2025-Q3', 'en')).toBe('Q3 2025');
    expect(formatPeriod('whatever', 'en')).toBe('whatever');
  });
});

describe('formatExact', () => {
  it('never rounds a value away and keeps the type’s suffix', () => {
    expect(formatExact(2.5, 'count', 0, 'vi')).toBe('2,5');
    expect(formatExact(3, 'count', 0, 'vi')).toBe('3');
    expect(formatExact(120, 'percent', 2, 'vi')).toBe('120,00 %');
    expect(formatExact(120, 'percent', 2, 'en')).toBe('120.00%');
    expect(formatExact(12500, undefined, 0, 'vi')).toBe('12.500');
    expect(formatExact(94.33359262964416, 'percent', 0, 'vi', 2)).toBe('94,33 %');
    expect(formatExact(12, 'count', 0, 'en', 2)).toBe('12');
  });

  it('shows yes/no for 0 and 1 only', () => {
    expect(formatExact(1, 'boolean', 0, 'vi')).toBe('Có');
    expect(formatExact(2, 'boolean', 0, 'en')).toBe('2');
  });

  it('handles missing and infinite values', () => {
    expect(formatExact(null, 'count', 0, 'vi')).toBe(NO_VALUE);
    expect(formatExact(Infinity, 'number', 0, 'vi')).toBe('∞');
  });
});
