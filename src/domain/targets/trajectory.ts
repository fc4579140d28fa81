import { Invalid } from '../errors.js';
import { allocateWholeNumbers } from '../indicators/allocate.js';
import type { ValueType } from '../indicators/indicator-rule.js';
import { monthsOf, type Period } from '../periods.js';

/**
 * The yearly trajectory of a target: a baseline (the value at the end of its year) and targets
 * for any subset of later years up to 2030, each due at the end of its year, joined by straight lines.
 */

export interface YearValue {
  year: number;
  value: number;
}

/** A moment as a year and the share of it elapsed: end of September 2025 is { year: 2025, fraction: 0.75 }. */
export interface YearFraction {
  year: number;
  fraction: number;
}

/** The end of a period as a YearFraction: 2025-09 → 0.75 of 2025, 2025Q2 → 0.5, 2025 → 1. */
export function endOf(period: Period): YearFraction {
  return { year: period.year, fraction: monthsOf(period).at(-1)!.index / 12 };
}

/**
 * Value expected at `at` on the trajectory through `points` (baseline first, then targets in
 * any order). Null before the baseline or without one; the last target once it is due.
 */
export function expectedValueAt(points: readonly YearValue[], at: YearFraction): number | null {
  const line = trajectory(points);
  if (!Number.isFinite(at.year) || !(at.fraction >= 0 && at.fraction <= 1))
    throw new Invalid('trajectory.at', `fraction of the year must be within 0–1, got ${at.fraction}`);
  // On a continuous time axis, point `year` stands for the end of that year.
  const time = at.year - 1 + at.fraction;
  const first = line[0];
  if (first === undefined || time < first.year) return null;
  for (let i = 1; i < line.length; i += 1) {
    const from = line[i - 1]!;
    const to = line[i]!;
    if (time <= to.year) return from.value + ((time - from.year) / (to.year - from.year)) * (to.value - from.value);
  }
  return line.at(-1)!.value;
}

/** Baseline then targets sorted by year; refuses targets not after the baseline or set twice for a year. */
export function trajectory(points: readonly YearValue[]): YearValue[] {
  for (const p of points)
    if (!Number.isInteger(p.year) || !Number.isFinite(p.value))
      throw new Invalid(
        'trajectory.point',
        `a target needs a whole year and a finite value, got ${p.year}: ${p.value}`,
      );
  const [baseline, ...targets] = points;
  if (baseline === undefined) return [];
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  sorted.forEach((t, i) => {
    if (t.year <= baseline.year)
      throw new Invalid('trajectory.order', `target year ${t.year} must come after the baseline year ${baseline.year}`);
    if (i > 0 && sorted[i - 1]!.year === t.year) throw new Invalid('trajectory.duplicate', `two targets for ${t.year}`);
  });
  return [baseline, ...sorted];
}

/**
 * Splits a province target over communes by weight (e.g. population). Counts split into whole
 * numbers that add up exactly (largest remainder); other numbers split proportionally; a percent
 * or yes/no target is not divided: every commune gets the province's value.
 */
export function splitTarget(
  total: number,
  weights: readonly { unitCode: string; weight: number }[],
  valueType: ValueType,
): { unitCode: string; value: number }[] {
  const seen = new Set<string>();
  for (const { unitCode } of weights) {
    if (seen.has(unitCode)) throw new Invalid('split.duplicate', `unit ${unitCode} appears twice`);
    seen.add(unitCode);
  }
  if (!Number.isFinite(total)) throw new Invalid('split.total', `total must be a finite number, got ${total}`);
  if (valueType === 'percent' || valueType === 'boolean')
    return weights.map(({ unitCode }) => ({ unitCode, value: total }));
  if (valueType === 'count') {
    const parts = allocateWholeNumbers(
      total,
      weights.map((w) => w.weight),
    );
    return weights.map(({ unitCode }, i) => ({ unitCode, value: parts[i]! }));
  }
  if (weights.some((w) => !(w.weight >= 0) || !Number.isFinite(w.weight)))
    throw new Invalid('allocate.weight', 'weights must be finite and ≥ 0');
  const weightSum = weights.reduce((a, w) => a + w.weight, 0);
  if (weightSum === 0) {
    if (total === 0) return weights.map(({ unitCode }) => ({ unitCode, value: 0 }));
    throw new Invalid('allocate.weight', `cannot split ${total} over weights that are all zero`);
  }
  return weights.map(({ unitCode, weight }) => ({ unitCode, value: (total * weight) / weightSum }));
}
