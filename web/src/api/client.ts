/**
 * Typed client for the same-origin HTTP API under /api.
 * Failed requests carry an RFC 9457 `application/problem+json` body; it is turned into an ApiError whose
 * message is the problem's `detail`.
 */
import type { ProgressSummary, UnitTreeNode } from '../../../src/domain/overview-contract.js';

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

  constructor(message: string, status: number, problem?: ProblemDetails) {
    super(message);
    this.status = status;
    this.code = problem?.code;
    this.problem = problem;
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

export async function apiGet<T>(
  path: string,
  query: Record<string, string | number | undefined> = {},
  options: RequestOptions = {},
): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  const url = `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.lang) headers['Accept-Language'] = options.lang;

  let res: Response;
  try {
    res = await fetch(url, { headers, signal: options.signal ?? null });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(err instanceof Error ? err.message : String(err), 0);
  }

  if (!res.ok) {
    const problem = await readProblem(res);
    const message =
      problem?.detail || problem?.title || `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    throw new ApiError(message, res.status, problem);
  }
  try {
    return (await res.json()) as T;
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError(`Invalid JSON from ${path}`, res.status);
  }
}

/** The nation node 'VN'; its children are provinces, whose children are communes. */
export function getUnitTree(options?: RequestOptions): Promise<UnitTreeNode> {
  return apiGet<UnitTreeNode>('/org-units/tree', {}, options);
}

/** Progress of one unit for a year; without `year` the server picks the latest year with data. */
export function getProgress(unit: string, year?: number, options?: RequestOptions): Promise<ProgressSummary> {
  return apiGet<ProgressSummary>('/progress', { unit, year }, options);
}
