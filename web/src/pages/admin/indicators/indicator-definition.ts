import type { ApiSchemas } from '../../../api/types.js';

/** An indicator's definition as `GET /api/indicators` gives it to a signed-in user and `PUT` takes it back. */
export type IndicatorDefinition = Pick<
  ApiSchemas['Indicator'],
  | 'code'
  | 'nameVi'
  | 'nameEn'
  | 'unitVi'
  | 'unitEn'
  | 'areaCode'
  | 'pillar'
  | 'valueType'
  | 'unitAggregation'
  | 'threshold'
  | 'timeAggregation'
  | 'reportingLevel'
  | 'direction'
  | 'decimals'
  | 'formula'
  | 'minValue'
  | 'maxValue'
  | 'isPublic'
  | 'periodType'
  | 'reportingParty'
  | 'version'
>;

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
