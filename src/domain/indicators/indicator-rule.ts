export type UnitLevel = 'nation' | 'province' | 'commune';
export type ValueType = 'number' | 'percent' | 'count' | 'boolean';
export type UnitAggregation = 'sum' | 'average' | 'weighted_average' | 'min' | 'max' | 'share_meeting';
export type TimeAggregation = 'sum' | 'last';
export type Direction = 'higher' | 'lower';

/** How an indicator's values combine across units and across time. */
export interface IndicatorRule {
  valueType: ValueType;
  /** weighted_average weighs each unit by its population; share_meeting gives the percent of units with value ≥ threshold. */
  unitAggregation: UnitAggregation;
  threshold: number | null;
  /** Flows (invoices issued) sum over time; stocks (sites on air) take the last value. */
  timeAggregation: TimeAggregation;
  reportingLevel: UnitLevel;
}

export const LEVEL_DEPTH: Record<UnitLevel, number> = { nation: 0, province: 1, commune: 2 };
