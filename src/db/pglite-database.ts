import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database.js';

// Same JS types as the pg client is configured for: int8 and numeric as numbers.
const parsers = {
  [types.INT8]: (value: string) => Number(value),
  [types.NUMERIC]: (value: string) => Number(value),
};

/** Statements that only read: anything else may have written (a CTE can hide an insert, so `with` counts too). */
const READ_ONLY = /^\s*select\b/i;

function wrap(handle: Pick<PGlite, 'query' | 'exec'>, wrote: () => void): Queryable {
  return {
    async query<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      try {
        const result = await handle.query<T>(sql, params as unknown[], { parsers });
        return result.rows;
      } finally {
        if (!READ_ONLY.test(sql)) wrote();
      }
    },
    async exec(sql: string) {
      try {
        await handle.exec(sql);
      } finally {
        wrote();
      }
    },
    async copyIn(table, columns, rows) {
      // PGlite reads COPY input from its /dev/blob device.
      try {
        await handle.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([rows]) });
      } finally {
        wrote();
      }
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
  let generation = 0;
  const wrote = () => (generation += 1);
  const base = wrap(pg, wrote);
  return {
    engine: 'pglite',
    ...base,
    transaction: async (work, options) => {
      try {
        return await pg.transaction(async (tx) => {
          // Statements inside count once, at the end: until then nobody else sees them.
          const result = await work(wrap(tx, () => undefined));
          if (options?.rollback) await tx.rollback();
          return result;
        });
      } finally {
        // Its changes became visible (or were undone) only now.
        wrote();
      }
    },
    close: () => pg.close(),
    writeGeneration: () => generation,
  };
}
