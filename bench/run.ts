/**
 * `npm run bench [-- names…] [--engine=pglite|postgres|both] [--scale=full|small] [--months=N] [--url=…]`
 *
 * Loads the national dataset into a fresh database on each engine, then runs the named benchmarks
 * (default: all). Prints plain text; asserts nothing; exits non-zero only when something crashed.
 */
import { parseArgs } from 'node:util';
import type { Benchmark } from './benchmark.js';
import {
  createPgliteEngine,
  createPostgresEngine,
  postgresAnswers,
  type BenchEngine,
  type EngineName,
} from './engines.js';
import { importBench } from './import.bench.js';
import { loadDataset } from './load-dataset.js';
import { describeLoad, describeMachine, engineVersion } from './machine.js';
import { buildDataset, SCALES, valueCount, type Scale } from './national-dataset.js';
import { rollupBench } from './rollup.bench.js';
import { runViewshedBench } from './viewshed.bench.js';
import { runCoverageBench } from './coverage.bench.js';
import { runCoverageEndToEndBench } from './coverage/end-to-end.js';
import { runNationBench } from './coverage/nation.js';
import { runCoverageWorkersBench } from './coverage/workers.js';
import { runLoadBench } from './load.bench.js';
import { runPlannerCandidatesBench } from './planner/candidate-coverage.js';
import { runPlannerScaleBench } from './planner/province-scale.js';
import { runPlannerInstancesBench } from './planner/instances.js';
import { runPlannerDemoBench } from './planner/demo-scenarios.js';
import { runIntakeLimitsBench } from './intake-limits.bench.js';
import { runFrontendBench } from './frontend.bench.js';
import { heading, line, step } from './report.js';
import { formatInt, formatMs, now } from './stats.js';

const BENCHMARKS: readonly Benchmark[] = [importBench, rollupBench];
/** The coverage engine's benchmarks need no shared database (the end-to-end one opens its own); the intake limits and the load bring their own. */
const STANDALONE: Record<
  string,
  (config: { scale: Scale['name']; engines: EngineName[]; url: string }) => Promise<void>
> = {
  viewshed: () => runViewshedBench(),
  coverage: ({ scale }) => runCoverageBench({ scale }),
  'coverage-e2e': ({ scale }) => runCoverageEndToEndBench({ scale }),
  'coverage-nation': ({ scale }) => runNationBench({ scale }),
  'coverage-workers': ({ scale, url }) => runCoverageWorkersBench({ scale, url }),
  'planner-candidates': () => runPlannerCandidatesBench(),
  'planner-scale': () => runPlannerScaleBench(),
  'planner-instances': () => runPlannerInstancesBench(),
  'planner-demo': () => runPlannerDemoBench(),
  'intake-limits': () => runIntakeLimitsBench(),
  load: ({ engines, url }) => runLoadBench({ engines, url }),
  frontend: () => runFrontendBench(),
};
// 'dataset' names the load alone, which every other benchmark runs first anyway.
const NAMES = ['dataset', ...BENCHMARKS.map((b) => b.name), ...Object.keys(STANDALONE)];
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

function usage(problem: string): never {
  console.error(
    `${problem}\nusage: npm run bench -- [${NAMES.join('|')} …] [--engine=pglite|postgres|both] [--scale=full|small] [--months=N] [--url=postgres://…]`,
  );
  process.exit(2);
}

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      engine: { type: 'string', default: 'both' },
      scale: { type: 'string', default: 'full' },
      months: { type: 'string' },
      url: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_URL },
    },
  });
  const unknown = positionals.filter((name) => !NAMES.includes(name));
  if (unknown.length > 0) usage(`unknown benchmark ${unknown.join(', ')}`);
  if (!['pglite', 'postgres', 'both'].includes(values.engine)) usage(`unknown engine ${values.engine}`);
  if (!(values.scale in SCALES)) usage(`unknown scale ${values.scale}`);
  const months = values.months === undefined ? undefined : Number(values.months);
  if (months !== undefined && !(Number.isInteger(months) && months > 0)) usage(`--months must be a whole number > 0`);
  const databaseNames = ['dataset', ...BENCHMARKS.map((b) => b.name)];
  return {
    withDatabase: positionals.length === 0 || positionals.some((name) => databaseNames.includes(name)),
    standalone: Object.keys(STANDALONE).filter((name) => positionals.length === 0 || positionals.includes(name)),
    benchmarks: BENCHMARKS.filter((b) => positionals.length === 0 || positionals.includes(b.name)),
    engines: (values.engine === 'both' ? ['postgres', 'pglite'] : [values.engine]) as EngineName[],
    scale: SCALES[values.scale as Scale['name']],
    months,
    url: values.url,
  };
}

