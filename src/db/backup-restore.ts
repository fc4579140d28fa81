import { Conflict, Invalid } from '../domain/errors.js';
import type { Database, Queryable } from './database.js';
import { applyMigrations, loadMigrations, type Migration } from './migrate.js';
import { verifyAudit } from './audit-log.js';
import { auditSummary } from './backup.js';
import { readArchive, readManifest, type Frame, type Manifest } from './backup-archive.js';
import { exportRows, FRAME_BYTES, TableDigest, useCanonicalText } from './backup-export.js';
import { discoverTables, MIGRATION_TABLE, quoteIdent, type BackupTable, type SchemaTables } from './backup-tables.js';

/** COPY text gathered for one COPY into the target: a few frames. */
const LOAD_BYTES = 4 * FRAME_BYTES;

export interface RestoreOptions {
  /** Replace whatever the target holds (in the same transaction) instead of refusing a non-empty one. */
  force?: boolean;
  /** The migrations this version ships (tests add their own). */
  migrations?: readonly Migration[];
  /** COPY text per COPY statement at most (tests use one frame per statement); default LOAD_BYTES. */
  loadBytes?: number;
  /** Rows per page when reading the target back on PGlite; default PAGE_ROWS. */
  pageRows?: number;
}

export interface RestoreReport {
  manifest: Manifest;
  rows: number;
  /** Migrations newer than the archive, applied after its data was loaded and checked. */
  migratedForward: string[];
}

/**
 * Restores an archive written by `backupDatabase` into the current schema, in one transaction: migrates to the
 * archive's version, loads every table with COPY, sets identity sequences, then checks the result against the
 * manifest (each table's row count and SHA-256, read back from the target; the audit chain verified, of the
 * same length and last hash) and only then migrates forward and commits. Any failure rolls it all back.
 * Memory: about LOAD_BYTES of COPY text and one frame at a time, plus an export page while checking.
 */
export async function restoreDatabase(
  db: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const frames = readArchive(file);
  try {
    const manifest = await readManifest(file, frames);
    const known = options.migrations ?? loadMigrations();
    const upToArchive = migrationsOfArchive(manifest, known, file);
    return await db.transaction(async (tx) => {
      await clearTarget(tx, manifest, options.force ?? false);
      await applyMigrations(tx, upToArchive, db.engine);
      await useCanonicalText(tx);
      const target = await discoverTables(tx);
      const tables = matchTables(manifest, target);
      const rows = await withChecksOff(tx, tables, target, () =>
        loadTables(tx, file, frames, manifest, tables, options.loadBytes ?? LOAD_BYTES),
      );
      for (const table of tables) await restoreSequences(tx, table, manifest);
      for (const table of tables) await tx.exec(`analyze ${quoteIdent(table.name)}`);
      await checkAgainstManifest(tx, { paged: db.engine === 'pglite', pageRows: options.pageRows }, tables, manifest);
      const migratedForward = await applyMigrations(tx, known, db.engine);
      return { manifest, rows, migratedForward };
    });
  } finally {
    await frames.return(undefined);
  }
}

/** The shipped migrations the archive was at; refuses an archive from a newer (or different) version. */
function migrationsOfArchive(manifest: Manifest, known: readonly Migration[], file: string): Migration[] {
  const byVersion = new Map(known.map((m) => [m.version, m]));
  for (const migration of manifest.migrations) {
    const here = byVersion.get(migration.version);
    if (!here)
      throw new Invalid(
        'backup.version',
        `${file} comes from a newer DX Compact (${manifest.appVersion}, migration ${migration.name} is unknown here): upgrade before restoring it`,
      );
    if (here.name !== migration.name)
      throw new Invalid(
        'backup.version',
        `${file} has migration ${migration.version} as ${migration.name}, this version as ${here.name}: not the same schema`,
      );
  }
  const inArchive = new Set(manifest.migrations.map((m) => m.version));
  return known.filter((m) => inArchive.has(m.version));
}

