#!/usr/bin/env node
/**
 * Browser smoke test of the overview screen and of signing in, against the built app (run `npm run build` first).
 *
 * Starts the app on a fresh embedded database (the Gia Lai demo, its demo accounts printed with their passwords),
 * drives Debian Chromium through playwright-core (test/browser/harness.mjs) and prints one `ok - …` / `not ok - …`
 * line per check, then `N passed, N failed`; exits 1 when any check failed or the run could not be set up.
 * Every page waits for the network to settle before it moves on, so here a cancelled request is a problem too.
 *
 *   npm run build && npm run test:browser
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), E2E_KEEP_LOG=1 to print the server log even on success.
 */
/* global document, fetch, URL -- `document` and `fetch` inside page.evaluate */
import { DESKTOP, PHONE, STEP_TIMEOUT_MS, startRun, totpNow, waitForText } from './harness.mjs';

const PROVINCE_OFFICER = { username: 'demo.tinh', displayName: 'Sở KH&CN Gia Lai (demo)' };
const ADMIN = { username: 'demo.admin', displayName: 'Quản trị (demo)' };
const COMMUNE_LABEL = 'Xã Ia O';
const COMMUNE_CODE = '60309134';
const PUBLIC_TABS = 'Tổng quan|Bản đồ|Thỏa thuận';
const OFFICER_TABS =
  'Tổng quan|Bản đồ|Quy hoạch 5G|Nhập liệu|Phê duyệt|Nhập từ tệp|Kiểm tra số liệu|Thỏa thuận|Quản trị';

const run = await startRun('overview smoke', { watchdogMs: 240_000, abortedRequestsAreProblems: true });
const { origin } = run;
const bodyText = (page) => page.evaluate(() => document.body.innerText);
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);
const navTabs = async (page) => (await page.locator('nav.app-nav a').allInnerTexts()).join('|');

/** Signs in with a username and password only (the two-factor set-up is a check of its own below). */
async function submitPassword(page, username) {
  await run.settle(page);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(run.password(username));
  await page.locator('form').getByRole('button', { name: 'Đăng nhập' }).click();
}

// The overview in Vietnamese, then in English.
const desktop = await run.newPage('desktop', { viewport: DESKTOP });
await run.check('overview at / shows 99,21 and 99,56, the demo banner and areas A1…A8', async () => {
  await desktop.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
  await waitForText(desktop, '99,21');
  // Figures and area codes inside <main> (the unit <select>'s option texts are part of body.innerText).
  const text = await desktop.locator('main').innerText();
  const missing = ['99,21', '99,56'].filter((bit) => !text.includes(bit));
  if (!(await bodyText(desktop)).includes('Dữ liệu minh họa')) missing.push('Dữ liệu minh họa');
  for (const code of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'])
    if (!new RegExp(`(^|[^\\p{L}\\p{N}])${code}([^\\p{L}\\p{N}]|$)`, 'u').test(text)) missing.push(code);
  return missing.length === 0 || `missing on the page: ${missing.map((m) => JSON.stringify(m)).join(', ')}`;
});

await run.check("document language is 'vi'", async () => {
  const lang = await htmlLang(desktop);
  return lang === 'vi' || `document.documentElement.lang is ${JSON.stringify(lang)}`;
});

await run.check("the EN button switches to English: 99.21 and lang 'en'", async () => {
  await desktop.getByRole('button', { name: 'EN', exact: true }).click();
  await waitForText(desktop, '99.21');
  await desktop.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5_000 });
});

// A commune picked in a fresh (Vietnamese) page.
const commune = await run.newPage('commune', { viewport: DESKTOP });
await run.check(
  `selecting "${COMMUNE_LABEL}" sets unit=${COMMUNE_CODE} in the URL and the heading shows it`,
  async () => {
    await commune.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
    await waitForText(commune, '99,21');
    const select = commune.locator('select.unit-select, select').first();
    await select.waitFor({ state: 'visible' });
    await commune.waitForFunction(() => !document.querySelector('select')?.disabled, null, {
      timeout: STEP_TIMEOUT_MS,
    });
    const chosen = await select.selectOption({ label: COMMUNE_LABEL });
    if (!chosen.includes(COMMUNE_CODE)) return `the option "${COMMUNE_LABEL}" has value ${JSON.stringify(chosen)}`;
    await commune.waitForURL((url) => url.searchParams.get('unit') === COMMUNE_CODE, { timeout: 10_000 });
    await commune.locator('h1').filter({ hasText: 'Ia O' }).first().waitFor({ state: 'visible' });
  },
);

