import type { Queryable } from './database.js';
import type { Indicator } from './indicators.js';
import type { StoredUnit } from './org-units.js';
import { unitsAtLevelBelow } from './org-units.js';
import { leafTimeSummaries } from './indicator-values.js';
import {
  aggregateOverTime,
  aggregateOverUnits,
  type RollUpResult,
  type TimeSummary,
} from '../domain/indicators/roll-up.js';
import { LEVEL_DEPTH } from '../domain/indicators/indicator-rule.js';
import {
  monthsBetween,
  parsePeriod,
  type Period,
  type PeriodType,
  monthsOf,
  yearPeriod,
  quarterPeriod,
} from '../domain/periods.js';
import { Invalid } from '../domain/errors.js';
import { evaluateFormula, formulaReferences, parseFormula } from '../domain/indicators/formula/index.js';
import { findIndicator } from './indicators.js';

export interface RolledUpValue extends RollUpResult {
  period: string;
}

/** Buckets of `type` covering `from`..`to`, oldest first. */
export function bucketsBetween(from: Period, to: Period, type: PeriodType): Period[] {
  const months = monthsBetween(from, to);
  if (type === 'month') return months;
  const seen = new Map<string, Period>();
  for (const month of months) {
    const bucket = type === 'year' ? yearPeriod(month.year) : quarterPeriod(month.year, Math.ceil(month.index / 3));
    seen.set(bucket.code, bucket);
  }
  return [...seen.values()];
}

/**
 * Rolls an indicator up to `unit` for each bucket between two periods: over time within each unit
 * first (flows sum, stocks take the latest), then over the units at the indicator's reporting level.
 * Units that did not report in a bucket are counted as missing, never as zero.
 */
export async function rollUpSeries(
  db: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
  range: { from: Period; to: Period; bucket: PeriodType },
): Promise<RolledUpValue[]> {
  if (indicator.formula !== null) return rollUpFormula(db, indicator, unit, range);
  if (LEVEL_DEPTH[unit.level] > LEVEL_DEPTH[indicator.reportingLevel]) {
    throw new Invalid(
      'rollup.below_reporting_level',
      `${indicator.code} is reported per ${indicator.reportingLevel}; it has no value for the ${unit.level} ${unit.code}`,
    );
  }
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

/** One indicator rolled up to one unit for one period (a year, quarter or month). */
export async function rollUp(
  db: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
  periodCode: string,
): Promise<RolledUpValue> {
  const period = parsePeriod(periodCode);
  const [value] = await rollUpSeries(db, indicator, unit, { from: period, to: period, bucket: period.type });
  return value!;
}

/**
 * A formula indicator: each part is rolled up by its own rule first, then the formula is applied to
 * the totals — a ratio of sums, not an average of per-unit ratios. Coverage is that of the part
 * with the fewest reporting units.
 */
async function rollUpFormula(
  db: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
  range: { from: Period; to: Period; bucket: PeriodType },
): Promise<RolledUpValue[]> {
  const formula = parseFormula(indicator.formula!);
  const parts = new Map<string, RolledUpValue[]>();
  for (const code of formulaReferences(formula)) {
    parts.set(code, await rollUpSeries(db, await findIndicator(db, code), unit, range));
  }
  return bucketsBetween(range.from, range.to, range.bucket).map((bucket, i) => {
    const points = [...parts.values()].map((series) => series[i]!);
    const value = evaluateFormula(formula, (code) => parts.get(code)![i]!.value);
    return {
      period: bucket.code,
      value,
      reported: points.length ? Math.min(...points.map((p) => p.reported)) : 0,
      expected: points.length ? Math.max(...points.map((p) => p.expected)) : 0,
    };
  });
}
