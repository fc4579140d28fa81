import type { Queryable } from './database.js';
import type { Indicator } from './indicators.js';
import { unitsAtLevelBelow, type StoredUnit } from './org-units.js';
import { leafTimeSummaries } from './indicator-values.js';
import { bucketsBetween, type RolledUpValue } from './roll-ups.js';
import { aggregateOverTime, aggregateOverUnits, type TimeSummary } from '../domain/indicators/roll-up.js';
import { monthsOf, type Period, type PeriodType } from '../domain/periods.js';

/**
 * A plain indicator's roll-up computed from the raw values, every reporting unit's values grouped per request:
 * what the stored aggregates replace. The reference they are checked against, and the benchmark's baseline.
 */
export async function rollUpFromValues(
  db: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
  range: { from: Period; to: Period; bucket: PeriodType },
): Promise<RolledUpValue[]> {
  const buckets = bucketsBetween(range.from, range.to, range.bucket);
  if (buckets.length === 0) return [];
  const leaves = await unitsAtLevelBelow(db, unit.id, indicator.reportingLevel);
  const summaries = await leafTimeSummaries(db, {
    indicatorId: indicator.id,
    unitIds: leaves.map((leaf) => leaf.id),
    bucket: range.bucket,
    fromDate: monthsOf(range.from)[0]!.startDate,
    toDate: monthsOf(range.to).at(-1)!.endDate,
  });
  const byBucket = new Map<string, Map<number, TimeSummary>>();
  for (const row of summaries) {
    let units = byBucket.get(row.bucket);
    if (!units) byBucket.set(row.bucket, (units = new Map()));
    units.set(row.unitId, row);
  }
  return buckets.map((bucket) => {
    const units = byBucket.get(bucket.code);
    const values = leaves.map((leaf) => ({
      unitCode: leaf.code,
      value: aggregateOverTime(units?.get(leaf.id) ?? null, indicator),
      weight: leaf.population,
    }));
    return { period: bucket.code, ...aggregateOverUnits(values, indicator) };
  });
}
