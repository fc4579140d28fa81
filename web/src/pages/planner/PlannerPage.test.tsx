// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../../src/domain/auth/session-contract.js';
import { createQueryClient } from '../../api/query-client.js';
import { sessionStore } from '../../api/session.js';
import i18n from '../../i18n.js';
import { unitTree } from '../../test-fixtures/overview.js';
import { finishedPlan } from './plan-fixture.js';
import type { PlanScenarioSummary } from './planner-api.js';
import { PlannerPage } from './PlannerPage.js';

// MapLibre needs WebGL, which jsdom has not: the map is checked in the browser tests.
vi.mock('./PlanSitesMap.js', () => ({ default: () => <div data-testid="plan-map" /> }));

function stateWith(actions: string[]): SessionState {
  return {
    signedIn: true,
    signingIn: null,
    user: {
      username: 'demo.tinh',
      displayName: 'Sở KH&CN',
      role: 'province_officer',
      party: null,
      units: ['52'],
      totpEnabled: false,
      mustChangePassword: false,
      isDemo: true,
    },
    permissions: ['published.read', 'data.read', 'account.self', ...actions].map((action) => ({
      action,
      scope: 'all',
    })) as SessionState['permissions'],
    csrfToken: 'csrf-1',
    sso: null,
  };
}

const saved = finishedPlan('0b8c1d3e-0000-4000-8000-000000000001', 'Hai mươi trạm');
const summary: PlanScenarioSummary = {
  ...saved,
  summary: { objective: 9000, upperBound: 9100, gap: 0.011, sites: 2, cost: 3 },
};
const NEW_ID = '0b8c1d3e-0000-4000-8000-000000000002';

const FILES_RUN = '0b8c1d3e-0000-4000-8000-0000000000f1';
const run = (id: string, status: string, dem: string) => ({
  id,
  status,
  rootUnit: '24',
  period: '2025-12',
  inputs: { dem },
  createdAt: '2026-11-30T08:00:00Z',
});
const RUNS = [run(FILES_RUN, 'succeeded', 'a1b2'), run('0b8c1d3e-0000-4000-8000-0000000000f2', 'failed', 'c3d4')];

const PARTNER_ROWS = [
  { code: 'DT-1', lon: 107.6, lat: 13.9, cost: 2.5 },
  { code: 'DT-2', lon: 107.7, lat: 13.8, cost: 3 },
];

let session: SessionState;
let posted: unknown[] = [];
let polls = 0;

