/** Pure helpers of the validation screen: grouping violations and reading an outlier's statistics. */
import type { Violation, ViolationKind } from './api/types.js';

/** Rules first (a relation between indicators is broken), then bounds, then outliers (worth a second look). */
export const KIND_ORDER: readonly ViolationKind[] = ['rule', 'bounds', 'outlier'];

export interface ViolationGroup {
  kind: ViolationKind;
  items: Violation[];
}

/** Violations by kind, in KIND_ORDER, each group in the server's order; empty groups are left out. */
export function groupViolations(violations: readonly Violation[]): ViolationGroup[] {
  return KIND_ORDER.map((kind) => ({ kind, items: violations.filter((v) => v.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
}

export function countByKind(violations: readonly Violation[]): Record<ViolationKind, number> {
  const counts: Record<ViolationKind, number> = { rule: 0, bounds: 0, outlier: 0 };
  for (const v of violations) counts[v.kind] += 1;
  return counts;
}

export interface OutlierStats {
  median: number;
  /** Infinity when the unit's history never varied (the median absolute deviation is 0). */
  z: number;
}

/**
 * The median and robust z-score an outlier message carries: '… (median 22, robust z 4.3)'. The API has no
 * separate fields for them, so they are read from the (English) message; null when the wording differs.
 */
export function outlierStats(message: string): OutlierStats | null {
  const match = /\(median (-?[\d.e+-]+|-?Infinity|NaN), robust z (-?[\d.e+-]+|-?Infinity|NaN)\)/.exec(message);
  if (!match) return null;
  const median = Number(match[1]);
  const z = Number(match[2]);
  return Number.isNaN(median) || Number.isNaN(z) ? null : { median, z };
}
