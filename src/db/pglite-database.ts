import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.js';

// Same JS types as the pg client is configured for: int8 and numeric as numbers.
const parsers = {
  [types.INT8]: (value: string) => Number(value),
  [types.NUMERIC]: (value: string) => Number(value),
};

function wrap(handle: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await handle.query<T>(sql, params as unknown[], { parsers });
      return result.rows;
    },
    async exec(sql: string) {
      await handle.exec(sql);
    },
    async copyIn(table, columns, rows) {
      // PGlite reads COPY input from its /dev/blob device.
      await handle.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([rows]) });
    },
    async *copyOut(query) {
      // … and writes COPY output to it, returned as the result's blob.
      const result = await handle.query(`copy (${query}) to '/dev/blob'`);
      if (result.blob) yield new Uint8Array(await result.blob.arrayBuffer());
    },
  };
}

/**
 * Opens PGlite on `dataDir` (created if missing) or in memory when dataDir is 'memory://'.
 * On Node, PGlite writes straight through to the data directory, so a committed write survives
 * a killed process; it runs with fsync off, so a power loss can lose recent commits.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir.startsWith('memory://') ? undefined : dataDir);
  const base = wrap(pg);
  return {
    engine: 'pglite',
    ...base,
    transaction: (work, options) =>
      pg.transaction(async (tx) => {
        const result = await work(wrap(tx));
        if (options?.rollback) await tx.rollback();
        return result;
      }),
    close: () => pg.close(),
  };
}
