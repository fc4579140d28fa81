import { afterEach, expect, it } from 'vitest';
import { openTestDatabase, testEngine, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadMigrations, migrate } from './migrate.js';
import { openPostgres } from './postgres-database.js';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

it('applies every migration once and records it', async () => {
  db = await openTestDatabase({ migrate: false });
  const first = await migrate(db);
  expect(first).toEqual(loadMigrations().map((m) => m.name));
  expect(await migrate(db)).toEqual([]);
  const rows = await db.query<{ version: string }>('select version from schema_migration order by version');
  expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
});

it('rolls a failing migration back whole and records nothing', async () => {
  db = await openTestDatabase({ migrate: false });
  const broken = [
    { version: '0001', name: '0001_broken.sql', sql: 'create table half_done (id int); select * from no_such_table;' },
  ];
  await expect(migrate(db, broken)).rejects.toThrow(/no_such_table/);
  const tables = await db.query(
    `select 1 from information_schema.tables where table_schema = current_schema() and table_name in ('half_done', 'schema_migration')`,
  );
  expect(tables).toEqual([]);
});

it.runIf(testEngine === 'postgres')('lets two instances migrate the same database at once', async () => {
  db = await openTestDatabase({ migrate: false });
  const other = await openPostgres(process.env.TEST_DATABASE_URL!, { schema: db.schema! });
  try {
    const [a, b] = await Promise.all([migrate(db), migrate(other)]);
    expect([...a, ...b].sort()).toEqual(loadMigrations().map((m) => m.name));
  } finally {
    await other.close();
  }
});
