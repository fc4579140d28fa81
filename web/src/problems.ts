/** Problem codes (application/problem+json `code`) the UI explains in its own words, in both languages. */
import type { ProblemDetails } from './api/client.js';
import type { ErrorCode } from '../../src/domain/error-codes.js';

export const EXPLAINED_CODES = [
  'template.level',
  'template.period',
  'template.indicators',
  'import.locked',
  'import.rows',
  'import.period',
  'import.no_file',
  'intake.columns',
  'intake.empty',
  'intake.file_type',
  'intake.encoding',
  'intake.xlsx',
  'intake.csv',
  'intake.too_many_rows',
  'intake.too_many_columns',
  'intake.cell_too_long',
  'intake.too_large',
  'org_unit.not_found',
  'request.invalid',
] as const satisfies readonly ErrorCode[];

type Snake<S extends string> = S extends `${infer A}.${infer B}`
  ? Snake<`${A}_${B}`>
  : S extends `${infer A}-${infer B}`
    ? Snake<`${A}_${B}`>
    : S;

export type ProblemKey = Snake<(typeof EXPLAINED_CODES)[number]>;

/** The message key for a problem code ('intake.file_type' → 'intake_file_type'), or null when not explained. */
export function problemKey(code: string | undefined): ProblemKey | null {
  if (!code || !(EXPLAINED_CODES as readonly string[]).includes(code)) return null;
  return code.replace(/[.-]/g, '_') as ProblemKey;
}

/** One entry of a problem's `errors` list as the UI shows it: where, and what. */
export interface ProblemItem {
  path: string;
  message: string;
}

/**
 * The `errors` of a problem as path/message pairs (409 locked values, request validation). Anything without a
 * string message is skipped; the API types `errors` loosely.
 */
export function problemItems(problem: ProblemDetails | undefined): ProblemItem[] {
  const errors = problem?.errors;
  if (!Array.isArray(errors)) return [];
  const items: ProblemItem[] = [];
  for (const entry of errors as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { path, message } = entry as { path?: unknown; message?: unknown };
    if (typeof message !== 'string' || !message) continue;
    items.push({ path: typeof path === 'string' ? path : '', message });
  }
  return items;
}
