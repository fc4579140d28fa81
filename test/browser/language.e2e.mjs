#!/usr/bin/env node
/**
 * The language switch: EN turns every page English (navigation, headings, number formats, <html lang>), the
 * choice survives a reload and a move to another page, and VI brings Vietnamese back.
 */
/* global document -- inside page.evaluate */
import { DESKTOP, startRun, waitForText } from './harness.mjs';

const run = await startRun('language');
const { origin } = run;
const page = await run.newPage('language', { viewport: DESKTOP });
const navTabs = () => page.locator('nav.app-nav a').allInnerTexts();
const htmlLang = () => page.evaluate(() => document.documentElement.lang);

await run.check('the overview starts in Vietnamese: 99,21, "Tổng quan", lang vi', async () => {
  await page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
  await waitForText(page, '99,21');
  const tabs = await navTabs();
  return (
    (tabs[0] === 'Tổng quan' && (await htmlLang()) === 'vi') || `tabs ${tabs.join(', ')}, lang ${await htmlLang()}`
  );
});

await run.check('EN: English navigation, 99.21 and lang en', async () => {
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await waitForText(page, '99.21');
  const tabs = await navTabs();
  return (tabs[0] === 'Overview' && (await htmlLang()) === 'en') || `tabs ${tabs.join(', ')}, lang ${await htmlLang()}`;
});

await run.check('the choice survives a reload and another page (the agreement)', async () => {
  await page.reload({ waitUntil: 'domcontentloaded' });
  await waitForText(page, '99.21');
  await page.locator('nav.app-nav a', { hasText: 'Agreement' }).click();
  await page.waitForURL((url) => url.pathname === '/thoa-thuan');
  const heading = await page.locator('main h1').first().innerText();
  const tabs = await navTabs();
  return (
    (tabs.includes('Agreement') && (await htmlLang()) === 'en' && !/Thỏa thuận/.test(heading)) ||
    `heading ${heading}, tabs ${tabs.join(', ')}`
  );
});

await run.check('VI brings Vietnamese back', async () => {
  await page.getByRole('button', { name: 'VI', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  const tabs = await navTabs();
  return tabs.includes('Thỏa thuận') || `tabs ${tabs.join(', ')}`;
});

await run.finish();