function json(body: unknown, status = 200) {
  const type = status < 400 ? 'application/json' : 'application/problem+json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

beforeEach(async () => {
  posted = [];
  polls = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://app.test');
      const route = `${init.method ?? 'GET'} ${url.pathname}`;
      if (route === 'GET /api/auth/me') return json(session);
      if (route === 'GET /api/org-units/tree') return json(unitTree);
      if (route === 'GET /api/plans') return json([summary]);
      if (route === 'POST /api/plans') {
        posted.push(JSON.parse(String(init.body)));
        return json({ ...saved, id: NEW_ID, name: 'Biên giới', status: 'queued', result: null, progress: 0 }, 202);
      }
      if (route === `GET /api/plans/${NEW_ID}`) {
        polls += 1;
        return json(
          polls < 2
            ? {
                ...saved,
                id: NEW_ID,
                name: 'Biên giới',
                status: 'running',
                stage: 'greedy',
                progress: 0.5,
                result: null,
              }
            : { ...saved, id: NEW_ID, name: 'Biên giới' },
        );
      }
      if (route === 'GET /api/map-config') return json({ baseMap: null });
      if (route === 'GET /api/coverage/runs') return json(RUNS);
      if (route === 'POST /api/plans/read-file/candidates') return json(PARTNER_ROWS);
      if (route === 'POST /api/plans/read-file/points')
        return json(
          {
            title: 'Invalid',
            status: 422,
            code: 'plan.settings',
            detail: 'truong.csv: 1 problem(s). First: row 2 column lat: out of range',
            errors: [{ path: 'truong.csv row 2 column lat', message: 'out of range' }],
          },
          422,
        );
      return json({ title: 'Not found', status: 404 }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function renderPage(actions: string[]) {
  session = stateWith(actions);
  await sessionStore.load();
  void i18n.changeLanguage('vi');
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={['/quy-hoach-5g']}>
        <PlannerPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the 5G planning page', () => {
  it('lets a reader see the saved scenarios, without the form or a delete button', async () => {
    await renderPage(['plan.read']);
    const list = await screen.findByRole('region', { name: 'Các phương án đã lưu' });
    expect(within(list).getByRole('rowheader', { name: 'Hai mươi trạm' })).toBeTruthy();
    expect(list.textContent).toContain('1,10 %');
    expect(screen.queryByRole('form', { name: 'Phương án mới' })).toBeNull();
    expect(within(list).queryByRole('button', { name: 'Xóa' })).toBeNull();
  });

  it('asks whoever may not read plans to sign in or go home, and reads nothing', async () => {
    await renderPage([]);
    expect(screen.getByText('Không có quyền')).toBeTruthy();
    const asked = vi.mocked(fetch).mock.calls.map(([input]) => String(input));
    expect(asked.some((path) => path.includes('/api/plans'))).toBe(false);
  });

  it('sends the settings, shows the progress while it runs, then the result', async () => {
    await renderPage(['plan.read', 'plan.run']);
    const form = await screen.findByRole('form', { name: 'Phương án mới' });
    fireEvent.input(within(form).getByLabelText(/Tên phương án/), { target: { value: 'Biên giới' } });
    fireEvent.click(within(form).getByLabelText('Phủ sóng trước khu dân cư chính của mỗi xã biên giới'));
    fireEvent.click(within(form).getByRole('button', { name: 'Lập phương án' }));
    expect(await screen.findByText(/Chọn trạm · 50 %/, {}, { timeout: 3000 })).toBeTruthy();
    expect(posted).toEqual([
      expect.objectContaining({
        name: 'Biên giới',
        maxSites: 20,
        priorities: { borderSettlements: true, economicZoneSettlements: false },
      }),
    ]);
    expect(await screen.findByRole('heading', { name: /Kết quả: Biên giới/ }, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(`/api/plans/${NEW_ID}/sites.csv`);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('plans on a finished coverage run chosen in the list (a failed one is not offered)', async () => {
    await renderPage(['plan.read', 'plan.run']);
    const form = await screen.findByRole('form', { name: 'Phương án mới' });
    const area = within(form).getByLabelText(/Lần tính phủ sóng làm nền/) as HTMLSelectElement;
    await within(form).findByRole('option', { name: /từ tệp/ });
    expect([...area.options].map((o) => o.value)).toEqual(['', FILES_RUN]);
    fireEvent.change(area, { target: { value: FILES_RUN } });
    fireEvent.input(within(form).getByLabelText(/Tên phương án/), { target: { value: 'Trên lần tính' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lập phương án' }));
    await screen.findByText(/Chọn trạm/, {}, { timeout: 3000 });
    expect(posted).toEqual([expect.objectContaining({ name: 'Trên lần tính', coverageRunId: FILES_RUN })]);
  });

  it('reads the partner’s file into the plan, and shows a refused file’s bad cell', async () => {
    await renderPage(['plan.read', 'plan.run']);
    const form = await screen.findByRole('form', { name: 'Phương án mới' });
    const upload = (label: RegExp, name: string) =>
      fireEvent.change(within(form).getByLabelText(label), {
        target: { files: [new File(['x'], name, { type: 'text/csv' })] },
      });
    upload(/Danh sách vị trí của đối tác/, 'doitac.csv');
    expect(await within(form).findByText(/Đã đọc 2 vị trí từ doitac.csv/)).toBeTruthy();
    upload(/Điểm cần phủ sóng/, 'truong.csv');
    expect(await within(form).findByText(/truong.csv row 2 column lat/)).toBeTruthy();
    fireEvent.input(within(form).getByLabelText(/Tên phương án/), { target: { value: 'Đối tác' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lập phương án' }));
    await screen.findByText(/Chọn trạm/, {}, { timeout: 3000 });
    expect(posted).toEqual([
      expect.objectContaining({
        name: 'Đối tác',
        points: [],
        candidates: expect.objectContaining({ imported: PARTNER_ROWS }),
      }),
    ]);
  });

  it('names a wrong field and sends nothing', async () => {
    await renderPage(['plan.read', 'plan.run']);
    const form = await screen.findByRole('form', { name: 'Phương án mới' });
    fireEvent.input(within(form).getByLabelText(/Số trạm tối đa/), { target: { value: '2,5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lập phương án' }));
    expect(await within(form).findByText('Cần một số nguyên.')).toBeTruthy();
    expect(within(form).getByText('Cần nhập.')).toBeTruthy(); // the name
    expect(posted).toEqual([]);
  });
});
