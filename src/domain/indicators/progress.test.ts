import { expect, it } from 'vitest';
import { attainment, interpolateTarget } from './progress.js';

it('measures attainment as current over target when higher is better', () => {
  expect(attainment(99.21, 99.9, 'higher')).toBeCloseTo(0.99309, 5);
  expect(attainment(72, 600, 'higher')).toBeCloseTo(0.12);
  expect(attainment(700, 600, 'higher')).toBe(1);
});
it('inverts when lower is better', () => {
  expect(attainment(120, 60, 'lower')).toBe(0.5);
  expect(attainment(50, 60, 'lower')).toBe(1);
  expect(attainment(0, 60, 'lower')).toBe(1);
});
it('has no attainment without a value or a usable target', () => {
  expect(attainment(null, 10, 'higher')).toBeNull();
  expect(attainment(5, null, 'higher')).toBeNull();
  expect(attainment(5, 0, 'higher')).toBeNull();
});
it('interpolates yearly targets on a straight line', () => {
  expect(interpolateTarget({ year: 2025, value: 72 }, { year: 2030, value: 572 }, 2027)).toBe(272);
});
