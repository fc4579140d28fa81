// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../../src/domain/auth/permissions.js';
import { PERMISSIONS } from '../../../../src/domain/auth/permissions.js';
import type { SessionState } from '../../../../src/domain/auth/session-contract.js';
import { createQueryClient } from '../../api/query-client.js';
import { sessionStore } from '../../api/session.js';
import type { Agreement } from '../../api/types.js';
import i18n from '../../i18n.js';
import { unitTree } from '../../test-fixtures/overview.js';
import type { IndicatorDefinition } from './indicators/indicator-definition.js';
import { TargetsAdmin } from './TargetsAdmin.js';

function definition(partial: Partial<IndicatorDefinition> & Pick<IndicatorDefinition, 'code'>): IndicatorDefinition {
  return {
    nameVi: partial.code,
    nameEn: partial.code,
    unitVi: 'trạm',
    unitEn: 'stations',
    areaCode: 'A2',
    pillar: null,
    valueType: 'count',
    unitAggregation: 'sum',
    threshold: null,
    timeAggregation: 'last',
    direction: 'higher',
    reportingLevel: 'commune',
    decimals: 0,
    formula: null,
    minValue: 0,
    maxValue: null,
    isPublic: true,
    periodType: 'month',
    reportingParty: 'VTL',
    version: 7,
    ...partial,
  };
}

const DEFINITIONS = [
  definition({ code: 'SITES_5G', nameVi: 'Số trạm BTS 5G', nameEn: '5G base stations' }),
  definition({
    code: 'COMMUNES_FIBRE',
    nameVi: 'Tỷ lệ xã có cáp quang',
    nameEn: 'Communes reached by fibre',
    valueType: 'boolean',
    unitAggregation: 'share_meeting',
    threshold: 1,
  }),
];

const AGREEMENT: Agreement = {
  code: 'GL-VTL-2025',
  titleVi: 'Thỏa thuận hợp tác chuyển đổi số',
  titleEn: 'Digital-transformation cooperation agreement',
  signedOn: '2025-09-11',
  periodFrom: 2025,
  periodTo: 2030,
  provinceCode: '24',
  source: null,
  parties: [],
  areas: [{ code: 'A2', position: 2, nameVi: 'Hạ tầng viễn thông', nameEn: 'Telecom infrastructure' }],
  commitments: [],
};

/** As GET /api/indicators/SITES_5G/targets?unit=24 answers: the rows, the set's version as the ETag. */
const STORED = [
  { year: 2025, kind: 'baseline', value: 5200, isDemo: false, version: 40, updatedBy: null },
  { year: 2030, kind: 'target', value: 12000, isDemo: false, version: 41, updatedBy: 'tinh.gl' },
];

const COMMUNES = unitTree.children[0]!.children;
/** 12,000 and 5,200 split over the fixture's eight communes, in whole numbers that add up. */
const SPLIT = COMMUNES.map((c) => ({
  unit: c.code,
  targets: [
    { year: 2025, kind: 'baseline', value: 650 },
    { year: 2030, kind: 'target', value: 1500 },
  ],
}));

function session(role: Role): SessionState {
  return {
    signedIn: true,
    signingIn: null,
    user: {
      username: 'tinh.gl',
      displayName: 'Cán bộ tỉnh',
      role,
      party: null,
      units: ['24'],
      totpEnabled: false,
      mustChangePassword: false,
      isDemo: true,
    },
    permissions: Object.entries(PERMISSIONS[role]).map(([action, scope]) => ({
      action,
      scope,
    })) as SessionState['permissions'],
    csrfToken: 'csrf-token',
    sso: null,
  };
}

function answer(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const type = status < 400 ? 'application/json' : 'application/problem+json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type, ...headers } });
}

let role: Role = 'province_officer';
let putStatus = 200;
let targetsStatus = 200;
const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input), 'http://app.test');
  const method = init?.method ?? 'GET';
  if (url.pathname === '/api/auth/me') return answer(session(role));
  if (url.pathname === '/api/indicators') return answer(DEFINITIONS);
  if (url.pathname === '/api/agreements/GL-VTL-2025') return answer(AGREEMENT);
  if (url.pathname === '/api/org-units/tree') return answer(unitTree);
  if (url.pathname === '/api/indicators/SITES_5G/targets' && method === 'GET')
    return targetsStatus === 200
      ? answer(STORED, 200, { etag: '"41"' })
      : answer({ status: 403, code: 'auth.unit_scope', detail: 'Unit 24 is outside your units' }, targetsStatus);
  if (url.pathname === '/api/indicators/SITES_5G/targets' && method === 'PUT')
    return putStatus === 200
      ? answer([], 200, { etag: '"44"' })
      : answer({ status: 412, code: 'version.stale', detail: 'The targets changed meanwhile' }, putStatus);
  if (url.pathname === '/api/indicators/SITES_5G/targets/split' && method === 'POST') return answer(SPLIT);
  if (url.pathname === '/api/indicators/COMMUNES_FIBRE/targets')
    return answer([{ year: 2030, kind: 'target', value: 100, isDemo: false, version: 3, updatedBy: null }], 200, {
      etag: '"3"',
    });
  return answer({ status: 404, title: 'Not found' }, 404);
});

const calls = (method: string, path: string) =>
  fetchMock.mock.calls.filter(([url, init]) => (init?.method ?? 'GET') === method && String(url).startsWith(path));

