import { expect, it } from 'vitest';
import { Invalid } from '../errors.js';
import { pathGeometry } from './terrain-profile.js';

it('puts the antenna tops at the ends and the bulge on the interior', () => {
  const g = pathGeometry({ distanceM: [1000, 6000, 11000], heightM: [200, 300, 250] }, 30, 2, 4 / 3);
  expect([...g.x]).toEqual([0, 5000, 10000]);
  expect(g.z[0]).toBe(230);
  expect(g.z[1]).toBeCloseTo(300 + 25 / 16.989, 3); // 5 km·5 km/(2·4/3·6371 km)
  expect(g.z[2]).toBe(252);
  expect(g.lengthM).toBe(10000);
});

it('rejects malformed profiles with a domain error', () => {
  expect(() => pathGeometry({ distanceM: [0], heightM: [0] }, 1, 1, 4 / 3)).toThrow(Invalid);
  expect(() => pathGeometry({ distanceM: [0, 1], heightM: [0] }, 1, 1, 4 / 3)).toThrow(/one height each/);
  expect(() => pathGeometry({ distanceM: [0, 1], heightM: [0, 0] }, 1, 1, 0)).toThrow(/k must be positive/);
});
