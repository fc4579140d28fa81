import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import type { Database } from './database.js';
import { openPglite } from './pglite-database.js';
import { loadMigrations, migrate, type Migration } from './migrate.js';
import { verifyAudit } from './audit-log.js';
import { loadCatalogue } from './catalogue.js';
import { writeValues, type ValueChange } from './value-writes.js';
import { backupDatabase } from './backup.js';
import { restoreDatabase } from './backup-restore.js';
import { encodeFrame, encodeManifestMember, readArchive, readManifest, type Manifest } from './backup-archive.js';
import { TableDigest, useCanonicalText } from './backup-export.js';
import { discoverTables, quoteIdent } from './backup-tables.js';

const dir = mkdtempSync(join(tmpdir(), 'dx-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const archivePath = () => join(dir, `archive-${++files}.dxb`);

type Engine = Database['engine'];
const hasServer = testEngine === 'postgres';
const awkward = 'tab\there, back\\slash, new\nline, return\r, \'quote\' "dbl", ý kiến, Đắk Lắk 🚀, \\N';

// A table as a later migration might add it: GENERATED ALWAYS identity, a generated column, a self-reference
// whose parent sorts after the child, a text key that sorts differently in byte order than in most locales.
const LATER: Migration = {
  version: '9999',
  name: '9999_backup_test_later_table.sql',
  sql: `create table later_thing (
      id integer generated always as identity primary key,
      parent_id integer references later_thing (id),
      label text not null unique,
      amount double precision,
      doubled double precision generated always as (amount * 2) stored,
      payload text
    );`,
};
const withLater = [...loadMigrations(), LATER];

/** A fresh database on either engine; PostgreSQL in a schema of its own. */
async function open(engine: Engine, migrations: readonly Migration[] | null = loadMigrations()): Promise<Database> {
  const db = engine === 'postgres' ? await openTestDatabase({ migrate: false }) : await openPglite('memory://');
  if (migrations) await migrate(db, [...migrations]);
  return db;
}

const FLOATS = ['-0', '5e-324', '2.2250738585072014e-308', '0.30000000000000004', '1.7976931348623157e+308', 'NaN'];
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('hex');

/** The small province, audited values and awkward text, floats, bytea, jsonb, timestamps and text keys. */
async function seed(db: Database, options: { later?: boolean } = {}): Promise<void> {
  await loadSmallProvince(db);
  const catalogue = await loadCatalogue(db);
  const change = (indicator: string, unit: string, period: string, value: number, comment: string | null = null) =>
    ({
      indicator: catalogue.indicators.get(indicator)!,
      unit: catalogue.units.get(unit)!,
      period,
      value,
      comment,
    }) satisfies ValueChange;
  const context = { actor: 'cán bộ\txã', requestId: 'req\\1', reason: 'nhập lại\nlần 2', source: 'test' };
  const months = Array.from({ length: 12 }, (_, m) => `2025-${String(m + 1).padStart(2, '0')}`);
  await db.transaction((tx) =>
    writeValues(
      tx,
      months.flatMap((period, m) =>
        ['C1', 'C2', 'C3'].flatMap((unit, u) => [
          change('SITES', unit, period, m + u, m === 3 ? awkward : null),
          change('COV', unit, period, 0.1 * (m + 1) + 1 / 3),
        ]),
      ),
      context,
    ),
  );
  await db.transaction((tx) => writeValues(tx, [change('SITES', 'C1', '2025-01', 42, 'sửa')], context));
  await db.query(
    `insert into cell_site (site_code, technology, band_mhz, lat, lon, antenna_height_m, azimuth_deg, mechanical_tilt_deg,
       electrical_tilt_deg, tx_power_dbm, antenna_gain_dbi, cable_loss_db, updated_by, updated_at)
     select 'S' || i, '4G', 1800, 13.98, 108.0, 30, null, f.v::float8, -f.v::float8, f.v::float8, 17.5, 0, $1,
       '2025-09-30 23:59:59.123456+07'::timestamptz + i * interval '1 microsecond'
     from unnest($2::text[]) with ordinality as f(v, i)`,
    [awkward, FLOATS],
  );
  await db.query(`insert into coverage_input (sha256, kind, name, bytes) values ($1, 'dem', $2, decode($3, 'hex'))`, [
    'ab'.repeat(32),
    awkward,
    ALL_BYTES,
  ]);
  await db.query(
    `insert into coverage_run (id, status, root_unit_id, period, params, inputs, created_by, created_at, result)
     select 'f47ac10b-58cc-4372-a567-0e02b2c3d479', 'succeeded', id, '2025-12', $1::jsonb, '{}', 'cli', '2025-01-01 00:00:00.000001+00', null
     from org_unit where code = 'P1'`,
    [JSON.stringify({ note: awkward, tiny: 1e-7, big: 2 ** 60, nested: { list: [1, null, true] } })],
  );
  await db.query(
    `insert into coverage_run_tile (run_id, tile, status, result) values
       ('f47ac10b-58cc-4372-a567-0e02b2c3d479', 0, 'done', decode($1, 'hex')),
       ('f47ac10b-58cc-4372-a567-0e02b2c3d479', 1, 'queued', null)`,
    [ALL_BYTES],
  );
  // Text keys with quotes, backslashes, tabs and letters that order differently by locale.
  await db.query(
    `insert into dhis2_mapping (kind, dhis2_id, code)
     select 'data_element', id, 'CODE' || n from unnest($1::text[]) with ordinality as k(id, n)`,
    [["a'b", 'B', 'á', 'a\\b\tc', 'Z', 'a', 'Ω', 'b']],
  );
  await db.query(
    `insert into idempotency_key (key, request_hash, status_code, response) values ($1, 'h', 200, $2::jsonb)`,
    [awkward, JSON.stringify({ body: awkward })],
  );
  if (options.later) {
    await db.query(
      `insert into later_thing (label, amount, payload) select 'thing ' || g, g / 7.0, repeat('x', 500) from generate_series(1, 3000) g`,
    );
    // The first row points at one of the last: loaded by id, its parent comes in a later COPY.
    await db.query(`update later_thing set parent_id = 2999 where id = 1`);
    await db.query(`delete from later_thing where id in (2, 3000)`); // a gap, and the sequence past max(id)
  }
}

/** Every table's rows as text (canonical settings), sorted: what "equal row by row" is held against. */
async function contents(db: Database): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await useCanonicalText(tx);
    const { tables } = await discoverTables(tx);
    const out: Record<string, string[]> = {};
    for (const table of tables) {
      const rows = await tx.query<{ row: string }>(
        `select t::text as row from ${quoteIdent(table.name)} t order by t::text collate "C"`,
      );
      out[table.name] = rows.map((r) => r.row);
    }
    out.schema_migration = (await tx.query<{ v: string }>('select version as v from schema_migration order by 1')).map(
      (r) => r.v,
    );
    return out;
  });
}