// A phone: the province's overview and a commune's.
const phone = await run.newPage('phone', { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
await run.check(`no horizontal scroll at ${PHONE.width}×${PHONE.height} (overview and commune)`, async () => {
  const overflow = [];
  for (const [path, name] of [
    ['/', 'Gia Lai'],
    [`/?unit=${COMMUNE_CODE}`, 'Ia O'],
  ]) {
    await phone.goto(`${origin}${path}`, { waitUntil: 'domcontentloaded' });
    await phone.locator('main[aria-busy="false"] h1').filter({ hasText: name }).first().waitFor({ state: 'visible' });
    await phone.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width + 1) overflow.push(`${path}: scrollWidth ${width} > ${PHONE.width}`);
  }
  return overflow.length === 0 || overflow.join('\n');
});

// The public, then signing in and out.
const apiRequests = [];
const visitor = await run.newPage('visitor', { viewport: DESKTOP });
visitor.on('request', (request) => apiRequests.push(new URL(request.url()).pathname));
await run.check('the public sees 99,21, a "Đăng nhập" button and only the public pages', async () => {
  await visitor.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
  await waitForText(visitor, '99,21');
  await visitor.locator('header').getByRole('link', { name: 'Đăng nhập' }).waitFor({ state: 'visible' });
  await visitor.waitForLoadState('networkidle', { timeout: STEP_TIMEOUT_MS }); // the cards' lazy chunks too
  const tabs = await navTabs(visitor);
  return tabs === PUBLIC_TABS || `navigation tabs: ${tabs}`;
});

await run.check('the public map shows the reported figures and asks for no coverage run', async () => {
  await visitor.goto(`${origin}/ban-do`, { waitUntil: 'domcontentloaded' });
  await waitForText(visitor, 'Toàn tỉnh: 99,21');
  await waitForText(visitor, 'Đăng nhập để xem kết quả mô hình phủ sóng');
  // Leaving while the map's own chunks still load would abort them (a failed request, not an app fault).
  await visitor.waitForLoadState('networkidle', { timeout: STEP_TIMEOUT_MS });
  const runs = apiRequests.filter((path) => path.startsWith('/api/coverage/runs'));
  return runs.length === 0 || `requested ${runs.join(', ')}`;
});

await run.check('the import page asks the public to sign in, and leads back to it after signing in', async () => {
  await visitor.goto(`${origin}/nhap-so-lieu`, { waitUntil: 'domcontentloaded' });
  await waitForText(visitor, 'Cần đăng nhập');
  const asked = apiRequests.filter((path) => /^\/api\/(imports|validation)/.test(path));
  if (asked.length) return `requested ${asked.join(', ')}`;
  await run.settle(visitor);
  await visitor.locator('main').getByRole('link', { name: 'Đăng nhập' }).click();
  await visitor.waitForURL((url) => url.pathname === '/dang-nhap');
  await submitPassword(visitor, PROVINCE_OFFICER.username);
  await visitor.waitForURL((url) => url.pathname === '/nhap-so-lieu');
  await visitor.getByRole('heading', { name: 'Tải tệp lên và kiểm tra' }).waitFor({ state: 'visible' });
  await waitForText(visitor, `tài khoản ${PROVINCE_OFFICER.username}`);
  if ((await visitor.getByLabel('Người nhập').count()) > 0) return 'the import page still asks for a name';
});

await run.check(`signed in, the header shows "${PROVINCE_OFFICER.displayName}" and the officer's pages`, async () => {
  const header = visitor.locator('header');
  await header.getByText(PROVINCE_OFFICER.displayName).waitFor({ state: 'visible' });
  await header.getByRole('button', { name: 'Đăng xuất' }).waitFor({ state: 'visible' });
  const tabs = await navTabs(visitor);
  return tabs === OFFICER_TABS || `navigation tabs: ${tabs}`;
});

await run.check('"Đăng xuất" signs out: "Đăng nhập" is back and the import page is closed again', async () => {
  await run.settle(visitor);
  await visitor.locator('header').getByRole('button', { name: 'Đăng xuất' }).click();
  await visitor.locator('header').getByRole('link', { name: 'Đăng nhập' }).waitFor({ state: 'visible' });
  await waitForText(visitor, 'Cần đăng nhập');
  const me = await visitor.evaluate(async () => (await fetch('/api/auth/me')).json());
  if (me.signedIn) return 'the server still has the session';
  const tabs = await navTabs(visitor);
  return tabs === PUBLIC_TABS || `navigation tabs: ${tabs}`;
});

const admin = await run.newPage('admin', { viewport: DESKTOP });
await run.check('an administrator sets up two-factor sign-in: secret, first code, ten recovery codes', async () => {
  await admin.goto(`${origin}/dang-nhap`, { waitUntil: 'domcontentloaded' });
  await submitPassword(admin, ADMIN.username);
  await admin.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
  const secret = (await admin.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
  const uri = await admin.getByTestId('totp-uri').innerText();
  if (!uri.startsWith('otpauth://totp/') || !uri.includes(secret)) return `otpauth address: ${uri}`;
  await admin.getByLabel('Nhập mã 6 chữ số').fill(totpNow(secret, ADMIN.username));
  await admin.getByRole('button', { name: 'Xác nhận và bật' }).click();
  await admin.getByTestId('recovery-codes').waitFor({ state: 'visible' });
  const codes = await admin.getByTestId('recovery-codes').locator('li').allInnerTexts();
  if (codes.length !== 10 || !codes.every((c) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(c.trim())))
    return `recovery codes: ${codes.join(', ')}`;
  await admin.getByRole('button', { name: 'Tôi đã lưu các mã — tiếp tục' }).click();
  await admin.waitForURL((url) => url.pathname === '/');
  await admin.locator('header').getByText(ADMIN.displayName).waitFor({ state: 'visible' });
  await waitForText(admin, '99,21');
});

await run.finish();
