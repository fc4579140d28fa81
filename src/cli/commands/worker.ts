import { availableParallelism } from 'node:os';
import { openDatabase } from '../../db/open-database.js';
import { migrate } from '../../db/migrate.js';
import { runCoverageWorker } from '../../jobs/distributed-coverage.js';
import { runStreamedWorker } from '../../jobs/distributed-streamed.js';
import { Invalid } from '../../domain/errors.js';
import { databaseConfig, type DatabaseFlags } from '../config.js';

/**
 * Joins the PostgreSQL database's coverage queues and predicts tiles until stopped (Ctrl-C): a streamed run's
 * tiles (each with its own package of inputs) and a demo run's (whole-grid work package).
 */
export async function workerCommand(flags: DatabaseFlags & { threads?: string }): Promise<void> {
  const config = databaseConfig(flags);
  if (!config.databaseUrl)
    throw new Invalid(
      'worker.database',
      'Workers share runs through a PostgreSQL server: give --database-url or DATABASE_URL',
    );
  const db = await openDatabase(config);
  await migrate(db);
  const threads = flags.threads ? Number(flags.threads) : availableParallelism();
  const queue = { connectionString: config.databaseUrl, threads };
  const workers = [await runStreamedWorker(db, queue), await runCoverageWorker(db, queue)];
  console.log(`Coverage worker ready with ${threads} thread(s); waiting for tiles (Ctrl-C stops)`);
  const stop = async () => {
    for (const worker of workers) await worker.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
