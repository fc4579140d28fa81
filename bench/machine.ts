import os from 'node:os';
import type { Queryable } from '../src/db/database.js';
import { formatBytes } from './stats.js';

/** The machine a figure was measured on: without it a rows/s figure means little. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return `machine: ${model}, ${cpus.length} cores, ${formatBytes(os.totalmem())} RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** `select version()` of the engine behind `db`. */
export async function engineVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ version: string }>('select version() as version');
  return row?.version ?? 'unknown';
}

/** The 1-minute load average: above the core count, other work competed with the benchmark. */
export function describeLoad(): string {
  const [oneMinute] = os.loadavg();
  const cores = os.cpus().length;
  const busy = oneMinute! > cores ? ': other processes compete for the CPU, figures are noisier' : '';
  return `load average ${oneMinute!.toFixed(2)} on ${cores} cores${busy}`;
}
