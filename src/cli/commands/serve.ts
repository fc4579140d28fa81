import { join } from 'node:path';
import { buildApp } from '../../server/app.js';
import { openDatabase, describeDatabase } from '../../db/open-database.js';
import { migrate } from '../../db/migrate.js';
import { isEmpty, seedDemo } from '../../db/seed-demo.js';
import { databaseConfig, packageVersion, type DatabaseFlags } from '../config.js';
import { packageRoot } from '../../package-root.js';

export interface ServeFlags extends DatabaseFlags {
  port?: string;
  host?: string;
  demo: boolean;
}

export async function serveCommand(flags: ServeFlags): Promise<void> {
  const config = databaseConfig(flags);
  const db = await openDatabase(config);
  await migrate(db);
  // An empty embedded database gets the demo so a newcomer sees something real; a server database never does by itself.
  if (flags.demo && !config.databaseUrl && (await isEmpty(db))) {
    console.log('Empty embedded database: loading the Gia Lai demo (synthetic data, flagged as demo)…');
    const report = await seedDemo(db);
    console.log(`Demo loaded: ${report.units} units, ${report.indicators} indicators, ${report.values} values`);
  }
  const app = await buildApp({
    db,
    webRoot: join(packageRoot(), 'dist', 'web'),
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    version: packageVersion(),
    coverageOutputDir: join(config.dataDir ? join(config.dataDir, '..') : join(packageRoot(), 'data'), 'coverage'),
  });
  const port = Number(flags.port ?? process.env.PORT ?? 3000);
  const host = flags.host ?? process.env.HOST ?? '127.0.0.1';
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port, host });
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  console.log(
    `DX Compact is running on ${describeDatabase(config)}: open http://${shownHost}:${port}/ (API docs at /api/docs)`,
  );
}
