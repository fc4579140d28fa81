/**
 * `npm run bench -- intake-limits`: a zip bomb workbook (1.6 MB that inflates to 453 MB) posted to
 * /api/imports over a real socket, against a normal workbook, runs interleaved. For each: the time to the
 * answer, the most the server's RSS grew meanwhile, and the slowest /api/health answer while it was read
 * (the server and this client share one event loop, so a blocked loop shows there). The reference is the
 * reader before the limits, exceljs's in-memory load, on a bomb a tenth the size.
 */
import ExcelJS from 'exceljs';
import { buildApp } from '../src/server/app.js';
import { INTAKE_LIMITS } from '../src/intake/intake-limits.js';
import { loadSmallProvince } from '../test/fixtures/small-province.js';
import { signedInHeaders } from '../test/fixtures/test-users.js';
import { zipBombWorkbook } from '../test/fixtures/zip-bomb.js';
import { createPgliteEngine } from './engines.js';
import { describeLoad } from './machine.js';
import { heading, line, step } from './report.js';
import { formatBytes, formatMs, now, percentile } from './stats.js';

const RUNS = 5;

interface Case {
  name: string;
  file: string;
  bytes: Uint8Array;
  /** What a correct answer is: the bench says so when one is not. */
  expect: { status: number; code?: string };
}

interface Sample {
  ms: number;
  status: number;
  code: string | undefined;
  rssGrowth: number;
  slowestHealthMs: number;
  healthAnswers: number;
}

async function normalWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow(['Mã chỉ tiêu', 'Mã đơn vị', 'Kỳ', 'Giá trị']);
  for (const unit of ['C1', 'C2', 'C3']) sheet.addRow(['COV', unit, '2025-09', 98.5]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function multipart(file: string, bytes: Uint8Array): Promise<{ body: ArrayBuffer; type: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), file);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return request.arrayBuffer().then((body) => ({ body, type: request.headers.get('content-type')! }));
}

/** One upload, with /api/health asked again and again until the upload's answer comes. */
async function postOnce(base: string, headers: Record<string, string>, item: Case): Promise<Sample> {
  const { body, type } = await multipart(item.file, item.bytes);
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  let done = false;
  let slowestHealthMs = 0;
  let healthAnswers = 0;
  const probes = (async () => {
    while (!done) {
      const start = now();
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      slowestHealthMs = Math.max(slowestHealthMs, now() - start);
      healthAnswers += 1;
    }
  })();
  const start = now();
  const response = await fetch(`${base}/api/imports?mode=commit`, {
    method: 'POST',
    headers: { ...headers, 'content-type': type },
    body,
  });
  const answer = (await response.json()) as { code?: string };
  const ms = now() - start;
  done = true;
  await probes;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, status: response.status, code: answer.code, rssGrowth: peak - before, slowestHealthMs, healthAnswers };
}

/** The reader before the limits: exceljs loads the whole workbook in memory (and fails on the bomb at the end). */
async function referenceOnce(bytes: Uint8Array) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = now();
  const outcome = await new ExcelJS.Workbook().xlsx.load(bytes.slice().buffer).then(
    () => 'read',
    (error: Error) => `failed: ${error.message}`,
  );
  const ms = now() - start;
  clearInterval(sampler);
  return { ms, outcome, rssGrowth: Math.max(peak, process.memoryUsage().rss) - before };
}

const median = (values: readonly number[]) => percentile(values, 50);

