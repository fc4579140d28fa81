#!/usr/bin/env node
/**
 * Browser test of the map page against the built app (run `npm run build` first).
 *
 * Starts `node dist/src/cli/main.js serve` on a free port with a fresh embedded database (the Gia Lai demo is
 * loaded), drives Debian Chromium through playwright-core and prints one `ok - …` / `not ok - …` line per check,
 * then `N passed, N failed`. Exits 1 when any check failed or the run could not be set up. Checks: the communes
 * are drawn (the map canvas has the choropleth's colours, the names layer has text), a click on a commune opens a
 * popup with its name and a link to its profile, another indicator and period are taken into the URL, and on a
 * 360 px phone the map comes first and a tap opens the popup. Screenshots are kept in MAP_E2E_SCREENSHOTS
 * (default test-artifacts/map).
 *
 *   npm run build && npm run test:e2e -- map
 *
 * Env: CHROMIUM_PATH (default /usr/bin/chromium), MAP_E2E_KEEP_LOG=1 to print the server log even on success.
 */
/* global process, console, setTimeout, clearTimeout, fetch, AbortSignal, URL, document -- Node script; `document` inside page.evaluate */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_ENTRY = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WEB_INDEX = join(ROOT, 'dist', 'web', 'index.html');
const SCREENSHOTS = resolve(process.env.MAP_E2E_SCREENSHOTS ?? join(ROOT, 'test-artifacts', 'map'));

const SERVER_READY_TIMEOUT_MS = 120_000; // first start loads the demo into a fresh database
const WATCHDOG_MS = 240_000; // hard stop: never hang, whatever happens
const STEP_TIMEOUT_MS = 20_000; // any single wait in the browser

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
/** The choropleth's palette (web/src/map/choropleth.ts): a drawn commune has one of these colours, or a blend. */
const PALETTE = ['#f0f9e8', '#bae4bc', '#7bccc4', '#43a2ca', '#0868ac'];
/** The empty map's background (CoverageMap.tsx), close to the palette's lightest colour. */
const BACKGROUND = '#eef2f6';

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

process.on('exit', () => {
  stopServerSync();
  removeDataDirSync();
});

async function bail(message, error) {
  if (finished) return;
  finished = true;
  record(`run completes (${message})`, false);
  console.error(`\nmap test aborted: ${message}`);
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

function summary() {
  const passed = results.filter((r) => r.passed).length;
  console.log(`# run time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${results.length - passed} failed`);
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

const hex = (color) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
const PALETTE_RGB = PALETTE.map(hex);
const BACKGROUND_RGB = hex(BACKGROUND);
const distance = (a, b) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);

/** Share of the map's pixels that are close to a palette colour: the communes' fill, not the empty background. */
async function choroplethShare(page) {
  const png = PNG.sync.read(await page.locator('.map-canvas canvas.maplibregl-canvas').screenshot());
  let coloured = 0;
  const total = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const pixel = [png.data[i], png.data[i + 1], png.data[i + 2]];
    const nearest = Math.min(...PALETTE_RGB.map((c) => distance(pixel, c)));
    // A commune's fill (drawn at 88 % opacity over the background), not the background itself.
    if (nearest < 40 && nearest < distance(pixel, BACKGROUND_RGB)) coloured++;
  }
  return coloured / total;
}

/** Pixels the names layer has drawn (it is a 2D canvas above the map). */
const labelPixels = (page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('canvas.map-labels');
    const context = canvas?.getContext('2d');
    if (!canvas || !context || !canvas.width) return 0;
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) drawn++;
    return drawn;
  });

/** Waits until the communes are coloured on the map (the data and the map's chunk arrive after the first paint). */
async function waitForCommunes(page) {
  await page.locator('main[aria-busy="false"]').waitFor({ state: 'attached' });
  await page.locator('.map-canvas canvas.maplibregl-canvas').waitFor({ state: 'visible' });
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let share = 0;
  while (Date.now() < deadline) {
    share = await choroplethShare(page);
    if (share > 0.05) return share;
    await sleep(300);
  }
  throw new Error(`the map shows no coloured communes (${(share * 100).toFixed(1)} % of its pixels)`);
}

