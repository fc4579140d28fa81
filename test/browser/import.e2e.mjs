#!/usr/bin/env node
/**
 * End-to-end test of the import screen, on the shared harness (harness.mjs: the built server on a fresh demo
 * database, Chromium, sign-in): the province officer uploads a CSV with one bad row; the preview names the row and
 * the field in Vietnamese, the import button stays closed, a commit is refused and nothing was written.
 * Screenshots go to test-artifacts/import/.
 *
 *   npm run build && npm run test:e2e -- import
 */
/* global fetch, document, FormData, Blob -- `document`, `FormData` and `Blob` inside page.evaluate */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESKTOP, ROOT, startRun } from './harness.mjs';

const PROVINCE_OFFICER = { username: 'demo.tinh', displayName: 'Sở KH&CN Gia Lai (demo)' };
const COMMUNE_CODE = '60309134'; // Xã Ia O
const ARTEFACTS = join(ROOT, 'test-artifacts', 'import');

/** Two Ia O values for months the demo has not reported; the second is not a number. */
const PERIODS = ['2029-10', '2029-11'];
const BAD_CSV = [
  'Mã chỉ tiêu,Mã đơn vị,Kỳ,Giá trị',
  `TEACHERS_TOTAL,${COMMUNE_CODE},${PERIODS[0]},12`,
  `TEACHERS_TOTAL,${COMMUNE_CODE},${PERIODS[1]},abc`,
].join('\n');

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

mkdirSync(ARTEFACTS, { recursive: true });
const fileDir = mkdtempSync(join(tmpdir(), 'dx-import-e2e-'));
const csvFile = join(fileDir, 'bao-cao-thang-11.csv');
writeFileSync(csvFile, BAD_CSV);

const run = await startRun('import');
const { origin } = run;
// The refused commit answers 422 by design (and the browser logs it).
const page = await run.newPage('import', { viewport: DESKTOP }, [/HTTP 422: POST .*\/api\/imports/, /status of 422/]);

await run.check(`${PROVINCE_OFFICER.username} signs in and reaches the import page`, async () => {
  await run.signIn(page, PROVINCE_OFFICER.username);
  await page.goto(`${origin}/nhap-so-lieu`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { name: 'Tải tệp lên và kiểm tra' }).waitFor({ state: 'visible' });
  await page.locator('header').getByText(PROVINCE_OFFICER.displayName).waitFor({ state: 'visible' });
  return true;
});

const before = await storedCount(page).catch(() => -1);

await run.check('the preview of a file with one bad row names the row and the field in Vietnamese', async () => {
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

await run.check('the diff table lists the bad row as an error and the good one as new, filterable', async () => {
  await page.getByRole('button', { name: /^Lỗi \(1\)$/ }).click();
  const rows = page.locator('.diff-table tbody tr');
  const errorText = await rows.first().innerText();
  if ((await rows.count()) !== 1 || !errorText.includes('abc')) return `error filter shows: ${errorText}`;
  await page.getByRole('button', { name: /^Mới \(1\)$/ }).click();
  const newText = await rows.first().innerText();
  return (newText.includes(COMMUNE_CODE) && newText.includes('TEACHERS_TOTAL')) || `new filter shows: ${newText}`;
});

await run.check('the import button stays closed and says why', async () => {
  const button = page.getByRole('button', { name: 'Nhập vào hệ thống' });
  if (!(await button.isDisabled())) return 'the import button is enabled';
  await page.getByText('Chưa nhập được: sửa hết lỗi rồi tải tệp lên lại.').waitFor({ state: 'visible' });
  return true;
});

await run.check('a commit of the same file is refused (422, in Vietnamese) and nothing was written', async () => {
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

await run.check('the page works at 360 px without sideways scrolling', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: join(ARTEFACTS, 'preview-error-360.png'), fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  return width <= 361 || `scrollWidth ${width}`;
});

rmSync(fileDir, { recursive: true, force: true });
await run.finish();