const tableNames = async (db: Database) =>
  (
    await db.query<{
      name: string;
    }>(`select relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = current_schema() and c.relkind = 'r' order by 1`)
  ).map((r) => r.name);

async function expectEmpty(db: Database) {
  const { tables } = await discoverTables(db);
  for (const table of tables)
    expect(await db.query(`select 1 from ${quoteIdent(table.name)} limit 1`), table.name).toEqual([]);
}

/** Reads an archive whole (tests only: small) and writes it again, changed by `edit`. */
async function rewrite(
  from: string,
  edit: (manifest: Manifest, rows: Map<string, string>) => void,
  options: { rehash?: boolean } = {},
): Promise<string> {
  const frames = readArchive(from);
  const manifest = await readManifest(from, frames);
  const rows = new Map<string, string>();
  let current = '';
  for await (const frame of frames) {
    if (frame.kind === 'table') rows.set((current = frame.payload.toString('utf8')), '');
    if (frame.kind === 'rows') rows.set(current, rows.get(current)! + frame.payload.toString('utf8'));
  }
  edit(manifest, rows);
  if (options.rehash)
    for (const table of manifest.tables) {
      const digest = new TableDigest();
      digest.add(Buffer.from(rows.get(table.name)!));
      table.rows = digest.rows;
      table.sha256 = digest.sha256();
    }
  const data = manifest.tables.flatMap((table) => {
    const text = rows.get(table.name)!;
    return [encodeFrame('table', table.name), ...(text ? [encodeFrame('rows', text)] : [])];
  });
  const out = archivePath();
  writeFileSync(
    out,
    Buffer.concat([encodeManifestMember(manifest), gzipSync(Buffer.concat([...data, encodeFrame('end')]))]),
  );
  return out;
}

