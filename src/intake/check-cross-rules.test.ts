import { describe, expect, it } from 'vitest';
import type { ValidationRule } from '../domain/validation/rule-check.js';
import type { ImportRow } from './check-rows.js';
import { checkCrossRules, ruleReferences } from './check-cross-rules.js';
import { classifyRows, valueKey, type StoredValue } from './classify-rows.js';

const rule = (importance: ValidationRule['importance']): ValidationRule => ({
  code: 'SIGNED_LE_ALL',
  nameVi: 'Giáo viên có chữ ký số không vượt tổng số',
  nameEn: 'Signed teachers do not exceed all teachers',
  left: '{TEACHERS_SIGNED}',
  operator: '<=',
  right: '{TEACHERS}',
  importance,
});
const row = (rowNumber: number, indicator: string, unit: string, value: number): ImportRow => ({
  rowNumber,
  indicator,
  unit,
  period: '2025-10',
  value,
  comment: null,
  column: indicator,
  cell: String(value),
});
const site = { file: 'f.csv', sheet: null };

function check(
  rows: ImportRow[],
  storedValues: [string, string, number][],
  importance: ValidationRule['importance'] = 'high',
) {
  const stored = new Map<string, StoredValue>(
    storedValues.map(([indicator, unit, value]) => [valueKey(indicator, unit, '2025-10'), { value, comment: null }]),
  );
  const lookup = (indicator: string, unit: string, period: string) =>
    stored.get(valueKey(indicator, unit, period))?.value ?? null;
  return checkCrossRules(site, rows, classifyRows(rows, stored), [rule(importance)], lookup);
}

describe('checkCrossRules', () => {
  it('reads the stored value where the file has none, and reports the failure on the row that writes', () => {
    const found = check([row(2, 'TEACHERS_SIGNED', 'C1', 12)], [['TEACHERS', 'C1', 10]]);
    expect(found.warnings).toEqual([]);
    expect(found.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'TEACHERS_SIGNED',
        code: 'row.rule_failed',
        params: expect.objectContaining({
          unit: 'C1',
          period: '2025-10',
          leftValue: 12,
          rightValue: 10,
          operator: '<=',
        }),
      }),
    ]);
  });

  it('prefers the file’s value over the stored one, so a file that fixes both sides passes', () => {
    const rows = [row(2, 'TEACHERS_SIGNED', 'C1', 12), row(3, 'TEACHERS', 'C1', 20)];
    expect(check(rows, [['TEACHERS', 'C1', 10]]).errors).toEqual([]);
  });

  it('reports every written row of the failing unit and period that the rule reads', () => {
    const rows = [row(2, 'TEACHERS_SIGNED', 'C1', 12), row(3, 'TEACHERS', 'C1', 8), row(4, 'TEACHERS', 'C2', 8)];
    expect(check(rows, []).errors.map((e) => e.row)).toEqual([2, 3]);
  });

  it('skips a rule with a side missing, and leaves alone values the file does not change', () => {
    expect(check([row(2, 'TEACHERS_SIGNED', 'C1', 12)], []).errors).toEqual([]);
    // A stored inconsistency the file only repeats is not the file's to answer for.
    expect(
      check(
        [row(2, 'TEACHERS_SIGNED', 'C1', 12)],
        [
          ['TEACHERS_SIGNED', 'C1', 12],
          ['TEACHERS', 'C1', 10],
        ],
      ).errors,
    ).toEqual([]);
  });

  it('shows a failure of a rule of lower importance as a warning that does not refuse the file', () => {
    const found = check([row(2, 'TEACHERS_SIGNED', 'C1', 12)], [['TEACHERS', 'C1', 10]], 'medium');
    expect(found.errors).toEqual([]);
    expect(found.warnings.map((w) => w.row)).toEqual([2]);
  });

  it('names the indicators its rules read', () => {
    expect([...ruleReferences([rule('high')])].sort()).toEqual(['TEACHERS', 'TEACHERS_SIGNED']);
  });
});
