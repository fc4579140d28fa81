import { expect, it } from 'vitest';
import { outlierStats } from './validation.js';

it('reads the median and robust z of an outlier message', () => {
  expect(
    outlierStats("ONLINE_PUBLIC_SERVICE_FILINGS 41 is far from this unit's usual values (median 22, robust z 4.3)"),
  ).toEqual({
    median: 22,
    z: 4.3,
  });
  expect(outlierStats("MARKETS_4_0 1 is far from this unit's usual values (median 0, robust z Infinity)")).toEqual({
    median: 0,
    z: Infinity,
  });
  expect(outlierStats('X 2 is far … (median 12.5, robust z -3.9)')).toEqual({ median: 12.5, z: -3.9 });
  expect(outlierStats('SITES_5G: above the maximum 10')).toBeNull();
});
