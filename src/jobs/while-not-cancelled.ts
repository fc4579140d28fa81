import type { Database } from '../db/database.js';
import { isCancelled } from '../db/coverage-runs.js';

/**
 * Runs `work` with a signal that aborts once the run is cancelled in the database (looked up every 250 ms),
 * so a cancel stops the tiles in progress too.
 */
export async function whileNotCancelled<T>(
  db: Database,
  runId: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let check: Promise<void> = Promise.resolve();
  const ask = () => {
    check = check
      .then(async () => {
        if (await isCancelled(db, runId)) controller.abort();
      })
      .catch(() => undefined); // a failed look-up: the next one asks again
  };
  ask();
  const timer = setInterval(ask, 250);
  try {
    return await work(controller.signal);
  } finally {
    clearInterval(timer);
    await check;
  }
}