/** Clicks (or taps) the map at a fraction of its size until a commune's popup opens; returns its name. */
async function openPopup(page, { tap = false } = {}) {
  const box = await page.locator('.map-canvas canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('the map canvas has no box');
  for (const [fx, fy] of [
    [0.5, 0.5],
    [0.45, 0.55],
    [0.55, 0.45],
    [0.4, 0.6],
  ]) {
    const x = box.x + box.width * fx;
    const y = box.y + box.height * fy;
    if (tap) await page.touchscreen.tap(x, y);
    else await page.mouse.click(x, y);
    const popup = page.locator('.maplibregl-popup .map-popup-name');
    if (
      await popup.waitFor({ state: 'visible', timeout: 3_000 }).then(
        () => true,
        () => false,
      )
    ) {
      return (await popup.innerText()).trim();
    }
  }
  throw new Error('no popup opened after clicking four places on the map');
}

async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

// ---------------------------------------------------------------------------------------------------------------
// The run.

async function main() {
  const missing = [SERVER_ENTRY, WEB_INDEX].filter((file) => !existsSync(file));
  if (missing.length) {
    console.error(
      `map.e2e: the app is not built (missing ${missing.map((f) => f.slice(ROOT.length + 1)).join(', ')}).\n` +
        'Run `npm run build` first, then `npm run test:e2e -- map`.',
    );
    process.exit(1);
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'dx-map-e2e-'));
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

  const problems = [];
  const newPage = async (label, options) => {
    const context = await browser.newContext({ locale: 'vi-VN', ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`[${label}] console error: ${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`[${label}] page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // Leaving a page aborts its pending reads; that is not a fault of the app.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(
        `[${label}] request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`,
      );
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && new URL(response.url()).origin === origin) {
        problems.push(`[${label}] HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      }
    });
    return page;
  };

  // ---- Desktop.
  const desktop = await newPage('desktop', { viewport: DESKTOP });
  await check('the map draws the communes coloured by 4G coverage, with their names, and no tile server', async () => {
    const outside = [];
    desktop.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) outside.push(request.url());
    });
    await desktop.goto(`${origin}/ban-do`, { waitUntil: 'domcontentloaded' });
    const share = await waitForCommunes(desktop);
    await desktop.waitForFunction(() => document.body.innerText.includes('Toàn tỉnh: 99,21'), null, {
      timeout: STEP_TIMEOUT_MS,
    });
    const names = await labelPixels(desktop);
    await screenshot(desktop, 'map-desktop');
    if (names < 500) return `the names layer drew ${names} pixels`;
    if (outside.length) return `requests outside the app: ${outside.slice(0, 3).join(', ')}`;
    console.log(`    # communes cover ${(share * 100).toFixed(0)} % of the map; names ${names} px`);
    return true;
  });

  await check('the choices are beside the map on a desktop, not below it', async () => {
    const map = await desktop.locator('.map-frame').boundingBox();
    const controls = await desktop.locator('.map-controls').boundingBox();
    if (!map || !controls) return 'map or controls not found';
    return (
      (controls.x >= map.x + map.width - 1 && controls.y < map.y + map.height) ||
      `map ${JSON.stringify(map)}, controls ${JSON.stringify(controls)}`
    );
  });

  let clickedName = '';
  await check('clicking a commune opens a popup with its name, and selects it', async () => {
    clickedName = await openPopup(desktop);
    await desktop.waitForURL(
      (url) => /^\d+$/.test(url.searchParams.get('unit') ?? '') && url.searchParams.get('unit') !== '24',
    );
    const selected = await desktop.locator('#map-commune option:checked').innerText();
    await screenshot(desktop, 'map-desktop-popup');
    if (!clickedName) return 'the popup has no name';
    return selected.trim() === clickedName || `popup "${clickedName}", list "${selected.trim()}"`;
  });

  await check("the popup's profile link opens the commune's profile", async () => {
    const unit = new URL(desktop.url()).searchParams.get('unit');
    const link = desktop.locator('.maplibregl-popup a.map-popup-link');
    const href = await link.getAttribute('href');
    if (!href?.startsWith(`/xa/${unit}`)) return `the link goes to ${href}`;
    await link.click();
    await desktop.waitForURL((url) => url.pathname === `/xa/${unit}`);
    await desktop.locator('h1').filter({ hasText: clickedName }).waitFor({ state: 'visible' });
    await desktop.getByRole('heading', { name: 'Phủ sóng di động' }).waitFor({ state: 'visible' });
    await screenshot(desktop, 'commune-desktop');
    return true;
  });

  await check('another indicator and a month are taken into the URL and the legend', async () => {
    await desktop.goto(`${origin}/ban-do`, { waitUntil: 'domcontentloaded' });
    await waitForCommunes(desktop);
    await desktop.locator('#map-indicator').selectOption('SITES_5G');
    await desktop.waitForURL((url) => url.searchParams.get('indicator') === 'SITES_5G');
    await desktop.locator('.map-legend').filter({ hasText: 'Số trạm phát sóng 5G' }).waitFor({ state: 'visible' });
    const monthOptions = desktop.locator('#map-period optgroup[label="Tháng"] option');
    // The months with data are read for the new indicator after it is chosen.
    await monthOptions.first().waitFor({ state: 'attached' });
    const months = await monthOptions.evaluateAll((options) => options.map((o) => o.value));
    if (months.length === 0) return 'the period list has no months';
    await desktop.locator('#map-period').selectOption(months[0]);
    await desktop.waitForURL((url) => url.searchParams.get('period') === months[0]);
    await waitForCommunes(desktop);
    return true;
  });

  // ---- Phone.
  const phone = await newPage('phone', { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await check(`on a ${PHONE.width} px phone the map comes first and a tap opens the commune's popup`, async () => {
    await phone.goto(`${origin}/ban-do`, { waitUntil: 'domcontentloaded' });
    await waitForCommunes(phone);
    const map = await phone.locator('.map-frame').boundingBox();
    const controls = await phone.locator('.map-controls').boundingBox();
    if (!map || !controls || !(map.y < controls.y)) return 'the choices come before the map';
    if (map.y > PHONE.height * 0.6) return `the map starts at ${Math.round(map.y)} px, below the first view`;
    const name = await openPopup(phone, { tap: true });
    await screenshot(phone, 'map-phone-popup');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width + 1) return `the page scrolls sideways (${width} px)`;
    const link = await phone.locator('.maplibregl-popup a.map-popup-link').boundingBox();
    if (!link || link.height < 44) return `the profile link is ${link?.height ?? 0} px high`;
    return Boolean(name) || 'the popup has no name';
  });

  await check('no console errors, page errors, failed requests or HTTP errors', async () => {
    await sleep(300);
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
  if (failed > 0 || process.env.MAP_E2E_KEEP_LOG) printServerLog();
  console.log(`# screenshots in ${SCREENSHOTS}`);
  summary();
  process.exit(failed > 0 ? 1 : 0);
}
