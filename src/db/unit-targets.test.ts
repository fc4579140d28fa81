import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { findIndicator } from './indicators.js';
import { findUnit } from './org-units.js';
import { progressSummary } from './progress-summary.js';
import { effectiveTargets } from './unit-targets.js';

let db: TestDatabase;

async function setTarget(indicator: string, unit: string, year: number, kind: 'baseline' | 'target', value: number) {
  await db.query(
    `insert into indicator_target (indicator_id, org_unit_id, year, kind, value, updated_by)
     select i.id, u.id, $3, $4, $5, 'test' from indicator i, org_unit u where i.code = $1 and u.code = $2`,
    [indicator, unit, year, kind, value],
  );
}

async function report(indicator: string, unit: string, period: string, value: number) {
  await db.query(
    `insert into period (code, period_type, start_date, end_date) values ($1, 'month', $2, $3) on conflict (code) do nothing`,
    [period, `${period}-01`, `${period}-30`],
  );
  await db.query(
    `insert into indicator_value (indicator_id, org_unit_id, period_id, value, updated_by)
     select i.id, u.id, p.id, $4, 'test' from indicator i, org_unit u, period p
      where i.code = $1 and u.code = $2 and p.code = $3`,
    [indicator, unit, period, value],
  );
}

async function targetsOf(indicator: string, unit: string) {
  return effectiveTargets(db, await findIndicator(db, indicator), await findUnit(db, unit));
}

const storedTargets = async () =>
  (await db.query<{ n: number }>('select count(*)::int as n from indicator_target'))[0]!.n;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSmallProvince(db);
  // The province's targets only, as in the demo; C1 holds 10 % of its 10,000 people.
  for (const code of ['SITES', 'COV', 'FIBRE', 'INVOICES']) {
    await setTarget(code, 'P1', 2024, 'baseline', code === 'COV' ? 80 : 100);
    await setTarget(code, 'P1', 2030, 'target', code === 'COV' ? 98 : 400);
  }
  await setTarget('SITES', 'C2', 2024, 'baseline', 20);
  await setTarget('SITES', 'C2', 2030, 'target', 90);
  for (const commune of ['C1', 'C2', 'C3']) await report('SITES', commune, '2025-06', 15);
});
afterAll(() => db.close());

describe('effectiveTargets', () => {
  it('splits a province’s count target by the commune’s share of the population', async () => {
    expect(await targetsOf('SITES', 'C1')).toEqual({
      source: 'split_from_province',
      targets: [
        { year: 2024, kind: 'baseline', value: 10, isDemo: false },
        { year: 2030, kind: 'target', value: 40, isDemo: false },
      ],
    });
  });

  it('applies a province’s percentage target as it is', async () => {
    const { source, targets } = await targetsOf('COV', 'C3');
    expect(source).toBe('split_from_province');
    expect(targets.map((t) => t.value)).toEqual([80, 98]);
  });

  it('keeps a commune’s own targets', async () => {
    const { source, targets } = await targetsOf('SITES', 'C2');
    expect(source).toBe('own');
    expect(targets.map((t) => t.value)).toEqual([20, 90]);
  });

  it('gives none for a share of communes, nor for an indicator reported only by the province', async () => {
    expect(await targetsOf('FIBRE', 'C1')).toEqual({ source: 'none', targets: [] });
    expect(await targetsOf('INVOICES', 'C1')).toEqual({ source: 'none', targets: [] });
  });

  it('writes nothing', async () => {
    const before = await storedTargets();
    await targetsOf('SITES', 'C3');
    expect(await storedTargets()).toBe(before);
  });
});

describe('a commune’s overview', () => {
  it('shows the split target and a status instead of “no target”', async () => {
    const summary = await progressSummary(db, 'C1', 2025);
    const sites = summary.areas.flatMap((a) => a.indicators).find((i) => i.code === 'SITES')!;
    expect(sites).toMatchObject({
      targetSource: 'split_from_province',
      baseline: { year: 2024, value: 10 },
      target: { year: 2030, value: 40 },
      current: 15,
    });
    expect(sites.attainment).toBeCloseTo(15 / 40);
    // Expected at the end of June 2025: 10 + 1.5 × (30 ÷ 6) = 12.5, below the 15 reported.
    expect(sites.expected).toBeCloseTo(12.5);
    expect(sites.status).toBe('on_track');
  });

  it('marks the province’s own targets as its own and leaves cards without any unmarked', async () => {
    const province = (await progressSummary(db, 'P1', 2025)).areas.flatMap((a) => a.indicators);
    expect(province.find((i) => i.code === 'SITES')!.targetSource).toBe('own');
    const commune = (await progressSummary(db, 'C1', 2025)).areas.flatMap((a) => a.indicators);
    expect(commune.find((i) => i.code === 'FIBRE')).toMatchObject({ target: null, status: 'no_target' });
    expect(commune.find((i) => i.code === 'FIBRE')!.targetSource).toBeUndefined();
  });
});
