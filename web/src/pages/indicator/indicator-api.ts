/** The indicator page's reads: its definition, its table by unit, one value's history, its yearly series and targets. */
import { queryOptions } from '@tanstack/react-query';
import type { Lang, ValueType } from '../../../../src/domain/overview-contract.js';
import { apiGet, getRollup } from '../../api/client.js';

export interface IndicatorDefinition {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  valueType: ValueType;
  decimals: number;
  direction: 'higher' | 'lower';
  formula: string | null;
  reportingLevel: 'nation' | 'province' | 'commune';
  reportingParty: string | null;
  periodType: 'month' | 'quarter' | 'year';
  timeAggregation: 'sum' | 'last';
  unitAggregation: string;
}

export type UnitStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_target' | 'not_published';
export type ApprovalState = 'not_started' | 'draft' | 'submitted' | 'approved' | 'reopened';

export interface UnitRow {
  code: string;
  nameVi: string;
  nameEn: string | null;
  value: number | null;
  target: number | null;
  /** own: set for the commune; split_from_province: the province's passed down (as on the overview). */
  targetSource: 'own' | 'split_from_province' | 'none';
  status: UnitStatus;
  reported: boolean;
  approval: ApprovalState | null;
  updatedAt: string | null;
  updatedBy: string | null;
  source: string | null;
}

export interface UnitTable {
  indicator: string;
  unit: string;
  period: string;
  view: 'all' | 'published';
  totals: { reported: number; expected: number };
  rows: UnitRow[];
}

export interface ValueChange {
  at: string;
  actor: string;
  action: string;
  oldValue: number | null;
  newValue: number | null;
  reason: string | null;
}

export interface ValueHistory {
  source: string | null;
  changes: ValueChange[];
}

export interface TargetPoint {
  year: number;
  kind: 'baseline' | 'target';
  value: number;
}

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