/** Leaves no schema or temp directory behind when interrupted. */
let current: BenchEngine | null = null;
process.once('SIGINT', () => {
  line('interrupted: cleaning up');
  void (current?.dispose() ?? Promise.resolve()).finally(() => process.exit(130));
});

async function runEngine(name: EngineName, config: ReturnType<typeof options>): Promise<boolean> {
  const start = now();
  heading(`engine: ${name}`);
  if (name === 'postgres') {
    const answer = await postgresAnswers(config.url);
    if (!answer.ok) {
      line(`  skipped: no PostgreSQL server answers at ${config.url} (${answer.reason})`);
      return true;
    }
  }
  const engine = await step('fresh database, migrated', () =>
    name === 'postgres' ? createPostgresEngine(config.url) : createPgliteEngine(),
  );
  current = engine;
  let ok = true;
  try {
    line(`  engine: ${await engineVersion(await engine.app())}`);
    line(`  database: ${engine.location}`);
    const dataset = buildDataset(config.scale, config.months);
    heading(`dataset (${name})`);
    line(
      `  national dataset, scale ${config.scale.name}: 1 nation, ${dataset.provinces.length} provinces, ${formatInt(dataset.communes.length)} communes, ` +
        `${dataset.indicators.length} indicators, ${dataset.months.length} months (${dataset.months[0]!.code}…${dataset.months.at(-1)!.code}) ` +
        `= ${formatInt(valueCount(dataset))} values`,
    );
    line(`  (${describeLoad()})`);
    const loaded = await step('load', () => loadDataset(engine, dataset));
    for (const benchmark of config.benchmarks) {
      try {
        line();
        line(`(${benchmark.name} on ${name} starts at ${describeLoad()})`);
        await benchmark.run({ engine, loaded });
      } catch (error) {
        ok = false;
        line(`  !! ${benchmark.name} crashed: ${(error as Error).stack ?? String(error)}`);
      }
    }
  } finally {
    await step(`clean up (${engine.location})`, () => engine.dispose());
    current = null;
    line(`  wall time on ${name}: ${formatMs(now() - start)}`);
  }
  return ok;
}

async function main() {
  const config = options();
  const start = now();
  line(`dx-compact benchmarks, ${new Date().toISOString()}`);
  line(describeMachine());
  line(
    `benchmarks: dataset${config.benchmarks.map((b) => `, ${b.name}`).join('')}; engines: ${config.engines.join(', ')}`,
  );
  let ok = true;
  for (const engine of config.withDatabase ? config.engines : []) {
    try {
      ok = (await runEngine(engine, config)) && ok;
    } catch (error) {
      ok = false;
      line(`  !! ${engine} crashed: ${(error as Error).stack ?? String(error)}`);
    }
  }
  for (const name of config.standalone) {
    heading(name);
    try {
      await STANDALONE[name]!({ scale: config.scale.name, engines: config.engines, url: config.url });
    } catch (error) {
      ok = false;
      line(`  !! ${name} crashed: ${(error as Error).stack ?? String(error)}`);
    }
  }
  line();
  line(`total wall time: ${formatMs(now() - start)}`);
  if (!ok) process.exitCode = 1;
}

await main();
