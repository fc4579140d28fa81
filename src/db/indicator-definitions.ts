import type { Queryable } from './database.js';
import { listIndicators, type Indicator } from './indicators.js';
import { parseFormula, type FormulaNode } from '../domain/indicators/formula/index.js';
import type { PeriodType } from '../domain/periods.js';

/** An indicator as a user defines it (codes, not ids). */
export interface IndicatorDefinitionInput {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  areaCode: string | null;
  pillar: string | null;
  valueType: Indicator['valueType'];
  unitAggregation: Indicator['unitAggregation'];
  threshold: number | null;
  timeAggregation: Indicator['timeAggregation'];
  direction: Indicator['direction'];
  reportingLevel: Indicator['reportingLevel'];
  decimals: number;
  formula: string | null;
  minValue: number | null;
  maxValue: number | null;
  isPublic: boolean;
  periodType: PeriodType;
  reportingParty: string | null;
}

/** The fields a definition is audited with, in a fixed order. */
export const definitionOf = (i: Indicator | IndicatorDefinitionInput): IndicatorDefinitionInput => ({
  code: i.code,
  nameVi: i.nameVi,
  nameEn: i.nameEn,
  unitVi: i.unitVi,
  unitEn: i.unitEn,
  areaCode: i.areaCode,
  pillar: i.pillar,
  valueType: i.valueType,
  unitAggregation: i.unitAggregation,
  threshold: i.threshold,
  timeAggregation: i.timeAggregation,
  direction: i.direction,
  reportingLevel: i.reportingLevel,
  decimals: i.decimals,
  formula: i.formula,
  minValue: i.minValue,
  maxValue: i.maxValue,
  isPublic: i.isPublic,
  periodType: i.periodType,
  reportingParty: i.reportingParty,
});

/** Every indicator's parsed formula (null for stored indicators), for reference and cycle checks. */
export async function knownFormulas(tx: Queryable): Promise<Map<string, FormulaNode | null>> {
  const indicators = await listIndicators(tx);
  return new Map(indicators.map((i) => [i.code, i.formula === null ? null : parseFormula(i.formula)]));
}

export async function countStoredValues(tx: Queryable, indicatorId: number): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    'select count(*)::int as n from indicator_value where indicator_id = $1',
    [indicatorId],
  );
  return row!.n;
}

/** The id of the latest agreement's area with this code, or null. */
export async function findAreaId(tx: Queryable, code: string): Promise<number | null> {
  const [area] = await tx.query<{ id: number }>(
    'select id from agreement_area where code = $1 order by id desc limit 1',
    [code],
  );
  return area?.id ?? null;
}

/** Locks an indicator's row for the rest of the transaction and returns its id and version. */
export async function lockIndicator(tx: Queryable, code: string): Promise<{ id: number; version: number } | null> {
  const [row] = await tx.query<{ id: number; version: number }>(
    'select id, version from indicator where code = $1 for update',
    [code],
  );
  return row ?? null;
}

function paramsOf(input: IndicatorDefinitionInput, areaId: number | null, actor: string) {
  return [
    input.code,
    input.nameVi,
    input.nameEn,
    input.unitVi,
    input.unitEn,
    areaId,
    input.pillar,
    input.valueType,
    input.unitAggregation,
    input.threshold,
    input.timeAggregation,
    input.direction,
    input.reportingLevel,
    input.decimals,
    input.formula,
    input.minValue,
    input.maxValue,
    input.isPublic,
    input.periodType,
    input.reportingParty,
    actor,
  ];
}

export async function insertIndicatorDefinition(
  tx: Queryable,
  input: IndicatorDefinitionInput,
  areaId: number | null,
  actor: string,
): Promise<void> {
  await tx.query(
    `insert into indicator (code, name_vi, name_en, unit_vi, unit_en, area_id, pillar, value_type, unit_aggregation, threshold,
       time_aggregation, direction, reporting_level, decimals, formula, min_value, max_value, is_public, period_type,
       reporting_party, updated_by, updated_at, position)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, now(),
             (select coalesce(max(position), 0) + 1 from indicator))`,
    paramsOf(input, areaId, actor),
  );
}

export async function updateIndicatorDefinition(
  tx: Queryable,
  input: IndicatorDefinitionInput,
  areaId: number | null,
  actor: string,
): Promise<void> {
  await tx.query(
    `update indicator set name_vi = $2, name_en = $3, unit_vi = $4, unit_en = $5, area_id = $6, pillar = $7, value_type = $8,
       unit_aggregation = $9, threshold = $10, time_aggregation = $11, direction = $12, reporting_level = $13, decimals = $14,
       formula = $15, min_value = $16, max_value = $17, is_public = $18, period_type = $19, reporting_party = $20,
       updated_by = $21, updated_at = now(), version = nextval('row_version_seq')
     where code = $1`,
    paramsOf(input, areaId, actor),
  );
}
