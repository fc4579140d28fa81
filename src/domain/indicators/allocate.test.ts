import { expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateWholeNumbers } from './allocate.js';

it('splits a total exactly, each part within one of its share', () => {
  fc.assert(
    fc.property(
      fc.nat(10_000_000),
      fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
      (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = allocateWholeNumbers(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const weightSum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((part, i) => expect(Math.abs(part - (total * weights[i]!) / weightSum)).toBeLessThan(1 + 1e-6));
      },
    ),
  );
});
it('gives nothing to a zero weight', () => expect(allocateWholeNumbers(72, [1, 0, 2])).toEqual([24, 0, 48]));
it('refuses impossible splits', () => {
  expect(() => allocateWholeNumbers(5, [0, 0])).toThrow(/all zero/);
  expect(() => allocateWholeNumbers(2.5, [1])).toThrow(/whole number/);
});
