// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import '../../i18n.js';
import { YearPicker } from './YearPicker.js';

afterEach(cleanup);

const summary = {
  year: 2025,
  defaultYear: 2025,
  yearChoice: 'complete_enough' as const,
  minReportingShare: 0.8,
  years: [
    { year: 2025, reporting: 135, expected: 135, share: 1 },
    { year: 2026, reporting: 3, expected: 135, share: 3 / 135 },
  ],
};

it('offers every year, newest first, with how many communes reported in it', () => {
  render(<YearPicker summary={summary} lang="vi" onChange={() => {}} />);
  const select = screen.getByRole('combobox', { name: 'Năm' });
  const options = [...select.querySelectorAll('option')].map((o) => o.textContent);
  expect(options).toEqual(['2026 · 3/135 báo cáo (2 %)', '2025 · 135/135 báo cáo (100 %)']);
  expect((select as HTMLSelectElement).value).toBe('2025');
  expect(screen.getByText(/ít nhất 80 % đơn vị báo cáo/)).toBeTruthy();
});

it('switches years, and choosing the default year again clears the choice', () => {
  const onChange = vi.fn();
  const { rerender } = render(<YearPicker summary={summary} lang="vi" onChange={onChange} />);
  fireEvent.change(screen.getByRole('combobox'), { target: { value: '2026' } });
  expect(onChange).toHaveBeenLastCalledWith(2026);
  rerender(<YearPicker summary={summary} lang="vi" onChange={onChange} />);
  fireEvent.change(screen.getByRole('combobox'), { target: { value: '2025' } });
  // 2025 is what the rule picks: the URL needs no ?year=.
  expect(onChange).toHaveBeenLastCalledWith(null);
});

it('says when no year is complete enough', () => {
  render(
    <YearPicker
      summary={{ ...summary, yearChoice: 'latest_with_data' }}

      lang="vi"
      onChange={() => {}}
    />,
  );
  expect(screen.getByText(/Chưa có năm nào đủ 80 % đơn vị báo cáo/)).toBeTruthy();
});
