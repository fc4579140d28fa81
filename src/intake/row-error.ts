import { formatRowProblem, rowReason, type RowErrorCode, type RowParams } from '../domain/messages/row-messages.js';
import type { Language } from '../domain/messages/language.js';

export type RowField = 'indicator' | 'unit' | 'period' | 'value' | 'comment' | 'row';

/** One bad cell (or row): where it is as the user sees the file, what it holds and why it is refused. */
export interface RowError {
  file: string;
  sheet: string | null;
  row: number;
  /** The header text as the user wrote it; '' for a problem with the whole row. */
  column: string;
  field: RowField;
  /** The cell as read; '' for an empty cell. */
  value: string;
  /** A predicate on the value in English: 'is not a number', 'is empty', … */
  reason: string;
  /** The stable code of the problem and what its wording needs; absent only for readers that have none yet. */
  code?: RowErrorCode;
  params?: RowParams;
}

/** `values.xlsx, sheet "Dữ liệu", row 12, column "Giá trị": "12,5,3" is not a number` (or its Vietnamese). */
export function formatRowError(e: RowError, language: Language = 'en'): string {
  const reason = e.code ? rowReason(e.code, e.params ?? {}, language) : e.reason;
  return formatRowProblem(e, reason, e.code ? language : 'en');
}
