/**
 * The targets tab's reads and writes: `GET/PUT /api/indicators/{code}/targets` (the set's version travels as the
 * ETag, and goes back with the PUT so that a change made meanwhile is refused, 412) and
 * `POST /api/indicators/{code}/targets/split`, which writes the communes' targets and answers with them.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiGetVersioned, apiPostJson, apiPutJson } from '../../../api/client.js';
import type { ApiSchemas, JsonRequest } from '../../../api/types.js';
import type { IndicatorDefinition } from '../indicators/indicator-definition.js';

export type TargetRow = ApiSchemas['TargetRows'][number];

export interface StoredTargets {
  rows: TargetRow[];
  /** The set's version (0 when nothing is stored yet); null if the server sent no ETag. */
  version: number | null;
}

export type TargetsBody = JsonRequest<'/api/indicators/{code}/targets', 'put'>;
export type SplitBasis = NonNullable<JsonRequest<'/api/indicators/{code}/targets/split', 'post'>['by']>;
export type SplitResult = ApiSchemas['TargetSplit'][number];

/** The same key as the indicators tab's catalogue: both tabs read one cached answer. */
export const definitionsQuery = (lang: string) =>
  queryOptions({
    queryKey: ['indicators', 'definitions', lang],
    queryFn: ({ signal }) => apiGet<IndicatorDefinition[]>('/indicators', {}, { signal, lang }),
  });

export const targetsQuery = (indicator: string, unit: string, lang: string) =>
  queryOptions({
    queryKey: ['indicator-targets', indicator, unit, lang],
    queryFn: async ({ signal }): Promise<StoredTargets> => {
      const { body, version } = await apiGetVersioned<TargetRow[]>(
        `/indicators/${encodeURIComponent(indicator)}/targets`,
        { unit },
        { signal, lang },
      );
      return { rows: body.map(({ year, kind, value }) => ({ year, kind, value })), version };
    },
  });

export function saveTargets(indicator: string, body: TargetsBody, lang: string): Promise<TargetRow[]> {
  return apiPutJson<TargetRow[]>(`/indicators/${encodeURIComponent(indicator)}/targets`, body, { lang });
}

export function splitTargets(
  indicator: string,
  body: { unit: string; by: SplitBasis; reason?: string | null },
  lang: string,
): Promise<SplitResult[]> {
  return apiPostJson<SplitResult[]>(`/indicators/${encodeURIComponent(indicator)}/targets/split`, body, { lang });
}
