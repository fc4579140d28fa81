import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { progressSummary } from './progress-summary.js';

let db: TestDatabase;

/** Sites counts for the given communes in one month. */
async function report(period: string, communes: string[]) {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const start = `${period}-01`;
  const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  await db.query(
    `insert into period (code, period_type, start_date, end_date) values ($1, 'month', $2, $3) on conflict (code) do nothing`,
    [period, start, end],
  );
  for (const commune of communes) {
    await db.query(
      `insert into indicator_value (indicator_id, org_unit_id, period_id, value, updated_by)
       select i.id, u.id, p.id, 5, 'test' from indicator i, org_unit u, period p
        where i.code = 'SITES' and u.code = $1 and p.code = $2`,
      [commune, period],
    );
  }
}

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSmallProvince(db);
  await report('2025-06', ['C1', 'C2', 'C3']);
  await report('2026-01', ['C1']); // one commune of three in the new year
});
afterAll(() => db.close());

describe('the overview’s year', () => {
  it('opens on the latest year complete enough, not the newest with any value', async () => {
    const summary = await progressSummary(db, 'P1');
    expect(summary.year).toBe(2025);
    expect(summary.yearChoice).toBe('complete_enough');
    expect(summary.years).toEqual([
      { year: 2025, reporting: 3, expected: 3, share: 1 },
      { year: 2026, reporting: 1, expected: 3, share: 1 / 3 },
    ]);
  });

  it('shows the year asked for, saying so', async () => {
    const summary = await progressSummary(db, 'P1', 2026);
    expect(summary).toMatchObject({ year: 2026, yearChoice: 'requested' });
  });

  it('counts a commune as its own single reporting unit', async () => {
    const summary = await progressSummary(db, 'C2');
    expect(summary.years).toEqual([{ year: 2025, reporting: 1, expected: 1, share: 1 }]);
  });
});
