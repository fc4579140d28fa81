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
  'request.rate_limited',
  'auth.required',
  'auth.forbidden',
  'auth.unit_scope',
  'auth.party_scope',
  'auth.csrf',
  'auth.cross_site',
  'auth.credentials',
  'auth.locked',
  'auth.address_blocked',
  'auth.second_factor_required',
  'auth.second_factor_invalid',
  'auth.second_factor_replayed',
  'auth.enrolment_required',
  'auth.password_change_required',
  'auth.password_policy',
  'auth.password_wrong',
  'auth.sso_not_configured',
  'auth.sso_failed',
  'auth.sso_unknown_account',
  'plan.area',
  'plan.candidate',
  'plan.finished',
  'plan.not_found',
  'plan.running',
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

/**
 * The parameters the explanations may name: `minutes` until a locked sign-in may be tried again (from
 * Retry-After; the lockout window is 15 minutes when the answer says nothing).
 */
export function problemParams(retryAfterSeconds: number | undefined): { minutes: number } {
  return { minutes: retryAfterSeconds ? Math.max(1, Math.ceil(retryAfterSeconds / 60)) : 15 };
}

/** True for an answer that asks the user to sign in (no session, or one that ended). */
export function asksToSignIn(status: number | undefined, code: string | undefined): boolean {
  return status === 401 && (code === undefined || code === 'auth.required');
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
