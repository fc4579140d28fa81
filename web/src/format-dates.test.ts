import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format-dates.js';

describe('dates', () => {
  it('writes day/month/year in the province time zone', () => {
    // 23:30 UTC on the 23rd is already the 24th in Pleiku (UTC+7).
    expect(formatDate('2026-11-23T23:30:00Z', 'vi')).toBe('24/11/2026');
    expect(formatDate('2026-11-23T23:30:00Z', 'en')).toBe('24/11/2026');
  });

  it('adds the 24-hour time', () => {
    expect(formatDateTime('2026-11-24T07:05:00Z', 'vi')).toBe('24/11/2026 14:05');
  });

  it('shows a dash for an unreadable date', () => {
    expect(formatDate('not a date', 'vi')).toBe('—');
  });
});
