/** Pure helpers of the import screen: periods, file checks, row errors, template choices, commit gating. */
import type { ImportReport, ImportRowError, IndicatorInfo, ReportingLevel } from './api/types.js';

/** The server refuses larger uploads. */
export const MAX_UPLOAD_MB = 50;
export const ACCEPTED_EXTENSIONS = ['.csv', '.xlsx'] as const;
/** For <input type="file" accept>: extensions and MIME types (some phone pickers only honour one kind). */
export const FILE_ACCEPT = [
  ...ACCEPTED_EXTENSIONS,
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM' of the month before `today` (local time): the month commune officers usually report. */
export function lastMonth(today: Date = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}`;
}

/** A month code as <input type="month"> gives it: '2025-09'. */
export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export type FileProblem = 'wrongType' | 'tooBig';

/** Why a chosen file cannot be sent, or null. The server checks the content; this only saves a pointless upload. */
export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'wrongType';
  if (file.size > MAX_UPLOAD_MB * 1024 * 1024) return 'tooBig';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Row errors.

/** Distinct rows with at least one error (several cells of one row can be wrong). */
export function rowsWithErrors(errors: readonly ImportRowError[]): number {
  return new Set(errors.map((e) => `${e.sheet ?? ''}\u0000${e.row}`)).size;
}

// ---------------------------------------------------------------------------------------------------------------
// Template choices.

/** The area choice meaning "every indicator reported per commune" (sent as an explicit indicator list). */
export const ALL_COMMUNE_INDICATORS = '*commune';

/** Indicators a template for `choice` holds: stored (not computed) ones of that area, or all commune-level ones. */
export function templateIndicators(choice: string, indicators: readonly IndicatorInfo[]): IndicatorInfo[] {
  const stored = indicators.filter((i) => i.formula === null);
  return choice === ALL_COMMUNE_INDICATORS
    ? stored.filter((i) => i.reportingLevel === 'commune')
    : stored.filter((i) => i.areaCode === choice);
}

/** Query parameters that select the template's indicators. */
export function templateSelection(
  choice: string,
  indicators: readonly IndicatorInfo[] | undefined,
): { area?: string; indicators?: string[] } {
  if (choice !== ALL_COMMUNE_INDICATORS) return { area: choice };
  return { indicators: templateIndicators(choice, indicators ?? []).map((i) => i.code) };
}

export type TemplateLevel = ReportingLevel | 'mixed' | 'none';

/** The one reporting level of a template's indicators, 'mixed' (the server refuses) or 'none'. */
export function templateLevel(list: readonly IndicatorInfo[]): TemplateLevel {
  const levels = new Set(list.map((i) => i.reportingLevel));
  if (levels.size === 0) return 'none';
  if (levels.size > 1) return 'mixed';
  return [...levels][0]!;
}

const DEPTH: Record<ReportingLevel, number> = { nation: 0, province: 1, commune: 2 };

/**
 * True when the template would have no unit rows: the indicators are reported above the chosen unit (a
 * province-level indicator for a commune). The server answers with a header-only file in that case.
 */
export function templateHasNoRows(level: TemplateLevel, unitLevel: ReportingLevel | undefined): boolean {
  if (level === 'mixed' || level === 'none' || !unitLevel) return false;
  return DEPTH[level] < DEPTH[unitLevel];
}

// ---------------------------------------------------------------------------------------------------------------
// Commit gating.

export type CommitBlocker = 'noPreview' | 'hasErrors' | 'noValues' | 'committed';

/**
 * Why the commit button is disabled, or null when it may be pressed: a preview of the current file must exist
 * and be clean, contain values, and not be committed already. (Who imports is the signed-in user.)
 */
export function commitBlocker(preview: ImportReport | null): CommitBlocker | null {
  if (!preview) return 'noPreview';
  if (preview.committed) return 'committed';
  if (preview.errors.length > 0) return 'hasErrors';
  if (preview.valuesFound === 0) return 'noValues';
  return null;
}

/**
 * The row errors of a refused commit (422 `import.rows`): the problem's `errors` carry the same fields as a
 * preview's (code and parameters included), with `path` the location. Null when they do not look like that.
 */
export function rowErrorsFromProblem(errors: unknown): ImportRowError[] | null {
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const rows: ImportRowError[] = [];
  for (const entry of errors as unknown[]) {
    if (typeof entry !== 'object' || entry === null) return null;
    const e = entry as Record<string, unknown>;
    if (typeof e.row !== 'number' || typeof e.code !== 'string' || !e.code.startsWith('row.')) return null;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const params = typeof e.params === 'object' && e.params !== null ? (e.params as ImportRowError['params']) : {};
    rows.push({
      file: str(e.file),
      sheet: typeof e.sheet === 'string' ? e.sheet : null,
      row: e.row,
      column: str(e.column),
      field: (str(e.field) || 'value') as ImportRowError['field'],
      value: str(e.value),
      reason: str(e.reason),
      code: e.code as ImportRowError['code'],
      params,
      message: str(e.message),
    });
  }
  return rows;
}
