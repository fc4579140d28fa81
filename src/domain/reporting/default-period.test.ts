import { describe, expect, it } from 'vitest';
import { chooseDefaultYear, MIN_REPORTING_SHARE, reportingShare } from './default-period.js';

describe('the overview’s default year', () => {
  it('skips a newer year only three of 135 communes reported in', () => {
    const years = [
      { year: 2024, reporting: 135, expected: 135 },
      { year: 2025, reporting: 131, expected: 135 },
      { year: 2026, reporting: 3, expected: 135 },
    ];
    expect(chooseDefaultYear(years)).toEqual({ year: 2025, choice: 'complete_enough' });
  });

  it('opens on the newest year once enough communes reported', () => {
    const years = [
      { year: 2025, reporting: 135, expected: 135 },
      { year: 2026, reporting: 108, expected: 135 }, // exactly 80 %
    ];
    expect(reportingShare(years[1]!)).toBe(MIN_REPORTING_SHARE);
    expect(chooseDefaultYear(years)).toEqual({ year: 2026, choice: 'complete_enough' });
  });

  it('falls back to the latest year with data when no year is complete enough, and to nothing without data', () => {
    expect(chooseDefaultYear([{ year: 2025, reporting: 10, expected: 135 }])).toEqual({
      year: 2025,
      choice: 'latest_with_data',
    });
    expect(chooseDefaultYear([{ year: 2025, reporting: 0, expected: 135 }])).toBeNull();
    expect(chooseDefaultYear([])).toBeNull();
  });
});
