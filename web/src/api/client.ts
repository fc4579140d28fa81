/**
 * Typed client for the same-origin HTTP API under /api.
 * Failed requests carry an RFC 9457 `application/problem+json` body; it is turned into an ApiError whose
 * message is the problem's `detail`. The browser sends the session cookie by itself; every write also carries
 * the session's CSRF token (csrf.ts).
 */
import type { ProgressSummary, UnitTreeNode } from '../../../src/domain/overview-contract.js';
import { csrfHeaders, csrfToken } from './csrf.js';
import { gridFileSuffix } from '../../../src/domain/coverage/grid-files.js';
import type {
  Agreement,
  BoundaryCollection,
  CoverageLegendClass,
  CoverageRun,
  ImportReport,
  IndicatorInfo,
  RollupResult,
  Technology,
  ValidationResult,
  ValidationRule,
} from './types.js';

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: unknown;
}

export class ApiError extends Error {
  override name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly code: string | undefined;
  readonly problem: ProblemDetails | undefined;
  /** From Retry-After (429 and 503 answers), in seconds. */
  readonly retryAfterSeconds: number | undefined;
  /** From Content-Language: the language the server worded `detail` in. */
  readonly language: string | undefined;

  constructor(
    message: string,
    status: number,
    problem?: ProblemDetails,
    meta: { retryAfterSeconds?: number | undefined; language?: string | undefined } = {},
  ) {
    super(message);
    this.status = status;
    this.code = problem?.code;
    this.problem = problem;
    this.retryAfterSeconds = meta.retryAfterSeconds;
    this.language = meta.language;
  }

  /** True when the request never got an HTTP answer (offline, DNS, server down). */
  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Sent as Accept-Language so the server can word problem details in the UI language. */
  lang?: string;
}

const API_BASE = '/api';

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

