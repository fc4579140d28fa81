import { expect, it } from 'vitest';
import { parsePeriod } from '../periods.js';
import { isPublished, latestPublishedYear } from './published.js';

const approved = ['2024', '2025Q1'].map(parsePeriod);

it('publishes a period only when an approved period contains all of it', () => {
  expect(isPublished(approved, '2024')).toBe(true);
  expect(isPublished(approved, '2024-07')).toBe(true);
  expect(isPublished(approved, '2025-02')).toBe(true);
  expect(isPublished(approved, '2025Q2')).toBe(false);
  expect(isPublished(approved, '2025')).toBe(false);
  expect(isPublished([], '2024')).toBe(false);
});

it('opens the public overview on the latest year approved whole', () => {
  expect(latestPublishedYear(approved)).toBe(2024);
  expect(latestPublishedYear([parsePeriod('2025Q1')])).toBeNull();
});
