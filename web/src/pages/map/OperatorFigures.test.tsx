// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import i18n from '../../i18n.js';
import type { CoverageResult } from '../../api/types.js';
import { OperatorFigures } from './OperatorFigures.js';

afterEach(cleanup);

const result = {
  technologies: ['2G', '4G'],
  units: [],
  operators: ['VTL', 'MBF'],
  mainOperator: 'VTL',
  coverageCriterion: { kind: 'reliability', reliability: 0.9, sigmaDb: { urban: 8, suburban: 8, rural: 8 } },
  total: {
    unit: '*',
    population: 8000,
    covered: { '2G': 7000, '4G': 6000 },
    byOperator: { VTL: { '2G': 7000, '4G': 6000 }, MBF: { '2G': 5000, '4G': 6500 } },
    maxOperator: { '2G': { operator: 'VTL', covered: 7000 }, '4G': { operator: 'MBF', covered: 6500 } },
    union: { '2G': 7600, '4G': 7200 },
  },
} as CoverageResult;

it('shows each operator, the largest and the union with the run’s criterion (vi-VN)', () => {
  void i18n.changeLanguage('vi');
  render(<OperatorFigures lang="vi" result={result} />);
  const table = screen.getByRole('table', { name: 'Dân số được phủ sóng theo nhà mạng (toàn tỉnh)' });
  const row = (name: string) =>
    within(table)
      .getByRole('row', { name: new RegExp(name) })
      .textContent?.replace(/\s+/g, ' ');
  expect(row('VTL \\(chỉ số')).toContain('87,50 %');
  expect(row('ITU 9.c.1')).toContain('81,25 % (MBF)');
  expect(row('Ít nhất một mạng')).toContain('90,00 %');
  const description = document.getElementById(table.getAttribute('aria-describedby')!);
  expect(description?.textContent).toBe('Tiêu chí phủ sóng: ≥ 90 % vị trí đạt ngưỡng (che khuất log-normal, σ 8 dB)');
});

it('names the median criterion, and shows nothing for a run without operator figures (en)', () => {
  void i18n.changeLanguage('en');
  const median = { ...result, coverageCriterion: { kind: 'median' } } as CoverageResult;
  const { unmount } = render(<OperatorFigures lang="en" result={median} />);
  expect(screen.getByText('Coverage criterion: median signal level ≥ threshold')).toBeTruthy();
  unmount();
  const old = { ...result, operators: undefined, total: { unit: '*', population: 10, covered: {} } } as CoverageResult;
  const { container } = render(<OperatorFigures lang="en" result={old} />);
  expect(container.innerHTML).toBe('');
});
