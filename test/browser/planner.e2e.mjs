#!/usr/bin/env node
/**
 * Browser test of the 5G planning page against the built app (run `npm run build` first), on the shared harness:
 * a province officer makes a 10-site plan with the border settlements first, watches it run, and gets its result —
 * the proven gap, the sites table in build order, the map with the newly covered cells drawn, the downloads — then
 * finds it in the saved scenarios. Screenshots in test-artifacts/planner.
 *
 *   npm run build && npm run test:e2e -- planner
 */
/* global document, fetch -- `document` and `fetch` inside page.evaluate */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DESKTOP, ROOT, STEP_TIMEOUT_MS, startRun, waitForText } from './harness.mjs';

const SHOTS = join(ROOT, 'test-artifacts', 'planner');
mkdirSync(SHOTS, { recursive: true });
const NAME = 'Biên giới trước (e2e)';

const run = await startRun('planner', { watchdogMs: 420_000 });
const { origin } = run;
const page = await run.newPage('officer', { viewport: DESKTOP });
await run.signIn(page, 'demo.tinh');

await run.check('the officer opens "Quy hoạch 5G" from the navigation and sees the form', async () => {
  await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
  await page.locator('nav.app-nav').getByRole('link', { name: 'Quy hoạch 5G' }).click();
  await page.waitForURL((url) => url.pathname === '/quy-hoach-5g');
  await page.getByLabel('Tên phương án').waitFor({ state: 'visible' });
});

await run.check('a 10-site plan with the border settlements first runs to its result with a proven gap', async () => {
  await page.getByLabel('Tên phương án').fill(NAME);
  await page.getByLabel('Số trạm tối đa').fill('10');
  await page.getByLabel('Phủ sóng trước khu dân cư chính của mỗi xã biên giới').check();
  await page.getByLabel('Cạnh ô lưới (km)').fill('6');
  await page.getByRole('button', { name: 'Lập phương án' }).click();
  await waitForText(page, `Kết quả: ${NAME}`, 240_000);
  // Compared in lower case: the projection tag is set in capitals by CSS, which innerText follows.
  const text = (await page.locator('main').innerText()).toLocaleLowerCase('vi');
  const missing = ['Khoảng cách tối đa tới tối ưu', 'Dự báo', 'Các trạm theo thứ tự xây', 'Khu dân cư ưu tiên'].filter(
    (bit) => !text.includes(bit.toLocaleLowerCase('vi')),
  );
  return missing.length === 0 || `missing: ${missing.join(', ')}`;
});

await run.check('the sites table lists the plan in build order 1…n', async () => {
  const table = page.locator('table', { has: page.getByRole('columnheader', { name: 'Thứ tự' }) }).first();
  const orders = (await table.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim());
  if (orders.length === 0 || orders.length > 10) return `${orders.length} rows`;
  return orders.every((o, i) => o === String(i + 1)) || `orders ${orders.join(', ')}`;
});

await run.check('the map draws the sites and the new-coverage layer, and the downloads answer', async () => {
  await page.locator('.planner-map canvas.maplibregl-canvas').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const layer = await page
    .waitForResponse((r) => r.url().includes('/new-coverage.png'), { timeout: STEP_TIMEOUT_MS })
    .catch(() => null);
  if (layer && layer.status() !== 200) return `new-coverage.png answered ${layer.status()}`;
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(SHOTS, 'result-1366x768.png'), fullPage: true });
  const links = await page.locator('a[href*="/sites."]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  if (links.length < 3) return `download links: ${links.join(', ')}`;
  const answers = await page.evaluate(
    async (hrefs) => Promise.all(hrefs.map(async (h) => (await fetch(h)).status)),
    links,
  );
  return answers.every((s) => s === 200) || `downloads answered ${answers.join(', ')}`;
});

await run.check('the plan is listed among the saved scenarios', async () => {
  await page.waitForFunction((name) => document.body.innerText.includes(name), NAME, { timeout: STEP_TIMEOUT_MS });
  const rows = await page.locator('table tr', { hasText: NAME }).count();
  return rows > 0 || 'not in the list';
});

await run.finish();
