import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase, testEngine, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { loadCatalogue } from './catalogue.js';
import { writeValues, type ValueChange } from './value-writes.js';
import { findIndicator } from './indicators.js';
import { findUnit } from './org-units.js';
import { rollUpSeries } from './roll-ups.js';
import { rollUpFromValues } from './raw-roll-ups.js';
import { figuresStamp } from './stored-aggregates.js';
import { DomainError } from '../domain/errors.js';
import { parsePeriod, type PeriodType } from '../domain/periods.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await loadSmallProvince(db);
  // A second province, so that the nation rolls up over more than one.
  await db.exec(`
    insert into org_unit (code, parent_id, level, unit_type, name_vi, population)
      select 'P2', id, 'province', 'province', 'Tỉnh Hai', 500 from org_unit where code = 'VN';
    insert into org_unit (code, parent_id, level, unit_type, name_vi, population)
      select 'C4', id, 'commune', 'commune', 'Xã Bốn', 500 from org_unit where code = 'P2';
    insert into org_unit (code, parent_id, level, unit_type, name_vi, population)
      select 'C5', id, 'commune', 'commune', 'Xã Năm', null from org_unit where code = 'P2';`);
}, 60_000);
afterAll(async () => db?.close());

const INDICATORS = ['COV', 'SITES', 'FILINGS', 'FIBRE', 'INVOICES', 'INCIDENTS'] as const;
const COMMUNES = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
const PERIODS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025Q1', '2025Q2', '2025', '2024-12'] as const;
const context = { actor: 'kiểm tra', requestId: 'aggregates', reason: null, source: 'test' };

type Step =
  | { kind: 'write'; values: { indicator: string; unit: string; period: string; value: number | null }[] }
  | { kind: 'delete-unit'; unit: string }
  | { kind: 'population'; unit: string; population: number | null }
  | { kind: 'time-rule'; indicator: string }
  | { kind: 'unit-rule'; indicator: string; rule: 'sum' | 'average' | 'min' | 'max' };

const valueArb = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      values: fc.array(
        fc.record({
          indicator: fc.constantFrom(...INDICATORS),
          unit: fc.constantFrom(...COMMUNES, 'P1', 'P2'),
          period: fc.constantFrom(...PERIODS),
          value: fc.option(valueArb, { freq: 6 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete-unit' as const), unit: fc.constantFrom(...COMMUNES) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('population' as const),
      unit: fc.constantFrom(...COMMUNES),
      population: fc.option(fc.integer({ min: 0, max: 5000 }), { freq: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('time-rule' as const), indicator: fc.constantFrom('SITES', 'FILINGS') }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unit-rule' as const),
      indicator: fc.constantFrom('SITES', 'FILINGS'),
      rule: fc.constantFrom('sum' as const, 'average' as const, 'min' as const, 'max' as const),
    }),
  },
);

async function apply(step: Step): Promise<void> {
  switch (step.kind) {
    case 'write': {
      const catalogue = await loadCatalogue(db);
      const changes: ValueChange[] = step.values
        .map((v) => {
          const indicator = catalogue.indicators.get(v.indicator)!;
          const value =
            v.value === null || indicator.valueType === 'percent' || indicator.valueType === 'number'
              ? v.value
              : indicator.valueType === 'boolean'
                ? Math.round(v.value) % 2
                : Math.round(v.value);
          return { indicator, unit: catalogue.units.get(v.unit)!, period: v.period, value };
        })
        // Values at the wrong level are refused by the write: keep the batch to what can land.
        .filter((c) => c.unit.level === c.indicator.reportingLevel);
      // Overlapping periods replace what they cover, as an import asked to replace would.
      // A refused batch (a clash inside it) is part of the sequence too: it must leave the aggregates as they were.
      await db
        .transaction((tx) => writeValues(tx, changes, context, { replaceOverlapping: true }))
        .catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
        });
      return;
    }
    case 'delete-unit':
      await db.query('delete from indicator_value where org_unit_id = (select id from org_unit where code = $1)', [
        step.unit,
      ]);
      return;
    case 'population':
      await db.query('update org_unit set population = $2 where code = $1', [step.unit, step.population]);
      return;
    case 'time-rule':
      await db.query(
        `update indicator set time_aggregation = case time_aggregation when 'sum' then 'last' else 'sum' end
         where code = $1`,
        [step.indicator],
      );
      return;
    case 'unit-rule':
      await db.query('update indicator set unit_aggregation = $2 where code = $1', [step.indicator, step.rule]);
  }
}

