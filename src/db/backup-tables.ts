import type { Queryable } from './database.js';

/** A column a backup carries: every stored column but generated ones, which the target computes again. */
export interface BackupColumn {
  name: string;
  /** format_type: 'integer', 'double precision', 'timestamp with time zone', 'character varying(20)'. */
  type: string;
  /**
   * Sorts by the database's collation, which is not byte order: a canonical export adds `collate "C"` so that
   * PGlite (always C) and a server in, say, en_US.UTF-8 put the rows in the same order.
   */
  needsByteOrder: boolean;
  /** The sequence behind an identity or serial column (qualified name), else null. */
  sequence: string | null;
}

export interface BackupTable {
  name: string;
  columns: BackupColumn[];
  /** Primary key columns in key order; empty when the table has none. */
  key: string[];
}

export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  deferrable: boolean;
}

export interface SchemaTables {
  /** Parents before children (foreign keys), ties and cycles by name. schema_migration is not among them. */
  tables: BackupTable[];
  foreignKeys: ForeignKey[];
}

/** Bookkeeping of the migrations: the manifest carries it, and a restore writes it by migrating. */
export const MIGRATION_TABLE = 'schema_migration';

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Tables and partitioned tables of the current schema (the one search_path puts first); partitions are read
// through their parent.
const TABLES = `select c.oid::int as oid, c.relname::text as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
  order by c.relname`;

const COLUMNS = `select a.attrelid::int as oid, a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type,
    a.attcollation <> 0 and coll.collname is distinct from 'C' and coll.collname is distinct from 'POSIX'
      and not (coll.collname = 'default' and db.byte_order) as needs_byte_order,
    pg_get_serial_sequence(format('%I.%I', current_schema(), c.relname), a.attname) as sequence
  from pg_attribute a
  join pg_class c on c.oid = a.attrelid
  join pg_namespace n on n.oid = c.relnamespace
  left join pg_collation coll on coll.oid = a.attcollation
  cross join (select datlocprovider = 'c' and datcollate in ('C', 'POSIX') as byte_order
              from pg_database where datname = current_database()) db
  where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
    and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
  order by a.attrelid, a.attnum`;

const KEYS = `select con.conrelid::int as oid, a.attname::text as name
  from pg_constraint con
  join pg_namespace n on n.oid = con.connamespace
  cross join lateral unnest(con.conkey) with ordinality as k(attnum, position)
  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
  where n.nspname = current_schema() and con.contype = 'p'
  order by con.conrelid, k.position`;

const FOREIGN_KEYS = `select con.conname::text as name, child.relname::text as table, parent.relname::text as references,
    con.condeferrable as deferrable
  from pg_constraint con
  join pg_class child on child.oid = con.conrelid
  join pg_class parent on parent.oid = con.confrelid
  join pg_namespace n on n.oid = child.relnamespace
  where n.nspname = current_schema() and con.contype = 'f' and parent.relnamespace = child.relnamespace
  order by child.relname, con.conname`;

/** The application's tables as the catalog has them now, so a table added by a later migration is included. */
export async function discoverTables(q: Queryable): Promise<SchemaTables> {
  // One after another: a transaction is one connection, and pg would queue (and warn about) concurrent queries.
  const tables = await q.query<{ oid: number; name: string }>(TABLES);
  const columns = await q.query<{
    oid: number;
    name: string;
    type: string;
    needs_byte_order: boolean;
    sequence: string | null;
  }>(COLUMNS);
  const keys = await q.query<{ oid: number; name: string }>(KEYS);
  const foreignKeys = await q.query<ForeignKey>(FOREIGN_KEYS);
  const byOid = new Map<number, BackupTable>();
  for (const table of tables)
    if (table.name !== MIGRATION_TABLE) byOid.set(table.oid, { name: table.name, columns: [], key: [] });
  for (const column of columns)
    byOid.get(column.oid)?.columns.push({
      name: column.name,
      type: column.type,
      needsByteOrder: column.needs_byte_order,
      sequence: column.sequence,
    });
  for (const key of keys) byOid.get(key.oid)?.key.push(key.name);
  const relevant = foreignKeys.filter((fk) => fk.table !== MIGRATION_TABLE);
  return { tables: parentsFirst([...byOid.values()], relevant), foreignKeys: relevant };
}

/**
 * Orders tables so that every table comes after the tables it references (Kahn's algorithm, ties by name).
 * A self-reference does not order anything; tables in a cycle follow the rest by name, and a restore defers
 * the foreign keys that point forward.
 */
export function parentsFirst(tables: readonly BackupTable[], foreignKeys: readonly ForeignKey[]): BackupTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const parents = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const fk of foreignKeys)
    if (fk.table !== fk.references && byName.has(fk.references)) parents.get(fk.table)?.add(fk.references);
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = [...parents.entries()]
      .filter(([name, of]) => !placed.has(name) && [...of].every((parent) => placed.has(parent)))
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) break;
    for (const name of ready) {
      placed.add(name);
      ordered.push(byName.get(name)!);
    }
  }
  const cyclic = tables.filter((table) => !placed.has(table.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  return [...ordered, ...cyclic];
}
