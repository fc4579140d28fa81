import { join } from 'node:path';
import { buildApp } from '../../server/app.js';
import { openDatabase, describeDatabase } from '../../db/open-database.js';
import { migrate } from '../../db/migrate.js';
import { isEmpty, seedDemo } from '../../db/seed-demo.js';
import { createDemoAccounts, describeDemoCredentials } from '../../application/auth/demo-accounts.js';
import { authConfigFromEnv } from '../../application/auth/auth-config.js';
import { baseMapConfigFromEnv } from '../../application/base-map-config.js';
import type { Database } from '../../db/database.js';
import { demoCoverageInputs } from '../../jobs/demo-coverage.js';
import { startCoverageJob } from '../../jobs/coverage-job.js';
import { coverageOutputDir } from '../../jobs/coverage-output-dir.js';
import { databaseConfig, packageVersion, type DatabaseFlags } from '../config.js';
import { packageRoot } from '../../package-root.js';

const SHUTDOWN_GRACE_MS = 20_000;

export interface ServeFlags extends DatabaseFlags {
  port?: string;
  host?: string;
  demo: boolean;
}

export async function serveCommand(flags: ServeFlags): Promise<void> {
  const config = databaseConfig(flags);
  // Read before the database opens: a bad tile URL stops the start with its message.
  const baseMap = baseMapConfigFromEnv(process.env);
  const db = await openDatabase(config);
  await migrate(db);
  let seededNow = false;
  // An empty embedded database gets the demo so a newcomer sees something real; a server database never does by itself.
  if (flags.demo && !config.databaseUrl && (await isEmpty(db))) {
    console.log('Empty embedded database: loading the Gia Lai demo (synthetic data, flagged as demo)…');
    const report = await seedDemo(db);
    console.log(`Demo loaded: ${report.units} units, ${report.indicators} indicators, ${report.values} values`);
    for (const line of describeDemoCredentials(await createDemoAccounts(db))) console.log(line);
    seededNow = true;
  }
  // The same folder `coverage run` writes to, so the web app serves the CLI's runs too.
  const outputDir = coverageOutputDir(config);
  const app = await buildApp({
    db,
    webRoot: join(packageRoot(), 'dist', 'web'),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    version: packageVersion(),
    coverageOutputDir: outputDir,
    auth: authConfigFromEnv(process.env),
    rateLimitPerMinute: Number(process.env.DX_RATE_LIMIT_PER_MINUTE ?? 1200),
    trustProxy: /^(1|true|yes)$/i.test(process.env.DX_TRUST_PROXY ?? ''),
    baseMap,
  });
  const port = Number(flags.port ?? process.env.PORT ?? 3000);
  const host = flags.host ?? process.env.HOST ?? '127.0.0.1';
  // Graceful: stop accepting, let in-flight requests finish (at most SHUTDOWN_GRACE_MS), then close the database.
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down: finishing the requests in flight');
    const forced = setTimeout(() => {
      app.log.warn('requests still running after the grace period: stopping anyway');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    forced.unref();
    await app.close();
    await db.close();
    app.log.info('stopped; the database is closed');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port, host });
  if (seededNow) startDemoCoverage(db, outputDir, (message) => console.log(message));
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  console.log(
    `DX Compact is running on ${describeDatabase(config)}: open http://${shownHost}:${port}/ (API docs at /api/docs)`,
  );
}

/**
 * The demo's computed coverage, in the background after the first start (worker threads keep the API
 * responsive): the overview then shows "computed" beside the reported figures without anyone running it.
 */
function startDemoCoverage(db: Database, outputDir: string, log: (message: string) => void): void {
  void (async () => {
    const prepared = await demoCoverageInputs(db, ['2G', '4G', '5G'], {});
    const { runId, finished } = await startCoverageJob(db, prepared, {
      period: '2025-12',
      rootUnit: '24',
      actor: 'demo-seed',
      requestId: null,
      outputDir,
    });
    log(`Computing the demo's coverage in the background (run ${runId})…`);
    const run = await finished;
    const total = run.result?.total;
    log(
      run.status === 'succeeded' && total
        ? `Demo coverage computed: 4G ${((100 * (total.covered['4G'] ?? 0)) / total.population).toFixed(2)} %, 2G ${((100 * (total.covered['2G'] ?? 0)) / total.population).toFixed(2)} %`
        : `Demo coverage run ${run.status}${run.error ? `: ${run.error}` : ''}`,
    );
  })().catch((error: unknown) =>
    log(`Demo coverage run could not start: ${error instanceof Error ? error.message : String(error)}`),
  );
}
