import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../src/db/database.js';
import { openPglite } from '../src/db/pglite-database.js';
import { openPostgres } from '../src/db/postgres-database.js';
import { migrate } from '../src/db/migrate.js';
import { now } from './stats.js';

export type EngineName = Database['engine'];

export interface CopyTarget {
  table: string;
  columns: readonly string[];
}

/**
 * A fresh database on one engine, with the two ways in a benchmark needs: the app's own handle
 * (what is measured) and PostgreSQL's COPY (the reference, and the fast bulk load).
 */
export interface BenchEngine {
  readonly engine: EngineName;
  /** Where the data lives: a schema or a temporary directory. */
  readonly location: string;
  /** The app's handle, opened exactly as the app opens it. */
  app(): Promise<Database>;
  /**
   * COPYs text-format lines (tab-separated, `\n`-terminated) into `target`; returns the
   * milliseconds the COPY took. `truncateFirst` empties the table in the same transaction so that
   * COPY FREEZE can write the rows already frozen (no hint-bit rewrite on first read). `warmUp`
   * lines are copied first, untimed, in a transaction of their own on the same connection: a fresh
   * connection (or PGlite instance) has cold caches and would be charged for them.
   */
  copyIn(target: CopyTarget, chunks: Iterable<string>, options?: CopyOptions): Promise<number>;
  /** Drops the schema or deletes the directory. */
  dispose(): Promise<void>;
}

export interface CopyOptions {
  truncateFirst?: boolean;
  warmUp?: string;
}

const copySql = (target: CopyTarget, freeze: boolean) =>
  `copy ${target.table} (${target.columns.join(', ')}) from stdin${freeze ? ' with (freeze)' : ''}`;

/** True when a PostgreSQL server answers at `url` within a few seconds. */
export async function postgresAnswers(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema of its own on the server, so that concurrent test runs and benchmarks never collide. */
export async function createPostgresEngine(url: string): Promise<BenchEngine> {
  const schema = `bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = await openPostgres(url, { schema, maxConnections: 4 });
  await migrate(db);
  return {
    engine: 'postgres',
    location: `schema ${schema}`,
    app: async () => db,
    async copyIn(target, chunks, options = {}) {
      const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        if (options.warmUp)
          await pipeline(Readable.from([options.warmUp]), client.query(copyFrom(copySql(target, false))));
        const start = now();
        await client.query('begin');
        if (options.truncateFirst) await client.query(`truncate ${target.table}`);
        await pipeline(Readable.from(chunks), client.query(copyFrom(copySql(target, options.truncateFirst === true))));
        await client.query('commit');
        return now() - start;
      } finally {
        await client.end();
      }
    },
    async dispose() {
      await db.query(`drop schema ${schema} cascade`);
      await db.close();
    },
  };
}

// PGlite reads COPY input from the `/dev/blob` device, fed by the `blob` query option; a blob is
// held twice in memory (Blob, then ArrayBuffer), so large loads go in slices of this many characters.
const BLOB_CHARS = 48 * 1024 * 1024;

/**
 * A fresh PGlite data directory under the system temp directory. The app's handle hides the PGlite
 * object, and COPY FROM '/dev/blob' needs it, so a COPY closes the app's handle, opens PGlite
 * directly on the same directory (one process per directory), and the next app() reopens it.
 */
export async function createPgliteEngine(): Promise<BenchEngine> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'dx-bench-pglite-'));
  let db: Database | null = await openPglite(dataDir);
  await migrate(db);
  const app = async () => (db ??= await openPglite(dataDir));
  return {
    engine: 'pglite',
    location: `data directory ${dataDir}`,
    app,
    async copyIn(target, chunks, options = {}) {
      await db?.close();
      db = null;
      const raw = await PGlite.create(dataDir);
      try {
        const freeze = options.truncateFirst === true;
        const sql = copySql(target, freeze).replace('from stdin', `from '/dev/blob'`);
        if (options.warmUp)
          await raw.query(sql.replace(' with (freeze)', ''), [], { blob: new Blob([options.warmUp]) });
        const start = now();
        await raw.transaction(async (tx) => {
          if (freeze) await tx.query(`truncate ${target.table}`);
          let parts: string[] = [];
          let size = 0;
          const flush = async () => {
            if (parts.length === 0) return;
            await tx.query(sql, [], { blob: new Blob(parts) });
            parts = [];
            size = 0;
          };
          for (const chunk of chunks) {
            parts.push(chunk);
            size += chunk.length;
            if (size >= BLOB_CHARS) await flush();
          }
          await flush();
        });
        return now() - start;
      } finally {
        await raw.close();
      }
    },
    async dispose() {
      await db?.close();
      db = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
