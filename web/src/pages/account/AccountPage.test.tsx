// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '../../../../src/domain/auth/session-contract.js';
import { createQueryClient } from '../../api/query-client.js';
import { ANONYMOUS_STATE, sessionStore } from '../../api/session.js';
import i18n from '../../i18n.js';
import { unitTree } from '../../test-fixtures/overview.js';
import { AccountPage } from './AccountPage.js';

const SIGNED_IN: SessionState = {
  signedIn: true,
  signingIn: null,
  user: {
    username: 'can.bo.xa',
    displayName: 'Nguyễn Văn An',
    role: 'commune_officer',
    party: 'VNPT',
    units: ['60331002', '60331001'],
    totpEnabled: false,
    mustChangePassword: false,
    isDemo: false,
  },
  permissions: [
    { action: 'published.read', scope: 'all' },
    { action: 'account.self', scope: 'all' },
  ],
  csrfToken: 'csrf-1',
  sso: null,
};

type Call = { route: string; body: unknown };
let calls: Call[] = [];
let passwordAnswer: { status: number; body: unknown } = { status: 200, body: { changed: true } };

function json(body: unknown, status = 200) {
  const type = status < 400 ? 'application/json' : 'application/problem+json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

beforeEach(async () => {
  calls = [];
  passwordAnswer = { status: 200, body: { changed: true } };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input), 'http://app.test');
      const route = `${init.method ?? 'GET'} ${url.pathname}`;
      calls.push({ route, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
      if (route === 'GET /api/auth/me') return json(SIGNED_IN);
      if (route === 'GET /api/org-units/tree') return json(unitTree);
      if (route === 'POST /api/auth/password') return json(passwordAnswer.body, passwordAnswer.status);
      if (route === 'POST /api/auth/logout') return json(ANONYMOUS_STATE);
      return json({ title: 'Not found', status: 404 }, 404);
    }),
  );
  await sessionStore.load();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(lang: 'vi' | 'en' = 'vi') {
  void i18n.changeLanguage(lang);
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={['/tai-khoan']}>
        <AccountPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const passwordForm = () => screen.getByRole('region', { name: 'Đổi mật khẩu' });
function typePasswords(current: string, next: string, repeat = next) {
  const form = passwordForm();
  fireEvent.input(within(form).getByLabelText(/Mật khẩu hiện tại/), { target: { value: current } });
  fireEvent.input(within(form).getByLabelText(/^Mật khẩu mới/), { target: { value: next } });
  fireEvent.input(within(form).getByLabelText(/Nhập lại mật khẩu mới/), { target: { value: repeat } });
  fireEvent.click(within(form).getByRole('button', { name: 'Đổi mật khẩu' }));
}

describe('the account page', () => {
  it('shows the user, their role in words, party, units by name and two-factor state', async () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' })).toBeTruthy();
    const details = screen.getByRole('region', { name: 'Thông tin tài khoản' });
    expect(details.textContent).toContain('Nguyễn Văn An');
    expect(details.textContent).toContain('can.bo.xa');
    expect(details.textContent).toContain('Cán bộ xã, phường');
    expect(details.textContent).toContain('VNPT');
    expect(details.textContent).toContain('Chưa bật');
    expect(await within(details).findByText(/Xã Đức Cơ/)).toBeTruthy();
    expect(details.textContent).toContain('Xã Ia Grai');
  });

  it('asks the public to sign in instead', async () => {
    await sessionStore.signOut();
    renderPage();
    expect(screen.getByRole('heading', { name: 'Cần đăng nhập' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Đổi mật khẩu' })).toBeNull();
  });

  it('refuses a new password that does not repeat, without asking the server', async () => {
    renderPage();
    typePasswords('mat khau cu rat dai', 'mot cau rat de nho 2026', 'mot cau khac');
    expect(await screen.findByText('Hai lần nhập mật khẩu mới không khớp.')).toBeTruthy();
    expect(calls.some((c) => c.route === 'POST /api/auth/password')).toBe(false);
  });

  it('refuses a short new password with the policy’s words', async () => {
    renderPage();
    typePasswords('mat khau cu rat dai', 'ngan');
    expect(await screen.findByText('Mật khẩu mới cần ít nhất 12 ký tự.')).toBeTruthy();
    expect(calls.some((c) => c.route === 'POST /api/auth/password')).toBe(false);
  });

  it('changes the password through POST /api/auth/password and says so', async () => {
    renderPage();
    typePasswords('mat khau cu rat dai', 'mot cau rat de nho 2026');
    expect(await screen.findByText(/Đã đổi mật khẩu/)).toBeTruthy();
    const sent = calls.find((c) => c.route === 'POST /api/auth/password');
    expect(sent?.body).toEqual({ currentPassword: 'mat khau cu rat dai', newPassword: 'mot cau rat de nho 2026' });
  });

  it('shows a wrong current password on its field', async () => {
    passwordAnswer = {
      status: 401,
      body: { status: 401, code: 'auth.password_wrong', detail: 'The current password is wrong' },
    };
    renderPage();
    typePasswords('sai mat khau', 'mot cau rat de nho 2026');
    const current = await within(passwordForm()).findByLabelText(/Mật khẩu hiện tại/);
    await vi.waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'));
    expect(passwordForm().textContent).toContain('Mật khẩu hiện tại không đúng.');
    expect(screen.queryByText(/Đã đổi mật khẩu/)).toBeNull();
  });

  it('signs out through POST /api/auth/logout', async () => {
    renderPage();
    const panel = screen.getByRole('region', { name: 'Đăng xuất' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Đăng xuất' }));
    await vi.waitFor(() => expect(sessionStore.getSnapshot().state.signedIn).toBe(false));
    expect(calls.some((c) => c.route === 'POST /api/auth/logout')).toBe(true);
  });
});
