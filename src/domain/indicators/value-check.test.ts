import { expect, it } from 'vitest';
import { checkValue } from './value-check.js';

it('keeps percents within 0–100', () => {
  expect(checkValue('percent', 99.21)).toBeNull();
  expect(checkValue('percent', 100.01)).toMatch(/between 0 and 100/);
  expect(checkValue('percent', -1)).toMatch(/between 0 and 100/);
});
it('wants whole non-negative counts and 0/1 booleans', () => {
  expect(checkValue('count', 6500)).toBeNull();
  expect(checkValue('count', 2.5)).toMatch(/whole number/);
  expect(checkValue('boolean', 1)).toBeNull();
  expect(checkValue('boolean', 2)).toMatch(/1 \(yes\) or 0/);
  expect(checkValue('number', Number.NaN)).toMatch(/finite/);
});
