import { expect, it } from 'vitest';
import type { Violation } from './api/types.js';
import { countByKind, groupViolations, outlierStats } from './validation.js';

const v = (kind: Violation['kind'], unit: string): Violation => ({
  kind,
  ruleCode: kind === 'rule' ? 'COVERAGE_4G_LE_2G' : kind,
  indicator: kind === 'rule' ? null : 'SITES_5G',
  unit,
  period: '2025-12',
  value: 1,
  message: '',
  importance: kind === 'outlier' ? 'low' : 'high',
});

it('groups violations by kind: rules, bounds, outliers; keeps the order within a kind; drops empty kinds', () => {
  const groups = groupViolations([v('outlier', 'a'), v('rule', 'b'), v('outlier', 'c'), v('rule', 'd')]);
  expect(groups.map((g) => g.kind)).toEqual(['rule', 'outlier']);
  expect(groups[1]!.items.map((x) => x.unit)).toEqual(['a', 'c']);
  expect(groupViolations([])).toEqual([]);
  expect(countByKind([v('outlier', 'a'), v('bounds', 'b'), v('outlier', 'c')])).toEqual({
    rule: 0,
    bounds: 1,
    outlier: 2,
  });
});

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
