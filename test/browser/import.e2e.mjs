#!/usr/bin/env node
/**
 * End-to-end test of the import screen in Debian Chromium (playwright-core, no downloaded browser): builds the app
 * once (only when a source changed), starts the built server on a fresh embedded database (the Gia Lai demo, its
 * demo accounts printed with their passwords), signs in as the province officer (with two-factor when the server
 * asks for it), uploads a CSV with one bad row and checks that the preview names the row and the field in
 * Vietnamese, that the import button stays closed, and that nothing was written. Prints one `ok - …` /
 * `not ok - …` line per check, then `N passed, N failed`; screenshots go to test-artifacts/import/.
 *
 *   npm run test:e2e -- import
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), SMOKE_KEEP_LOG=1 to print the server log even on success.
 */
/* global process, console, setTimeout, clearTimeout, fetch, AbortSignal, document, FormData, Blob -- Node script; `document`, `FormData` and `Blob` inside page.evaluate */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
const COMMUNE_CODE = '60309134'; // Xã Ia O
const ARTEFACTS = join(ROOT, 'test-artifacts', 'import');

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
  console.error(`\nimport e2e test aborted: ${message}`);
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

/** Signs in on the sign-in page with a username and password. */
async function submitPassword(page, username) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(demoPassword(username));
  await page.locator('form').getByRole('button', { name: 'Đăng nhập' }).click();
}

// ---------------------------------------------------------------------------------------------------------------
// The run.

/** Two Ia O values for months the demo has not reported; the second is not a number. */
const PERIODS = ['2029-10', '2029-11'];
const BAD_CSV = [
  'Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị',
  `TEACHERS_TOTAL,${COMMUNE_CODE},${PERIODS[0]},12`,
  `TEACHERS_TOTAL,${COMMUNE_CODE},${PERIODS[1]},abc`,
].join('\n');

/** Signs in; sets up or answers two-factor when the server asks for it (a fresh account may have to). */
async function signIn(page, origin, username) {
  await page.goto(`${origin}/dang-nhap?next=/nhap-so-lieu`, { waitUntil: 'domcontentloaded' });
  await submitPassword(page, username);
  const setUp = page.getByRole('button', { name: 'Bắt đầu thiết lập' });
  const arrived = page.getByRole('heading', { name: 'Tải tệp lên và kiểm tra' });
  await Promise.race([setUp.waitFor({ state: 'visible' }), page.waitForURL((url) => url.pathname !== '/dang-nhap')]);
  if (await setUp.isVisible()) {
    await setUp.click();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    await page.getByLabel('Nhập mã 6 chữ số').fill(totpNow(secret, username));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByRole('button', { name: 'Tôi đã lưu các mã — tiếp tục' }).click();
  }
  await page.goto(`${origin}/nhap-so-lieu`, { waitUntil: 'domcontentloaded' });
  await arrived.waitFor({ state: 'visible' });
}

/** How many TEACHERS_TOTAL values of Ia O are stored for the file's months. */
async function storedCount(page) {
  return page.evaluate(
    async ([unit, [from, to]]) => {
      const answer = await fetch(`/api/indicator-values?indicator=TEACHERS_TOTAL&unit=${unit}&from=${from}&to=${to}`);
      if (!answer.ok) throw new Error(`GET /api/indicator-values answered ${answer.status}`);
      const body = await answer.json();
      return Array.isArray(body) ? body.length : (body.values ?? []).length;
    },
    [COMMUNE_CODE, PERIODS],
  );
}

async function main() {
  const build = spawnSync(process.execPath, [join(ROOT, 'tools', 'build-if-changed.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0 || [SERVER_ENTRY, WEB_INDEX].some((file) => !existsSync(file))) {
    console.error('import e2e: the build failed');
    process.exit(1);
  }
  mkdirSync(ARTEFACTS, { recursive: true });

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'dx-import-e2e-'));
  const csvFile = join(dataDir, 'bao-cao-thang-11.csv');
  writeFileSync(csvFile, BAD_CSV);
  server = spawn(process.execPath, [SERVER_ENTRY, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DX_DATA_DIR: join(dataDir, 'db'), LOG_LEVEL: 'warn' },
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
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  await check(`${PROVINCE_OFFICER.username} signs in and reaches the import page`, async () => {
    await signIn(page, origin, PROVINCE_OFFICER.username);
    await page.locator('header').getByText(PROVINCE_OFFICER.displayName).waitFor({ state: 'visible' });
    return true;
  });

  const before = await storedCount(page).catch(() => -1);

  await check('the preview of a file with one bad row names the row and the field in Vietnamese', async () => {
    await page.locator('input[type="file"]').setInputFiles(csvFile);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const alert = page.locator('.notice-error');
    await alert.waitFor({ state: 'visible' });
    const text = await alert.innerText();
    await page.screenshot({ path: join(ARTEFACTS, 'preview-error-1366.png'), fullPage: true });
    const wanted = ['chưa nhập gì', 'dòng 3', 'cột “Giá trị”', '"abc" không phải là số'];
    const missing = wanted.filter((bit) => !text.includes(bit));
    if (/is not a number|row 3/.test(text)) return `English in the Vietnamese page: ${text}`;
    return missing.length === 0 || `missing ${missing.map((m) => JSON.stringify(m)).join(', ')} in: ${text}`;
  });

  await check('the diff table lists the bad row as an error and the good one as new, filterable', async () => {
    await page.getByRole('button', { name: /^Lỗi \(1\)$/ }).click();
    const rows = page.locator('.diff-table tbody tr');
    const errorText = await rows.first().innerText();
    if ((await rows.count()) !== 1 || !errorText.includes('abc')) return `error filter shows: ${errorText}`;
    await page.getByRole('button', { name: /^Mới \(1\)$/ }).click();
    const newText = await rows.first().innerText();
    return (newText.includes(COMMUNE_CODE) && newText.includes('TEACHERS_TOTAL')) || `new filter shows: ${newText}`;
  });

  await check('the import button stays closed and says why', async () => {
    const button = page.getByRole('button', { name: 'Nhập vào hệ thống' });
    if (!(await button.isDisabled())) return 'the import button is enabled';
    await page.getByText('Chưa nhập được: sửa hết lỗi rồi tải tệp lên lại.').waitFor({ state: 'visible' });
    return true;
  });

  await check('a commit of the same file is refused (422, in Vietnamese) and nothing was written', async () => {
    const answer = await page.evaluate(async (csv) => {
      const me = await (await fetch('/api/auth/me')).json();
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'bao-cao-thang-11.csv');
      const response = await fetch('/api/imports?mode=commit', {
        method: 'POST',
        body: form,
        headers: { 'Accept-Language': 'vi', 'X-CSRF-Token': me.csrfToken ?? '' },
      });
      return { status: response.status, body: await response.json() };
    }, BAD_CSV);
    if (answer.status !== 422) return `commit answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`;
    if (!/chưa nhập gì/.test(answer.body.detail ?? '')) return `detail: ${answer.body.detail}`;
    const after = await storedCount(page);
    return after === before || `values stored for ${PERIODS.join(', ')}: ${before} before, ${after} after`;
  });

  await check('the page works at 360 px without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: join(ARTEFACTS, 'preview-error-360.png'), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    return width <= 361 || `scrollWidth ${width}`;
  });

  await check('no page errors', async () => pageErrors.length === 0 || pageErrors.join('\n'));
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
