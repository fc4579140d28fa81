import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { seedDemo } from './seed-demo.js';
import { findIndicator } from './indicators.js';
import { findUnit } from './org-units.js';
import { rollUp } from './roll-ups.js';
import { runValidation } from './validation-run.js';
import { verifyAudit } from './audit-log.js';
import { loadAgreementFile, reportedFigure } from '../demo/agreement-seed.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await seedDemo(db);
});
afterAll(() => db?.close());

const province2025 = async (code: string) =>
  rollUp(db, await findIndicator(db, code), await findUnit(db, '24'), '2025');

describe('the Gia Lai demo', () => {
  it('has the province and its 135 communes with a population of about 3.58 million', async () => {
    const [row] = await db.query<{ communes: number; wards: number; population: number; area: number; border: number }>(
      `select count(*)::int as communes, count(*) filter (where unit_type = 'ward')::int as wards,
              sum(population)::int as population, sum(area_km2) as area, count(*) filter (where is_border)::int as border
       from org_unit where level = 'commune'`,
    );
    expect(row).toMatchObject({ communes: 135, wards: 25, population: 3_583_693 });
    expect(row!.area).toBeGreaterThan(21_400);
    expect(row!.area).toBeLessThan(21_700);
    expect(row!.border).toBeGreaterThanOrEqual(3);
  });

  it.each([
    'POP_COV_4G',
    'POP_COV_2G',
    'SITES_5G',
    'SCHOOLS_FREE_INTERNET',
    'TEACHERS_DIGITAL_SIGNATURE',
    'MARKETS_4_0',
    'E_INVOICES',
    'COMMUNES_FIBRE',
    'LOCALITIES_BROADBAND',
  ])('rolls %s up to the figure the agreement reports for 2025', async (code) => {
    const expected = reportedFigure(loadAgreementFile(), code);
    const result = await province2025(code);
    expect(typeof expected).toBe('number');
    expect(Math.abs(result.value! - expected!)).toBeLessThan(1e-9);
    expect(result.reported).toBe(result.expected); // every commune reported
  });

  it('shows the reported percent exactly when rounded as the report rounds it', async () => {
    expect((await province2025('POP_COV_4G')).value!.toFixed(2)).toBe('99.21');
    expect((await province2025('POP_COV_2G')).value!.toFixed(2)).toBe('99.56');
  });

  it('computes the teachers-with-signature share as a formula over the rolled-up parts', async () => {
    expect((await province2025('TEACHERS_SIGNATURE_SHARE')).value).toBe(100);
    const mid = await rollUp(
      db,
      await findIndicator(db, 'TEACHERS_SIGNATURE_SHARE'),
      await findUnit(db, '24'),
      '2024-06',
    );
    expect(mid.value).toBeGreaterThan(50);
    expect(mid.value).toBeLessThan(100);
  });

  it('passes its own validation rules', async () => {
    const { violations } = await runValidation(db, '24', '2025-12');
    expect(violations.filter((v) => v.kind !== 'outlier')).toEqual([]);
  });

  it('has 2G coverage at least 4G coverage in every commune', async () => {
    const rows = await db.query<{ worse: number }>(
      `select count(*)::int as worse from indicator_value a
       join indicator ia on ia.id = a.indicator_id and ia.code = 'POP_COV_2G'
       join indicator_value b on b.org_unit_id = a.org_unit_id and b.period_id = a.period_id
       join indicator ib on ib.id = b.indicator_id and ib.code = 'POP_COV_4G'
       where a.value < b.value - 1e-9`,
    );
    expect(rows[0]!.worse).toBe(0);
  });

  it('flags every value as demo data', async () => {
    const [row] = await db.query<{ real: number; total: number }>(
      'select count(*) filter (where not is_demo)::int as real, count(*)::int as total from indicator_value',
    );
    expect(row!.real).toBe(0);
    expect(row!.total).toBeGreaterThan(30_000);
  });

  it('records the load in the audit chain', async () => {
    expect(await verifyAudit(db)).toEqual({ ok: true, records: 1 });
  });

  it('does nothing when run again', async () => {
    expect((await seedDemo(db)).seeded).toBe(false);
  });

  it('counts a commune that stops reporting as missing, not zero', async () => {
    await db.query(
      `delete from indicator_value where org_unit_id = (select id from org_unit where code = '60309134')
         and indicator_id = (select id from indicator where code = 'SITES_5G')`,
    );
    const result = await province2025('SITES_5G');
    expect(result.reported).toBe(134);
    expect(result.expected).toBe(135);
  });
});
