import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database, Queryable, Row } from './database.js';

// int8 (counts, sums) and numeric come back as strings by default; the app's values fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async copyIn(table, columns, rows) {
      const sql = `copy ${table} (${columns.join(', ')}) from stdin`;
      // COPY needs one connection: the transaction's, or one borrowed from the pool.
      const own = client instanceof pg.Pool ? await client.connect() : null;
      try {
        await pipeline(Readable.from([rows]), (own ?? (client as pg.PoolClient)).query(copyFrom(sql)));
      } finally {
        own?.release();
      }
    },
    async *copyOut(query) {
      const own = client instanceof pg.Pool ? await client.connect() : null;
      let finished = false;
      try {
        for await (const chunk of (own ?? (client as pg.PoolClient)).query(copyTo(`copy (${query}) to stdout`)))
          yield chunk as Buffer;
        finished = true;
      } finally {
        // A connection left in the middle of a COPY cannot be reused: destroy it rather than return it to the pool.
        own?.release(finished ? undefined : true);
      }
    },
  };
}

export interface PostgresOptions {
  /** Schema to put first on the search path (tests use one schema per run). */
  schema?: string;
  maxConnections?: number;
}

/** Connects a pool to a PostgreSQL server; a write is acknowledged once the server has committed it. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  await pool.query('select 1'); // fail fast on a wrong URL
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(work, options) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query(options?.rollback ? 'rollback' : 'commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
