/**
 * What every browser test needs: the built app started on a fresh embedded database (so the Gia Lai demo and its
 * demo accounts are loaded), Debian Chromium through playwright-core, sign-in (with two-factor set up when the
 * account requires it), `ok - …` / `not ok - …` lines and a clean exit on every path.
 *
 *   const run = await startRun('entry');           // server + browser; exits 1 if the app is not built
 *   const page = await run.newPage('phone', { viewport: { width: 360, height: 740 } });
 *   await run.signIn(page, 'demo.xa');
 *   await run.check('…', async () => true || 'why it failed');
 *   await run.finish();                            // prints `N passed, N failed`, exits 0 or 1
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), E2E_KEEP_LOG=1 prints the server log even on success.
 */
/* global process, console, setTimeout, clearTimeout, fetch, AbortSignal, URL, document -- Node script */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOTP, Secret } from 'otpauth';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WEB_INDEX = join(ROOT, 'dist', 'web', 'index.html');

const SERVER_READY_TIMEOUT_MS = 120_000; // the first start loads the demo into a fresh database
export const STEP_TIMEOUT_MS = 20_000;
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1366, height: 768 };

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

export function freePort() {
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

/** Waits until the page body shows `text` (the data arrives after the first paint). */
export function waitForText(page, text, timeout = STEP_TIMEOUT_MS) {
  return page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout });
}

/** The current code of an authenticator app holding `secret` (RFC 6238, as the server checks it). */
export function totpNow(secret, username) {
  return new TOTP({ issuer: 'DX Compact', label: username, secret: Secret.fromBase32(secret) }).generate();
}

