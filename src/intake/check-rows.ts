import type { UnitLevel, ValueType } from '../domain/indicators/indicator-rule.js';
import { checkValue } from '../domain/indicators/value-check.js';
import { isPeriodCode } from '../domain/periods.js';
import type { ColumnMapping } from './columns.js';
import { detectNumberLocale, isAmbiguousNumber, parseLocalisedNumber, type NumberLocale } from './parse-number.js';
import { parseYesNo } from './parse-yes-no.js';
import { rowReason, type RowErrorCode, type RowParams } from '../domain/messages/row-messages.js';
import type { RowError, RowField } from './row-error.js';
import type { TableRow, UploadedTable } from './uploaded-table.js';

export { formatRowError, type RowError, type RowField } from './row-error.js';

export interface CatalogueIndicator {
  valueType: ValueType;
  reportingLevel: UnitLevel;
}

export interface Catalogue {
  indicators: ReadonlyMap<string, CatalogueIndicator>;
  units: ReadonlyMap<string, { level: UnitLevel }>;
}

export interface ImportRow {
  rowNumber: number;
  indicator: string;
  unit: string;
  period: string;
  value: number;
  comment: string | null;
  /** The header of the value's column and the cell as read: where later checks point the user. */
  column: string;
  cell: string;
}

/** `rows` holds the values that passed every check, also when others failed (for a preview). */
export type CheckResult = { ok: true; rows: ImportRow[] } | { ok: false; errors: RowError[]; rows: ImportRow[] };

export const MAX_COMMENT_LENGTH = 2000;

type Key = Pick<ImportRow, 'indicator' | 'unit' | 'period'>;
/** A refusal: its code and what its wording needs. */
interface Problem {
  code: RowErrorCode;
  params: RowParams;
}
type Checked<T> = { ok: true; value: T } | ({ ok: false } & Problem);
const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(code: RowErrorCode, params: RowParams = {}): Checked<T> => ({ ok: false, code, params });

function lookupIndicator(text: string, catalogue: Catalogue): string | null {
  if (catalogue.indicators.has(text)) return text;
  return catalogue.indicators.has(text.toUpperCase()) ? text.toUpperCase() : null;
}

function checkIndicator(text: string, catalogue: Catalogue): Checked<string> {
  if (text === '') return fail('row.empty_indicator');
  const code = lookupIndicator(text, catalogue);
  return code ? pass(code) : fail('row.unknown_indicator');
}

function checkUnit(text: string, numeric: boolean, catalogue: Catalogue): Checked<string> {
  if (text === '') return fail('row.empty_unit');
  if (catalogue.units.has(text)) return pass(text);
  // A code typed into a General cell loses its leading zeros; say so rather than guess.
  for (let zeros = 1; numeric && zeros <= 4; zeros += 1) {
    const padded = '0'.repeat(zeros) + text;
    if (catalogue.units.has(padded)) return fail('row.unit_leading_zeros', { suggestion: padded });
  }
  return fail('row.unknown_unit');
}

function checkPeriod(text: string): Checked<string> {
  if (text === '') return fail('row.empty_period');
  const code = text.toUpperCase();
  if (isPeriodCode(code)) return pass(code);
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return fail('row.period_is_date');
  return fail('row.not_a_period');
}

/** The parameters of a wrong-level refusal, or null when the unit is at the indicator's reporting level. */
function levelProblem(indicator: string, reportingLevel: UnitLevel, unit: string, level: UnitLevel): RowParams | null {
  return level === reportingLevel ? null : { indicator, reportingLevel, unit, unitLevel: level };
}

function notANumber<T>(text: string, locale: NumberLocale | 'auto'): Checked<T> {
  if (locale === 'auto' && isAmbiguousNumber(text)) {
    const readings = [parseLocalisedNumber(text, 'en')!, parseLocalisedNumber(text, 'vi')!].sort((a, b) => a - b);
    const [small, big] = readings as [number, number];
    return fail('row.ambiguous_number', { small, big, smallComma: String(small).replace('.', ',') });
  }
  const other = locale === 'vi' ? 'en' : locale === 'en' ? 'vi' : null;
  if (other && parseLocalisedNumber(text, other) !== null) return fail('row.not_a_number_in_locale', { locale });
  return fail('row.not_a_number');
}