const PAIRS: [Engine, Engine][] = [
  ['pglite', 'pglite'],
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
  ['postgres', 'postgres'],
];

describe.each(PAIRS)('a backup of %s restored into %s', (sourceEngine, targetEngine) => {
  const needsServer = sourceEngine === 'postgres' || targetEngine === 'postgres';
  it.runIf(!needsServer || hasServer)('holds every table row by row, the audit chain and the sequences', async () => {
    const source = await open(sourceEngine, withLater);
    const target = await open(targetEngine, null); // not even migrated
    try {
      await seed(source, { later: true });
      const file = archivePath();
      // Small pages so that PGlite's reads cross page ends in every table with more than a few rows.
      const { manifest } = await backupDatabase(source, file, { appVersion: 'test', pageRows: 7 });
      expect(manifest.engine).toBe(sourceEngine);
      expect(manifest.tables.map((t) => t.name)).toContain('later_thing'); // found in the catalog, not listed
      const names = manifest.tables.map((t) => t.name);
      expect(names.indexOf('org_unit')).toBeLessThan(names.indexOf('indicator_value')); // parents first
      expect(manifest.tables.find((t) => t.name === 'later_thing')!.columns.map((c) => c.name)).not.toContain(
        'doubled',
      );
      expect(manifest.audit.records).toBeGreaterThan(70);

      // One COPY per frame: the self-reference's parent lands in a later statement than its child.
      const report = await restoreDatabase(target, file, { migrations: withLater, loadBytes: 1, pageRows: 5 });
      expect(report.rows).toBe(manifest.tables.reduce((sum, t) => sum + t.rows, 0));
      expect(report.migratedForward).toEqual([]);

      expect(await contents(target)).toEqual(await contents(source));
      const audit = await verifyAudit(target);
      expect(audit).toEqual({ ok: true, records: manifest.audit.records });

      // Doubles to the bit, bytea to the byte, timestamps to the microsecond, read back on the target itself.
      const floats = await target.query<{ bits: string; v: number }>(
        `select encode(float8send(mechanical_tilt_deg), 'hex') as bits, mechanical_tilt_deg as v from cell_site order by id`,
      );
      const expected = await source.query<{ bits: string }>(
        `select encode(float8send(mechanical_tilt_deg), 'hex') as bits from cell_site order by id`,
      );
      expect(floats.map((f) => f.bits)).toEqual(expected.map((f) => f.bits));
      expect(Object.is(floats[0]!.v, -0)).toBe(true);
      expect(floats[1]!.v).toBe(5e-324);
      expect(floats[3]!.v).toBe(0.1 + 0.2);
      const [bytes] = await target.query<{ hex: string; name: string }>(
        `select encode(bytes, 'hex') as hex, name from coverage_input`,
      );
      expect(bytes).toEqual({ hex: ALL_BYTES, name: awkward });
      const [stamp] = await target.query<{ at: string }>(
        `select to_char(min(updated_at) at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as at from cell_site`,
      );
      expect(stamp!.at).toBe('2025-09-30 16:59:59.123457');

      // Identity columns continue where the source's did: past the deleted row 3000, not at max(id) + 1.
      const [{ id } = { id: 0 }] = await target.query<{ id: number }>(
        `insert into later_thing (label) values ('new') returning id`,
      );
      const [{ id: sourceNext } = { id: 0 }] = await source.query<{ id: number }>(
        `insert into later_thing (label) values ('new') returning id`,
      );
      expect([id, sourceNext]).toEqual([3001, 3001]);
      const [unit] = await target.query<{ id: number }>(
        `insert into org_unit (code, parent_id, level, unit_type, name_vi) select 'C9', id, 'commune', 'commune', 'Xã Chín'
         from org_unit where code = 'P1' returning id`,
      );
      expect(unit!.id).toBe(6);
      const [fk] = await target.query<{ deferrable: boolean }>(
        `select condeferrable as deferrable from pg_constraint where conname = 'later_thing_parent_id_fkey'`,
      );
      expect(fk!.deferrable).toBe(false); // deferred only for the load
    } finally {
      await source.close();
      await target.close();
    }
  });
});

