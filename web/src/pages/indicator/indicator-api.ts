/** The indicator page's reads: its definition, its table by unit, one value's history, its yearly series and targets. */
import { queryOptions } from '@tanstack/react-query';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { apiGet, getRollup } from '../../api/client.js';
import type { ApiSchemas, JsonAnswer } from '../../api/types.js';

/** `GET /api/indicators/{code}`, the fields the indicator page reads. */
export type IndicatorDefinition = Pick<
  ApiSchemas['Indicator'],
  | 'code'
  | 'nameVi'
  | 'nameEn'
  | 'unitVi'
  | 'unitEn'
  | 'valueType'
  | 'decimals'
  | 'direction'
  | 'formula'
  | 'reportingLevel'
  | 'reportingParty'
  | 'periodType'
  | 'timeAggregation'
  | 'unitAggregation'
>;

/** `GET /api/indicators/{code}/units`. */
export type UnitTable = JsonAnswer<'/api/indicators/{code}/units', 'get'>;
export type UnitRow = UnitTable['rows'][number];
export type UnitStatus = UnitRow['status'];
export type ApprovalState = NonNullable<UnitRow['approval']>;

/** `GET /api/indicators/{code}/history`, the fields the indicator page reads. */
export type ValueHistory = Pick<JsonAnswer<'/api/indicators/{code}/history', 'get'>, 'source' | 'changes'>;
export type ValueChange = ValueHistory['changes'][number];

/** A baseline or target (`GET /api/indicators/{code}/targets`), the fields the indicator page reads. */
export type TargetPoint = Pick<ApiSchemas['TargetPoints'][number], 'year' | 'kind' | 'value'>;

const path = (code: string) => `/indicators/${encodeURIComponent(code)}`;

export const definitionQuery = (code: string, lang: Lang) =>
  queryOptions({
    queryKey: ['indicator', code, lang],
    queryFn: ({ signal }) => apiGet<IndicatorDefinition>(path(code), {}, { signal, lang }),
    staleTime: 5 * 60_000,
  });

export const unitTableQuery = (code: string, unit: string, period: string, lang: Lang) =>
  queryOptions({
    queryKey: ['indicator', code, 'units', unit, period, lang],
    queryFn: ({ signal }) => apiGet<UnitTable>(`${path(code)}/units`, { unit, period }, { signal, lang }),
  });

export const historyQuery = (code: string, unit: string, period: string, lang: Lang) =>
  queryOptions({
    queryKey: ['indicator', code, 'history', unit, period, lang],
    queryFn: ({ signal }) => apiGet<ValueHistory>(`${path(code)}/history`, { unit, period }, { signal, lang }),
  });

export const targetsQuery = (code: string, unit: string, lang: Lang) =>
  queryOptions({
    queryKey: ['indicator', code, 'targets', unit, lang],
    queryFn: ({ signal }) => apiGet<TargetPoint[]>(`${path(code)}/targets`, { unit }, { signal, lang }),
  });

export const yearlySeriesQuery = (code: string, unit: string, from: number, to: number, lang: Lang) =>
  queryOptions({
    queryKey: ['indicator', code, 'series', unit, from, to, lang],
    queryFn: ({ signal }) =>
      getRollup({ indicator: code, unit, from: String(from), to: String(to), by: 'year' }, { signal, lang }),
  });
