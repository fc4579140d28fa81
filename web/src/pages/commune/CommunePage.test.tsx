// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressSummary } from '../../../../src/domain/overview-contract.js';
import { createQueryClient } from '../../api/query-client.js';
import i18n from '../../i18n.js';
import { progressSummary, unitTree } from '../../test-fixtures/overview.js';
import { CommunePage } from './CommunePage.js';

const COMMUNE = '60331002'; // Xã Đức Cơ, a border commune of the fixture tree

const tree = structuredClone(unitTree);
const commune = tree.children[0]!.children.find((c) => c.code === COMMUNE)!;
Object.assign(commune, { population: 12_500, areaKm2: 250.5 });

const summary: ProgressSummary = {
  ...progressSummary,
  unit: { ...commune },
  view: 'published',
  areas: [
    {
      code: 'A2',
      nameVi: 'Hạ tầng số',
      nameEn: 'Digital infrastructure',
      indicators: [
        {
          ...progressSummary.areas[0]!.indicators[0]!,
          code: 'POP_COV_4G',
          nameVi: 'Tỷ lệ dân số được phủ sóng 4G',
          nameEn: 'Population covered by 4G',
          current: 90.15,
          decimals: 2,
          target: { year: 2030, value: 99 },
          status: 'at_risk',
        },
        {
          ...progressSummary.areas[0]!.indicators[2]!,
          code: 'COMMUNES_FIBRE',
          nameVi: 'Có cáp quang',
          nameEn: 'Reached by fibre',
          current: 0,
          target: null,
          status: 'no_target',
        },
      ],
    },
  ],
};

function answer(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://app.test');
      if (url.pathname === '/api/org-units/tree') return answer(tree);
      if (url.pathname === '/api/progress' && url.searchParams.get('unit') === COMMUNE) return answer(summary);
      return answer({ title: 'Not found', status: 404, code: 'not_found' }, 404);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderProfile(path: string, lang: 'vi' | 'en' = 'vi') {
  void i18n.changeLanguage(lang);
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/xa/:code" element={<CommunePage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the commune profile', () => {
  it('shows the name, parent, facts, coverage, rollout and every indicator with target and status', async () => {
    renderProfile(`/xa/${COMMUNE}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Xã Đức Cơ/ })).toBeTruthy();
    const text = () => document.body.textContent ?? '';
    expect(text()).toContain('Gia Lai');
    expect(text()).toContain('12.500 người');
    expect(text()).toContain('250,50 km²');
    expect(text()).toContain('50 người/km²');
    expect(text()).toContain('Xã biên giới');

    const coverage = screen.getByRole('region', { name: 'Phủ sóng di động' });
    expect(within(coverage).getByRole('row', { name: /4G/ }).textContent).toContain('90,15 %');

    const rollout = screen.getByRole('region', { name: 'Hạ tầng và nền tảng' });
    expect(rollout.textContent).toContain('Chưa triển khai');

    const link = screen.getByRole('link', { name: 'Tỷ lệ dân số được phủ sóng 4G' });
    expect(link.getAttribute('href')).toBe(`/chi-so/POP_COV_4G?unit=${COMMUNE}`);
    const row = link.closest('li')!;
    expect(row.textContent).toContain('Mục tiêu 2030: 99,00 %');
    expect(row.textContent).toContain('Có nguy cơ chậm');
  });

  it('offers the public no entry form', async () => {
    renderProfile(`/xa/${COMMUNE}`);
    await screen.findByRole('heading', { level: 1, name: /Xã Đức Cơ/ });
    expect(screen.queryByRole('link', { name: 'Nhập số liệu cho xã' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Xem trên bản đồ' }).getAttribute('href')).toBe(`/ban-do?unit=${COMMUNE}`);
  });

  it('says when the code names no unit', async () => {
    renderProfile('/xa/99999', 'en');
    expect(await screen.findByText('There is no commune or ward with code “99999”.')).toBeTruthy();
  });
});