/** Why a number does not fit its indicator's type (see checkValue, which words the same in English). */
function rangeProblem<T>(valueType: ValueType, n: number): Checked<T> | null {
  if (checkValue(valueType, n) === null) return null;
  if (!Number.isFinite(n)) return fail('row.not_finite');
  const code = ({ percent: 'row.percent_range', count: 'row.count_whole', boolean: 'row.yes_no' } as const)[
    valueType as 'percent' | 'count' | 'boolean'
  ];
  return code ? fail(code, { number: n }) : fail('row.not_finite');
}

function checkNumber(
  text: string,
  numeric: boolean,
  valueType: ValueType | null,
  locale: NumberLocale | 'auto',
  hint: NumberLocale | null,
): Checked<number> {
  if (text === '') return fail('row.empty_value');
  let n: number | null;
  if (numeric)
    n = Number(text.replace(/%$/, '')); // canonical text from an XLSX number cell
  else {
    const yesNo = valueType === 'boolean' ? parseYesNo(text) : null;
    n = yesNo !== null ? Number(yesNo) : parseLocalisedNumber(text, locale, hint);
  }
  if (n === null || Number.isNaN(n)) return notANumber(text, locale);
  return (valueType ? rangeProblem<number>(valueType, n) : null) ?? pass(n);
}

const cellText = (row: TableRow, column: number | null) => (column === null ? '' : (row.cells[column] ?? '').trim());
const isNumeric = (row: TableRow, column: number | null) => column !== null && row.numeric?.[column] === true;

/**
 * Checks every cell of every row against the catalogue and reports each problem (not just the first),
 * by row number and header as the user sees them. Pure: the caller decides what to do with `rows`.
 */
