import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { Database, Queryable } from './database.js';

export interface Migration {
  version: string; // '0001'
  name: string; // '0001_org_unit.sql'
  sql: string;
}

// Any constant works as long as every instance uses the same one; it serialises migrators.
const MIGRATION_LOCK_KEY = 4_417_020_250;

/** Migrations ship as plain SQL in src/db/migrations, read from there by sources and builds alike. */
export function migrationsDirectory(): string {
  return join(packageRoot(), 'src', 'db', 'migrations');
}

export function loadMigrations(directory = migrationsDirectory()): Migration[] {
  return readdirSync(directory)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: file.slice(0, 4), name: file, sql: readFileSync(join(directory, file), 'utf8') }));
}

/**
 * Applies pending migrations in order, each recorded in schema_migration. Safe to run twice and
 * while another instance migrates the same database: an advisory lock held for the transaction
 * makes the second instance wait, then find nothing left to do.
 */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<string[]> {
  return db.transaction((tx) => applyMigrations(tx, migrations));
}

/** What `migrate` does, inside the caller's transaction (a restore migrates and loads in one). */
export async function applyMigrations(tx: Queryable, migrations: readonly Migration[]): Promise<string[]> {
  await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
  await tx.exec(`create table if not exists schema_migration (
    version text primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const applied = new Set(
    (await tx.query<{ version: string }>('select version from schema_migration')).map((row) => row.version),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await tx.exec(migration.sql);
    await tx.query('insert into schema_migration (version, name) values ($1, $2)', [migration.version, migration.name]);
    done.push(migration.name);
  }
  return done;
}
