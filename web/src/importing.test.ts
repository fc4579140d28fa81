import { describe, expect, it } from 'vitest';
import type { ImportReport, ImportRowError, IndicatorInfo } from './api/types.js';
import {
  ALL_COMMUNE_INDICATORS,
  commitBlocker,
  errorTableRows,
  fileProblem,
  isMonth,
  lastMonth,
  needsSheetColumn,
  reasonKind,
  rowErrorsFromProblem,
  rowsWithErrors,
  templateHasNoRows,
  templateIndicators,
  templateLevel,
  templateSelection,
} from './importing.js';

const error = (over: Partial<ImportRowError>): ImportRowError => ({
  file: 'bad.csv',
  sheet: null,
  row: 2,
  column: 'Giá trị',
  field: 'value',
  value: '120',
  reason: 'is out of range: a percent must be between 0 and 100, got 120',
  message: 'bad.csv, row 2, column "Giá trị": "120" is out of range: a percent must be between 0 and 100, got 120',
  ...over,
});

describe('periods', () => {
  it('lastMonth is the previous calendar month, across a year boundary', () => {
    expect(lastMonth(new Date(2026, 0, 15))).toBe('2025-12');
    expect(lastMonth(new Date(2025, 9, 31))).toBe('2025-09');
    expect(lastMonth(new Date(2025, 2, 31))).toBe('2025-02');
  });

  it('isMonth accepts YYYY-MM only', () => {
    expect(isMonth('2025-09')).toBe(true);
    expect(isMonth('2025-13')).toBe(false);
    expect(isMonth('2025-9')).toBe(false);
    expect(isMonth('2025')).toBe(false);
    expect(isMonth('')).toBe(false);
  });
});

it('fileProblem checks the extension and the size', () => {
  expect(fileProblem({ name: 'so-lieu.XLSX', size: 1000 })).toBeNull();
  expect(fileProblem({ name: 'a.csv', size: 1000 })).toBeNull();
  expect(fileProblem({ name: 'a.xls', size: 1000 })).toBe('wrongType');
  expect(fileProblem({ name: 'a.csv', size: 51 * 1024 * 1024 })).toBe('tooBig');
});

