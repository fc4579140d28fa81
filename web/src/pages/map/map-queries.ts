/** The map page's reads as TanStack Query options: one key per resource, language and (for values) latest run. */
import { queryOptions } from '@tanstack/react-query';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { apiGet, getChildBoundaries, getCoverageLegend, getCoverageRuns, getRollup } from '../../api/client.js';
import type { BoundaryFeature, JsonAnswer } from '../../api/types.js';

/** `GET /api/map-config`. */
export type MapConfig = JsonAnswer<'/api/map-config', 'get'>;

/** The months asked of the roll-up to find the periods with data. */
const MONTHS_FROM = '2015-01';
const MONTHS_TO = '2035-12';

export const mapConfigQuery = () =>
  queryOptions({
    queryKey: ['map-config'],
    queryFn: ({ signal }) => apiGet<MapConfig>('/map-config', {}, { signal }),
    staleTime: Infinity,
    // No answer: the map is drawn without a base map rather than not at all.
    retry: false,
  });

export const unitBoundaryQuery = (code: string | null) =>
  queryOptions({
    queryKey: ['org-units', code, 'boundary'],
    queryFn: ({ signal }) =>
      apiGet<BoundaryFeature>(`/org-units/${encodeURIComponent(code!)}/boundary`, {}, { signal }),
    enabled: code !== null,
    staleTime: 10 * 60_000,
  });

export const coverageRunsQuery = (lang: Lang, enabled: boolean) =>
  queryOptions({
    queryKey: ['coverage', 'runs', lang],
    queryFn: ({ signal }) => getCoverageRuns({ signal, lang }),
    enabled,
  });

export const coverageLegendQuery = (lang: Lang) =>
  queryOptions({
    queryKey: ['coverage', 'legend', lang],
    queryFn: ({ signal }) => getCoverageLegend({ signal, lang }),
    staleTime: Infinity,
  });

/** The province's monthly values, to list the periods with data; `runKey` changes when a run writes new values. */
export const monthlyValuesQuery = (lang: Lang, unit: string | null, indicator: string | null, runKey: string | null) =>
  queryOptions({
    queryKey: ['rollup', 'months', unit, indicator, runKey, lang],
    queryFn: ({ signal }) =>
      getRollup(
        { indicator: indicator!, unit: unit!, from: MONTHS_FROM, to: MONTHS_TO, by: 'month' },
        { signal, lang },
      ),
    enabled: unit !== null && indicator !== null,
  });

/** One unit's value of an indicator for one period; null when there is none. */
export const periodValueQuery = (lang: Lang, unit: string | null, indicator: string | null, period: string | null) =>
  queryOptions({
    queryKey: ['rollup', 'value', unit, indicator, period, lang],
    queryFn: async ({ signal }) => {
      const result = await getRollup({ indicator: indicator!, unit: unit!, from: period! }, { signal, lang });
      return (result.values.find((v) => v.period === period) ?? result.values[0])?.value ?? null;
    },
    enabled: unit !== null && indicator !== null && period !== null,
  });

export const childBoundariesQuery = (
  lang: Lang,
  unit: string | null,
  indicator: string | null,
  period: string | null,
  runKey: string | null,
) =>
  queryOptions({
    queryKey: ['org-units', unit, 'children', 'boundaries', indicator, period, runKey, lang],
    queryFn: ({ signal }) => getChildBoundaries(unit!, { indicator: indicator!, period: period! }, { signal, lang }),
    enabled: unit !== null && indicator !== null && period !== null,
  });
