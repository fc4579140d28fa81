/** The planner's reads and writes (`/api/plans`), typed from the OpenAPI document. */
import { queryOptions } from '@tanstack/react-query';
import { apiDelete, apiGet, apiPost, apiPostForm, apiPostJson } from '../../api/client.js';
import type { ApiSchemas } from '../../api/types.js';

export type PlanScenario = ApiSchemas['PlanScenario'];
export type PlanScenarioSummary = ApiSchemas['PlanScenarioSummary'];
export type PlanResult = ApiSchemas['PlanResult'];
export type PlannedSite = ApiSchemas['PlannedSite'];
export type UnitPlanEffect = ApiSchemas['UnitPlanEffect'];
export type PriorityPlace = ApiSchemas['PriorityPlace'];
export type PlanSettingsBody = ApiSchemas['PlanSettingsInput'];
export type PlanStatus = PlanScenario['status'];
export type SiteExportFormat = 'csv' | 'geojson' | 'kml';
export type ImportedCandidateRow = ApiSchemas['ImportedCandidateInput'];
export type PointOfInterestRow = ApiSchemas['PointOfInterestInput'];
export type ExcludedAreaRow = ApiSchemas['ExcludedAreaInput'];
/** What a scenario reads from a file: the partner's candidate sites, points of interest, or excluded areas. */
export type PlanFileKind = 'candidates' | 'points' | 'areas';
type PlanFileRow<K extends PlanFileKind> = K extends 'candidates'
  ? ImportedCandidateRow
  : K extends 'points'
    ? PointOfInterestRow
    : ExcludedAreaRow;

export const SITE_EXPORT_FORMATS: readonly SiteExportFormat[] = ['csv', 'geojson', 'kml'];

/** How often a queued or running plan is read again. */
export const PLAN_POLL_MS = 1000;

/** A plan that succeeded, with its result. */
export type FinishedPlan = PlanScenario & { result: PlanResult };

export function isFinishedPlan(plan: PlanScenario): plan is FinishedPlan {
  return plan.status === 'succeeded' && plan.result !== null;
}

export function isActivePlan(plan: Pick<PlanScenario, 'status'>): boolean {
  return plan.status === 'queued' || plan.status === 'running';
}

export const planListQuery = (lang: string) =>
  queryOptions({
    queryKey: ['plans', 'list', lang],
    queryFn: ({ signal }) => apiGet<PlanScenarioSummary[]>('/plans', {}, { signal, lang }),
  });

/** One scenario, read again every second while it is queued or running. */
export const planQuery = (id: string | null, lang: string) =>
  queryOptions({
    queryKey: ['plans', 'one', id, lang],
    queryFn: ({ signal }) => apiGet<PlanScenario>(`/plans/${encodeURIComponent(id!)}`, {}, { signal, lang }),
    enabled: id !== null,
    // Stops when the plan ends, or when reading it failed after the query's retries (a deleted plan: 404).
    refetchInterval: (query) =>
      query.state.status === 'error' || (query.state.data && !isActivePlan(query.state.data)) ? false : PLAN_POLL_MS,
  });

export function startPlan(body: PlanSettingsBody, lang: string): Promise<PlanScenario> {
  return apiPostJson<PlanScenario>('/plans', body, { lang });
}

export function cancelPlan(id: string, lang: string): Promise<PlanScenario> {
  return apiPost<PlanScenario>(`/plans/${encodeURIComponent(id)}/cancel`, { lang });
}

export function deletePlan(id: string, lang: string): Promise<void> {
  return apiDelete(`/plans/${encodeURIComponent(id)}`, {}, { lang });
}

/** The download link of a plan's sites in build order. */
/** The PNG of the cells a plan newly covers, coloured by phase (placed with `result.corners`). */
export function planCoverageUrl(id: string): string {
  return `/api/plans/${encodeURIComponent(id)}/new-coverage.png`;
}

export function siteExportUrl(id: string, format: SiteExportFormat): string {
  return `/api/plans/${encodeURIComponent(id)}/sites.${format}`;
}

/**
 * Reads a CSV or XLSX of candidates or points of interest, or a GeoJSON of excluded areas (checked on the server,
 * every bad cell or feature named).
 */
export function readPlanFile<K extends PlanFileKind>(kind: K, file: File, lang: string): Promise<PlanFileRow<K>[]> {
  const form = new FormData();
  form.append('file', file, file.name);
  const path = kind === 'areas' ? '/plans/read-areas' : `/plans/read-file/${kind}`;
  return apiPostForm(path, {}, form, { lang });
}
