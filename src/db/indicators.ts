import type { Queryable } from './database.js';
import { NotFound } from '../domain/errors.js';
import type { PeriodType } from '../domain/periods.js';
import type {
  Direction,
  IndicatorRule,
  UnitAggregation,
  UnitLevel,
  ValueType,
  TimeAggregation,
} from '../domain/indicators/indicator-rule.js';

export interface Indicator extends IndicatorRule {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  areaCode: string | null;
  pillar: string | null;
  direction: Direction;
  decimals: number;
  isDemo: boolean;
  /** Expression over other indicators; a formula indicator has no stored values. */
  formula: string | null;
  minValue: number | null;
  maxValue: number | null;
  /** The indicator computed by the coverage engine for this reported one, shown beside it. */
  computedCode: string | null;
  /** Approved figures of a public indicator are shown to everyone, signed in or not. */
  isPublic: boolean;
  /** The period type values are collected at; a value of another type must not overlap stored ones. */
  periodType: PeriodType;
  /** The agreement party whose staff report it (null: anyone allowed to enter values). */
  reportingParty: string | null;
  /** Raised on every change to the definition: what If-Match compares. */
  version: number;
  updatedBy: string | null;
}

interface IndicatorRow {
  [key: string]: unknown;
  id: number;
  code: string;
  name_vi: string;
  name_en: string;
  unit_vi: string;
  unit_en: string;
  area_code: string | null;
  pillar: string | null;
  value_type: ValueType;
  unit_aggregation: UnitAggregation;
  threshold: number | null;
  time_aggregation: TimeAggregation;
  direction: Direction;
  reporting_level: UnitLevel;
  decimals: number;
  is_demo: boolean;
  formula: string | null;
  min_value: number | null;
  max_value: number | null;
  computed_code: string | null;
  is_public: boolean;
  period_type: PeriodType;
  reporting_party: string | null;
  version: number;
  updated_by: string | null;
}

const SELECT_INDICATOR = `
  select i.id, i.code, i.name_vi, i.name_en, i.unit_vi, i.unit_en, a.code as area_code, i.pillar, i.value_type,
         i.unit_aggregation, i.threshold, i.time_aggregation, i.direction, i.reporting_level, i.decimals, i.is_demo,
         i.formula, i.min_value, i.max_value, i.computed_code, i.is_public, i.period_type, i.reporting_party, i.version,
         i.updated_by
  from indicator i left join agreement_area a on a.id = i.area_id`;

function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    code: row.code,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    unitVi: row.unit_vi,
    unitEn: row.unit_en,
    areaCode: row.area_code,
    pillar: row.pillar,
    valueType: row.value_type,
    unitAggregation: row.unit_aggregation,
    threshold: row.threshold,
    timeAggregation: row.time_aggregation,
    direction: row.direction,
    reportingLevel: row.reporting_level,
    decimals: row.decimals,
    isDemo: row.is_demo,
    formula: row.formula,
    minValue: row.min_value,
    maxValue: row.max_value,
    computedCode: row.computed_code,
    isPublic: row.is_public,
    periodType: row.period_type,
    reportingParty: row.reporting_party,
    version: row.version,
    updatedBy: row.updated_by,
  };
}

export async function listIndicators(db: Queryable, filter: { area?: string | undefined } = {}): Promise<Indicator[]> {
  const rows = filter.area
    ? await db.query<IndicatorRow>(`${SELECT_INDICATOR} where a.code = $1 order by i.position, i.code`, [filter.area])
    : await db.query<IndicatorRow>(`${SELECT_INDICATOR} order by i.position, i.code`);
  return rows.map(toIndicator);
}

export async function findIndicator(db: Queryable, code: string): Promise<Indicator> {
  const [row] = await db.query<IndicatorRow>(`${SELECT_INDICATOR} where i.code = $1`, [code]);
  if (!row) throw new NotFound('indicator.not_found', `No indicator has the code "${code}"`, undefined, { code });
  return toIndicator(row);
}

export interface TargetPoint {
  year: number;
  kind: 'baseline' | 'target';
  value: number;
  isDemo: boolean;
  version: number;
  updatedBy: string | null;
}

export async function findTargets(db: Queryable, indicatorId: number, unitId: number): Promise<TargetPoint[]> {
  return db.query<TargetPoint & Record<string, unknown>>(
    `select year, kind, value, is_demo as "isDemo", version, updated_by as "updatedBy" from indicator_target
     where indicator_id = $1 and org_unit_id = $2 order by year, kind`,
    [indicatorId, unitId],
  );
}
