// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n.js';
import { CommunesTable } from './CommunesTable.js';
import { CompareView } from './CompareView.js';
import { PhasesTable } from './PhasesTable.js';
import { finishedPlan, phasedResult } from './plan-fixture.js';
import { PlanProgress } from './PlanProgress.js';

afterEach(cleanup);

const bodyRows = (table: HTMLElement) => within(table).getAllByRole<HTMLTableRowElement>('row').slice(1);

describe('the plan result tables', () => {
  it('lists communes by the share the plan adds, and sorts by the share after on a press', () => {
    void i18n.changeLanguage('vi');
    render(<CommunesTable result={phasedResult} />);
    const table = screen.getByRole('table');
    // Default: largest gain first (Ia O +75 points, Pleiku +40), the commune without residents last.
    expect(bodyRows(table).map((r) => r.cells[0]!.textContent)).toEqual(['Xã Ia O', 'Phường Pleiku', 'Xã Trống']);
    expect(bodyRows(table)[0]!.textContent).toContain('75,0 %');
    expect(bodyRows(table)[0]!.textContent).toContain('Biên giới');
    fireEvent.click(screen.getByRole('button', { name: 'Sắp xếp theo Sau' }));
    const direction = screen.getByRole('button', { name: 'Sắp xếp theo Sau' }).closest('th')!.getAttribute('aria-sort');
    const after = bodyRows(table).map((r) => r.cells[0]!.textContent);
    expect(after.slice(0, 2)).toEqual(
      direction === 'descending' ? ['Phường Pleiku', 'Xã Ia O'] : ['Xã Ia O', 'Phường Pleiku'],
    );
    expect(direction).not.toBe('none');
    expect(after[2]).toBe('Xã Trống');
  });

  it('gives each year its sites, cost and 5G share after it, with a decimal comma', () => {
    void i18n.changeLanguage('vi');
    render(<PhasesTable result={phasedResult} />);
    const rows = bodyRows(screen.getByRole('table'));
    expect(rows.map((r) => r.cells[0]!.textContent)).toEqual(['2026', '2027']);
    expect(rows[1]!.textContent).toContain('85,7 %'); // 12 000 of 14 000 people
  });

  it('shows scenarios side by side, with a row for each year any of them has', () => {
    void i18n.changeLanguage('en');
    const unphased = {
      ...phasedResult,
      phases: [{ year: null, sites: 2, cost: 3, objective: 9000 }],
      effects: { ...phasedResult.effects, total: { population: 14000, coveredBefore: 5000, coveredAfter: [7000] } },
    };
    render(
      <CompareView plans={[finishedPlan('a', 'By year'), finishedPlan('b', 'At once', unphased)]} onClose={() => {}} />,
    );
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Figure', 'By year', 'At once']);
    const after2027 = within(table).getByRole('rowheader', { name: 'After 2027' }).closest('tr')!;
    expect(after2027.textContent).toBe('After 202785.7%—');
    const afterPlan = within(table).getByRole('rowheader', { name: 'People with 5G after the plan' }).closest('tr')!;
    expect(afterPlan.textContent).toBe('People with 5G after the plan85.7%50.0%');
  });
});

describe('a running plan', () => {
  it('shows its stage and progress, and a Cancel button only to whoever may cancel', () => {
    void i18n.changeLanguage('vi');
    const running = {
      ...finishedPlan('r', 'Đang tính'),
      status: 'running' as const,
      stage: 'greedy',
      progress: 0.42,
      result: null,
    };
    const { rerender } = render(<PlanProgress plan={running} onCancel={() => {}} cancelling={false} />);
    expect(screen.getByRole('status').textContent).toContain('Chọn trạm · 42 %');
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(42);
    expect(screen.getByRole('button', { name: 'Hủy' })).toBeTruthy();
    rerender(<PlanProgress plan={running} onCancel={null} cancelling={false} />);
    expect(screen.queryByRole('button', { name: 'Hủy' })).toBeNull();
  });
});
