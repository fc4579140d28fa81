import { describe, expect, it } from 'vitest';
import type { ImportRow } from './check-rows.js';
import { classifyRows, lockedChanges, valueKey, type StoredValue } from './classify-rows.js';

const row = (rowNumber: number, unit: string, value: number, comment: string | null = null): ImportRow => ({
  rowNumber,
  indicator: 'SITES',
  unit,
  period: '2025-10',
  value,
  comment,
  column: 'Giá trị',
  cell: String(value),
});
const stored = new Map<string, StoredValue>([
  [valueKey('SITES', 'C1', '2025-10'), { value: 3, comment: null }],
  [valueKey('SITES', 'C2', '2025-10'), { value: 4, comment: null }],
  [valueKey('SITES', 'C3', '2025-10'), { value: 5, comment: 'cũ' }],
]);
const site = { file: 'thang-10.xlsx', sheet: 'Dữ liệu' };

describe('classifyRows', () => {
  it('calls a value new, changed (with the old one) or unchanged, the comment included', () => {
    const rows = [row(2, 'C1', 3), row(3, 'C2', 6), row(4, 'C3', 5), row(5, 'C4', 1)];
    expect(classifyRows(rows, stored).map((d) => [d.row, d.status, d.oldValue, d.newValue])).toEqual([
      [2, 'unchanged', 3, 3],
      [3, 'changed', 4, 6],
      [4, 'changed', 5, 5], // the comment would be cleared
      [5, 'new', null, 1],
    ]);
  });
});

describe('lockedChanges', () => {
  const lockOf = (unit: string) => (unit === 'C9' ? null : { lockUnit: 'P1', lockPeriod: '2025' });

  it('lets an unchanged value of an approved period pass and refuses a changed or new one, at its cell', () => {
    const rows = [row(2, 'C1', 3), row(3, 'C2', 6), row(4, 'C4', 1), row(5, 'C9', 1)];
    const errors = lockedChanges(site, rows, classifyRows(rows, stored), lockOf);
    expect(errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [3, 'Giá trị', '6', 'row.locked'],
      [4, 'Giá trị', '1', 'row.locked'],
    ]);
    expect(errors[0]).toMatchObject({
      file: 'thang-10.xlsx',
      sheet: 'Dữ liệu',
      params: { unit: 'C2', oldValue: 4, newValue: 6, lockUnit: 'P1', lockPeriod: '2025' },
      reason: expect.stringMatching(/from 4 to 6, but it is locked: P1 2025 is approved/),
    });
  });
});
