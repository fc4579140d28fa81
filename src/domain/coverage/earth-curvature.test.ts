import { expect, it } from 'vitest';
import { earthBulgeM, fresnelRadiusM } from './earth-curvature.js';

it('raises the earth by d1·d2/(2kR), about d1·d2/17 m for k = 4/3', () => {
  // 10·10·1000/(2·(4/3)·6371) = 5.886 m; the rule of thumb gives 100/17 = 5.88 m.
  expect(earthBulgeM(10, 10)).toBeCloseTo(5.886, 3);
  expect(earthBulgeM(10, 10)).toBeCloseTo(100 / 17, 1);
  expect(earthBulgeM(10, 10, 1)).toBeCloseTo(7.848, 3);
  expect(earthBulgeM(0, 25)).toBe(0);
});

it('gives the first Fresnel radius 17.32·√(d1·d2/(f·d))', () => {
  // Mid-path of 10 km at 1 GHz: 17.32·√(25/10) = 27.39 m; exact √(λ·d1·d2/d) = √(0.2998·2500) = 27.38 m.
  expect(fresnelRadiusM(5, 5, 1)).toBeCloseTo(27.385, 2);
  expect(fresnelRadiusM(5, 5, 4)).toBeCloseTo(fresnelRadiusM(5, 5, 1) / 2, 9);
});
