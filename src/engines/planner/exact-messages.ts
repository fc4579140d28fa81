import { isErrorCode, type ErrorCode } from '../../domain/error-codes.js';
import type { CoverInstance, PlanConstraints } from './instance.js';
import type { ExactOptions, ExactSolution } from './solve-cover-highs.js';

/** The one message a HiGHS worker receives: everything to solve (the typed arrays are copied, not shared). */
export interface ExactJob {
  instance: CoverInstance;
  constraints: PlanConstraints;
  options: ExactOptions;
}

export type WireError = { code: ErrorCode; message: string };

/** What the worker posts: progress while HiGHS runs (see ExactProgress), then one answer. */
export type ExactReply =
  | { kind: 'model'; coverableWeight: number; modelRows: number; modelColumns: number }
  | { kind: 'incumbent'; chosen: number[]; objective: number }
  | { kind: 'bound'; bound: number }
  | { kind: 'done'; ok: true; solution: ExactSolution }
  | { kind: 'done'; ok: false; error: WireError };

/** A worker's error as it crosses the thread boundary; an error without a known code is an internal one. */
export function toWireError(error: unknown): WireError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: isErrorCode(code) ? code : 'internal', message: error.message };
  }
  return { code: 'internal', message: String(error) };
}
