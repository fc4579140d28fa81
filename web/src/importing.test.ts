import { describe, expect, it } from 'vitest';
import type { ImportReport, ImportRowError, IndicatorInfo } from './api/types.js';
import {
  ALL_COMMUNE_INDICATORS,
  commitBlocker,
  fileProblem,
  isMonth,
  lastMonth,
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
  code: 'row.percent_range',
  params: { number: 120 },
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

describe('row errors', () => {
  it('counts rows with errors once', () => {
    expect(rowsWithErrors([error({ row: 2 }), error({ row: 2, column: 'Kỳ' }), error({ row: 7 })])).toBe(2);
  });

  it('reads the row errors of a refused commit', () => {
    const rows = rowErrorsFromProblem([
      { ...error({}), path: 'bad.csv, row 2, column "Giá trị"', message: 'is out of range: …' },
    ]);
    expect(rows).toHaveLength(1);
    expect(rows![0]).toMatchObject({
      row: 2,
      column: 'Giá trị',
      value: '120',
      file: 'bad.csv',
      code: 'row.percent_range',
    });
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
    errorCount: 0,
    warnings: [],
    diff: { new: [], changed: [], unchanged: [] },
    changes: { inserted: 1, updated: 0, unchanged: 0, deleted: 0 },
    committed: false,
    batchId: null,
    ...over,
  });

  it('allows a commit only after a clean preview with values', () => {
    expect(commitBlocker(null)).toBe('noPreview');
    expect(commitBlocker(report({ errors: [error({})], errorCount: 1, changes: null, valuesFound: 0 }))).toBe(
      'hasErrors',
    );
    expect(commitBlocker(report({ valuesFound: 0 }))).toBe('noValues');
    expect(commitBlocker(report({ committed: true, batchId: 3 }))).toBe('committed');
    expect(commitBlocker(report({}))).toBeNull();
  });
});