export async function runIntakeLimitsBench(): Promise<void> {
  heading(`intake limits: a zip bomb over HTTP, ${RUNS} runs interleaved with a normal workbook`);
  const engine = await step('fresh PGlite database, migrated, small province', async () => {
    const created = await createPgliteEngine();
    await loadSmallProvince(await created.app());
    return created;
  });
  const db = await engine.app();
  const app = await buildApp({ db, logger: false, rateLimitPerMinute: 0 });
  try {
    const headers = await signedInHeaders(db, { username: 'bench-admin', role: 'admin' });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const cases: Case[] = [
      {
        name: 'zip bomb, sizes declared',
        file: 'bom.xlsx',
        bytes: zipBombWorkbook({ inflatedMiB: 453, declared: 'honest' }),
        expect: { status: 413, code: 'intake.too_large' },
      },
      {
        name: 'zip bomb, claims 10 kB',
        file: 'liar.xlsx',
        bytes: zipBombWorkbook({ inflatedMiB: 453, declared: 'small' }),
        expect: { status: 422, code: 'intake.xlsx' },
      },
      {
        name: '20 MB inflated, 220,000 rows',
        file: 'dense.xlsx',
        bytes: zipBombWorkbook({ inflatedMiB: 20, declared: 'honest' }),
        expect: { status: 413, code: 'intake.too_many_rows' },
      },
      { name: 'normal workbook, 3 rows', file: 'ok.xlsx', bytes: await normalWorkbook(), expect: { status: 201 } },
    ];
    for (const item of cases) line(`  ${item.name}: ${item.file}, ${formatBytes(item.bytes.length)}`);
    line(`  limits: ${JSON.stringify(INTAKE_LIMITS)}`);
    line(`  before: ${describeLoad()}`);
    const samples = new Map<string, Sample[]>(cases.map((c) => [c.name, []]));
    await postOnce(base, headers, cases.at(-1)!); // warm-up: routes, session, first transaction
    for (let run = 1; run <= RUNS; run += 1) {
      for (const item of cases) {
        const sample = await postOnce(base, headers, item);
        samples.get(item.name)!.push(sample);
        if (sample.status !== item.expect.status || (item.expect.code && sample.code !== item.expect.code)) {
          line(
            `  !! run ${run}, ${item.name}: answered ${sample.status} ${sample.code ?? ''}, expected ${item.expect.status} ${item.expect.code ?? ''}`,
          );
        }
      }
    }
    line(`  after:  ${describeLoad()}`);
    line();
    line(
      `  ${'case'.padEnd(30)} ${'answer'.padEnd(26)} ${'median'.padStart(9)} ${'max'.padStart(9)}  ${'RSS growth med/max'.padStart(21)}  slowest /api/health (answers)`,
    );
    for (const item of cases) {
      const runs = samples.get(item.name)!;
      const answer = `${runs[0]!.status} ${runs[0]!.code ?? ''}`;
      const ms = runs.map((s) => s.ms);
      const rss = runs.map((s) => s.rssGrowth);
      const health = runs.map((s) => s.slowestHealthMs);
      line(
        `  ${item.name.padEnd(30)} ${answer.padEnd(26)} ${formatMs(median(ms)).padStart(9)} ${formatMs(Math.max(...ms)).padStart(9)}  ` +
          `${`${formatBytes(median(rss))} / ${formatBytes(Math.max(...rss))}`.padStart(21)}  ` +
          `${formatMs(Math.max(...health))} (${runs.reduce((n, s) => n + s.healthAnswers, 0)})`,
      );
    }
    const bomb = samples.get(cases[0]!.name)!;
    const bombMs = median(bomb.map((s) => s.ms));
    const bombRss = Math.max(...bomb.map((s) => s.rssGrowth));
    const met = Math.max(...bomb.map((s) => s.ms)) < 1000 && bombRss < 100 * 2 ** 20;
    line(
      `  goal: every bomb run refused within 1 s, RSS growing < 100 MB: ${met ? 'met' : 'NOT met'} (median ${formatMs(bombMs)}, RSS growth at most ${formatBytes(bombRss)})`,
    );
    line();
    const smaller = zipBombWorkbook({ inflatedMiB: 45, declared: 'honest' });
    const reference = await step(
      `reference: exceljs in-memory load (the reader before), once, on a bomb of 45 MB inflated (${formatBytes(smaller.length)})`,
      () => referenceOnce(smaller),
    );
    line(
      `  reference: ${formatMs(reference.ms)}, RSS growth ${formatBytes(reference.rssGrowth)}, ${reference.outcome.slice(0, 120)}`,
    );
    line(
      `  the whole bomb refused in ${formatMs(bombMs)} (median) vs the reference's ${formatMs(reference.ms)} on a tenth of it: ${(reference.ms / bombMs).toFixed(0)}× faster on 10× the input`,
    );
  } finally {
    await app.close();
    await step(`clean up (${engine.location})`, () => engine.dispose());
  }
}
