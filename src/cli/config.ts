import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { DatabaseConfig } from '../db/open-database.js';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export interface DatabaseFlags {
  databaseUrl?: string;
  dataDir?: string;
}

/** Flags win over the environment: DATABASE_URL selects PostgreSQL, DX_DATA_DIR the embedded data directory. */
export function databaseConfig(flags: DatabaseFlags): DatabaseConfig {
  const databaseUrl = flags.databaseUrl ?? process.env.DATABASE_URL;
  const dataDir = flags.dataDir ?? process.env.DX_DATA_DIR ?? resolve(packageRoot(), 'data', 'db');
  return databaseUrl ? { databaseUrl } : { dataDir };
}
