#!/usr/bin/env node
/**
 * Browser smoke test of the overview screen and of signing in, against the built app (run `npm run build` first).
 *
 * Starts `node dist/src/cli/main.js serve` on a free port with a fresh embedded database (so the Gia Lai demo is
 * loaded, and its demo accounts are printed with their passwords), drives Debian Chromium through playwright-core
 * and prints one `ok - …` / `not ok - …` line per check, then `N passed, N failed`. Exits 1 when any check failed
 * or the run could not be set up.
 *
 *   npm run build && npm run test:browser
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), SMOKE_KEEP_LOG=1 to print the server log even on success.
 */
/* global process, console, setTimeout, clearTimeout, fetch, AbortSignal, URL, document -- Node script; `document` inside page.evaluate */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOTP, Secret } from 'otpauth';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WEB_INDEX = join(ROOT, 'dist', 'web', 'index.html');

const SERVER_READY_TIMEOUT_MS = 120_000; // first start loads the demo into a fresh database
const WATCHDOG_MS = 240_000; // hard stop: never hang, whatever happens
const STEP_TIMEOUT_MS = 20_000; // any single wait in the browser

const PROVINCE_OFFICER = { username: 'demo.tinh', displayName: 'Sở KH&CN Gia Lai (demo)' };
const ADMIN = { username: 'demo.admin', displayName: 'Quản trị (demo)' };
const COMMUNE_LABEL = 'Xã Ia O';
const COMMUNE_CODE = '60309134';
const PHONE = { width: 390, height: 844 };

const started = Date.now();
const results = [];
let server = null;
let serverLog = '';
let dataDir = null;
let browser = null;
let finished = false;

// ---------------------------------------------------------------------------------------------------------------
// Clean-up on every exit path.

function stopServerSync() {
  if (server && server.exitCode === null && server.signalCode === null) {
    try {
      server.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

function removeDataDirSync() {
  if (dataDir) {
    try {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}-coverage`, { recursive: true, force: true }); // the coverage outputs beside it
    } catch {
      // best effort
    }
    dataDir = null;
  }
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM'); // lets the server close the database cleanly
  const timer = setTimeout(() => stopServerSync(), 5_000);
  await exited;
  clearTimeout(timer);
}

async function cleanup() {
  if (browser) {
    const b = browser;
    browser = null;
    await Promise.race([b.close().catch(() => {}), sleep(5_000)]);
  }
  await stopServer();
  removeDataDirSync();
}

// Synchronous last resort (process.exit from anywhere, crashes): no child or temp dir is left behind.
process.on('exit', () => {
  stopServerSync();
  removeDataDirSync();
});

async function bail(message, error) {
  if (finished) return;
  finished = true;
  record(`run completes (${message})`, false);
  console.error(`\nsmoke test aborted: ${message}`);
  if (error) console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  printServerLog();
  await cleanup().catch(() => {});
  summary();
  process.exit(1);
}

process.on('uncaughtException', (error) => void bail('uncaught exception', error));
process.on('unhandledRejection', (error) => void bail('unhandled rejection', error));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => void bail(`received ${signal}`));
}
const watchdog = setTimeout(() => void bail(`still running after ${WATCHDOG_MS / 1000} s`), WATCHDOG_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------------------------
// Helpers.

function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

function record(name, passed, detail) {
  results.push({ name, passed });
  console.log(`${passed ? 'ok' : 'not ok'} - ${name}`);
  if (!passed && detail) {
    for (const line of String(detail).split('\n')) console.log(`    # ${line}`);
  }
}

/** Runs one check; a thrown error (timeout, missing element) counts as a failure with its message. */
async function check(name, body) {
  try {
    const detail = await body();
    record(name, detail === true || detail === undefined, detail === true ? undefined : detail);
  } catch (error) {
    record(name, false, error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error));
  }
}

/** Prints the final `N passed, N failed` line (always the last line of stdout). */
function summary() {
  const passed = results.filter((r) => r.passed).length;
  const failed = results.length - passed;
  console.log(`# run time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
}

function printServerLog() {
  if (!serverLog.trim()) return;
  const tail = serverLog.trim().split('\n').slice(-40).join('\n');
  console.error(`--- server output (last lines) ---\n${tail}\n--- end of server output ---`);
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function waitForServer(origin) {
  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`server exited early (code ${server.exitCode}, signal ${server.signalCode})`);
    }
    try {
      const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(3_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      last = `GET / answered ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`server not ready after ${SERVER_READY_TIMEOUT_MS / 1000} s (${last})`);
}

const bodyText = (page) => page.evaluate(() => document.body.innerText);

/** The demo passwords the server printed at its first start (`  demo.tinh   province_officer  <password>`). */
function demoPassword(username) {
  const line = serverLog.split('\n').find((l) => l.trim().startsWith(`${username} `));
  const password = line?.trim().split(/\s+/)[2];
  if (!password) throw new Error(`the server printed no demo password for ${username}`);
  return password;
}

/** The current code of an authenticator app holding `secret` (RFC 6238, as the server checks it). */
function totpNow(secret, username) {
  return new TOTP({ issuer: 'DX Compact', label: username, secret: Secret.fromBase32(secret) }).generate();
}

/** The page navigation's tab labels. */
const navTabs = (page) => page.locator('nav.app-nav a').allInnerTexts();

/** Signs in on the sign-in page with a username and password. */
async function submitPassword(page, username) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(demoPassword(username));
  await page.locator('form').getByRole('button', { name: 'Đăng nhập' }).click();
}
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

/** Waits until the page body shows `text` (the data arrives after the first paint). */
function waitForText(page, text, timeout = STEP_TIMEOUT_MS) {
  return page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout });
}

