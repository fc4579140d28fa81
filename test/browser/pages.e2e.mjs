#!/usr/bin/env node
/**
 * Every page, for the public and for a signed-in province officer, at 1366×768 and 360×740: a screenshot of each
 * (kept in test-artifacts/screenshots/), no serious or critical axe-core violation, no horizontal scroll on the
 * phone, and a main landmark with a heading.
 *
 *   npm run build && node test/browser/pages.e2e.mjs
 */
/* global fetch, document, window -- Node script; `document`/`window` inside page.evaluate */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { DESKTOP, PHONE, ROOT, startRun } from './harness.mjs';

const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const run = await startRun('pages', { watchdogMs: 600_000 });
const { origin } = run;
const indicators = await (await fetch(`${origin}/api/indicators`)).json();
const indicatorCode = (Array.isArray(indicators) ? indicators : (indicators.items ?? []))[0]?.code ?? 'A1.1';

const PAGES = [
  { name: 'overview', path: '/' },
  { name: 'indicator', path: `/chi-so/${encodeURIComponent(indicatorCode)}` },
  { name: 'map', path: '/ban-do' },
  { name: 'commune', path: '/xa/60309134' },
  { name: 'agreement', path: '/thoa-thuan' },
  { name: 'sign-in', path: '/dang-nhap', publicOnly: true },
  { name: 'entry', path: '/nhap-lieu', signedIn: true },
  { name: 'approval', path: '/phe-duyet', signedIn: true },
  { name: 'import', path: '/nhap-so-lieu', signedIn: true },
  { name: 'checks', path: '/kiem-tra', signedIn: true },
  { name: 'planner', path: '/quy-hoach-5g', signedIn: true },
  { name: 'admin', path: '/quan-tri', signedIn: true },
  { name: 'account', path: '/tai-khoan', signedIn: true },
];

/** axe-core on the page as it stands: the serious and critical violations, one line each. */
async function seriousViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
}

async function visit(page, path) {
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.locator('main').first().waitFor({ state: 'visible' });
  // Loading placeholders gone (pages mark them aria-busy).
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'), null, { timeout: 15_000 });
}

for (const audience of ['public', 'officer']) {
  for (const [viewportName, viewport] of [
    ['1366x768', DESKTOP],
    ['360x740', PHONE],
  ]) {
    // Pages a public visitor may not open answer 401/403 by design; those responses are expected.
    const page = await run.newPage(`${audience}-${viewportName}`, { viewport }, [/HTTP 40[13]/]);
    if (audience === 'officer') await run.signIn(page, 'demo.tinh');
    for (const target of PAGES) {
      if (audience === 'officer' && target.publicOnly) continue;
      if (audience === 'public' && target.signedIn) continue;
      await run.check(`${audience} ${target.name} at ${viewportName}: screenshot, axe, landmarks`, async () => {
        await visit(page, target.path);
        await page.screenshot({ path: join(SHOTS, `${audience}-${target.name}-${viewportName}.png`), fullPage: true });
        const problems = await seriousViolations(page);
        const headings = await page.locator('main h1, main h2').count();
        if (headings === 0) problems.push('no heading inside <main>');
        if (viewport === PHONE) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 1) problems.push(`horizontal scroll of ${overflow} px at 360 px`);
        }
        return problems.length === 0 || problems.join('\n');
      });
    }
    await page.context().close();
  }
}

await run.finish();