describe('the error table', () => {
  it('keeps every error, ordered by row, with the columns of one row in file order', () => {
    const rows = errorTableRows([
      error({ row: 5, column: 'Kỳ', field: 'period', value: '2025-9-1', reason: 'is not a period: use 2025' }),
      error({ row: 2 }),
      error({ row: 5, column: 'Mã đơn vị', field: 'unit', value: '999', reason: 'is not a known unit code' }),
    ]);
    expect(rows.map((r) => [r.row, r.column])).toEqual([
      [2, 'Giá trị'],
      [5, 'Kỳ'],
      [5, 'Mã đơn vị'],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });

  it('maps the fields the table shows', () => {
    const [row] = errorTableRows([error({})]);
    expect(row).toMatchObject({
      row: 2,
      column: 'Giá trị',
      wholeRow: false,
      value: '120',
      emptyCell: false,
      reason: 'Is out of range: a percent must be between 0 and 100, got 120',
      kind: 'outOfRange',
    });
    expect(row!.message).toContain('bad.csv, row 2');
  });

  it('marks empty cells and whole-row problems', () => {
    const [empty, whole] = errorTableRows([
      error({ row: 3, value: '', reason: 'is empty: a value is required' }),
      error({ row: 4, column: '', field: 'row', value: '', reason: 'has too many cells' }),
    ]);
    expect(empty).toMatchObject({ emptyCell: true, kind: 'empty' });
    expect(whole).toMatchObject({ wholeRow: true, kind: null });
  });

  it('shows a sheet column only for errors from several sheets, and counts rows once', () => {
    expect(needsSheetColumn([error({ sheet: 'A' }), error({ sheet: 'A' })])).toBe(false);
    expect(needsSheetColumn([error({ sheet: 'A' }), error({ sheet: 'B' })])).toBe(true);
    expect(rowsWithErrors([error({ row: 2 }), error({ row: 2, column: 'Kỳ' }), error({ row: 7 })])).toBe(2);
  });

  it('recognises the server’s reasons', () => {
    expect(reasonKind('is empty: an indicator code is required')).toBe('empty');
    expect(reasonKind('is not a known indicator code')).toBe('unknownIndicator');
    expect(reasonKind('is not a known unit code (Excel may have dropped leading zeros: did you mean 0123?)')).toBe(
      'unknownUnit',
    );
    expect(reasonKind('is a date, not a period (Excel turns 2025-09 into a date unless the cell is Text)')).toBe(
      'dateNotPeriod',
    );
    expect(reasonKind('is not a period: use 2025, 2025Q3 or 2025-09')).toBe('badPeriod');
    expect(reasonKind('is ambiguous (1.234 or 1234) and no other number in the file shows its format')).toBe(
      'ambiguousNumber',
    );
    expect(reasonKind('is not a number in Vietnamese format (1.234,5)')).toBe('notANumber');
    expect(reasonKind('is the wrong level: SITES_5G is reported per commune; 24 is a province')).toBe('wrongLevel');
    expect(reasonKind('is too long: at most 2000 characters')).toBe('tooLong');
    expect(reasonKind('something new')).toBeNull();
  });

  it('reads the row errors of a refused commit', () => {
    const rows = rowErrorsFromProblem([
      { ...error({}), path: 'bad.csv, row 2, column "Giá trị"', message: 'is out of range: …' },
    ]);
    expect(rows).toHaveLength(1);
    expect(rows![0]).toMatchObject({ row: 2, column: 'Giá trị', value: '120', file: 'bad.csv' });
    expect(rowErrorsFromProblem([{ path: 'lock.csv row 2', message: 'locked' }])).toBeNull();
    expect(rowErrorsFromProblem(undefined)).toBeNull();
    expect(rowErrorsFromProblem([])).toBeNull();
  });
});

describe('template choices', () => {
  const ind = (code: string, areaCode: string, reportingLevel: IndicatorInfo['reportingLevel'], formula = false) =>
    ({ code, areaCode, reportingLevel, formula: formula ? '{A}/{B}' : null }) as IndicatorInfo;
  const catalogue = [
    ind('SITES_5G', 'A2', 'commune'),
    ind('POP_COV_4G', 'A2', 'commune'),
    ind('SHARE', 'A4', 'commune', true),
    ind('TEACHERS', 'A4', 'commune'),
    ind('E_SCHOOL', 'A4', 'province'),
    ind('E_INVOICES', 'A5', 'province'),
  ];

  it('lists the stored indicators of an area, or every commune-level one', () => {
    expect(templateIndicators('A4', catalogue).map((i) => i.code)).toEqual(['TEACHERS', 'E_SCHOOL']);
    expect(templateIndicators(ALL_COMMUNE_INDICATORS, catalogue).map((i) => i.code)).toEqual([
      'SITES_5G',
      'POP_COV_4G',
      'TEACHERS',
    ]);
  });

  it('selects by area, or by an explicit list for all commune-level indicators', () => {
    expect(templateSelection('A2', catalogue)).toEqual({ area: 'A2' });
    expect(templateSelection(ALL_COMMUNE_INDICATORS, catalogue)).toEqual({
      indicators: ['SITES_5G', 'POP_COV_4G', 'TEACHERS'],
    });
  });

  it('tells mixed levels and templates without rows', () => {
    expect(templateLevel(templateIndicators('A4', catalogue))).toBe('mixed');
    expect(templateLevel(templateIndicators('A5', catalogue))).toBe('province');
    expect(templateLevel([])).toBe('none');
    expect(templateHasNoRows('province', 'commune')).toBe(true);
    expect(templateHasNoRows('commune', 'province')).toBe(false);
    expect(templateHasNoRows('commune', 'commune')).toBe(false);
    expect(templateHasNoRows('mixed', 'commune')).toBe(false);
  });
});

describe('commitBlocker', () => {
  const report = (over: Partial<ImportReport>): ImportReport => ({
    file: 'good.csv',
    sha256: '',
    format: 'csv',
    sheet: null,
    rowsRead: 1,
    valuesFound: 1,
    errors: [],
    changes: { inserted: 1, updated: 0, unchanged: 0, deleted: 0 },
    committed: false,
    batchId: null,
    ...over,
  });

  it('allows a commit only after a clean preview with values', () => {
    expect(commitBlocker(null)).toBe('noPreview');
    expect(commitBlocker(report({ errors: [error({})], changes: null, valuesFound: 0 }))).toBe('hasErrors');
    expect(commitBlocker(report({ valuesFound: 0 }))).toBe('noValues');
    expect(commitBlocker(report({ committed: true, batchId: 3 }))).toBe('committed');
    expect(commitBlocker(report({}))).toBeNull();
  });
});
