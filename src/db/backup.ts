import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Invalid } from '../domain/errors.js';
import type { Database, Queryable } from './database.js';
import { ARCHIVE_FORMAT, encodeFrame, encodeManifestMember, frameHeader, type Manifest } from './backup-archive.js';
import { exportRows, TableDigest, useCanonicalText } from './backup-export.js';
import { discoverTables, MIGRATION_TABLE, quoteIdent, type BackupTable } from './backup-tables.js';

export interface BackupOptions {
  /** The app's version, recorded in the manifest. */
  appVersion: string;
  now?: () => Date;
  /** Rows per page on PGlite at most (tests use small pages to cross page ends). */
  pageRows?: number;
}

export interface BackupReport {
  manifest: Manifest;
  /** Size of the archive file. */
  bytes: number;
}

/** The audit chain as the restore will have to find it again. */
export async function auditSummary(q: Queryable): Promise<Manifest['audit']> {
  const [row] = await q.query<{ records: number; last_hash: string | null }>(
    `select count(*)::int as records, (select hash from audit_log order by seq desc limit 1) as last_hash from audit_log`,
  );
  return { records: row?.records ?? 0, lastHash: row?.last_hash ?? null };
}

async function sequencePositions(q: Queryable, table: BackupTable): Promise<Manifest['tables'][number]['sequences']> {
  const positions: Manifest['tables'][number]['sequences'] = [];
  for (const column of table.columns) {
    if (!column.sequence) continue;
    // The sequence's own name comes from the catalog (pg_get_serial_sequence quotes it as needed).
    const [row] = await q.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text, is_called from ${column.sequence}`,
    );
    positions.push({ column: column.name, lastValue: row?.is_called ? row.last_value : null });
  }
  return positions;
}

/**
 * Writes a logical backup of the current schema to `file`: every table's rows as COPY text (tables found in
 * the catalog, parents first), read in one snapshot (repeatable read, read only), with a manifest of the
 * migrations, each table's row count and SHA-256, and the audit chain's length and last hash.
 *
 * Memory: one page of COPY text (PGlite, about PAGE_BYTES) or the socket's stream buffers (PostgreSQL), plus
 * a frame (FRAME_BYTES) and gzip's window, whatever the table sizes; a single row larger than that is held
 * whole. The file appears under its name only when complete (written beside it, then renamed).
 */
export async function backupDatabase(db: Database, file: string, options: BackupOptions): Promise<BackupReport> {
  const partial = `${file}.${process.pid}.data.tmp`;
  const assembling = `${file}.${process.pid}.tmp`;
  try {
    const manifest = await db.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read, read only');
      await useCanonicalText(tx);
      const [schema] = await tx.query<{ present: boolean; server_version: string }>(
        `select to_regclass(format('%I.%I', current_schema(), $1::text)) is not null as present,
           current_setting('server_version') as server_version`,
        [MIGRATION_TABLE],
      );
      if (!schema?.present)
        throw new Invalid('backup.no_schema', 'Nothing to back up: the database has no schema yet (run migrate)');
      const { tables } = await discoverTables(tx);
      // Held to the end: no migration can change a table under the backup once it has started.
      await tx.exec(
        `lock table ${[MIGRATION_TABLE, ...tables.map((t) => t.name)].map(quoteIdent).join(', ')} in access share mode`,
      );
      const migrations = await tx.query<{ version: string; name: string }>(
        `select version, name from ${MIGRATION_TABLE} order by version`,
      );
      const audit = tables.some((t) => t.name === 'audit_log')
        ? await auditSummary(tx)
        : { records: 0, lastHash: null };
      const entries: Manifest['tables'] = [];
      for (const table of tables)
        entries.push({
          name: table.name,
          columns: table.columns.map(({ name, type }) => ({ name, type })),
          key: table.key,
          rows: 0,
          sha256: '',
          sequences: await sequencePositions(tx, table),
        });
      const paged = db.engine === 'pglite';
      async function* frames() {
        for (const [i, table] of tables.entries()) {
          yield encodeFrame('table', table.name);
          const digest = new TableDigest();
          for await (const piece of exportRows(tx, table, {
            paged,
            ...(options.pageRows ? { pageRows: options.pageRows } : {}),
          })) {
            digest.add(piece);
            yield frameHeader('rows', piece.length);
            yield piece;
          }
          entries[i]!.rows = digest.rows;
          entries[i]!.sha256 = digest.sha256();
        }
        yield encodeFrame('end');
      }
      await pipeline(frames, createGzip(), createWriteStream(partial));
      return {
        format: ARCHIVE_FORMAT,
        appVersion: options.appVersion,
        engine: db.engine,
        serverVersion: schema.server_version,
        createdAt: (options.now?.() ?? new Date()).toISOString(),
        migrations,
        tables: entries,
        audit,
      } satisfies Manifest;
    });

    const out = await open(assembling, 'w');
    let bytes = 0;
    try {
      const member = encodeManifestMember(manifest);
      await out.write(member);
      bytes += member.length;
      for await (const chunk of createReadStream(partial)) {
        await out.write(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(assembling, file);
    return { manifest, bytes };
  } finally {
    await rm(partial, { force: true });
    await rm(assembling, { force: true });
  }
}
