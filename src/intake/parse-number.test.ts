import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectNumberLocale, isAmbiguousNumber, numberLocaleOf, parseLocalisedNumber } from './parse-number.js';
import { parseYesNo } from './parse-yes-no.js';

describe('parseLocalisedNumber', () => {
  it('reads Vietnamese numbers: dot thousands, comma decimal', () => {
    expect(parseLocalisedNumber('99,21', 'vi')).toBe(99.21);
    expect(parseLocalisedNumber('6.500', 'vi')).toBe(6500);
    expect(parseLocalisedNumber('1.234.567,5', 'vi')).toBe(1234567.5);
    expect(parseLocalisedNumber('0,5', 'vi')).toBe(0.5);
    expect(parseLocalisedNumber('12.5', 'vi')).toBeNull(); // a dot must group three digits
    expect(parseLocalisedNumber('1,234,567.5', 'vi')).toBeNull();
  });

  it('reads English numbers: comma thousands, dot decimal', () => {
    expect(parseLocalisedNumber('12.5', 'en')).toBe(12.5);
    expect(parseLocalisedNumber('6,500', 'en')).toBe(6500);
    expect(parseLocalisedNumber('1,234,567.5', 'en')).toBe(1234567.5);
    expect(parseLocalisedNumber('99,21', 'en')).toBeNull();
  });

  it('reads each cell by the only locale it fits in auto mode', () => {
    expect(parseLocalisedNumber('99,21', 'auto')).toBe(99.21);
    expect(parseLocalisedNumber('1.234.567,5', 'auto')).toBe(1234567.5);
    expect(parseLocalisedNumber('1,234,567.5', 'auto')).toBe(1234567.5);
    expect(parseLocalisedNumber('12.5', 'auto')).toBe(12.5);
    expect(parseLocalisedNumber('0,5', 'auto')).toBe(0.5);
    expect(parseLocalisedNumber('0.500', 'auto')).toBe(0.5); // never 500: groups do not start with 0
    expect(parseLocalisedNumber('6500', 'auto')).toBe(6500);
    expect(parseLocalisedNumber('1234,567', 'auto')).toBe(1234.567);
  });

  it('leaves 6.500 and 6,500 to the file’s locale in auto mode', () => {
    expect(isAmbiguousNumber('6.500')).toBe(true);
    expect(isAmbiguousNumber('6,500')).toBe(true);
    expect(isAmbiguousNumber('6.5')).toBe(false);
    expect(parseLocalisedNumber('6.500', 'auto')).toBeNull();
    expect(parseLocalisedNumber('6.500', 'auto', 'vi')).toBe(6500);
    expect(parseLocalisedNumber('6.500', 'auto', 'en')).toBe(6.5);
    expect(parseLocalisedNumber('6,500', 'auto', 'vi')).toBe(6.5);
    expect(parseLocalisedNumber('6,500', 'auto', 'en')).toBe(6500);
  });

  it('accepts space grouping, minus signs and a trailing percent', () => {
    expect(parseLocalisedNumber('1 234 567,5', 'vi')).toBe(1234567.5);
    expect(parseLocalisedNumber('1\u00a0234\u202f567.5', 'auto')).toBe(1234567.5);
    expect(parseLocalisedNumber('-12,5', 'vi')).toBe(-12.5);
    expect(parseLocalisedNumber('\u221212,5', 'auto')).toBe(-12.5);
    expect(parseLocalisedNumber('99,21%', 'auto')).toBe(99.21);
    expect(parseLocalisedNumber(' 99,21 % ', 'vi')).toBe(99.21);
  });

  it('refuses what is not a number', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '12,5,3',
      '1..2',
      '1.2.3,4.5',
      ',5',
      '5,',
      '12 5',
      '1,23,456',
      '--1',
      '1e3',
      '%',
    ]) {
      expect(parseLocalisedNumber(text, 'auto'), text).toBeNull();
    }
  });

  it('round-trips Intl vi-VN and en-US formatting with the matching locale', () => {
    const parsesBack = (intlLocale: string, locale: 'vi' | 'en' | 'auto', hint?: 'vi' | 'en') =>
      fc.property(
        fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true })),
        fc.integer({ min: 0, max: 6 }),
        (n, digits) => {
          const formatted = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: digits }).format(n);
          const expected = Number(
            new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: false }).format(n),
          );
          expect(parseLocalisedNumber(formatted, locale, hint)).toBe(expected);
        },
      );
    fc.assert(parsesBack('vi-VN', 'vi'));
    fc.assert(parsesBack('en-US', 'en'));
    fc.assert(parsesBack('vi-VN', 'auto', 'vi'));
    fc.assert(parsesBack('en-US', 'auto', 'en'));
  });
});

describe('detectNumberLocale', () => {
  it('counts only cells that prove a locale', () => {
    expect(numberLocaleOf('99,21')).toBe('vi');
    expect(numberLocaleOf('12.5')).toBe('en');
    expect(numberLocaleOf('6.500')).toBeNull();
    expect(numberLocaleOf('6500')).toBeNull();
    expect(detectNumberLocale(['6.500', '99,21', '12', ''])).toBe('vi');
    expect(detectNumberLocale(['6.500', '12.5'])).toBe('en');
    expect(detectNumberLocale(['6.500', '12'])).toBeNull();
  });
});

describe('parseYesNo', () => {
  it('reads Vietnamese and English yes/no words', () => {
    for (const yes of ['Có', 'có', 'CO', 'yes', 'Y', 'x', 'X', 'TRUE', 'Đúng', '1'])
      expect(parseYesNo(yes), yes).toBe(true);
    for (const no of ['Không', 'khong', 'no', 'N', 'FALSE', 'Sai', '0']) expect(parseYesNo(no), no).toBe(false);
    for (const other of ['', 'maybe', '2']) expect(parseYesNo(other), other).toBeNull();
  });
});