export function checkRows(
  table: UploadedTable,
  mapping: ColumnMapping,
  catalogue: Catalogue,
  locale: NumberLocale | 'auto' = 'auto',
): CheckResult {
  const errors: RowError[] = [];
  const rows: ImportRow[] = [];
  const firstRowOf = new Map<string, number>();
  const report = (row: number, column: number | null, field: RowField, value: string, problem: Problem) => {
    const header = column === null ? '' : (table.header[column] ?? '');
    const { code, params } = problem;
    const reason = rowReason(code, params, 'en');
    errors.push({ file: table.file, sheet: table.sheet, row, column: header, field, value, reason, code, params });
  };

  const valueColumns = mapping.layout === 'long' ? [mapping.value] : mapping.indicators.map((i) => i.column);
  // 'auto': `6.500` is read by the locale the file's unambiguous numbers (`99,21`, `12.5`) show.
  const hint =
    locale === 'auto'
      ? detectNumberLocale(
          table.rows.flatMap((row) => valueColumns.filter((c) => !isNumeric(row, c)).map((c) => cellText(row, c))),
        )
      : null;

  /** Reports the second of two values for one indicator, unit and period; true when `key` is new. */
  const firstOccurrence = (rowNumber: number, column: number | null, key: Key, cell: string) => {
    const id = `${key.indicator}\u0000${key.unit}\u0000${key.period}`;
    const first = firstRowOf.get(id);
    if (first === undefined) {
      firstRowOf.set(id, rowNumber);
      return true;
    }
    const what: Problem = { code: 'row.duplicate', params: { firstRow: first, ...key } };
    report(rowNumber, column, column === null ? 'row' : 'value', cell, what);
    return false;
  };

  const checkComment = (row: TableRow, column: number | null): Checked<string | null> => {
    const text = cellText(row, column);
    if (text.length > MAX_COMMENT_LENGTH) return fail('row.comment_too_long', { limit: MAX_COMMENT_LENGTH });
    return pass(text === '' ? null : text);
  };

  /**
   * A CSV record longer than the header has come apart: in a comma CSV an unquoted `99,21` splits in two,
   * shifting later cells, and would import as 99. (Cells beyond an XLSX header are just unnamed columns.)
   */
  const rowIsWhole = (row: TableRow): boolean => {
    if (table.format !== 'csv' || row.cells.length <= table.header.length) return true;
    const why: Problem = {
      code: 'row.split_cells',
      params: { cells: row.cells.length, headerCells: table.header.length },
    };
    report(row.rowNumber, null, 'row', '', why);
    return false;
  };

  const knownColumns = new Map<number, string>();
  if (mapping.layout === 'wide') {
    for (const { column, code } of mapping.indicators) {
      const known = lookupIndicator(code, catalogue);
      if (known) knownColumns.set(column, known);
      // A retired indicator's empty column is harmless; one with values would silently lose them.
      else if (table.rows.some((row) => cellText(row, column) !== '')) {
        report(table.headerRowNumber, column, 'indicator', code, { code: 'row.unknown_indicator', params: {} });
      }
    }
  }

  for (const row of table.rows) {
    if (mapping.layout === 'long') {
      let ok = rowIsWhole(row);
      const check = <T>(field: RowField, column: number, result: Checked<T>): T | null => {
        if (result.ok) return result.value;
        report(row.rowNumber, column, field, cellText(row, column), result);
        ok = false;
        return null;
      };
      const indicator = check(
        'indicator',
        mapping.indicator,
        checkIndicator(cellText(row, mapping.indicator), catalogue),
      );
      const unitText = cellText(row, mapping.unit);
      const unit = check('unit', mapping.unit, checkUnit(unitText, isNumeric(row, mapping.unit), catalogue));
      const period = check('period', mapping.period, checkPeriod(cellText(row, mapping.period)));
      const rule = indicator ? catalogue.indicators.get(indicator)! : null;
      if (rule && unit) {
        const problem = levelProblem(indicator!, rule.reportingLevel, unit, catalogue.units.get(unit)!.level);
        if (problem) check('unit', mapping.unit, fail('row.wrong_level', problem));
      }
      const comment =
        mapping.comment === null ? null : check('comment', mapping.comment, checkComment(row, mapping.comment));
      const valueText = cellText(row, mapping.value);
      const number = check(
        'value',
        mapping.value,
        checkNumber(valueText, isNumeric(row, mapping.value), rule?.valueType ?? null, locale, hint),
      );
      if (indicator && unit && period) {
        const key = { indicator, unit, period };
        if (!firstOccurrence(row.rowNumber, null, key, `${indicator}, ${unit}, ${period}`)) ok = false;
        if (ok && number !== null) {
          const column = table.header[mapping.value] ?? '';
          rows.push({ rowNumber: row.rowNumber, ...key, value: number, comment, column, cell: valueText });
        }
      }
      continue;
    }

    const filled = [...knownColumns].filter(([column]) => cellText(row, column) !== '');
    if (filled.length === 0) continue; // a pre-filled template row nobody reported on
    let ok = rowIsWhole(row);
    const unitText = cellText(row, mapping.unit);
    const unitResult = checkUnit(unitText, isNumeric(row, mapping.unit), catalogue);
    if (!unitResult.ok) report(row.rowNumber, mapping.unit, 'unit', unitText, unitResult);
    const periodCell = cellText(row, mapping.period);
    const periodResult = checkPeriod(periodCell || (mapping.defaultPeriod ?? ''));
    if (!periodResult.ok) report(row.rowNumber, mapping.period, 'period', periodCell, periodResult);
    else if (periodCell && mapping.defaultPeriod && periodResult.value !== mapping.defaultPeriod) {
      const why: Problem = { code: 'row.period_mismatch', params: { period: mapping.defaultPeriod } };
      report(row.rowNumber, mapping.period, 'period', periodCell, why);
      ok = false;
    }
    const commentResult = checkComment(row, mapping.comment);
    if (!commentResult.ok)
      report(row.rowNumber, mapping.comment, 'comment', cellText(row, mapping.comment), commentResult);
    ok &&= unitResult.ok && periodResult.ok && commentResult.ok;

    for (const [column, indicator] of filled) {
      const rule = catalogue.indicators.get(indicator)!;
      const text = cellText(row, column);
      let cellOk = ok;
      if (unitResult.ok) {
        const problem = levelProblem(
          indicator,
          rule.reportingLevel,
          unitResult.value,
          catalogue.units.get(unitResult.value)!.level,
        );
        if (problem) {
          report(row.rowNumber, column, 'value', text, { code: 'row.wrong_level_for_unit', params: problem });
          cellOk = false;
        }
      }
      const number = checkNumber(text, isNumeric(row, column), rule.valueType, locale, hint);
      if (!number.ok) report(row.rowNumber, column, 'value', text, number);
      if (!unitResult.ok || !periodResult.ok) continue;
      const key = { indicator, unit: unitResult.value, period: periodResult.value };
      if (!firstOccurrence(row.rowNumber, column, key, text)) cellOk = false;
      if (cellOk && number.ok && commentResult.ok) {
        const at = { column: table.header[column] ?? '', cell: text };
        rows.push({ rowNumber: row.rowNumber, ...key, value: number.value, comment: commentResult.value, ...at });
      }
    }
  }

  return errors.length === 0 ? { ok: true, rows } : { ok: false, errors, rows };
}
