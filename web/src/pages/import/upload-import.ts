/**
 * Sends a file to `POST /api/imports` with XMLHttpRequest rather than fetch: only XHR reports how much of the
 * request body has gone (upload.onprogress), which a large workbook on a slow line needs.
 */
import { ApiError, retryAfterSeconds, type ProblemDetails } from '../../api/client.js';
import { csrfHeaders } from '../../api/csrf.js';
import type { ImportReport } from '../../api/types.js';

export interface UploadProgress {
  /** 'uploading' while bytes go out; 'processing' once all are sent and the server reads and checks the rows. */
  phase: 'uploading' | 'processing';
  sentBytes: number;
  totalBytes: number;
}

export interface UploadOptions {
  mode: 'preview' | 'commit';
  period?: string | undefined;
  lang: string;
  signal?: AbortSignal | undefined;
  onProgress?: (progress: UploadProgress) => void;
}

function problemOf(xhr: XMLHttpRequest): ProblemDetails | undefined {
  if (!/json/i.test(xhr.getResponseHeader('content-type') ?? '')) return undefined;
  try {
    const body: unknown = JSON.parse(xhr.responseText);
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as ProblemDetails) : undefined;
  } catch {
    return undefined;
  }
}

export function uploadImport(file: File, options: UploadOptions): Promise<ImportReport> {
  const form = new FormData();
  if (options.period) form.append('period', options.period);
  form.append('file', file, file.name);
  return new Promise<ImportReport>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?mode=${options.mode}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', options.lang);
    for (const [name, value] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      const total = event.lengthComputable ? event.total : file.size;
      const phase = event.loaded >= total ? 'processing' : 'uploading';
      options.onProgress?.({ phase, sentBytes: event.loaded, totalBytes: total });
    };
    xhr.upload.onload = () =>
      options.onProgress?.({ phase: 'processing', sentBytes: file.size, totalBytes: file.size });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportReport);
        } catch {
          reject(new ApiError('Invalid JSON from /imports', xhr.status));
        }
        return;
      }
      const problem = problemOf(xhr);
      reject(
        new ApiError(problem?.detail || problem?.title || `HTTP ${xhr.status}`, xhr.status, problem, {
          retryAfterSeconds: retryAfterSeconds(xhr.getResponseHeader('retry-after')),
          language: xhr.getResponseHeader('content-language') ?? undefined,
        }),
      );
    };
    xhr.onerror = () => reject(new ApiError('The server could not be reached', 0));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
      return;
    }
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    options.onProgress?.({ phase: 'uploading', sentBytes: 0, totalBytes: file.size });
    xhr.send(form);
  });
}
