import type { Queryable } from './database.js';
import type { Indicator } from './indicators.js';
import type { StoredUnit } from './org-units.js';
import { reportingUnitCounts, storedRollups } from './stored-aggregates.js';
import { leafTimeSummaries } from './indicator-values.js';
import {
  aggregateOverTime,
  aggregateOverUnits,
  rollUpFromAggregate,
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

type Range = { from: Period; to: Period; bucket: PeriodType };

/**
 * Rolls an indicator up to `unit` for each bucket between two periods: over time within each unit
 * first (flows sum, stocks take the latest), then over the units at the indicator's reporting level.
 * Units that did not report in a bucket are counted as missing, never as zero.
 */
export async function rollUpSeries(
  db: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
  range: Range,
): Promise<RolledUpValue[]> {
  return (await rollUpUnits(db, indicator, [unit], range)).get(unit.id)!;
}

/**
 * rollUpSeries for several units at once (the map's communes) in a few queries whatever their number. A unit
 * above the indicator's reporting level reads the stored aggregates (migration 0007); a unit at that level is
 * its own only reporting unit and reads its values.
 */
export async function rollUpUnits(
  db: Queryable,
  indicator: Indicator,
  units: readonly StoredUnit[],
  range: Range,
): Promise<Map<number, RolledUpValue[]>> {
  if (indicator.formula !== null) return rollUpFormula(db, indicator, units, range);
  const below = units.find((unit) => LEVEL_DEPTH[unit.level] > LEVEL_DEPTH[indicator.reportingLevel]);
  if (below) {
    throw new Invalid(
      'rollup.below_reporting_level',
      `${indicator.code} is reported per ${indicator.reportingLevel}; it has no value for the ${below.level} ${below.code}`,
    );
  }
  const buckets = bucketsBetween(range.from, range.to, range.bucket);
  const result = new Map<number, RolledUpValue[]>();
  if (buckets.length === 0) {
    for (const unit of units) result.set(unit.id, []);
    return result;
  }
  const reporting = units.filter((unit) => unit.level === indicator.reportingLevel);
  const above = units.filter((unit) => unit.level !== indicator.reportingLevel);
  if (reporting.length > 0) {
    const summaries = await leafTimeSummaries(db, {
      indicatorId: indicator.id,
      unitIds: reporting.map((unit) => unit.id),
      bucket: range.bucket,
      fromDate: monthsOf(range.from)[0]!.startDate,
      toDate: monthsOf(range.to).at(-1)!.endDate,
    });
    const byUnit = new Map<number, Map<string, TimeSummary>>();
    for (const row of summaries) {
      let byBucket = byUnit.get(row.unitId);
      if (!byBucket) byUnit.set(row.unitId, (byBucket = new Map()));
      byBucket.set(row.bucket, row);
    }
    for (const unit of reporting) {
      const own = byUnit.get(unit.id);
      result.set(
        unit.id,
        buckets.map((bucket) => ({
          period: bucket.code,
          ...aggregateOverUnits(
            [
              {
                unitCode: unit.code,
                value: aggregateOverTime(own?.get(bucket.code) ?? null, indicator),
                weight: unit.population,
              },
            ],
            indicator,
          ),
        })),
      );
    }
  }
  if (above.length > 0) {
    const ids = above.map((unit) => unit.id);
    const stored = await storedRollups(db, {
      indicatorId: indicator.id,
      unitIds: ids,
      buckets: buckets.map((bucket) => bucket.code),
    });
    const expected = await reportingUnitCounts(db, ids, indicator.reportingLevel);
    for (const unit of above) {
      const own = stored.get(unit.id);
      result.set(
        unit.id,
        buckets.map((bucket) => ({
          period: bucket.code,
          ...rollUpFromAggregate(own?.get(bucket.code) ?? null, expected.get(unit.id) ?? 0, indicator),
        })),
      );
    }
  }
  return result;
}

/** One indicator rolled up to one unit for one period (a year, quarter or month). */
export async function rollUp(
  db: Queryable,
  indicator: Indicator,
  unit: StoredUnit,
  periodCode: string,
): Promise<RolledUpValue> {
  return (await rollUpEach(db, indicator, [unit], periodCode)).get(unit.id)!;
}

/** One indicator rolled up to each of several units for one period, by unit id. */
export async function rollUpEach(
  db: Queryable,
  indicator: Indicator,
  units: readonly StoredUnit[],
  periodCode: string,
): Promise<Map<number, RolledUpValue>> {
  const period = parsePeriod(periodCode);
  const series = await rollUpUnits(db, indicator, units, { from: period, to: period, bucket: period.type });
  return new Map([...series].map(([unitId, values]) => [unitId, values[0]!]));
}

/**
 * A formula indicator: each part is rolled up by its own rule first, then the formula is applied to
 * the totals — a ratio of sums, not an average of per-unit ratios. Coverage is that of the part
 * with the fewest reporting units.
 */
async function rollUpFormula(
  db: Queryable,
  indicator: Indicator,
  units: readonly StoredUnit[],
  range: Range,
): Promise<Map<number, RolledUpValue[]>> {
  const formula = parseFormula(indicator.formula!);
  const parts = new Map<string, Map<number, RolledUpValue[]>>();
  for (const code of formulaReferences(formula)) {
    parts.set(code, await rollUpUnits(db, await findIndicator(db, code), units, range));
  }
  const buckets = bucketsBetween(range.from, range.to, range.bucket);
  const result = new Map<number, RolledUpValue[]>();
  for (const unit of units) {
    result.set(
      unit.id,
      buckets.map((bucket, i) => {
        const points = [...parts.values()].map((series) => series.get(unit.id)![i]!);
        const value = evaluateFormula(formula, (code) => parts.get(code)!.get(unit.id)![i]!.value);
        return {
          period: bucket.code,
          value,
          reported: points.length ? Math.min(...points.map((p) => p.reported)) : 0,
          expected: points.length ? Math.max(...points.map((p) => p.expected)) : 0,
        };
      }),
    );
  }
  return result;
}
