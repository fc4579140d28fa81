// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ImportReport } from '../../api/types.js';
import i18n from '../../i18n.js';
import { DiffTable } from './DiffTable.js';
import { diffLines, lineCounts } from './diff-lines.js';

afterEach(cleanup);
beforeEach(async () => {
  await i18n.changeLanguage('vi');
});

const line = (
  row: number,
  unit: string,
  status: 'new' | 'changed' | 'unchanged',
  oldValue: number | null,
  newValue: number,
) => ({
  row,
  column: 'Giá trị',
  indicator: 'SITES',
  unit,
  period: '2025-10',
  status,
  oldValue,
  newValue,
  oldComment: null,
  newComment: null,
});

const report: ImportReport = {
  file: 'thang-10.csv',
  sha256: '',
  format: 'csv',
  sheet: null,
  rowsRead: 5,
  valuesFound: 3,
  errors: [
    {
      file: 'thang-10.csv',
      sheet: null,
      row: 5,
      column: 'Giá trị',
      field: 'value',
      value: 'abc',
      reason: 'is not a number',
      code: 'row.not_a_number',
      params: {},
      message: 'thang-10.csv, row 5, column "Giá trị": "abc" is not a number',
    },
  ],
  errorCount: 1,
  warnings: [],
  changes: { inserted: 1, updated: 1, deleted: 0, unchanged: 1 },
  diff: {
    new: [line(4, 'C3', 'new', null, 1)],
    changed: [line(3, 'C2', 'changed', 4, 6500.5)],
    unchanged: [line(2, 'C1', 'unchanged', 3, 3)],
  },
  committed: false,
  batchId: null,
};

const renderTable = () =>
  render(<DiffTable lines={diffLines(report)} counts={lineCounts(report)} file={report.file} lang="vi" />);
const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

it('lists every line in file order with old → new in Vietnamese formats, and the error worded from its code', () => {
  renderTable();
  const rows = bodyRows();
  expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['2', '3', '4', '5']);
  expect(rows[1]!.textContent).toContain('Thay đổi');
  expect(rows[1]!.textContent).toMatch(/4\s*→\s*thành\s*6\.500,5/);
  expect(rows[3]!.textContent).toContain('Lỗi');
  expect(rows[3]!.textContent).toContain('không phải là số');
  expect(rows[3]!.textContent).not.toContain('is not a number');
});

it('filters by kind, with the count of each kind on its button', () => {
  renderTable();
  fireEvent.click(screen.getByRole('button', { name: 'Thay đổi (1)' }));
  expect(screen.getByRole('button', { name: 'Thay đổi (1)' }).getAttribute('aria-pressed')).toBe('true');
  expect(bodyRows().map((r) => within(r).getAllByRole('cell')[2]!.textContent)).toEqual(['SITES']);
  expect(bodyRows()[0]!.textContent).toContain('C2');

  fireEvent.click(screen.getByRole('button', { name: 'Lỗi (1)' }));
  expect(bodyRows()).toHaveLength(1);
  expect(bodyRows()[0]!.textContent).toContain('abc');

  fireEvent.click(screen.getByRole('button', { name: 'Tất cả (4)' }));
  expect(bodyRows()).toHaveLength(4);
});

it('speaks English when the interface does', async () => {
  await i18n.changeLanguage('en');
  render(<DiffTable lines={diffLines(report)} counts={lineCounts(report)} file={report.file} lang="en" />);
  expect(screen.getByRole('button', { name: 'Unchanged (1)' })).toBeTruthy();
  expect(bodyRows()[3]!.textContent).toContain('is not a number');
  expect(bodyRows()[1]!.textContent).toMatch(/6,500\.5/);
});