async function readProblem(res: Response): Promise<ProblemDetails | undefined> {
  const type = res.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return undefined;
  try {
    const body: unknown = await res.json();
    return isProblem(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

function buildUrl(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

interface SendOptions extends RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  /** A multipart form, or JSON text (sent as application/json). */
  body?: FormData | string;
  accept?: string;
}

/** Retry-After as seconds (it may also be an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

let sessionLost: (() => void) | null = null;

/**
 * Called when a request sent with a session is answered as if it had none (401 `auth.required`: it expired or
 * was ended elsewhere) or with a stale CSRF token (403 `auth.csrf`: another tab signed in again). The session
 * store reads the session again then, so that the page shows the truth.
 */
export function onSessionLost(listener: (() => void) | null): void {
  sessionLost = listener;
}

function isSessionLost(status: number, code: string | undefined): boolean {
  return (status === 401 && code === 'auth.required') || (status === 403 && code === 'auth.csrf');
}

/** Sends a request; a network failure or a non-2xx answer becomes an ApiError (with the problem, if any). */
async function send(path: string, options: SendOptions = {}): Promise<Response> {
  const url = buildUrl(path, options.query ?? {});
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json, application/problem+json',
    ...options.headers,
    ...csrfHeaders(method),
  };
  if (typeof options.body === 'string') headers['Content-Type'] = 'application/json';
  const hadSession = csrfToken() !== null;
  if (options.lang) headers['Accept-Language'] = options.lang;

  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: options.body ?? null,
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(err instanceof Error ? err.message : String(err), 0);
  }

  if (!res.ok) {
    const problem = await readProblem(res);
    if (hadSession && isSessionLost(res.status, problem?.code)) sessionLost?.();
    const message =
      problem?.detail || problem?.title || `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    throw new ApiError(message, res.status, problem, {
      retryAfterSeconds: retryAfterSeconds(res.headers.get('retry-after')),
      language: res.headers.get('content-language') ?? undefined,
    });
  }
  return res;
}

async function readJson<T>(res: Response, path: string, signal: AbortSignal | undefined): Promise<T> {
  try {
    return (await res.json()) as T;
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(`Invalid JSON from ${path}`, res.status);
  }
}

export async function apiGet<T>(
  path: string,
  query: Record<string, string | number | undefined> = {},
  options: RequestOptions = {},
): Promise<T> {
  const res = await send(path, { ...options, query });
  return readJson<T>(res, path, options.signal);
}

/** GETs JSON with the version its ETag names ("12" or W/"12"), for a write to send back; null without one. */
export async function apiGetVersioned<T>(
  path: string,
  query: Record<string, string | number | undefined> = {},
  options: RequestOptions = {},
): Promise<{ body: T; version: number | null }> {
  const res = await send(path, { ...options, query });
  const tag = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(res.headers.get('etag') ?? '');
  return { body: await readJson<T>(res, path, options.signal), version: tag ? Number(tag[1]) : null };
}

/** POSTs a multipart form and reads the JSON answer. */
export async function apiPostForm<T>(
  path: string,
  query: Record<string, string | number | undefined>,
  form: FormData,
  options: RequestOptions = {},
): Promise<T> {
  const res = await send(path, { ...options, method: 'POST', query, body: form });
  return readJson<T>(res, path, options.signal);
}

/** POSTs without a body (an action such as cancel) and reads the JSON answer. */
export async function apiPost<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, { ...options, method: 'POST' });
  return readJson<T>(res, path, options.signal);
}

/** POSTs a JSON body and reads the JSON answer. */
export async function apiPostJson<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, { ...options, method: 'POST', body: JSON.stringify(body) });
  return readJson<T>(res, path, options.signal);
}

/** PUTs a JSON body and reads the JSON answer. */
export async function apiPutJson<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, { ...options, method: 'PUT', body: JSON.stringify(body) });
  return readJson<T>(res, path, options.signal);
}

/** PATCHes a JSON body (the fields to change) and reads the JSON answer. */
export async function apiPatchJson<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, { ...options, method: 'PATCH', body: JSON.stringify(body) });
  return readJson<T>(res, path, options.signal);
}

/** DELETEs what the query names; the answer has no body. */
export async function apiDelete(
  path: string,
  query: Record<string, string | number | undefined>,
  options: RequestOptions = {},
): Promise<void> {
  await send(path, { ...options, method: 'DELETE', query });
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, else `fallbackName`. */
  filename: string;
}

/**
 * `filename="…"` (or RFC 6266 `filename*=UTF-8''…`) from a Content-Disposition header; null when absent.
 * `filename*` wins, as the RFC says.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  return name || null;
}

/** Downloads a file (a template) as a Blob, so that a refusal can be shown as a problem instead of a saved file. */
export async function apiGetFile(
  path: string,
  query: Record<string, string | number | undefined>,
  fallbackName: string,
  options: RequestOptions = {},
): Promise<DownloadedFile> {
  const res = await send(path, { ...options, query, accept: '*/*' });
  const blob = await res.blob();
  return { blob, filename: filenameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName };
}

/** The nation node 'VN'; its children are provinces, whose children are communes. */
export function getUnitTree(options?: RequestOptions): Promise<UnitTreeNode> {
  return apiGet<UnitTreeNode>('/org-units/tree', {}, options);
}

/** Progress of one unit for a year; without `year` the server picks the latest year with data. */
export function getProgress(unit: string, year?: number, options?: RequestOptions): Promise<ProgressSummary> {
  return apiGet<ProgressSummary>('/progress', { unit, year }, options);
}

/** The agreement whose cooperation areas (A1…A8) the screens use. */
export const AGREEMENT_CODE = 'GL-VTL-2025';

export function getAgreement(code: string, options?: RequestOptions): Promise<Agreement> {
  return apiGet<Agreement>(`/agreements/${encodeURIComponent(code)}`, {}, options);
}

export function getIndicators(options?: RequestOptions): Promise<IndicatorInfo[]> {
  return apiGet<IndicatorInfo[]>('/indicators', {}, options);
}

export function getValidation(unit: string, period: string, options?: RequestOptions): Promise<ValidationResult> {
  return apiGet<ValidationResult>('/validation', { unit, period }, options);
}

export function getValidationRules(options?: RequestOptions): Promise<ValidationRule[]> {
  return apiGet<ValidationRule[]>('/validation-rules', {}, options);
}

export interface TemplateQuery {
  unit: string;
  period: string;
  /** One cooperation area's indicators… */
  area?: string | undefined;
  /** …or an explicit list of indicator codes. */
  indicators?: readonly string[] | undefined;
  format: 'xlsx' | 'csv';
  lang: 'vi' | 'en';
}

export function getImportTemplate(query: TemplateQuery, options?: RequestOptions): Promise<DownloadedFile> {
  return apiGetFile(
    '/imports/template',
    {
      unit: query.unit,
      period: query.period,
      area: query.area,
      indicators: query.indicators?.join(','),
      format: query.format,
      lang: query.lang,
    },
    `dx-compact-${query.unit}-${query.period}.${query.format}`,
    options,
  );
}

/** Previews or commits a file; the audit log records the signed-in user, not anything the page says. */
export function postImport(
  file: File,
  options: { mode: 'preview' | 'commit'; period?: string | undefined } & RequestOptions,
): Promise<ImportReport> {
  const form = new FormData();
  if (options.period) form.append('period', options.period);
  form.append('file', file, file.name);
  return apiPostForm<ImportReport>('/imports', { mode: options.mode }, form, {
    signal: options.signal,
    lang: options.lang,
  });
}

/** The boundaries of the units below `unit` (GeoJSON), each with the indicator's value for the period. */
export function getChildBoundaries(
  unit: string,
  query: { indicator?: string | undefined; period?: string | undefined },
  options?: RequestOptions,
): Promise<BoundaryCollection> {
  return apiGet<BoundaryCollection>(
    `/org-units/${encodeURIComponent(unit)}/children/boundaries`,
    { indicator: query.indicator, period: query.period },
    options,
  );
}

/** An indicator rolled up to a unit, per bucket (`by` defaults to the type of `from`). */
export function getRollup(
  query: { indicator: string; unit: string; from: string; to?: string | undefined; by?: 'year' | 'quarter' | 'month' },
  options?: RequestOptions,
): Promise<RollupResult> {
  return apiGet<RollupResult>('/rollup', { ...query }, options);
}

/** Recent coverage runs, newest first. */
export function getCoverageRuns(options?: RequestOptions): Promise<CoverageRun[]> {
  return apiGet<CoverageRun[]>('/coverage/runs', {}, options);
}

export function getCoverageRun(id: string, options?: RequestOptions): Promise<CoverageRun> {
  return apiGet<CoverageRun>(`/coverage/runs/${encodeURIComponent(id)}`, {}, options);
}

/** Starts the demo province's synthetic coverage scenario (202 with the queued run). */
export function startDemoCoverageRun(
  query: { unit: string; period: string; technologies: readonly Technology[] },
  options?: RequestOptions,
): Promise<CoverageRun> {
  const form = new FormData();
  form.append('unit', query.unit);
  form.append('period', query.period);
  form.append('technologies', query.technologies.join(','));
  form.append('demo', 'true');
  return apiPostForm<CoverageRun>('/coverage/runs', {}, form, options);
}

export function cancelCoverageRun(id: string, options?: RequestOptions): Promise<CoverageRun> {
  return apiPost<CoverageRun>(`/coverage/runs/${encodeURIComponent(id)}/cancel`, options);
}

/** Signal classes of the coverage layer PNGs. */
export function getCoverageLegend(options?: RequestOptions): Promise<CoverageLegendClass[]> {
  return apiGet<CoverageLegendClass[]>('/coverage/legend', {}, options);
}

/** The PNG of a run's signal classes for one technology on one grid (place it with that layer's corners). */
export function coverageLayerUrl(runId: string, technology: Technology, grid: string | null = null): string {
  return `${API_BASE}/coverage/runs/${encodeURIComponent(runId)}/layer/${technology}${gridFileSuffix(grid)}.png`;
}

/** The output files of a run per technology (see the files route): what GIS users download. */
export type CoverageFileKind = 'signal' | 'sites' | 'uncovered';

/** A file's name; the signal raster is one per grid (`grid` null on a run over one grid), the tables one per run. */
export function coverageFileName(kind: CoverageFileKind, technology: Technology, grid: string | null = null): string {
  if (kind === 'signal') return `signal-${technology}${gridFileSuffix(grid)}.tif`;
  return kind === 'sites' ? `best-server-${technology}.csv` : `uncovered-${technology}.geojson`;
}

export function coverageFileUrl(
  runId: string,
  kind: CoverageFileKind,
  technology: Technology,
  grid: string | null = null,
): string {
  return `${API_BASE}/coverage/runs/${encodeURIComponent(runId)}/files/${coverageFileName(kind, technology, grid)}`;
}
