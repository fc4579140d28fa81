import { rowReason, type RowErrorCode, type RowParams } from '../domain/messages/row-messages.js';
import type { ImportRow } from './check-rows.js';
import type { RowError } from './row-error.js';

/** What a commit would do with one value of the file. */
export type DiffStatus = 'new' | 'changed' | 'unchanged';

export interface StoredValue {
  value: number;
  comment: string | null;
}

/** One value of the file against what is stored: the preview's line. */
export interface DiffRow {
  row: number;
  /** The header of the value's column, as written in the file. */
  column: string;
  indicator: string;
  unit: string;
  period: string;
  status: DiffStatus;
  oldValue: number | null;
  newValue: number;
  oldComment: string | null;
  newComment: string | null;
}

/** The key of one stored value: indicator, unit and period codes. */
export const valueKey = (indicator: string, unit: string, period: string) => `${indicator}\u0000${unit}\u0000${period}`;

/**
 * Each row against the stored value of its indicator, unit and period: new when none is stored, unchanged when
 * value and comment are the same (a commit does not touch it), changed otherwise.
 */
export function classifyRows(rows: readonly ImportRow[], stored: ReadonlyMap<string, StoredValue>): DiffRow[] {
  return rows.map((row) => {
    const before = stored.get(valueKey(row.indicator, row.unit, row.period));
    const status: DiffStatus = !before
      ? 'new'
      : before.value === row.value && before.comment === row.comment
        ? 'unchanged'
        : 'changed';
    return {
      row: row.rowNumber,
      column: row.column,
      indicator: row.indicator,
      unit: row.unit,
      period: row.period,
      status,
      oldValue: before?.value ?? null,
      newValue: row.value,
      oldComment: before?.comment ?? null,
      newComment: row.comment,
    };
  });
}

/** The approval that locks a unit's period: `lockUnit` approved `lockPeriod`, which contains it. */
export interface Lock {
  lockUnit: string;
  lockPeriod: string;
}

/** Where a row's problem is shown: the file, its sheet, and the row's value cell. */
export interface ProblemSite {
  file: string;
  sheet: string | null;
}

/** A row error at the value cell of `row`, worded in English as `reason` and carried as code and parameters. */
export function valueProblem(
  site: ProblemSite,
  row: Pick<ImportRow, 'rowNumber' | 'column' | 'cell'>,
  code: RowErrorCode,
  params: RowParams,
): RowError {
  return {
    file: site.file,
    sheet: site.sheet,
    row: row.rowNumber,
    column: row.column,
    field: 'value',
    value: row.cell,
    reason: rowReason(code, params, 'en'),
    code,
    params,
  };
}

/**
 * The rows that would change a value of an approved period. An unchanged value is not written, so an approval
 * does not stop a file that merely repeats it (a template re-sent with this month's values added).
 */
export function lockedChanges(
  site: ProblemSite,
  rows: readonly ImportRow[],
  diff: readonly DiffRow[],
  lockOf: (unit: string, period: string) => Lock | null,
): RowError[] {
  const errors: RowError[] = [];
  diff.forEach((line, i) => {
    if (line.status === 'unchanged') return;
    const lock = lockOf(line.unit, line.period);
    if (!lock) return;
    errors.push(
      valueProblem(site, rows[i]!, 'row.locked', {
        indicator: line.indicator,
        unit: line.unit,
        period: line.period,
        oldValue: line.oldValue ?? '—',
        newValue: line.newValue,
        ...lock,
      }),
    );
  });
  return errors;
}
