import type { Database } from './database.js';
import { openPglite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';

export interface DatabaseConfig {
  /** postgres://… to use a PostgreSQL server; otherwise the embedded engine. */
  databaseUrl?: string | undefined;
  /** Embedded data directory (default ./data/db), or 'memory://'. */
  dataDir?: string | undefined;
  schema?: string | undefined;
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.databaseUrl) return `PostgreSQL ${new URL(config.databaseUrl).host}`;
  return `embedded PGlite at ${config.dataDir ?? './data/db'}`;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.schema ? { schema: config.schema } : {});
  return openPglite(config.dataDir ?? './data/db');
}
