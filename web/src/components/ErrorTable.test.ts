import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, expect, it } from 'vitest';
import type { ImportRowError } from '../api/types.js';
import i18n from '../i18n.js';
import { ERROR_PAGE_SIZE, ErrorTable } from './ErrorTable.js';

const render = (errors: ImportRowError[]) =>
  renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(ErrorTable, { errors, file: 'bad.csv' })),
  );

const error = (row: number): ImportRowError => ({
  file: 'bad.csv',
  sheet: null,
  row,
  column: 'Giá trị',
  field: 'value',
  value: '120',
  reason: 'is out of range: a percent must be between 0 and 100, got 120',
  message: `bad.csv, row ${row}, column "Giá trị": "120" is out of range`,
});

beforeEach(async () => {
  await i18n.changeLanguage('vi');
});

it('shows row, column, value and a translated reason with the server’s wording', () => {
  const html = render([error(2)]);
  expect(html).toContain('Danh sách lỗi của tệp bad.csv');
  expect(html).toMatch(/<td class="num">2<\/td><td>Giá trị<\/td><td class="cell-value">120<\/td>/);
  expect(html).toContain('Ngoài khoảng cho phép');
  expect(html).toContain('Is out of range: a percent must be between 0 and 100, got 120');
  expect(html).toContain('role="region"');
  expect(html).toContain('tabindex="0"');
});

it('shows the server’s reason alone in English', async () => {
  await i18n.changeLanguage('en');
  const html = render([error(2)]);
  expect(html).toContain('Problems in bad.csv');
  expect(html).not.toContain('Ngoài khoảng');
  expect(html).toContain('<span lang="en">Is out of range');
});

it('renders the first page of a long list and offers the rest', () => {
  const html = render(Array.from({ length: ERROR_PAGE_SIZE + 5 }, (_, i) => error(i + 2)));
  expect(html.match(/<tr title=/g)).toHaveLength(ERROR_PAGE_SIZE);
  expect(html).toContain('Hiện thêm 5 lỗi');
});