async function reset(): Promise<void> {
  await db.exec(`delete from indicator_value;
    update org_unit set population = case code when 'C1' then 1000 when 'C2' then 3000 when 'C3' then 6000
      when 'C4' then 500 when 'C5' then null else population end;
    update indicator set time_aggregation = 'last', unit_aggregation = 'sum' where code = 'SITES';
    update indicator set time_aggregation = 'sum', unit_aggregation = 'sum' where code = 'FILINGS';`);
}

const RANGES: { from: string; to: string; bucket: PeriodType }[] = [
  { from: '2024-12', to: '2025-06', bucket: 'month' },
  { from: '2024-10', to: '2025-06', bucket: 'quarter' },
  { from: '2024-01', to: '2025-12', bucket: 'year' },
];

/** Every roll-up above the reporting level, stored and raw, side by side. */
async function compareAll(): Promise<void> {
  for (const code of INDICATORS) {
    const indicator = await findIndicator(db, code);
    const units = indicator.reportingLevel === 'commune' ? ['VN', 'P1', 'P2'] : ['VN'];
    for (const unitCode of units) {
      const unit = await findUnit(db, unitCode);
      for (const range of RANGES) {
        const args = { from: parsePeriod(range.from), to: parsePeriod(range.to), bucket: range.bucket };
        const stored = await rollUpSeries(db, indicator, unit, args);
        const raw = await rollUpFromValues(db, indicator, unit, args);
        const where = `${code} at ${unitCode} by ${range.bucket}`;
        expect(
          stored.map(({ value: _, ...rest }) => rest),
          where,
        ).toEqual(raw.map(({ value: _, ...rest }) => rest));
        stored.forEach((point, i) => {
          const expected = raw[i]!.value;
          if (expected === null) expect(point.value, `${where} ${point.period}`).toBeNull();
          else expect(point.value, `${where} ${point.period}`).toBeCloseTo(expected, 9);
        });
      }
    }
  }
}

it(`keeps the stored aggregates equal to the raw computation through any sequence of changes (${testEngine})`, async () => {
  const seed = Number(process.env.AGGREGATES_SEED ?? Date.now() % 100_000);
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 8 }), async (steps) => {
      await reset();
      for (const step of steps) await apply(step);
      await compareAll();
    }),
    { numRuns: Number(process.env.AGGREGATES_RUNS ?? 25), seed, endOnFailure: true },
  );
}, 600_000);

it('moves the figures stamp with each committed change, and not with a rolled-back one', async () => {
  const before = await figuresStamp(db);
  await apply({ kind: 'write', values: [{ indicator: 'SITES', unit: 'C1', period: '2026-01', value: 3 }] });
  const after = await figuresStamp(db);
  expect(after).toBeGreaterThan(before);
  await db
    .transaction(async (tx) => {
      await tx.query('delete from indicator_value');
      throw new Error('changed my mind');
    })
    .catch(() => undefined);
  expect(await figuresStamp(db)).toBe(after);
});

it('rebuilds to what the triggers kept', async () => {
  // Sums may differ in their last bits when added in another order: compared to 1e-12.
  const snapshot = async () => {
    const rows = await db.query<{ key: string; numbers: number[] }>(
      `select 'r ' || indicator_id || ' ' || org_unit_id || ' ' || bucket as key,
              array[reported, total, minimum, maximum, meeting, weighted_total, weight, weighted_reported]::float8[] as numbers
       from value_rollup
       union all
       select 's ' || indicator_id || ' ' || org_unit_id || ' ' || bucket,
              array[total, value_count, last_value, last_end - date '2000-01-01']::float8[] from value_summary
       order by 1`,
    );
    return new Map(rows.map((row) => [row.key, row.numbers]));
  };
  const kept = await snapshot();
  expect(kept.size).toBeGreaterThan(0);
  await db.query('select dx_rebuild_aggregates()');
  const rebuilt = await snapshot();
  expect([...rebuilt.keys()]).toEqual([...kept.keys()]);
  for (const [key, numbers] of rebuilt)
    numbers.forEach((n, i) => {
      const before = kept.get(key)![i]!;
      expect(Math.abs(n - before), key).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(before)));
    });
});