/** Refuses a target that holds data (or is ahead of the archive); with `force`, empties its tables. */
async function clearTarget(tx: Queryable, manifest: Manifest, force: boolean): Promise<void> {
  const [present] = await tx.query<{ present: boolean }>(
    `select to_regclass(format('%I.%I', current_schema(), $1::text)) is not null as present`,
    [MIGRATION_TABLE],
  );
  if (present?.present) {
    const inArchive = new Set(manifest.migrations.map((m) => m.version));
    const applied = await tx.query<{ version: string; name: string }>(
      `select version, name from ${MIGRATION_TABLE} order by version`,
    );
    const ahead = applied.filter((m) => !inArchive.has(m.version)).map((m) => m.name);
    if (ahead.length > 0)
      throw new Invalid(
        'backup.version',
        `The target database has migration ${ahead[0]}, which the archive predates: restore into an empty database`,
      );
  }
  const { tables } = await discoverTables(tx);
  const holding: string[] = [];
  for (const table of tables) {
    const [row] = await tx.query<{ any: boolean }>(`select exists (select from ${quoteIdent(table.name)}) as any`);
    if (row?.any) holding.push(table.name);
  }
  if (holding.length === 0) return;
  if (!force)
    throw new Conflict(
      'backup.not_empty',
      `The target database is not empty (${holding.slice(0, 3).join(', ')}${holding.length > 3 ? ', …' : ''} hold rows): restore into an empty database, or pass --force to replace everything in it`,
    );
  await tx.exec(`truncate table ${tables.map((t) => quoteIdent(t.name)).join(', ')} restart identity`);
}

/** The target's tables in the archive's order, each with the archive's columns, key and order. */
function matchTables(manifest: Manifest, target: SchemaTables): BackupTable[] {
  const byName = new Map(target.tables.map((t) => [t.name, t]));
  return manifest.tables.map((archived) => {
    const table = byName.get(archived.name);
    if (!table)
      throw new Invalid(
        'backup.mismatch',
        `Table ${archived.name} is in the archive but not in the migrated target: no migration creates it`,
      );
    const shape = (columns: readonly { name: string; type: string }[]) =>
      columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (shape(table.columns) !== shape(archived.columns))
      throw new Invalid(
        'backup.mismatch',
        `Table ${archived.name}: the archive has columns (${shape(archived.columns)}), the target (${shape(table.columns)})`,
      );
    if (table.key.join(',') !== archived.key.join(','))
      throw new Invalid('backup.mismatch', `Table ${archived.name}: its primary key differs from the archive's`);
    return table;
  });
}

/**
 * Runs the load with the target's user triggers off (a trigger must not add rows to what is being restored)
 * and with the foreign keys that the load order cannot satisfy (a self-reference such as org_unit.parent_id,
 * whose parent may sit in a later COPY, or a cycle) deferred to the end of the load, then checked at once.
 */
async function withChecksOff<T>(
  tx: Queryable,
  tables: readonly BackupTable[],
  target: SchemaTables,
  load: () => Promise<T>,
): Promise<T> {
  const position = new Map(tables.map((t, i) => [t.name, i]));
  const deferred = target.foreignKeys.filter(
    (fk) =>
      !fk.deferrable &&
      position.has(fk.table) &&
      position.has(fk.references) &&
      position.get(fk.references)! >= position.get(fk.table)!,
  );
  const triggers = await tx.query<{ table: string; name: string }>(
    `select c.relname::text as table, t.tgname::text as name
     from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and not t.tgisinternal and t.tgenabled <> 'D'`,
  );
  const alter = (fk: (typeof deferred)[number], how: string) =>
    `alter table ${quoteIdent(fk.table)} alter constraint ${quoteIdent(fk.name)} ${how}`;
  for (const fk of deferred) await tx.exec(alter(fk, 'deferrable initially deferred'));
  for (const t of triggers) await tx.exec(`alter table ${quoteIdent(t.table)} disable trigger ${quoteIdent(t.name)}`);
  const result = await load();
  if (deferred.length > 0)
    await tx.exec('set constraints all immediate').catch((error: unknown) => {
      throw new Invalid('backup.corrupt', `The archive's rows break a foreign key: ${(error as Error).message}`);
    });
  for (const fk of deferred) await tx.exec(alter(fk, 'not deferrable'));
  for (const t of triggers) await tx.exec(`alter table ${quoteIdent(t.table)} enable trigger ${quoteIdent(t.name)}`);
  return result;
}

