/**
 * What an import answers (`POST /api/imports`: 200 for a preview, 201 for a commit): shared by the server,
 * which builds it, and the web app, which shows it.
 */
import type { RowError } from './row-error.js';

/** What a batch of values changes (preview) or changed (commit). */
export interface WriteSummary {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** One bad cell (or row) of an uploaded file, with the full sentence naming file, row, column, value and reason. */
export type ImportRowError = RowError & { message: string };

export interface ImportReport {
  file: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  rowsRead: number;
  valuesFound: number;
  /** Every bad cell, each with its message naming file, sheet, row and column. */
  errors: ImportRowError[];
  /** What the file changes (preview) or changed (commit); null when it has errors. */
  changes: WriteSummary | null;
  committed: boolean;
  batchId: number | null;
}