describe(`restore refuses what it cannot check (${testEngine})`, () => {
  let source: Database;
  let file = '';
  const setUp = async () => {
    if (file) return;
    source = await open(testEngine);
    await seed(source);
    file = archivePath();
    await backupDatabase(source, file, { appVersion: 'test' });
  };
  afterAll(() => source?.close());

  const refused = async (archive: string, pattern: RegExp, code: string, target?: Database) => {
    const db = target ?? (await open(testEngine));
    try {
      const error = await restoreDatabase(db, archive).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code, message: expect.stringMatching(pattern) });
      if (!target) await expectEmpty(db);
      return db;
    } finally {
      if (!target) await db.close();
    }
  };

  it('refuses a truncated archive and leaves the target empty', async () => {
    await setUp();
    const bytes = readFileSync(file);
    for (const keep of [0.9, 0.5]) {
      const cut = archivePath();
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * keep)));
      await refused(cut, /not a complete DX Compact backup/, 'backup.corrupt');
    }
    // Cut cleanly at a frame boundary (a well-formed gzip stream): the missing end marker gives it away.
    const decompressed = gunzipSync(bytes);
    const clean = archivePath();
    writeFileSync(clean, gzipSync(decompressed.subarray(0, decompressed.lastIndexOf('end 0\n'))));
    await refused(clean, /ends before its end marker/, 'backup.corrupt');
  });

  it('refuses an altered archive, naming the table, and leaves the target empty', async () => {
    await setUp();
    const bytes = Buffer.from(readFileSync(file));
    bytes[bytes.length - 200] = bytes[bytes.length - 200]! ^ 0xff; // inside the compressed data
    const flipped = archivePath();
    writeFileSync(flipped, bytes);
    await refused(flipped, /not a complete DX Compact backup/, 'backup.corrupt');

    const edited = await rewrite(file, (_, rows) =>
      rows.set('indicator_value', rows.get('indicator_value')!.replace('\t42\t', '\t43\t')),
    );
    await refused(edited, /table indicator_value: its rows .* do not match the manifest/, 'backup.corrupt');
  });

  it('fails the check on a tampered audit record even when the table hash is made to match', async () => {
    await setUp();
    const tampered = await rewrite(
      file,
      (_, rows) => rows.set('audit_log', rows.get('audit_log')!.replace('sửa', 'sua')),
      { rehash: true },
    );
    await refused(
      tampered,
      /audit_log: the restored audit chain is broken .*audit record \d+ was altered/,
      'backup.mismatch',
    );
  });

  it('refuses an archive from a newer version before touching the target', async () => {
    await setUp();
    const newer = await rewrite(file, (manifest) => manifest.migrations.push({ version: '9999', name: '9999_x.sql' }));
    await refused(newer, /newer DX Compact .* 9999_x\.sql is unknown here/, 'backup.version');
  });

  it('refuses a non-empty target, and with force replaces everything in one transaction', async () => {
    await setUp();
    const target = await open(testEngine);
    try {
      await loadSmallProvince(target);
      await target.query(`insert into dhis2_mapping (kind, dhis2_id, code) values ('org_unit', 'x', 'only-here')`);
      await refused(file, /not empty .* --force/, 'backup.not_empty', target);
      expect(await target.query(`select code from dhis2_mapping`)).toEqual([{ code: 'only-here' }]);

      // A force restore that fails is rolled back whole: the target keeps what it had.
      const edited = await rewrite(file, (_, rows) =>
        rows.set('indicator_value', rows.get('indicator_value')!.replace('\t42\t', '\t43\t')),
      );
      await expect(restoreDatabase(target, edited, { force: true })).rejects.toMatchObject({ code: 'backup.corrupt' });
      expect(await target.query(`select code from dhis2_mapping`)).toEqual([{ code: 'only-here' }]);

      await restoreDatabase(target, file, { force: true });
      expect(await contents(target)).toEqual(await contents(source));
    } finally {
      await target.close();
    }
  });

  it('restores an archive from an older version, then migrates forward', async () => {
    await setUp();
    const target = await open(testEngine, null);
    try {
      const report = await restoreDatabase(target, file, { migrations: withLater });
      expect(report.migratedForward).toEqual([LATER.name]);
      expect(await tableNames(target)).toContain('later_thing');
      const { later_thing, schema_migration, ...restored } = await contents(target);
      const { schema_migration: sourceMigrations, ...original } = await contents(source);
      expect(restored).toEqual(original);
      expect(later_thing).toEqual([]);
      expect(schema_migration).toEqual([...sourceMigrations!, '9999']);
    } finally {
      await target.close();
    }
  });
});
