// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import '../../i18n.js';
import type { Violation } from '../../api/types.js';
import { FindingFilterBar } from './FindingFilterBar.js';
import { FindingsTable } from './FindingsTable.js';
import { readFilters } from './finding-filters.js';
import type { Lookups } from './finding-labels.js';

afterEach(cleanup);

const finding = (over: Partial<Violation>): Violation => ({
  kind: 'outlier',
  ruleCode: 'outlier',
  indicator: 'MARKETS',
  unit: 'C1',
  period: '2025-12',
  value: 9,
  message: 'MARKETS 9 is far from this unit’s usual values',
  importance: 'low',
  explanation: null,
  ...over,
});

const violations: Violation[] = [
  finding({}),
  finding({ kind: 'bounds', ruleCode: 'bounds', indicator: 'COVERAGE_4G', unit: 'C2', importance: 'high', value: 120 }),
  finding({
    kind: 'rule',
    ruleCode: 'SIGNED_LE_TEACHERS',
    indicator: null,
    unit: 'C2',
    importance: 'high',
    explanation: { comment: 'Đã kiểm tra', explainedBy: 'demo.tinh', explainedAt: '2026-11-24T08:00:00.000Z' },
  }),
];

const lookups: Lookups = { tree: undefined, indicators: new Map(), rules: new Map(), lang: 'vi' };

/** The filter bar and the table wired to a URL search, as the page does. */
function Harness({ initial = '' }: { initial?: string }) {
  const [search, setSearch] = useState(new URLSearchParams(initial));
  const filters = readFilters(search);
  const onChange = (changes: Record<string, string | null>) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(changes))
        if (v === null) next.delete(k);
        else next.set(k, v);
      return next;
    });
  return (
    <>
      <output data-testid="search">{search.toString()}</output>
      <FindingFilterBar
        violations={violations}
        filters={filters}
        onChange={onChange}
        ruleLabel={(c) => c}
        indicatorLabel={(c) => c}
        unitLabel={(c) => `Xã ${c}`}
      />
      <FindingsTable
        violations={violations}
        filters={filters}
        lookups={lookups}
        canExplain
        onExplain={() => {}}
        onUnmark={() => {}}
      />
    </>
  );
}

const tableRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

it('filters by severity and commune, keeping the filters in the URL', () => {
  render(<Harness />);
  expect(tableRows()).toHaveLength(3);
  fireEvent.change(screen.getByRole('combobox', { name: 'Mức độ' }), { target: { value: 'high' } });
  expect(tableRows()).toHaveLength(2);
  expect(screen.getByTestId('search').textContent).toBe('severity=high');
  fireEvent.change(screen.getByRole('combobox', { name: 'Quy tắc' }), { target: { value: 'bounds' } });
  expect(tableRows()).toHaveLength(1);
  expect(tableRows()[0]!.textContent).toContain('COVERAGE_4G');
  fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
  expect(tableRows()).toHaveLength(3);
  expect(screen.getByTestId('search').textContent).toBe('');
});

it('reads its filters from the URL and says when nothing matches', () => {
  render(<Harness initial="commune=C1&severity=high" />);
  expect((screen.getByRole('combobox', { name: 'Xã, phường' }) as HTMLSelectElement).value).toBe('C1');
  expect(screen.queryByRole('table')).toBeNull();
  expect(screen.getByText('Không có phát hiện nào khớp bộ lọc.').getAttribute('role')).toBe('status');
});

it('separates explained findings and offers the right action with a link to the entry form', () => {
  render(<Harness initial="status=explained" />);
  const [row] = tableRows();
  expect(tableRows()).toHaveLength(1);
  expect(row!.textContent).toContain('demo.tinh, 24/11/2026');
  expect(within(row!).getByRole('button', { name: 'Bỏ giải trình' })).toBeTruthy();
  const link = within(row!).getByRole('link', { name: 'Mở trong biểu mẫu nhập' });
  expect(link.getAttribute('href')).toBe('/nhap-lieu?unit=C2&period=2025-12');
  fireEvent.change(screen.getByRole('combobox', { name: 'Trạng thái' }), { target: { value: 'open' } });
  expect(tableRows()).toHaveLength(2);
  expect(within(tableRows()[0]!).getByRole('button', { name: 'Đánh dấu đã giải trình' })).toBeTruthy();
});
