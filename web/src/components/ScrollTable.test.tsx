// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ScrollTable } from './ScrollTable.js';

afterEach(cleanup);

const body = (
  <tbody>
    <tr>
      <td>1</td>
    </tr>
  </tbody>
);

it('names the focusable scroll region and the table by its label', () => {
  render(
    <ScrollTable label="Trạm theo năm" className="admin-table" boxClassName="checks-table">
      {body}
    </ScrollTable>,
  );
  const region = screen.getByRole('region', { name: 'Trạm theo năm' });
  expect(region.className).toBe('table-scroll checks-table');
  expect(region.tabIndex).toBe(0);
  const table = screen.getByRole('table', { name: 'Trạm theo năm' });
  expect(table.className).toBe('data-table admin-table');
});

it('leaves the caption out when asked', () => {
  render(
    <ScrollTable label="Tài khoản" caption={false}>
      {body}
    </ScrollTable>,
  );
  expect(screen.getByRole('region', { name: 'Tài khoản' })).toBeTruthy();
  expect(screen.getByRole('table').querySelector('caption')).toBeNull();
});
