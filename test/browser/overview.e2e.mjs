#!/usr/bin/env node
/**
 * The overview's period picker and cards: switching the year changes the URL and the figures' year, choosing the
 * default year again clears it, the status rule opens on a tap, and a card leads to its indicator page.
 */
/* global document, location, URL, URLSearchParams -- Node script; `document` inside page.evaluate */
import { PHONE, startRun, waitForText } from './harness.mjs';

const run = await startRun('overview');
const { origin } = run;
const page = await run.newPage('overview-phone', { viewport: PHONE, hasTouch: true, isMobile: true });
const subtitle = () => page.locator('main .page-subtitle').innerText();

await run.check('the overview opens on 2025, the latest year complete enough, and offers the other years', async () => {
  await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
  await waitForText(page, '99,21');
  const picker = page.getByRole('combobox', { name: 'Năm' });
  const options = await picker.locator('option').allInnerTexts();
  const text = await subtitle();
  return (
    (text.includes('2025') && options.some((o) => o.startsWith('2024'))) ||
    `subtitle ${text}; options ${options.join(' | ')}`
  );
});

await run.check('choosing 2024 shows 2024 with ?year=2024; choosing 2025 again clears it', async () => {
  await page.getByRole('combobox', { name: 'Năm' }).selectOption('2024');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('year') === '2024');
  await page.waitForFunction(() => document.querySelector('main .page-subtitle')?.textContent?.includes('2024'));
  const cardPeriod = await page.locator('main .card-period').first().innerText();
  if (!cardPeriod.includes('2024')) return `first card's period: ${cardPeriod}`;
  await page.getByRole('combobox', { name: 'Năm' }).selectOption('2025');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('year'));
  return (await subtitle()).includes('2025') || `subtitle ${await subtitle()}`;
});

await run.check('tapping a status opens how it is judged', async () => {
  const status = page.locator('main button.tag-status').first();
  await status.tap();
  const expanded = await status.getAttribute('aria-expanded');
  const rule = page.locator(`[id="${await status.getAttribute('aria-controls')}"]`);
  return (expanded === 'true' && (await rule.isVisible())) || `aria-expanded ${expanded}`;
});

await run.check('a card’s title opens its indicator page, keeping the year', async () => {
  const link = page.locator('main .card-link').first();
  const name = await link.innerText();
  await link.tap();
  await page.waitForURL((url) => url.pathname.startsWith('/chi-so/'));
  const url = new URL(page.url());
  return url.searchParams.get('period') === '2025' || `opened ${url.pathname}${url.search} from "${name}"`;
});

await run.finish();
