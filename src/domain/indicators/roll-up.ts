import { Invalid } from '../errors.js';
import type { IndicatorRule } from './indicator-rule.js';

/** One stored value: `periodEnd` (ISO date) orders values in time. */
export interface Observation {
  periodEnd: string;
  value: number;
}

/** What time aggregation needs from one unit's values inside the requested period. */
export interface TimeSummary {
  sum: number;
  count: number;
  lastValue: number;
  lastPeriodEnd: string;
}

/** Reduces one unit's values within a period; null when it has none (missing, not zero). */
export function summariseOverTime(observations: readonly Observation[]): TimeSummary | null {
  let summary: TimeSummary | null = null;
  for (const { periodEnd, value } of observations) {
    if (!summary) {
      summary = { sum: value, count: 1, lastValue: value, lastPeriodEnd: periodEnd };
      continue;
    }
    summary.sum += value;
    summary.count += 1;
    if (periodEnd >= summary.lastPeriodEnd) {
      summary.lastValue = value;
      summary.lastPeriodEnd = periodEnd;
    }
  }
  return summary;
}

/** Flows add up over the period; stocks take the latest value. */
export function aggregateOverTime(
  summary: TimeSummary | null,
  rule: Pick<IndicatorRule, 'timeAggregation'>,
): number | null {
  if (!summary) return null;
  return rule.timeAggregation === 'sum' ? summary.sum : summary.lastValue;
}

export interface UnitValue {
  unitCode: string;
  /** null: the unit did not report in the period. */
  value: number | null;
  /** Weight for weighted_average (the unit's population). */
  weight: number | null;
}

export interface RollUpResult {
  value: number | null;
  /** Units that reported / units expected to: "112 of 135 communes reported". */
  reported: number;
  expected: number;
}

/**
 * Combines the values of the units below a unit by the indicator's rule. Units that did not
 * report are counted as missing, never as zero: the result is over the units that reported.
 */
export function aggregateOverUnits(values: readonly UnitValue[], rule: IndicatorRule): RollUpResult {
  const reportedValues = values.filter((v): v is UnitValue & { value: number } => v.value !== null);
  const expected = values.length;
  const reported = reportedValues.length;
  if (reported === 0) return { value: null, reported, expected };
  const numbers = reportedValues.map((v) => v.value);
  switch (rule.unitAggregation) {
    case 'sum':
      return { value: sum(numbers), reported, expected };
    case 'average':
      return { value: sum(numbers) / reported, reported, expected };
    case 'min':
      return { value: Math.min(...numbers), reported, expected };
    case 'max':
      return { value: Math.max(...numbers), reported, expected };
    case 'share_meeting': {
      if (rule.threshold === null) throw new Invalid('indicator.threshold', 'share_meeting needs a threshold');
      const meeting = numbers.filter((n) => n >= rule.threshold!).length;
      return { value: (100 * meeting) / reported, reported, expected };
    }
    case 'weighted_average': {
      // A unit without a population cannot be weighted: it counts as not reported.
      const weighted = reportedValues.filter((v) => v.weight !== null && v.weight > 0);
      const totalWeight = sum(weighted.map((v) => v.weight!));
      if (totalWeight === 0) return { value: null, reported: 0, expected };
      return {
        value: sum(weighted.map((v) => v.value * v.weight!)) / totalWeight,
        reported: weighted.length,
        expected,
      };
    }
  }
}

/** Neumaier's compensated sum: large flows (38.8 million invoices) add up without drift. */
export function sum(numbers: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const n of numbers) {
    const t = total + n;
    compensation += Math.abs(total) >= Math.abs(n) ? total - t + n : n - t + total;
    total = t;
  }
  return total + compensation;
}

/**
 * What combining the reporting units below a unit needs, stored per bucket so that a roll-up reads one row
 * instead of every unit's values (see migration 0007). Each reporting unit contributes its value over time.
 */
export interface UnitsAggregate {
  reported: number;
  total: number;
  minimum: number;
  maximum: number;
  /** Reporting units whose value is at or above the indicator's threshold. */
  meeting: number;
  /** Sum of value × population over the reporting units with a population, their population and count. */
  weightedTotal: number;
  weight: number;
  weightedReported: number;
}

/** aggregateOverUnits from a stored aggregate: the same result without the units' values. */
export function rollUpFromAggregate(
  aggregate: UnitsAggregate | null,
  expected: number,
  rule: IndicatorRule,
): RollUpResult {
  if (!aggregate || aggregate.reported === 0) return { value: null, reported: 0, expected };
  const { reported } = aggregate;
  switch (rule.unitAggregation) {
    case 'sum':
      return { value: aggregate.total, reported, expected };
    case 'average':
      return { value: aggregate.total / reported, reported, expected };
    case 'min':
      return { value: aggregate.minimum, reported, expected };
    case 'max':
      return { value: aggregate.maximum, reported, expected };
    case 'share_meeting':
      if (rule.threshold === null) throw new Invalid('indicator.threshold', 'share_meeting needs a threshold');
      return { value: (100 * aggregate.meeting) / reported, reported, expected };
    case 'weighted_average':
      if (aggregate.weight === 0) return { value: null, reported: 0, expected };
      return { value: aggregate.weightedTotal / aggregate.weight, reported: aggregate.weightedReported, expected };
  }
}
