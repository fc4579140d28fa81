import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { demoCoverageInputs } from './demo-coverage.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db?.close());

it('refuses until the demo province is loaded, then checks the cell size', async () => {
  await expect(demoCoverageInputs(db, ['4G'], {})).rejects.toMatchObject({ code: 'coverage.demo_missing' });
  await db.query(
    `insert into org_unit (code, level, unit_type, name_vi) values ('VN', 'nation', 'nation', 'Việt Nam')`,
  );
  await db.query(
    `insert into org_unit (code, parent_id, level, unit_type, name_vi, is_demo)
     select '24', id, 'province', 'province', 'Tỉnh mẫu', true from org_unit where code = 'VN'`,
  );
  await expect(demoCoverageInputs(db, ['4G'], { cellSizeM: 1 })).rejects.toMatchObject({ code: 'coverage.demo_cell' });
});
