import { describe, expect, it } from 'vitest';
import { formatRowProblem, ROW_ERROR_CODES, ROW_REASONS, rowReason } from './row-messages.js';

// Every parameter any template reads, so that a template missing one shows as "undefined".
const PARAMS = {
  suggestion: '01234',
  period: '2025-09',
  indicator: 'SITES',
  reportingLevel: 'commune',
  unit: 'P1',
  unitLevel: 'province',
  locale: 'vi',
  small: 6.5,
  big: 6500,
  smallComma: '6,5',
  number: 120,
  limit: 2000,
  firstRow: 2,
  cells: 6,
  headerCells: 5,
  oldValue: 4,
  newValue: 6,
  lockUnit: 'P1',
  lockPeriod: '2025',
  rule: 'R',
  ruleNameVi: 'Quy tắc',
  ruleNameEn: 'Rule',
  left: 'A',
  right: 'B',
  operator: '<=',
  leftValue: 12,
  rightValue: 10,
};

describe('row error messages', () => {
  it('word every code in Vietnamese and in English, differently, with every parameter they name', () => {
    for (const code of ROW_ERROR_CODES) {
      const vi = rowReason(code, PARAMS, 'vi');
      const en = rowReason(code, PARAMS, 'en');
      expect(vi, code).not.toMatch(/undefined|NaN/);
      expect(en, code).not.toMatch(/undefined|NaN/);
      expect(vi, code).not.toBe(en);
    }
    expect(Object.keys(ROW_REASONS.vi).sort()).toEqual([...ROW_ERROR_CODES].sort());
    expect(Object.keys(ROW_REASONS.en).sort()).toEqual([...ROW_ERROR_CODES].sort());
  });

  it('formats numbers the language’s way', () => {
    expect(rowReason('row.locked', { ...PARAMS, oldValue: 6500.5 }, 'vi')).toContain('6.500,5');
    expect(rowReason('row.locked', { ...PARAMS, oldValue: 6500.5 }, 'en')).toContain('6,500.5');
  });

  it('names file, sheet, row and column in the sentence', () => {
    const where = { file: 'a.xlsx', sheet: 'Dữ liệu', row: 12, column: 'Giá trị', field: 'value', value: '' };
    expect(formatRowProblem(where, rowReason('row.empty_value', {}, 'vi'), 'vi')).toBe(
      'a.xlsx, trang tính "Dữ liệu", dòng 12, cột "Giá trị": Ô này đang trống: cần nhập giá trị',
    );
    expect(formatRowProblem({ ...where, column: '', field: 'row' }, 'x', 'en')).toBe(
      'a.xlsx, sheet "Dữ liệu", row 12: the row x',
    );
  });
});