/** Copies every table's frames in, checking each table's bytes against the manifest as it ends. */
async function loadTables(
  tx: Queryable,
  file: string,
  frames: AsyncGenerator<Frame>,
  manifest: Manifest,
  tables: readonly BackupTable[],
  loadBytes: number,
): Promise<number> {
  const corrupt = (why: string) => new Invalid('backup.corrupt', `${file}: ${why}`);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  let index = -1;
  let digest = new TableDigest();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const table = tables[index]!;
    let text: string;
    try {
      text = decoder.decode(Buffer.concat(pending, pendingBytes));
    } catch {
      throw corrupt(`table ${table.name}: its rows are not UTF-8`);
    }
    pending = [];
    pendingBytes = 0;
    try {
      await tx.copyIn(
        quoteIdent(table.name),
        table.columns.map((c) => quoteIdent(c.name)),
        text,
      );
    } catch (error) {
      throw corrupt(`table ${table.name}: the database refused its rows (${(error as Error).message})`);
    }
  };
  const finishTable = async () => {
    if (index < 0) return;
    await flush();
    const archived = manifest.tables[index]!;
    const sha256 = digest.sha256();
    if (digest.rows !== archived.rows || sha256 !== archived.sha256)
      throw corrupt(
        `table ${archived.name}: its rows (${digest.rows}, SHA-256 ${sha256.slice(0, 12)}…) do not match the manifest (${archived.rows}, ${archived.sha256.slice(0, 12)}…)`,
      );
    total += digest.rows;
  };
  for (;;) {
    const next = await frames.next();
    if (next.done) throw corrupt('it ends before its end marker');
    const frame = next.value;
    if (frame.kind === 'rows') {
      if (index < 0) throw corrupt('rows come before any table');
      digest.add(frame.payload);
      pending.push(frame.payload);
      pendingBytes += frame.payload.length;
      if (pendingBytes >= loadBytes) await flush();
    } else if (frame.kind === 'table') {
      await finishTable();
      index++;
      const expected = manifest.tables[index]?.name;
      const name = frame.payload.toString('utf8');
      if (name !== expected) throw corrupt(`table ${name} where the manifest lists ${expected ?? 'no more tables'}`);
      digest = new TableDigest();
    } else if (frame.kind === 'end') {
      await finishTable();
      if (index !== manifest.tables.length - 1)
        throw corrupt(`it ends after ${index + 1} of the manifest's ${manifest.tables.length} tables`);
      return total;
    } else {
      throw corrupt('a second manifest');
    }
  }
}

/** Identity and serial sequences continue after the restored ids (and never below the source's position). */
async function restoreSequences(tx: Queryable, table: BackupTable, manifest: Manifest): Promise<void> {
  const archived = manifest.tables.find((t) => t.name === table.name)!;
  for (const column of table.columns) {
    if (!column.sequence) continue;
    const lastValue = archived.sequences.find((s) => s.column === column.name)?.lastValue ?? null;
    // setval is strict: with no rows and no position (both null) the fresh sequence is left alone.
    await tx.query(
      `select setval($1::regclass, greatest((select max(${quoteIdent(column.name)}) from ${quoteIdent(table.name)})::bigint, $2::bigint))`,
      [column.sequence, lastValue],
    );
  }
}

/** Reads every restored table back in the canonical order and holds it against the manifest; then the audit chain. */
async function checkAgainstManifest(
  tx: Queryable,
  reading: { paged: boolean; pageRows?: number | undefined },
  tables: readonly BackupTable[],
  manifest: Manifest,
): Promise<void> {
  for (const [i, table] of tables.entries()) {
    const archived = manifest.tables[i]!;
    const digest = new TableDigest();
    for await (const piece of exportRows(tx, table, {
      paged: reading.paged,
      ...(reading.pageRows ? { pageRows: reading.pageRows } : {}),
    }))
      digest.add(piece);
    const sha256 = digest.sha256();
    if (digest.rows !== archived.rows || sha256 !== archived.sha256)
      throw new Invalid(
        'backup.mismatch',
        `Table ${table.name} differs after the restore: ${digest.rows} rows (SHA-256 ${sha256.slice(0, 12)}…), the source had ${archived.rows} (${archived.sha256.slice(0, 12)}…)`,
      );
  }
  if (!tables.some((t) => t.name === 'audit_log')) return;
  const verified = await verifyAudit(tx);
  if (!verified.ok)
    throw new Invalid(
      'backup.mismatch',
      `Table audit_log: the restored audit chain is broken after ${verified.records} good records: ${verified.message}`,
    );
  const { records, lastHash } = await auditSummary(tx);
  if (
    verified.records !== manifest.audit.records ||
    records !== manifest.audit.records ||
    lastHash !== manifest.audit.lastHash
  )
    throw new Invalid(
      'backup.mismatch',
      `Table audit_log: the restored chain has ${records} records ending in ${lastHash ?? 'nothing'}, the source had ${manifest.audit.records} ending in ${manifest.audit.lastHash ?? 'nothing'}`,
    );
}
