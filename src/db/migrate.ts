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

/** The role request transactions switch to, so that row-level security applies to them (0006). */
export const REQUEST_ROLE = 'dx_compact_request';

/** Tables with secrets the request role never reads: sign-in code reads them as the connecting role. */
const SECRET_TABLES = ['app_user', 'recovery_code', 'user_session', 'api_token', 'oidc_login_request'];

/** Derived tables (0007) only their triggers write: the request role reads them. */
const DERIVED_TABLES = ['org_unit_closure', 'org_unit_level_count', 'value_summary', 'value_rollup', 'figures_stamp'];

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
  return db.transaction((tx) => applyMigrations(tx, migrations, db.engine));
}

/** What `migrate` does, inside the caller's transaction (a restore migrates and loads in one). */
export async function applyMigrations(
  tx: Queryable,
  migrations: readonly Migration[],
  engine: Database['engine'],
): Promise<string[]> {
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
  if (applied.has('0006') || done.some((name) => name.startsWith('0006'))) await grantRequestRole(tx, engine);
  return done;
}

/** The request role may use every table of this schema but the secret ones; re-granted after each migration run. */
async function grantRequestRole(tx: Queryable, engine: Database['engine']): Promise<void> {
  const [{ schema } = { schema: 'public' }] = await tx.query<{ schema: string }>('select current_schema() as schema');
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  await tx.exec(`grant usage on schema ${quoted} to ${REQUEST_ROLE};
    grant select, insert, update, delete on all tables in schema ${quoted} to ${REQUEST_ROLE};
    grant usage, select on all sequences in schema ${quoted} to ${REQUEST_ROLE};
    revoke all on ${SECRET_TABLES.map((t) => `${quoted}.${t}`).join(', ')} from ${REQUEST_ROLE};`);
  const derived = await tx.query<{ name: string }>(
    `select relname::text as name from pg_class where relnamespace = current_schema()::regnamespace
     and relname = any($1::text[])`,
    [DERIVED_TABLES],
  );
  if (derived.length > 0)
    await tx.exec(
      `revoke insert, update, delete, truncate on ${derived.map((t) => `${quoted}.${t.name}`).join(', ')} from ${REQUEST_ROLE}`,
    );
  // PGlite feeds COPY from its /dev/blob device, a "server file" to PostgreSQL; the files are the process's own.
  if (engine === 'pglite') await tx.exec(`grant pg_read_server_files to ${REQUEST_ROLE}`);
}
