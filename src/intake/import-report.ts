/**
 * What an import answers (`POST /api/imports`: 200 for a preview, 201 for a commit): shared by the server,
 * which builds it, and the web app, which shows it.
 */
import type { RowErrorCode, RowParams } from '../domain/messages/row-messages.js';
import type { DiffRow, DiffStatus } from './classify-rows.js';
import type { RowError } from './row-error.js';

export type { DiffRow, DiffStatus } from './classify-rows.js';

/** What a batch of values changes (preview) or changed (commit). */
export interface WriteSummary {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/**
 * One bad cell (or row) of an uploaded file: a stable code with its parameters (for the web app's own wording),
 * and `message`, the full sentence naming file, row, column, value and reason in the language asked for.
 */
export type ImportRowError = RowError & { code: RowErrorCode; params: RowParams; message: string };

/** Lines of each kind listed in a preview; the counts are in `changes`, so a huge file's answer stays small. */
export const DIFF_ROW_LIMIT = 500;
/** Row errors listed in a preview (a commit's refusal lists them all); `errorCount` says how many there are. */
export const ERROR_ROW_LIMIT = 1000;

export interface ImportReport {
  file: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  rowsRead: number;
  valuesFound: number;
  /** Bad cells, each with its message naming file, sheet, row and column: the first ERROR_ROW_LIMIT. */
  errors: ImportRowError[];
  errorCount: number;
  /** Findings that do not refuse the file (a medium or low importance rule), shown beside the values. */
  warnings: ImportRowError[];
  /** What the file changes (preview) or changed (commit); with errors, what its good rows would change. */
  changes: WriteSummary | null;
  /** The file's values against the stored ones, the first DIFF_ROW_LIMIT of each kind, in file order. */
  diff: Record<DiffStatus, DiffRow[]>;
  committed: boolean;
  batchId: number | null;
}
