// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS, type Action, type Role } from '../../../../src/domain/auth/permissions.js';
import type { SessionState } from '../../../../src/domain/auth/session-contract.js';
import { createQueryClient } from '../../api/query-client.js';
import { sessionStore } from '../../api/session.js';
import i18n from '../../i18n.js';
import { unitTree } from '../../test-fixtures/overview.js';
import { AdminPage } from './AdminPage.js';
import { UsersAdmin } from './UsersAdmin.js';
import type { ApiToken, UserAccount } from './users/users-api.js';

const stateFor = (role: Role): SessionState => ({
  signedIn: true,
  signingIn: null,
  user: {
    username: 'quan.tri',
    displayName: 'Quản trị',
    role,
    party: null,
    units: [],
    totpEnabled: true,
    mustChangePassword: false,
    isDemo: false,
  },
  permissions: Object.entries(PERMISSIONS[role]).map(([action, scope]) => ({ action: action as Action, scope })),
  csrfToken: 'csrf-1',
  sso: null,
});

const ACCOUNTS: UserAccount[] = [
  {
    id: 3,
    oidcSubject: null,
    unitIds: [41],
    username: 'can.bo.xa',
    displayName: 'Nguyễn Văn An',
    role: 'commune_officer',
    partyCode: null,
    mustChangePassword: true,
    totpEnabled: false,
    disabled: false,
    isDemo: false,
    units: ['60331002'],
  },
];
const TOKENS: ApiToken[] = [
  {
    id: 7,
    prefix: 'a1b2c3d4e5f6',
    name: 'Hệ thống VNPT',
    partyCode: 'VNPT',
    permissions: ['value.import'],
    units: ['24'],
    createdBy: 'quan.tri',
    createdAt: '2026-01-02T03:04:05Z',
    expiresAt: '2099-11-24T00:00:00Z',
    revokedAt: null,
    lastUsedAt: null,
    lastUsedAddress: null,
    unitIds: [1],
  },
];

type Call = { route: string; body: unknown };
let calls: Call[] = [];
let role: Role = 'admin';

