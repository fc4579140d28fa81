/**
 * The web app as a user opens it, on the demo data in Chromium (built app, `npm run build` first): for the
 * overview, an indicator page and the map, time to first render (first contentful paint) and to interactive (the
 * page's figures on screen and its loading states gone), each in a fresh browser context (empty cache), pages
 * interleaved round after round; and the JavaScript the first page loads (gzip), with whether the map library
 * is among it. Goals: interactive ≤ 1.5 s, first-page JavaScript ≤ 350 kB gzip, no map library on the overview.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startServer, stopServer } from '../test/browser/harness.mjs';
import { describeLoad } from './machine.js';
import { heading, line } from './report.js';
import { againstGoal, formatBytes, formatMs, percentile } from './stats.js';

const ROUNDS = 5;
const READY_TIMEOUT_MS = 30_000;
const INTERACTIVE_GOAL_MS = 1_500;
const FIRST_PAGE_JS_GOAL_BYTES = 350 * 1024;

interface PageUnderTest {
  name: string;
  path: string;
  /** A CSS selector present once the page shows its figures. */
  ready: string;
}

interface Visit {
  /** NaN when the page did not get ready within READY_TIMEOUT_MS. */
  firstRenderMs: number;
  interactiveMs: number;
  scripts: Map<string, Buffer>;
}

async function visit(browser: Browser, origin: string, target: PageUnderTest): Promise<Visit> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 768 } });
  const page: Page = await context.newPage();
  const scripts = new Map<string, Buffer>();
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    void response.body().then(
      (body) => scripts.set(response.url(), body),
      () => undefined,
    );
  });
  await page.goto(`${origin}${target.path}`, { waitUntil: 'commit' });
  // Measured inside the page, against its own navigation start.
  const interactiveMs = await page
    .waitForFunction(
      (selector) =>
        document.querySelector(selector) !== null && !document.querySelector('main [aria-busy="true"]')
          ? performance.now()
          : false,
      target.ready,
      { polling: 'raf', timeout: READY_TIMEOUT_MS },
    )
    .then(
      (handle) => handle.jsonValue() as Promise<number>,
      () => Number.NaN,
    );
  const firstRenderMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  await page.waitForLoadState('networkidle');
  await context.close();
  return { firstRenderMs, interactiveMs, scripts };
}

export async function runFrontendBench(): Promise<void> {
  heading('frontend (demo data, Chromium, built app)');
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const indicators = (await (await fetch(`${server.origin}/api/indicators`)).json()) as
      { code: string }[] | { items: { code: string }[] };
    const list = Array.isArray(indicators) ? indicators : indicators.items;
    const code = list[0]?.code ?? 'A1.1';
    const pages: PageUnderTest[] = [
      { name: 'overview', path: '/', ready: 'main article.card' },
      { name: `indicator page (${code})`, path: `/chi-so/${encodeURIComponent(code)}`, ready: 'main table tbody tr' },
      { name: 'map', path: '/ban-do', ready: 'main canvas' },
    ];
    line(`  ${ROUNDS} rounds, pages interleaved, fresh context each visit; ${describeLoad()} before`);
    const samples = new Map<string, Visit[]>(pages.map((p) => [p.name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of pages) samples.get(target.name)!.push(await visit(browser, server.origin, target));
    }
    line(`  (${describeLoad()} after)`);
    for (const target of pages) {
      const visits = samples.get(target.name)!;
      const first = percentile(
        visits.map((v) => v.firstRenderMs),
        50,
      );
      const interactive = percentile(
        visits.map((v) => v.interactiveMs),
        50,
      );
      if (visits.some((v) => Number.isNaN(v.interactiveMs))) {
        line(`  ${target.name}: NOT ready within ${formatMs(READY_TIMEOUT_MS)} (no ${target.ready}) in some visits`);
        continue;
      }
      line(
        `  ${target.name}: first render ${formatMs(first)}, interactive (median of ${visits.length}) ` +
          againstGoal(interactive, { atMost: INTERACTIVE_GOAL_MS }, { digits: 0, unit: ' ms' }),
      );
    }
    const overview = samples.get('overview')![0]!;
    const raw = [...overview.scripts.values()].reduce((sum, body) => sum + body.length, 0);
    const gzip = [...overview.scripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    const mapOnFirstPage = [...overview.scripts.values()].some((body) => body.includes('maplibregl'));
    line(
      `  first page (overview) JavaScript: ${overview.scripts.size} files, ${formatBytes(raw)} raw, gzip ` +
        againstGoal(gzip / 1024, { atMost: FIRST_PAGE_JS_GOAL_BYTES / 1024 }, { digits: 1, unit: ' kB' }),
    );
    line(`  map library on the first page: ${mapOnFirstPage ? 'YES (goal: no)' : 'no (goal met)'}`);
  } finally {
    await browser.close();
    await stopServer(server);
  }
}