// ---------------------------------------------------------------------------------------------------------------
// The run.

async function main() {
  const missing = [SERVER_ENTRY, WEB_INDEX].filter((file) => !existsSync(file));
  if (missing.length) {
    console.error(
      `overview-smoke: the app is not built (missing ${missing.map((f) => f.slice(ROOT.length + 1)).join(', ')}).\n` +
        'Run `npm run build` first, then `npm run test:browser`.',
    );
    process.exit(1);
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'dx-smoke-'));
  server = spawn(process.execPath, [SERVER_ENTRY, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DX_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    serverLog += chunk.toString();
    if (serverLog.length > 200_000) serverLog = serverLog.slice(-100_000);
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);
  server.once('error', (error) => void bail('could not start the server', error));

  console.log(`# server: ${origin} (data dir ${dataDir})`);
  await waitForServer(origin);
  console.log(`# server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    timeout: 30_000,
  });

  // Problems seen by any page of the run: console errors, page errors, failed requests, same-origin 4xx/5xx.
  const problems = [];
  const watch = (page, label) => {
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`[${label}] console error: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`[${label}] page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(
        `[${label}] request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`,
      ),
    );
    page.on('response', (response) => {
      if (response.status() >= 400 && new URL(response.url()).origin === origin) {
        problems.push(`[${label}] HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      }
    });
    return page;
  };
  const newPage = async (label, options = {}) => {
    const context = await browser.newContext({ locale: 'vi-VN', ...options });
    return watch(await context.newPage(), label);
  };

  // (1) + (3): the overview in Vietnamese.
  const desktop = await newPage('desktop', { viewport: { width: 1366, height: 900 } });
  await check('overview at / shows 99,21 and 99,56, the demo banner and areas A1…A8', async () => {
    await desktop.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
    await waitForText(desktop, '99,21');
    // Figures and area codes inside <main> (the unit <select>'s option texts are part of body.innerText).
    const text = await desktop.locator('main').innerText();
    const missingBits = ['99,21', '99,56'].filter((bit) => !text.includes(bit));
    if (!(await bodyText(desktop)).includes('Dữ liệu minh họa')) missingBits.push('Dữ liệu minh họa');
    const areas = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'];
    const missingAreas = areas.filter(
      (code) => !new RegExp(`(^|[^\\p{L}\\p{N}])${code}([^\\p{L}\\p{N}]|$)`, 'u').test(text),
    );
    const missingAll = [...missingBits, ...missingAreas];
    return missingAll.length === 0 || `missing on the page: ${missingAll.map((m) => JSON.stringify(m)).join(', ')}`;
  });

  await check("document language is 'vi'", async () => {
    const lang = await htmlLang(desktop);
    return lang === 'vi' || `document.documentElement.lang is ${JSON.stringify(lang)}`;
  });

  // (4): switch to English.
  await check("the EN button switches to English: 99.21 and lang 'en'", async () => {
    await desktop.getByRole('button', { name: 'EN', exact: true }).click();
    await waitForText(desktop, '99.21');
    await desktop.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5_000 });
    return true;
  });

  // (5): pick a commune in a fresh (Vietnamese) page.
  const commune = await newPage('commune', { viewport: { width: 1366, height: 900 } });
  await check(
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
      const heading = commune.locator('h1');
      await heading.filter({ hasText: 'Ia O' }).first().waitFor({ state: 'visible' });
      return true;
    },
  );

  // (6): phone width, province overview and a commune page.
  const phone = await newPage('phone', { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await check(`no horizontal scroll at ${PHONE.width}×${PHONE.height} (overview and commune)`, async () => {
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

  // (7): the public and signing in.
  const apiRequests = [];
  const visitor = await newPage('visitor', { viewport: { width: 1366, height: 900 } });
  visitor.on('request', (request) => apiRequests.push(new URL(request.url()).pathname));
  await check('the public sees 99,21, a "Đăng nhập" button and only the public pages', async () => {
    await visitor.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
    await waitForText(visitor, '99,21');
    await visitor.locator('header').getByRole('link', { name: 'Đăng nhập' }).waitFor({ state: 'visible' });
    await visitor.waitForLoadState('networkidle', { timeout: STEP_TIMEOUT_MS }); // the cards' lazy chunks too
    const tabs = await navTabs(visitor);
    return tabs.join('|') === 'Tổng quan|Bản đồ|Thỏa thuận' || `navigation tabs: ${tabs.join(', ')}`;
  });

  await check('the public map shows the reported figures and asks for no coverage run', async () => {
    await visitor.goto(`${origin}/ban-do`, { waitUntil: 'domcontentloaded' });
    await waitForText(visitor, 'Toàn tỉnh: 99,21');
    await waitForText(visitor, 'Đăng nhập để xem kết quả mô hình phủ sóng');
    // Leaving while the map's own chunks still load would abort them (a failed request below, not an app fault).
    await visitor.waitForLoadState('networkidle', { timeout: STEP_TIMEOUT_MS });
    const runs = apiRequests.filter((path) => path.startsWith('/api/coverage/runs'));
    return runs.length === 0 || `requested ${runs.join(', ')}`;
  });

  await check('the import page asks the public to sign in, and leads back to it after signing in', async () => {
    await visitor.goto(`${origin}/nhap-so-lieu`, { waitUntil: 'domcontentloaded' });
    await waitForText(visitor, 'Cần đăng nhập');
    const asked = apiRequests.filter((path) => /^\/api\/(imports|validation)/.test(path));
    if (asked.length) return `requested ${asked.join(', ')}`;
    await visitor.locator('main').getByRole('link', { name: 'Đăng nhập' }).click();
    await visitor.waitForURL((url) => url.pathname === '/dang-nhap');
    await submitPassword(visitor, PROVINCE_OFFICER.username);
    await visitor.waitForURL((url) => url.pathname === '/nhap-so-lieu');
    await visitor.getByRole('heading', { name: 'Tải tệp lên và kiểm tra' }).waitFor({ state: 'visible' });
    await waitForText(visitor, `tài khoản ${PROVINCE_OFFICER.username}`);
    if ((await visitor.getByLabel('Người nhập').count()) > 0) return 'the import page still asks for a name';
    return true;
  });

  await check(`signed in, the header shows "${PROVINCE_OFFICER.displayName}" and the officer's pages`, async () => {
    const header = visitor.locator('header');
    await header.getByText(PROVINCE_OFFICER.displayName).waitFor({ state: 'visible' });
    await header.getByRole('button', { name: 'Đăng xuất' }).waitFor({ state: 'visible' });
    const tabs = await navTabs(visitor);
    return (
      tabs.join('|') === 'Tổng quan|Bản đồ|Nhập liệu|Phê duyệt|Nhập từ tệp|Kiểm tra số liệu|Thỏa thuận|Quản trị' ||
      `navigation tabs: ${tabs.join(', ')}`
    );
  });

  await check('"Đăng xuất" signs out: "Đăng nhập" is back and the import page is closed again', async () => {
    await visitor.locator('header').getByRole('button', { name: 'Đăng xuất' }).click();
    await visitor.locator('header').getByRole('link', { name: 'Đăng nhập' }).waitFor({ state: 'visible' });
    await waitForText(visitor, 'Cần đăng nhập');
    const me = await visitor.evaluate(async () => (await fetch('/api/auth/me')).json());
    const tabs = await navTabs(visitor);
    if (me.signedIn) return 'the server still has the session';
    return tabs.join('|') === 'Tổng quan|Bản đồ|Thỏa thuận' || `navigation tabs: ${tabs.join(', ')}`;
  });

  const admin = await newPage('admin', { viewport: { width: 1366, height: 900 } });
  await check('an administrator sets up two-factor sign-in: secret, first code, ten recovery codes', async () => {
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
    return true;
  });

  // (2): everything the pages saw along the way.
  await check('no console errors, page errors, failed requests or HTTP errors', async () => {
    await sleep(300); // let late events arrive
    return problems.length === 0 || problems.slice(0, 20).join('\n');
  });
}

try {
  await main();
} catch (error) {
  await bail(error instanceof Error ? error.message : String(error), error);
}
if (!finished) {
  finished = true;
  await cleanup();
  const failed = results.filter((r) => !r.passed).length;
  if (failed > 0 || process.env.SMOKE_KEEP_LOG) printServerLog();
  summary();
  process.exit(failed > 0 ? 1 : 0);
}
