import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { loadCatalogue } from './catalogue.js';
import { leafTimeSummaries } from './indicator-values.js';
import { ensurePeriods } from './periods.js';

describe('leafTimeSummaries', () => {
  let db: TestDatabase;
  let indicatorId: number;
  let unitIds: number[];
  beforeAll(async () => {
    db = await openTestDatabase();
    await loadSmallProvince(db);
    const catalogue = await loadCatalogue(db);
    const sites = catalogue.indicators.get('SITES')!;
    indicatorId = sites.id;
    unitIds = ['C1', 'C2'].map((code) => catalogue.units.get(code)!.id);
    const at = (unit: string, period: string, value: number) => ({
      indicator: sites,
      unit: catalogue.units.get(unit)!,
      period,
      value,
    });
    const months = Array.from({ length: 12 }, (_, m) => at('C1', `2025-${String(m + 1).padStart(2, '0')}`, m + 1));
    // 2025-12, 2025Q4 and 2025 all end on 31 December: the month is the latest, most specific value.
    const coarse = [at('C1', '2025Q4', 100), at('C1', '2025', 1000), at('C2', '2025Q1', 7), at('C2', '2024-12', 99)];
    // Overlapping period types are refused on every write path today; data stored before that still rolls up.
    const all = [...months, ...coarse];
    const periodIds = await ensurePeriods(
      db,
      all.map((v) => v.period),
    );
    await db.query(
      `insert into indicator_value (indicator_id, org_unit_id, period_id, value, updated_by)
       select i, u, p, v, 't' from unnest($1::int[], $2::int[], $3::int[], $4::float8[]) as k(i, u, p, v)`,
      [
        all.map((v) => v.indicator.id),
        all.map((v) => v.unit.id),
        all.map((v) => periodIds.get(v.period)),
        all.map((v) => v.value),
      ],
    );
  });
  afterAll(() => db.close());

  const summaries = async (bucket: 'year' | 'quarter' | 'month') =>
    (await leafTimeSummaries(db, { indicatorId, unitIds, bucket, fromDate: '2025-01-01', toDate: '2025-12-31' }))
      .map(({ unitId, ...rest }) => ({ unit: unitIds.indexOf(unitId) === 0 ? 'C1' : 'C2', ...rest }))
      .sort((a, b) => a.unit.localeCompare(b.unit) || a.bucket.localeCompare(b.bucket));

  it('sums, counts and takes the latest value per unit and year; a tie goes to the most specific period', async () => {
    expect(await summaries('year')).toEqual([
      { unit: 'C1', bucket: '2025', sum: 78 + 100 + 1000, count: 14, lastValue: 12, lastPeriodEnd: '2025-12-31' },
      { unit: 'C2', bucket: '2025', sum: 7, count: 1, lastValue: 7, lastPeriodEnd: '2025-03-31' },
    ]);
  });

  it('puts a value only in buckets at least as coarse as its period', async () => {
    const quarters = await summaries('quarter');
    expect(quarters.map((q) => [q.unit, q.bucket, q.sum, q.count, q.lastValue])).toEqual([
      ['C1', '2025Q1', 6, 3, 3],
      ['C1', '2025Q2', 15, 3, 6],
      ['C1', '2025Q3', 24, 3, 9],
      ['C1', '2025Q4', 33 + 100, 4, 12],
      ['C2', '2025Q1', 7, 1, 7],
    ]);
    const months = await summaries('month');
    expect(months).toHaveLength(12); // C2 has no month in 2025; the year and quarter values stay out
    expect(months.at(-1)).toEqual({
      unit: 'C1',
      bucket: '2025-12',
      sum: 12,
      count: 1,
      lastValue: 12,
      lastPeriodEnd: '2025-12-31',
    });
  });
});
