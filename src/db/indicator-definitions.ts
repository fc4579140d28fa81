import type { Queryable } from './database.js';
import { listIndicators, findIndicator, type Indicator } from './indicators.js';
import { appendAudit, type WriteContext } from './audit-log.js';
import { checkFormulaDefinition, parseFormula, type FormulaNode } from '../domain/indicators/formula/index.js';
import { Conflict, Invalid, NotFound } from '../domain/errors.js';

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
}

const definitionOf = (i: Indicator | IndicatorDefinitionInput): IndicatorDefinitionInput => ({
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
});

/** Every indicator's parsed formula (null for stored indicators), for reference and cycle checks. */
async function knownFormulas(tx: Queryable): Promise<Map<string, FormulaNode | null>> {
  const indicators = await listIndicators(tx);
  return new Map(indicators.map((i) => [i.code, i.formula === null ? null : parseFormula(i.formula)]));
}

/**
 * Creates or replaces an indicator's definition. A formula must parse, name only known indicators and
 * close no cycle; an indicator with stored values cannot become a formula. The change is audited.
 */
export async function saveIndicatorDefinition(
  tx: Queryable,
  input: IndicatorDefinitionInput,
  mode: 'create' | 'update',
  context: WriteContext,
): Promise<Indicator> {
  const existing = (await tx.query<{ id: number }>('select id from indicator where code = $1', [input.code]))[0];
  if (mode === 'create' && existing)
    throw new Conflict('indicator.exists', `An indicator with the code "${input.code}" exists already`);
  if (mode === 'update' && !existing)
    throw new NotFound('indicator.not_found', `No indicator has the code "${input.code}"`);
  if ((input.unitAggregation === 'share_meeting') !== (input.threshold !== null)) {
    throw new Invalid('indicator.threshold', 'A threshold is needed by, and only by, the share_meeting aggregation', [
      {
        path: 'body.threshold',
        message: input.threshold === null ? 'required for share_meeting' : 'only for share_meeting',
      },
    ]);
  }
  if (input.minValue !== null && input.maxValue !== null && input.minValue > input.maxValue) {
    throw new Invalid('indicator.bounds', `minValue ${input.minValue} is above maxValue ${input.maxValue}`, [
      { path: 'body.minValue', message: 'above maxValue' },
    ]);
  }
  if (input.formula !== null) {
    checkFormulaDefinition(input.code, input.formula, await knownFormulas(tx));
    if (existing) {
      const [stored] = await tx.query<{ n: number }>(
        'select count(*)::int as n from indicator_value where indicator_id = $1',
        [existing.id],
      );
      if (stored!.n > 0) {
        throw new Conflict(
          'indicator.has_values',
          `${input.code} has ${stored!.n} stored values; it cannot become a formula indicator`,
        );
      }
    }
  }
  let areaId: number | null = null;
  if (input.areaCode !== null) {
    const [area] = await tx.query<{ id: number }>(
      'select id from agreement_area where code = $1 order by id desc limit 1',
      [input.areaCode],
    );
    if (!area) throw new NotFound('area.not_found', `No cooperation area has the code "${input.areaCode}"`);
    areaId = area.id;
  }
  const before = existing ? definitionOf(await findIndicator(tx, input.code)) : null;
  const params = [
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
  ];
  if (existing) {
    await tx.query(
      `update indicator set name_vi = $2, name_en = $3, unit_vi = $4, unit_en = $5, area_id = $6, pillar = $7, value_type = $8,
         unit_aggregation = $9, threshold = $10, time_aggregation = $11, direction = $12, reporting_level = $13, decimals = $14,
         formula = $15, min_value = $16, max_value = $17
       where code = $1`,
      params,
    );
  } else {
    await tx.query(
      `insert into indicator (code, name_vi, name_en, unit_vi, unit_en, area_id, pillar, value_type, unit_aggregation, threshold,
         time_aggregation, direction, reporting_level, decimals, formula, min_value, max_value, position)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
               (select coalesce(max(position), 0) + 1 from indicator))`,
      params,
    );
  }
  const after = await findIndicator(tx, input.code);
  await appendAudit(tx, context, [
    {
      action: existing ? 'indicator.update' : 'indicator.create',
      entity: 'indicator',
      entityKey: { indicator: input.code },
      oldValue: before,
      newValue: definitionOf(after),
    },
  ]);
  return after;
}