function json(body: unknown, status = 200) {
  const type = status < 400 ? 'application/json' : 'application/problem+json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

const ANSWERS: Record<string, () => Response> = {
  'GET /api/auth/me': () => json(stateFor(role)),
  'GET /api/org-units/tree': () => json(unitTree),
  'GET /api/users': () => json(ACCOUNTS),
  'GET /api/tokens': () => json(TOKENS),
  'POST /api/users': () => json({ account: { ...ACCOUNTS[0], username: 'moi' }, password: 'Mat-khau-tam-123456' }, 201),
  'PATCH /api/users/can.bo.xa': () => json({ ...ACCOUNTS[0], disabled: true }),
  'POST /api/users/can.bo.xa/password-reset': () => json({ password: 'Mat-khau-moi-987654' }),
  'POST /api/tokens': () =>
    json({ token: 'dxc_ffffffffffff_secret', info: { ...TOKENS[0], id: 8, name: 'Viettel' } }, 201),
  'POST /api/tokens/7/revoke': () => json({ revoked: true }),
};

beforeEach(async () => {
  calls = [];
  role = 'admin';
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://app.test');
      const route = `${init.method ?? 'GET'} ${url.pathname}`;
      calls.push({ route, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
      return ANSWERS[route]?.() ?? json({ title: 'Not found', status: 404 }, 404);
    }),
  );
  await sessionStore.load();
  void i18n.changeLanguage('vi');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderWith(element: React.ReactElement) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={['/quan-tri?tab=users']}>{element}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const sent = (route: string) => calls.find((c) => c.route === route);
const input = (scope: HTMLElement, label: RegExp, value: string) =>
  fireEvent.input(within(scope).getByLabelText(label), { target: { value } });

describe('the users and roles tab', () => {
  it('lists the accounts with role in words and units by name, and the API tokens', async () => {
    renderWith(<UsersAdmin />);
    const accounts = await screen.findByRole('region', { name: 'Danh sách tài khoản' });
    const row = within(accounts).getByRole('row', { name: /can\.bo\.xa/ });
    expect(row.textContent).toContain('Nguyễn Văn An');
    expect(row.textContent).toContain('Cán bộ xã, phường');
    expect(row.textContent).toContain('Chờ đổi mật khẩu');
    await within(row).findByText('Xã Đức Cơ');
    const tokens = await screen.findByRole('region', { name: 'Danh sách mã truy cập' });
    const tokenRow = within(tokens).getByRole('row', { name: /Hệ thống VNPT/ });
    expect(tokenRow.textContent).toContain('Nhập số liệu theo lô');
    expect(tokenRow.textContent).toContain('24/11/2099');
    expect(tokenRow.textContent).toContain('Chưa dùng');
  });

  it('refuses a bad username and a commune officer without units before asking the server', async () => {
    renderWith(<UsersAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tạo tài khoản' }));
    const form = screen.getByRole('form', { name: 'Tài khoản mới' });
    input(form, /Tên đăng nhập/, 'Có Dấu');
    input(form, /Họ tên/, 'Trần Thị Bình');
    fireEvent.change(within(form).getByLabelText('Vai trò'), { target: { value: 'commune_officer' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await within(form).findByText(/^2–64 ký tự/, { selector: '.field-error' })).toBeTruthy();
    expect(within(form).getByText('Cán bộ xã, phường cần ít nhất một đơn vị.')).toBeTruthy();
    expect(sent('POST /api/users')).toBeUndefined();
  });

  it('creates an account through POST /api/users and shows the generated password once', async () => {
    renderWith(<UsersAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tạo tài khoản' }));
    const form = screen.getByRole('form', { name: 'Tài khoản mới' });
    input(form, /Tên đăng nhập/, 'moi');
    input(form, /Họ tên/, 'Trần Thị Bình');
    fireEvent.change(within(form).getByLabelText('Vai trò'), { target: { value: 'commune_officer' } });
    fireEvent.click(await within(form).findByRole('checkbox', { name: /Xã Ia Grai/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await screen.findByText('Mat-khau-tam-123456')).toBeTruthy();
    expect(sent('POST /api/users')?.body).toEqual({
      username: 'moi',
      displayName: 'Trần Thị Bình',
      role: 'commune_officer',
      party: null,
      units: ['60331001'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Đã lưu, đóng lại' }));
    expect(screen.queryByText('Mat-khau-tam-123456')).toBeNull();
  });

  it('sends only what changed through PATCH, and resets a password shown once', async () => {
    renderWith(<UsersAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa tài khoản can.bo.xa' }));
    const form = screen.getByRole('form', { name: 'Sửa tài khoản can.bo.xa' });
    fireEvent.click(within(form).getByRole('button', { name: 'Cấp lại mật khẩu' }));
    expect(await within(form).findByText('Mat-khau-moi-987654')).toBeTruthy();
    expect(sent('POST /api/users/can.bo.xa/password-reset')).toBeTruthy();
    fireEvent.click(within(form).getByRole('checkbox', { name: /Khóa tài khoản/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByText('Đã lưu tài khoản can.bo.xa.')).toBeTruthy();
    expect(sent('PATCH /api/users/can.bo.xa')?.body).toEqual({ disabled: true });
  });

  it('creates a token (units required), shows it once with a copy button, and revokes one after confirming', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderWith(<UsersAdmin />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tạo mã truy cập' }));
    const form = screen.getByRole('form', { name: 'Mã truy cập mới' });
    input(form, /Tên hệ thống/, 'Viettel');
    fireEvent.click(within(form).getByRole('button', { name: 'Tạo mã truy cập' }));
    expect(await within(form).findByText('Chọn ít nhất một đơn vị.')).toBeTruthy();
    expect(sent('POST /api/tokens')).toBeUndefined();

    fireEvent.click(await within(form).findByRole('checkbox', { name: /Gia Lai/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Tạo mã truy cập' }));
    expect(await screen.findByText('dxc_ffffffffffff_secret')).toBeTruthy();
    expect(sent('POST /api/tokens')?.body).toEqual({
      name: 'Viettel',
      party: null,
      units: ['24'],
      permissions: ['value.import'],
      expiresInDays: 90,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sao chép' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith('dxc_ffffffffffff_secret'));

    fireEvent.click(screen.getByRole('button', { name: 'Thu hồi mã Hệ thống VNPT' }));
    expect(sent('POST /api/tokens/7/revoke')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Thu hồi ngay' }));
    await vi.waitFor(() => expect(sent('POST /api/tokens/7/revoke')).toBeTruthy());
  });

  it('shows the tab only to who may manage users or tokens', async () => {
    role = 'province_officer';
    await sessionStore.load();
    renderWith(<AdminPage />);
    expect(screen.getByRole('tab', { name: 'Chỉ số' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Người dùng và vai trò' })).toBeNull();
    cleanup();
    role = 'admin';
    await sessionStore.load();
    renderWith(<AdminPage />);
    expect(screen.getByRole('tab', { name: 'Người dùng và vai trò', selected: true })).toBeTruthy();
  });
});