beforeEach(async () => {
  role = 'province_officer';
  putStatus = 200;
  targetsStatus = 200;
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
  void i18n.changeLanguage('vi');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function renderTab(path = '/quan-tri?tab=targets&indicator=SITES_5G') {
  await sessionStore.load();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <TargetsAdmin />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the targets tab', () => {
  it('opens the chosen indicator with the stored baseline and targets, in vi-VN numbers', async () => {
    await renderTab('/quan-tri?tab=targets');
    fireEvent.change(await screen.findByRole('combobox', { name: /Chỉ số/ }), { target: { value: 'SITES_5G' } });
    expect(((await screen.findByLabelText('Giá trị năm gốc')) as HTMLInputElement).value).toBe('5.200');
    expect((screen.getByLabelText('Năm gốc') as HTMLInputElement).value).toBe('2025');
    expect((screen.getByLabelText('Chỉ tiêu năm 2030') as HTMLInputElement).value).toBe('12.000');
    expect((screen.getByLabelText('Chỉ tiêu năm 2026') as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('heading', { name: 'Chỉ tiêu của Gia Lai' })).toBeTruthy();
  });

  it('saves with PUT, the set’s version from the ETag and only the years that have a value', async () => {
    await renderTab();
    fireEvent.change(await screen.findByLabelText('Chỉ tiêu năm 2027'), { target: { value: '8.000' } });
    fireEvent.change(screen.getByLabelText(/Lý do thay đổi/), { target: { value: 'Kế hoạch 2027' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu chỉ tiêu' }));
    expect(await screen.findByText('Đã lưu chỉ tiêu.')).toBeTruthy();
    const [put] = calls('PUT', '/api/indicators/SITES_5G/targets');
    expect(put).toBeTruthy();
    expect(JSON.parse(String(put![1]!.body))).toEqual({
      unit: '24',
      baseline: { year: 2025, value: 5200 },
      targets: [
        { year: 2027, value: 8000 },
        { year: 2030, value: 12000 },
      ],
      reason: 'Kế hoạch 2027',
      version: 41,
    });
    expect((put![1]!.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-token');
  });

  it('refuses a value that is not a number, or a stored one left empty, without sending anything', async () => {
    await renderTab();
    fireEvent.change(await screen.findByLabelText('Chỉ tiêu năm 2028'), { target: { value: 'mười nghìn' } });
    fireEvent.change(screen.getByLabelText('Chỉ tiêu năm 2030'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu chỉ tiêu' }));
    expect(await screen.findByText('Phải là một số, ví dụ 99,5')).toBeTruthy();
    expect(screen.getByText('Đã lưu nên không để trống được')).toBeTruthy();
    expect(calls('PUT', '/api/indicators')).toHaveLength(0);
  });

  it('says when someone saved meanwhile (412) and reads the targets again on request', async () => {
    putStatus = 412;
    await renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Lưu chỉ tiêu' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('người khác đã thay đổi các chỉ tiêu này');
    const before = calls('GET', '/api/indicators/SITES_5G/targets').length;
    fireEvent.click(within(alert).getByRole('button', { name: 'Tải lại chỉ tiêu' }));
    await waitFor(() => expect(calls('GET', '/api/indicators/SITES_5G/targets').length).toBe(before + 1));
  });

  it('splits to the communes after a second confirmation and shows what was written in a table', async () => {
    await renderTab();
    fireEvent.click(await screen.findByRole('button', { name: 'Phân bổ chỉ tiêu' }));
    expect(calls('POST', '/api/indicators/SITES_5G/targets/split')).toHaveLength(0);
    fireEvent.click(screen.getByRole('radio', { name: /trong năm gốc/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Phân bổ và ghi đè' }));
    const table = await screen.findByRole('table', { name: 'Chỉ tiêu đã phân bổ theo xã, phường' });
    const [post] = calls('POST', '/api/indicators/SITES_5G/targets/split');
    expect(JSON.parse(String(post![1]!.body))).toEqual({ unit: '24', by: 'baseline', reason: null });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + COMMUNES.length + 1);
    expect(rows[0]!.textContent).toContain('Cơ sở 2025');
    expect(within(table).getByRole('row', { name: /Xã Đức Cơ/ }).textContent).toContain('1.500');
    expect(rows.at(-1)!.textContent).toBe('Tổng5.20012.000');
    expect(screen.getByText('Đã phân bổ cho 8 xã, phường.')).toBeTruthy();
  });

  it('explains why a share-of-units indicator cannot be split', async () => {
    await renderTab('/quan-tri?tab=targets&indicator=COMMUNES_FIBRE');
    expect(await screen.findByText(/tỷ lệ đơn vị đạt ngưỡng nên không phân bổ được/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Phân bổ chỉ tiêu' })).toBeNull();
  });

  it('shows a reader without target.write the stored targets and no form', async () => {
    role = 'viewer';
    await renderTab();
    expect(await screen.findByText(/Chỉ cán bộ được phép đặt chỉ tiêu/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Chỉ tiêu của Gia Lai' });
    expect(table.textContent).toContain('12.000');
    expect(screen.queryByRole('button', { name: 'Lưu chỉ tiêu' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Phân bổ chỉ tiêu' })).toBeNull();
  });

  it('shows the server’s refusal when the targets cannot be read', async () => {
    targetsStatus = 403;
    await renderTab();
    expect((await screen.findByRole('alert')).textContent).toContain('Unit 24 is outside your units');
  });
});
