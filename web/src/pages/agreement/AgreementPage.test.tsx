// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.js';
import type { Agreement } from '../../api/types.js';
import i18n from '../../i18n.js';
import { progressSummary } from '../../test-fixtures/overview.js';
import { AgreementPage } from './AgreementPage.js';

/** Shaped as GET /api/agreements/GL-VTL-2025 answers for the demo database (two areas' commitments shown). */
const AGREEMENT: Agreement = {
  code: 'GL-VTL-2025',
  titleVi: 'Thỏa thuận hợp tác chuyển đổi số giai đoạn 2025–2030 giữa UBND tỉnh Gia Lai và Tập đoàn Viettel',
  titleEn: 'Digital-transformation cooperation agreement 2025–2030 between Gia Lai Province and Viettel',
  signedOn: '2025-09-11',
  periodFrom: 2025,
  periodTo: 2030,
  provinceCode: '24',
  source: 'News report of the signing ceremony, 11 September 2025.',
  parties: [
    {
      code: 'GL',
      role: 'province',
      nameVi: 'Ủy ban nhân dân tỉnh Gia Lai',
      nameEn: "Gia Lai Provincial People's Committee",
    },
    {
      code: 'VTL',
      role: 'partner',
      nameVi: 'Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)',
      nameEn: 'Viettel Group',
    },
  ],
  areas: [
    ['A1', 'Nâng cao nhận thức xã hội về khoa học - công nghệ và đổi mới sáng tạo', 'Public awareness'],
    ['A2', 'Đầu tư, hoàn thiện hạ tầng viễn thông và công nghệ thông tin', 'Telecom and IT infrastructure'],
    ['A3', 'Phát triển nguồn nhân lực chất lượng cao', 'High-quality human resources'],
    ['A4', 'Xây dựng chính quyền số, kinh tế số, xã hội số', 'Digital government, economy, society'],
    ['A5', 'Hỗ trợ doanh nghiệp ứng dụng công nghệ số', 'Digital adoption by businesses'],
    ['A6', 'Thúc đẩy văn hóa số', 'Digital culture'],
    ['A7', 'Bảo đảm an toàn, an ninh mạng', 'Cyber safety and security'],
    ['A8', 'Nghiên cứu, thương mại hóa các sản phẩm công nghệ mới', 'Research and commercialisation'],
  ].map(([code, nameVi, nameEn], i) => ({ code: code!, position: i + 1, nameVi: nameVi!, nameEn: nameEn! })),
  commitments: [
    {
      id: 1,
      areaCode: 'A2',
      ownerParty: 'VTL',
      textVi: 'Mở rộng phủ sóng 5G, tập trung vào các khu kinh tế phát triển và khu vực biên giới',
      textEn: 'Expand 5G, focused on economically developed zones and border areas',
      dueDate: '2030-12-31',
      status: 'in_progress',
    },
    {
      id: 3,
      areaCode: 'A4',
      ownerParty: 'VTL',
      textVi: 'Chuyển giao các nền tảng mới cho tất cả xã, phường',
      textEn: 'Hand new platforms over to every commune and ward',
      dueDate: '2027-12-31',
      status: 'planned',
    },
    {
      id: 5,
      areaCode: null,
      ownerParty: 'GL',
      textVi: 'Thành lập tổ công tác chung và phối hợp chặt chẽ trong quá trình triển khai',
      textEn: 'Set up a joint working group and coordinate implementation closely',
      dueDate: '2025-12-31',
      status: 'done',
    },
  ],
};

function answer(body: unknown, status = 200) {
  const type = status < 400 ? 'application/json' : 'application/problem+json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

let agreementStatus = 200;
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = new URL(String(input), 'http://app.test');
  if (url.pathname === '/api/agreements/GL-VTL-2025')
    return agreementStatus === 200
      ? answer(AGREEMENT)
      : answer(
          { status: 404, code: 'agreement.not_found', detail: 'No agreement has the code "GL-VTL-2025"' },
          agreementStatus,
        );
  if (url.pathname === '/api/progress' && url.searchParams.get('unit') === '24') return answer(progressSummary);
  return answer({ title: 'Not found', status: 404 }, 404);
});