/** Starts the built app on a fresh data directory; resolves once `GET /` answers 200. */
export async function startServer(extraEnv = {}) {
  const missing = [SERVER_ENTRY, WEB_INDEX].filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `the app is not built (missing ${missing.map((f) => f.slice(ROOT.length + 1)).join(', ')}); run \`npm run build\``,
    );
  }
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'dx-e2e-'));
  const child = spawn(process.execPath, [SERVER_ENTRY, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DX_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = { origin, dataDir, child, log: '' };
  const keep = (chunk) => {
    server.log += chunk.toString();
    if (server.log.length > 200_000) server.log = server.log.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited early (code ${child.exitCode}, signal ${child.signalCode})\n${server.log}`);
    }
    try {
      const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(3_000) });
      await response.arrayBuffer();
      if (response.status === 200) return server;
      last = `GET / answered ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`server not ready after ${SERVER_READY_TIMEOUT_MS / 1000} s (${last})`);
}

/** Stops the server (SIGTERM so the database closes cleanly, SIGKILL after 5 s) and removes its data. */
export async function stopServer(server) {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  removeData(server);
}

/** The data directory and the coverage outputs the server writes beside it (`<data dir>-coverage`). */
function removeData(server) {
  for (const dir of [server.dataDir, `${server.dataDir}-coverage`]) rmSync(dir, { recursive: true, force: true });
}

/** The demo passwords the server printed at its first start (`  demo.tinh   province_officer  <password>`). */
export function demoPassword(server, username) {
  const line = server.log.split('\n').find((l) => l.trim().startsWith(`${username} `));
  const password = line?.trim().split(/\s+/)[2];
  if (!password) throw new Error(`the server printed no demo password for ${username}`);
  return password;
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}

/**
 * One test run: a server, a browser, the checks' results and the problems pages reported (console errors, page
 * errors, failed requests, same-origin HTTP errors other than the ones a test expects). With
 * `abortedRequestsAreProblems`, a cancelled request counts too: for a run that waits for the network to settle
 * before it leaves a page, an aborted request means the app dropped work it started.
 */
export async function startRun(
  name,
  { watchdogMs = 300_000, serverEnv = {}, abortedRequestsAreProblems = false } = {},
) {
  const started = Date.now();
  const results = [];
  const problems = [];
  const totpSecrets = new Map();
  const lastCodes = new Map();
  let server = null;
  let browser = null;
  let finished = false;

  const record = (label, passed, detail) => {
    results.push({ label, passed });
    console.log(`${passed ? 'ok' : 'not ok'} - ${label}`);
    if (!passed && detail) for (const line of String(detail).split('\n')) console.log(`    # ${line}`);
  };
  const summary = () => {
    const passed = results.filter((r) => r.passed).length;
    console.log(`# ${name}: run time ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, ${results.length - passed} failed`);
  };
  const printLog = () => {
    if (!server?.log.trim()) return;
    console.error(`--- server output (last lines) ---\n${server.log.trim().split('\n').slice(-40).join('\n')}\n---`);
  };
  const cleanup = async () => {
    if (browser) await Promise.race([browser.close().catch(() => {}), sleep(5_000)]);
    browser = null;
    if (server) await stopServer(server).catch(() => {});
    server = null;
  };
  const bail = async (message, error) => {
    if (finished) return;
    finished = true;
    record(`run completes (${message})`, false, error instanceof Error ? error.stack : undefined);
    printLog();
    await cleanup();
    summary();
    process.exit(1);
  };
  process.on('uncaughtException', (error) => void bail('uncaught exception', error));
  process.on('unhandledRejection', (error) => void bail('unhandled rejection', error));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void bail(`received ${signal}`));
  process.on('exit', () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    if (server) removeData(server);
  });
  setTimeout(() => void bail(`still running after ${watchdogMs / 1000} s`), watchdogMs).unref();

  try {
    server = await startServer(serverEnv);
    browser = await launchBrowser();
  } catch (error) {
    await bail('could not start', error);
  }
  console.log(`# ${name}: server ${server.origin}`);
  const origin = server.origin;

  const inFlightOf = new WeakMap();
  /**
   * Waits until the page has had no request in flight for `quietMs`: before a click that changes the session
   * (signing in or out refetches every query, and cancels one still running), so that a slow machine does not
   * turn the app's own cancellation into a failed request.
   */
  const settle = async (page, quietMs = 300) => {
    const inFlight = inFlightOf.get(page);
    if (!inFlight) return;
    const until = Date.now() + STEP_TIMEOUT_MS;
    let quietSince = Date.now();
    while (Date.now() < until) {
      if (inFlight() > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /** Problems matching `expected` (e.g. /HTTP 403/) are allowed for this page. */
  const newPage = async (label, options = {}, expected = []) => {
    const context = await browser.newContext({ locale: 'vi-VN', ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
    const report = (text) => {
      if (!expected.some((pattern) => pattern.test(text))) problems.push(`[${label}] ${text}`);
    };
    page.on('console', (msg) => msg.type() === 'error' && report(`console error: ${msg.text()}`));
    page.on('pageerror', (error) => report(`page error: ${error.message}`));
    let inFlight = 0;
    page.on('request', () => inFlight++);
    page.on('requestfinished', () => inFlight--);
    page.on('requestfailed', () => inFlight--);
    inFlightOf.set(page, () => inFlight);
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? '';
      // A request the app itself cancelled (navigation, a newer query) is not a problem, unless the run says so.
      if (abortedRequestsAreProblems || !/ERR_ABORTED/.test(failure))
        report(`request failed: ${request.method()} ${request.url()} (${failure})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && new URL(response.url()).origin === origin) {
        report(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      }
    });
    return page;
  };

  /** Signs in on the sign-in page; sets up two-factor on the first sign-in of an account that requires it. */
  const signIn = async (page, username) => {
    await page.goto(`${origin}/dang-nhap`, { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(demoPassword(server, username));
    await page.locator('form').getByRole('button', { name: 'Đăng nhập' }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => url.pathname !== '/dang-nhap', { timeout: STEP_TIMEOUT_MS }).then(() => 'in'),
      page
        .getByRole('button', { name: 'Bắt đầu thiết lập' })
        .waitFor({ timeout: STEP_TIMEOUT_MS })
        .then(() => 'setup'),
      page
        .getByLabel('Mã xác thực (6 chữ số)')
        .waitFor({ timeout: STEP_TIMEOUT_MS })
        .then(() => 'code'),
    ]);
    if (outcome === 'setup') {
      await page.getByRole('button', { name: 'Bắt đầu thiết lập' }).click();
      const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
      totpSecrets.set(username, secret);
      const code = totpNow(secret, username);
      lastCodes.set(username, code);
      await page.getByLabel('Nhập mã 6 chữ số').fill(code);
      await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
      await page.getByRole('button', { name: 'Tôi đã lưu các mã — tiếp tục' }).click();
    } else if (outcome === 'code') {
      const secret = totpSecrets.get(username);
      if (!secret) throw new Error(`${username} asks for a two-factor code this run never set up`);
      // A code is accepted once: wait for the next one when this account already used the current one.
      while (totpNow(secret, username) === lastCodes.get(username)) await sleep(1_000);
      const code = totpNow(secret, username);
      lastCodes.set(username, code);
      await page.getByLabel('Mã xác thực (6 chữ số)').fill(code);
      await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    }
    await page.waitForURL((url) => url.pathname !== '/dang-nhap');
    await page.locator('header').getByRole('button', { name: 'Đăng xuất' }).waitFor({ state: 'visible' });
  };

  /** Runs one check; a thrown error (timeout, missing element) counts as a failure with its message. */
  const check = async (label, body) => {
    try {
      const detail = await body();
      record(label, detail === true || detail === undefined, detail === true ? undefined : detail);
    } catch (error) {
      record(label, false, error instanceof Error ? error.message.split('\n').slice(0, 8).join('\n') : String(error));
    }
  };

  const finish = async () => {
    await check('no console errors, page errors, failed requests or unexpected HTTP errors', async () => {
      await sleep(300); // late events
      return problems.length === 0 || problems.slice(0, 20).join('\n');
    });
    finished = true;
    const failed = results.filter((r) => !r.passed).length;
    if (failed > 0 || process.env.E2E_KEEP_LOG) printLog();
    await cleanup();
    summary();
    process.exit(failed > 0 ? 1 : 0);
  };

  return { origin, server, browser, newPage, settle, signIn, check, finish, password: (u) => demoPassword(server, u) };
}
