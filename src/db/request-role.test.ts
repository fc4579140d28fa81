import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { REQUEST_ROLE } from './migrate.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await loadSmallProvince(db);
});
afterAll(() => db.close());

async function asRequest<T>(
  units: string,
  work: (tx: Parameters<Parameters<TestDatabase['transaction']>[0]>[0]) => Promise<T>,
) {
  return db.transaction(async (tx) => {
    await tx.query(`select set_config('dx.write_units', $1, true), set_config('dx.write_indicators', '*', true)`, [
      units,
    ]);
    await tx.exec(`set local role ${REQUEST_ROLE}`);
    return work(tx);
  });
}

it('keeps an unscoped update inside the units of the transaction', async () => {
  await db.exec(`insert into period (code, period_type, start_date, end_date) values ('2025-01', 'month', '2025-01-01', '2025-01-31');
    insert into indicator_value (indicator_id, org_unit_id, period_id, value, updated_by)
      select i.id, u.id, p.id, 1, 'seed' from indicator i, org_unit u, period p where i.code = 'SITES' and u.level = 'commune'`);
  const [c1] = await db.query<{ id: number }>(`select id from org_unit where code = 'C1'`);
  const changed = await asRequest(String(c1!.id), (tx) =>
    tx.query('update indicator_value set value = 99 returning org_unit_id'),
  );
  expect(changed).toHaveLength(1);
  const rows = await db.query<{ code: string; value: number }>(
    `select u.code, v.value from indicator_value v join org_unit u on u.id = v.org_unit_id order by u.code`,
  );
  expect(rows).toEqual([
    { code: 'C1', value: 99 },
    { code: 'C2', value: 1 },
    { code: 'C3', value: 1 },
  ]);
});

it('refuses an insert outside the units and cannot read account secrets', async () => {
  const [c2] = await db.query<{ id: number }>(`select id from org_unit where code = 'C2'`);
  await expect(
    asRequest('', (tx) =>
      tx.query(
        `insert into indicator_value (indicator_id, org_unit_id, period_id, value, updated_by)
        select i.id, $1, p.id, 5, 'x' from indicator i, period p where i.code = 'COV'`,
        [c2!.id],
      ),
    ),
  ).rejects.toThrow(/row-level security/);
  await expect(asRequest('*', (tx) => tx.query('select * from app_user'))).rejects.toThrow(/permission denied/);
});
