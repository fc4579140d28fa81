// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, expect, it } from 'vitest';
import '../../i18n.js';
import { UnitTable } from './UnitTable.js';
import { ROWS } from './fixture-rows.js';

afterEach(cleanup);

function names(): string[] {
  const body = screen.getAllByRole('rowgroup')[1]!;
  return within(body)
    .getAllByRole('row')
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent ?? '');
}

function renderTable() {
  render(
    <MemoryRouter>
      <UnitTable rows={ROWS} lang="vi" valueType="number" decimals={2} showApproval />
    </MemoryRouter>,
  );
}

it('sorts by value, highest first, lowest first on the second press, communes without a value last', () => {
  renderTable();
  const sortByValue = screen.getByRole('button', { name: /Sắp xếp theo Giá trị/ });
  fireEvent.click(sortByValue);
  expect(names()).toEqual(['Phường Đống Đa', 'Xã Ia O', 'Xã Ia Grai']);
  expect(screen.getByRole('columnheader', { name: /Giá trị/ }).getAttribute('aria-sort')).toBe('descending');
  fireEvent.click(sortByValue);
  expect(names()).toEqual(['Xã Ia O', 'Phường Đống Đa', 'Xã Ia Grai']);
  expect(screen.getByRole('columnheader', { name: /Giá trị/ }).getAttribute('aria-sort')).toBe('ascending');
});

it('shows vi-VN numbers, the reporting status and links each commune to its profile', () => {
  renderTable();
  expect(screen.getByText('1.234,56')).toBeTruthy();
  expect(screen.getByText('Chưa báo cáo')).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Xã Ia O' }).getAttribute('href')).toBe('/xa/60309134');
});

it('finds communes without typing diacritics', () => {
  renderTable();
  const search = screen.getByRole('searchbox', { name: /Tìm xã, phường/ });
  fireEvent.change(search, { target: { value: 'dong da' } });
  expect(names()).toEqual(['Phường Đống Đa']);
  fireEvent.change(search, { target: { value: 'xa ia' } });
  expect(names().sort()).toEqual(['Xã Ia Grai', 'Xã Ia O']);
  fireEvent.change(search, { target: { value: 'không có' } });
  expect(screen.getByText(/Không có xã, phường nào khớp/)).toBeTruthy();
});

it('marks a target passed down from the province and explains the mark under the table', () => {
  renderTable();
  const grai = screen.getByRole('row', { name: /Xã Ia Grai/ });
  expect(within(grai).getByText('(Phân bổ từ chỉ tiêu tỉnh)', { exact: false })).toBeTruthy();
  const own = screen.getByRole('row', { name: /Xã Ia O\b/ });
  expect(within(own).queryByText(/Phân bổ/)).toBeNull();
  expect(screen.getByText('Phân bổ từ chỉ tiêu tỉnh', { selector: '.indicator-table-note' })).toBeTruthy();
});

it('opens a commune’s history from its row; the history column has no sort button', () => {
  const opened: string[] = [];
  render(
    <MemoryRouter>
      <UnitTable
        rows={ROWS}
        lang="vi"
        valueType="number"
        decimals={2}
        showApproval={false}
        onHistory={(row) => opened.push(row.code)}
      />
    </MemoryRouter>,
  );
  const header = screen.getByRole('columnheader', { name: 'Lịch sử' });
  expect(header.hasAttribute('aria-sort')).toBe(false);
  expect(within(header).queryByRole('button')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: 'Lịch sử thay đổi của Xã Ia O' }));
  expect(opened).toEqual([ROWS.find((row) => row.nameVi === 'Xã Ia O')!.code]);
});
