import { endOf } from '../targets/trajectory.js';
import { trackStatus, type TrackStatus } from '../targets/status.js';
import type { Period } from '../periods.js';

export interface UnitTargets {
  baseline: { year: number; value: number } | null;
  targets: readonly { year: number; value: number }[];
}

/**
 * A unit's status for one period against its own trajectory. A flow's sum over part of a year is scaled to the whole
 * year first, since yearly targets are whole-year amounts (the overview's rule).
 */
export function unitPeriodStatus(
  value: number | null,
  period: Period,
  targets: UnitTargets,
  indicator: { direction: 'higher' | 'lower'; timeAggregation: string },
): TrackStatus {
  if (!targets.baseline) return targets.targets.length ? 'no_data' : 'no_target';
  if (value === null) return 'no_data';
  const at = endOf(period);
  const isFlow = indicator.timeAggregation === 'sum';
  const actual = isFlow ? value / at.fraction : value;
  return trackStatus({
    actual,
    baseline: targets.baseline,
    targets: targets.targets,
    direction: indicator.direction,
    at: isFlow ? { year: at.year, fraction: 1 } : at,
  }).status;
}

/** The target a unit is held to in a period's year: that year's target, else the nearest later one. */
export function targetForYear(targets: readonly { year: number; value: number }[], year: number): number | null {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  return (sorted.find((t) => t.year >= year) ?? sorted.at(-1))?.value ?? null;
}

/** "112 of 135 communes reported": a unit counts once it reported any value in the period. */
export function reportingTotals(rows: readonly { reported: boolean }[]): { reported: number; expected: number } {
  return { reported: rows.filter((r) => r.reported).length, expected: rows.length };
}
