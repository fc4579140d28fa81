import type { Period, PeriodType } from '../periods.js';

/** A value's place: one indicator, one unit, one period. */
export interface ValueSlot {
  indicator: string;
  unit: string;
  period: Period;
}

export interface Overlap {
  /** Position of the incoming value in its batch. */
  index: number;
  slot: ValueSlot;
  /** Codes of the stored (or earlier incoming) periods it overlaps, of another period type. */
  overlapping: string[];
}

const overlaps = (a: Period, b: Period) => a.startDate <= b.endDate && b.startDate <= a.endDate;

/**
 * Values of one indicator and unit at two period types that overlap in time would be counted twice (a flow) or
 * hide one another (a stock): 2025Q3 beside 2025-07…09. Finds every incoming value that overlaps a stored value,
 * or another incoming value, of the same indicator and unit at another period type. Values of the same type
 * never overlap (same period: it is a correction).
 */
export function findOverlaps(incoming: readonly ValueSlot[], stored: readonly ValueSlot[]): Overlap[] {
  const byPair = new Map<string, { period: Period; code: string }[]>();
  const pair = (s: ValueSlot) => `${s.indicator}\u0000${s.unit}`;
  for (const slot of [...stored, ...incoming]) {
    const list = byPair.get(pair(slot)) ?? [];
    if (!list.some((p) => p.code === slot.period.code)) list.push({ period: slot.period, code: slot.period.code });
    byPair.set(pair(slot), list);
  }
  const found: Overlap[] = [];
  incoming.forEach((slot, index) => {
    const overlapping = (byPair.get(pair(slot)) ?? [])
      .filter((p) => p.period.type !== slot.period.type && overlaps(p.period, slot.period))
      .map((p) => p.code)
      .sort();
    if (overlapping.length > 0) found.push({ index, slot, overlapping });
  });
  return found;
}

const TYPE_NAMES: Record<PeriodType, string> = { month: 'monthly', quarter: 'quarterly', year: 'yearly' };

/** "SITES_5G for 60309134: 2025Q3 overlaps the stored 2025-07, 2025-08 (SITES_5G is collected monthly)". */
export function describeOverlap(overlap: Overlap, collectedAt: PeriodType): string {
  const { indicator, unit, period } = overlap.slot;
  return `${indicator} for ${unit}: ${period.code} overlaps ${overlap.overlapping.join(', ')} (${indicator} is collected ${TYPE_NAMES[collectedAt]})`;
}
