#!/usr/bin/env node
/**
 * Entry to approval, each user from sign-in: a commune officer on a 360 px phone enters a value and submits the
 * period, and is offered no other commune; a province officer approves it on the approval screen; the officer's
 * form is then locked.
 */
/* global document, window -- inside page.evaluate */
import { DESKTOP, PHONE, startRun, waitForText } from './harness.mjs';

const COMMUNE = '60309134'; // Xã Ia O, demo.xa's commune
const PERIOD = '2026-10';
const run = await startRun('approval-flow');
const { origin } = run;
const phone = await run.newPage('commune-officer', { viewport: PHONE, hasTouch: true, isMobile: true });
const desk = await run.newPage('province-officer', { viewport: DESKTOP });
let entered = null;

await run.check('the commune officer enters a count on a phone, saves it and submits the period', async () => {
  await run.signIn(phone, 'demo.xa');
  await phone.goto(`${origin}/nhap-lieu?unit=${COMMUNE}&period=${PERIOD}`, { waitUntil: 'domcontentloaded' });
  await phone.locator('input.entry-input').first().waitFor({ state: 'visible' });
  // A count field (not a yes/no, not a percent), so that its value + 1 is always valid.
  const fields = phone.locator('.entry-field');
  let input = null;
  for (let i = 0; i < (await fields.count()); i += 1) {
    const text = await fields.nth(i).innerText();
    if (!/1 = Có|%/.test(text)) {
      input = fields.nth(i).locator('input.entry-input');
      break;
    }
  }
  if (!input) return 'no count field in the form';
  const before = Number((await input.inputValue()).replace(/\./g, '').replace(',', '.')) || 0;
  entered = String(Math.trunc(before) + 1);
  await input.fill(entered);
  await phone.getByRole('button', { name: 'Lưu nháp' }).tap();
  await waitForText(phone, 'Đã lưu 1 giá trị.');
  await phone.getByRole('button', { name: 'Gửi duyệt', exact: true }).tap();
  await waitForText(phone, `Đã gửi duyệt kỳ`);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  return overflow <= 1 || `horizontal scroll of ${overflow} px`;
});

await run.check('the commune officer is offered only their own commune', async () => {
  const unitSelect = phone.locator('main select').first();
  const options = await unitSelect.locator('option').allInnerTexts();
  return (options.length === 1 && options[0].includes('Ia O')) || `units offered: ${options.join(', ')}`;
});

await run.check('the province officer sees it submitted and approves it', async () => {
  await run.signIn(desk, 'demo.tinh');
  await desk.goto(`${origin}/phe-duyet?period=${PERIOD}`, { waitUntil: 'domcontentloaded' });
  const row = desk.locator('.approval-row', { hasText: 'Xã Ia O' });
  await row.getByText('Đã gửi duyệt').waitFor({ state: 'visible' });
  await row.getByRole('button', { name: 'Phê duyệt: Xã Ia O' }).click();
  await row.getByText('Đã phê duyệt').waitFor({ state: 'visible' });
  return true;
});

await run.check('the approved period is locked in the officer’s form and keeps the value', async () => {
  await phone.reload({ waitUntil: 'domcontentloaded' });
  await waitForText(phone, 'Kỳ này đã được duyệt nên số liệu bị khóa.');
  const inputs = phone.locator('input.entry-input');
  const readOnly = await inputs.first().getAttribute('readonly');
  const values = await inputs.evaluateAll((els) => els.map((el) => el.value));
  return (readOnly !== null && values.includes(entered)) || `readonly ${readOnly}, values ${values.join(', ')}`;
});

await run.finish();
