/** An indicator's definition as `GET /api/indicators` gives it to a signed-in user and `PUT` takes it back. */
import type { Direction, IndicatorRule } from '../../../../../src/domain/indicators/indicator-rule.js';
import type { PeriodType } from '../../../../../src/domain/periods.js';

export interface IndicatorDefinition extends IndicatorRule {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  areaCode: string | null;
  pillar: string | null;
  direction: Direction;
  decimals: number;
  formula: string | null;
  minValue: number | null;
  maxValue: number | null;
  isPublic: boolean;
  periodType: PeriodType;
  reportingParty: string | null;
  /** What the PUT sends back, so that a change made meanwhile is refused rather than overwritten. */
  version: number;
}

/** The body of `PUT /api/indicators/{code}`: every field of the definition but the code. */
export function definitionBody(d: IndicatorDefinition) {
  return {
    nameVi: d.nameVi,
    nameEn: d.nameEn,
    unitVi: d.unitVi,
    unitEn: d.unitEn,
    areaCode: d.areaCode,
    pillar: d.pillar,
    valueType: d.valueType,
    unitAggregation: d.unitAggregation,
    threshold: d.threshold,
    timeAggregation: d.timeAggregation,
    direction: d.direction,
    reportingLevel: d.reportingLevel,
    decimals: d.decimals,
    formula: d.formula,
    minValue: d.minValue,
    maxValue: d.maxValue,
    isPublic: d.isPublic,
    periodType: d.periodType,
    reportingParty: d.reportingParty,
    version: d.version,
  };
}
