#!/usr/bin/env node
/**
 * Browser test of the map page against the built app (run `npm run build` first).
 *
 * Runs on the shared harness (harness.mjs: the built server on a fresh demo database, Chromium, `ok - …` lines).
 * Checks: the communes
 * are drawn (the map canvas has the choropleth's colours, the names layer has text), a click on a commune opens a
 * popup with its name and a link to its profile, another indicator and period are taken into the URL, and on a
 * 360 px phone the map comes first and a tap opens the popup. Screenshots are kept in MAP_E2E_SCREENSHOTS
 * (default test-artifacts/map).
 *
 *   npm run build && npm run test:e2e -- map
 *
 */
/* global process, console, URL, document -- Node script; `document` inside page.evaluate */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { DESKTOP, PHONE, ROOT, sleep, STEP_TIMEOUT_MS, startRun } from './harness.mjs';

const SCREENSHOTS = resolve(process.env.MAP_E2E_SCREENSHOTS ?? join(ROOT, 'test-artifacts', 'map'));
/** The choropleth's palette (web/src/map/choropleth.ts): a drawn commune has one of these colours, or a blend. */
const PALETTE = ['#f0f9e8', '#bae4bc', '#7bccc4', '#43a2ca', '#0868ac'];
/** The empty map's background (CoverageMap.tsx), close to the palette's lightest colour. */
const BACKGROUND = '#eef2f6';

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

const run = await startRun('map');
const { origin } = run;

// ---- Desktop.
const desktop = await run.newPage('desktop', { viewport: DESKTOP });
await run.check(
  'the map draws the communes coloured by 4G coverage, with their names, and no tile server',
  async () => {
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
  },
);

await run.check('the choices are beside the map on a desktop, not below it', async () => {
  const map = await desktop.locator('.map-frame').boundingBox();
  const controls = await desktop.locator('.map-controls').boundingBox();
  if (!map || !controls) return 'map or controls not found';
  return (
    (controls.x >= map.x + map.width - 1 && controls.y < map.y + map.height) ||
    `map ${JSON.stringify(map)}, controls ${JSON.stringify(controls)}`
  );
});

let clickedName = '';
await run.check('clicking a commune opens a popup with its name, and selects it', async () => {
  clickedName = await openPopup(desktop);
  await desktop.waitForURL(
    (url) => /^\d+$/.test(url.searchParams.get('unit') ?? '') && url.searchParams.get('unit') !== '24',
  );
  const selected = await desktop.locator('#map-commune option:checked').innerText();
  await screenshot(desktop, 'map-desktop-popup');
  if (!clickedName) return 'the popup has no name';
  return selected.trim() === clickedName || `popup "${clickedName}", list "${selected.trim()}"`;
});

await run.check("the popup's profile link opens the commune's profile", async () => {
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

await run.check('another indicator and a month are taken into the URL and the legend', async () => {
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
const phone = await run.newPage('phone', { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
await run.check(`on a ${PHONE.width} px phone the map comes first and a tap opens the commune's popup`, async () => {
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

console.log(`# screenshots in ${SCREENSHOTS}`);
await run.finish();