beforeEach(() => {
  agreementStatus = 200;
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(path = '/thoa-thuan') {
  void i18n.changeLanguage('vi');
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <AgreementPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const areaSection = (code: string) => document.getElementById(`agreement-area-${code}`)!;

describe('the agreement page', () => {
  it('shows the parties, all eight areas and each commitment with its lead, due date and status in words', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: AGREEMENT.titleVi })).toBeTruthy();
    expect(document.body.textContent).toContain('Ký ngày 11/09/2025 · Giai đoạn 2025–2030');
    const parties = screen.getByRole('region', { name: 'Các bên' });
    expect(parties.textContent).toContain('Bên tỉnh: Ủy ban nhân dân tỉnh Gia Lai');
    expect(parties.textContent).toContain('Bên đối tác: Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)');

    const areaTitles = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(areaTitles).toHaveLength(9); // A1…A8, then the agreement-wide commitments
    expect(areaTitles[1]).toBe('A2 · Đầu tư, hoàn thiện hạ tầng viễn thông và công nghệ thông tin');
    expect(areaTitles[8]).toBe('Chung cho cả thỏa thuận');

    const fiveG = within(areaSection('A2'))
      .getByText(/Mở rộng phủ sóng 5G/)
      .closest('li')!;
    expect(fiveG.textContent).toContain('Đang thực hiện');
    expect(fiveG.textContent).toContain('Chủ trì: Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)');
    expect(fiveG.textContent).toContain('Hạn: 31/12/2030');
    expect(
      within(areaSection('general'))
        .getByText(/tổ công tác chung/)
        .closest('li')!.textContent,
    ).toContain('Đã hoàn thành');
    expect(within(areaSection('A3')).getByText('Chưa có cam kết nào trong lĩnh vực này.')).toBeTruthy();
  });

  it('shows each area’s indicator progress from the province’s summary, with the overview’s cards', async () => {
    renderPage();
    const summary = await within(await screen.findByRole('region', { name: /^A2 ·/ })).findByText(
      'Tiến độ các chỉ số (3)',
    );
    expect(summary.closest('details')!.textContent).toContain('Số trạm BTS 5G');
    expect(within(areaSection('A5')).getByText('Lĩnh vực này chưa có chỉ số theo dõi.')).toBeTruthy();
    const progressCall = fetchMock.mock.calls.map(([url]) => String(url)).find((u) => u.startsWith('/api/progress'));
    expect(progressCall).toBe('/api/progress?unit=24');
  });

  it('filters the commitments by status and by lead party', async () => {
    renderPage();
    const status = await screen.findByRole('combobox', { name: 'Tình trạng' });
    fireEvent.change(status, { target: { value: 'planned' } });
    expect(screen.getByText('Đang hiện 1 cam kết')).toBeTruthy();
    expect(screen.queryByText(/Mở rộng phủ sóng 5G/)).toBeNull();
    expect(screen.getByText(/Chuyển giao các nền tảng mới/)).toBeTruthy();
    expect(within(areaSection('A2')).getByText('Không có cam kết nào khớp bộ lọc trong lĩnh vực này.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Bên chủ trì' }), { target: { value: 'GL' } });
    expect(screen.getByText('Đang hiện 1 cam kết')).toBeTruthy();
    expect(screen.getByText(/tổ công tác chung/)).toBeTruthy();
  });

  it('reads a filter from the URL, so a filtered list can be shared', async () => {
    renderPage('/thoa-thuan?area=A4');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'A4 · Xây dựng chính quyền số, kinh tế số, xã hội số',
    ]);
  });

  it('says what went wrong when the agreement cannot be read, and offers to try again', async () => {
    agreementStatus = 404;
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No agreement has the code "GL-VTL-2025"');
    agreementStatus = 200;
    fireEvent.click(within(alert).getByRole('button', { name: /Thử lại/ }));
    expect(await screen.findByRole('heading', { level: 1, name: AGREEMENT.titleVi })).toBeTruthy();
  });
});
