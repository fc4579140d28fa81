import type { ValueType } from '../indicators/indicator-rule.js';

/**
 * A series that barely moves has a tiny robust scale, so a step of one (a market count going from 0 to 1,
 * a fifth school connected) scores as extreme. An outlier is worth a reviewer's time only when its
 * departure from the unit's usual level (the median) is material: at least an absolute amount AND at
 * least a share of that level, both chosen by the kind of indicator.
 */
export interface Materiality {
  /** Smallest departure from the median, in the indicator's own unit (percentage points for a percent). */
  absolute: number;
  /** Smallest departure as a share of the median's size (0.25 = 25 %); from a median of 0 any change passes. */
  relative: number;
}

/** Counts: 3 more or fewer and a quarter of the usual level (0 → 1 market, 4 → 5 schools are noise). */
export const COUNT_MATERIALITY: Materiality = { absolute: 3, relative: 0.25 };
/** Percentages: 2 percentage points and 5 % of the usual level (99,2 → 99,5 % coverage is noise). */
export const PERCENT_MATERIALITY: Materiality = { absolute: 2, relative: 0.05 };
/** Other numbers (amounts, ratios): 1 unit and 10 % of the usual level. */
export const NUMBER_MATERIALITY: Materiality = { absolute: 1, relative: 0.1 };

export function materialityFor(valueType: ValueType): Materiality {
  switch (valueType) {
    case 'count':
      return COUNT_MATERIALITY;
    case 'percent':
      return PERCENT_MATERIALITY;
    case 'number':
    case 'boolean':
      return NUMBER_MATERIALITY;
  }
}

/** Whether `value` departs materially from `median` for an indicator of this kind. */
export function isMaterialChange(valueType: ValueType, value: number, median: number): boolean {
  const { absolute, relative } = materialityFor(valueType);
  const change = Math.abs(value - median);
  return change >= absolute && change >= relative * Math.abs(median);
}
