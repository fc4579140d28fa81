import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';

const testApp = useTestApp();
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));

const definition = (code: string, formula: string | null) => ({
  code,
  nameVi: code,
  nameEn: code,
  unitVi: '%',
  unitEn: '%',
  areaCode: 'A2',
  valueType: 'percent',
  unitAggregation: 'sum',
  timeAggregation: 'last',
  direction: 'higher',
  reportingLevel: 'commune',
  decimals: 1,
  formula,
});
let dost: Record<string, string> = {};
beforeAll(async () => {
  dost = await testApp.as({ username: 'dost', role: 'province_officer' });
});
const define = (code: string, formula: string | null) =>
  testApp.inject({
    method: 'POST',
    url: '/api/indicators',
    headers: dost,
    payload: definition(code, formula),
  });
const batch = (key: string, values: unknown[]) =>
  testApp.inject({
    method: 'POST',
    url: '/api/indicator-values/batch',
    headers: { 'idempotency-key': key },
    payload: { values },
  });
const rollup = async (indicator: string, unit: string, from: string) =>
  (await testApp.inject({ url: `/api/rollup?indicator=${indicator}&unit=${unit}&from=${from}` })).json().values[0];

describe('defining formula indicators', () => {
  it('saves a valid formula and audits it', async () => {
    const response = await define('SIGNED_SHARE', '100 * {TEACHERS_SIGNED} / {TEACHERS}');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: 'SIGNED_SHARE', formula: '100 * {TEACHERS_SIGNED} / {TEACHERS}' });
    const [audit] = await db.query<{ actor: string; action: string }>(
      `select actor, action from audit_log where entity = 'indicator' and entity_key ->> 'indicator' = 'SIGNED_SHARE'`,
    );
    expect(audit).toEqual({ actor: 'dost', action: 'indicator.create' });
  });

  it('points at the position of a syntax error', async () => {
    const response = await define('BROKEN', '100 * {TEACHERS} / )');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'formula.syntax', detail: expect.stringMatching(/column 20/) });
  });

  it('refuses unknown references and cycles', async () => {
    expect((await define('UNKNOWN_REF', '{TEACHERS} + {NOPE}')).json()).toMatchObject({
      code: 'formula.unknown_reference',
      detail: expect.stringMatching(/NOPE/),
    });
    expect((await define('CYCLE_A', '{TEACHERS} + 1')).statusCode).toBe(201);
    expect((await define('CYCLE_B', '{CYCLE_A} * 2')).statusCode).toBe(201);
    const closing = await testApp.inject({
      method: 'PUT',
      url: '/api/indicators/CYCLE_A',
      payload: { ...definition('CYCLE_A', '{CYCLE_B} - 1'), code: undefined },
    });
    expect(closing.statusCode).toBe(422);
    expect(closing.json()).toMatchObject({
      code: 'formula.cycle',
      detail: expect.stringMatching(/CYCLE_A → CYCLE_B → CYCLE_A/),
    });
  });

  it('takes no entered values for a formula indicator', async () => {
    const response = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      payload: { indicator: 'SIGNED_SHARE', unit: 'C1', period: '2025-01', value: 50 },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].message).toMatch(/computed by a formula/);
  });

  it('will not turn an indicator with stored values into a formula', async () => {
    await batch('formula-store-01', [{ indicator: 'SITES', unit: 'C1', period: '2025-01', value: 1 }]);
    const response = await testApp.inject({
      method: 'PUT',
      url: '/api/indicators/SITES',
      payload: { ...definition('SITES', '{TEACHERS}'), code: undefined },
    });
    expect(response.statusCode).toBe(409);
  });
});

describe('evaluating formulas after aggregation', () => {
  it('gives the ratio of sums, not the average of ratios', async () => {
    await batch('formula-values-01', [
      { indicator: 'TEACHERS', unit: 'C1', period: '2025-06', value: 10 },
      { indicator: 'TEACHERS_SIGNED', unit: 'C1', period: '2025-06', value: 10 },
      { indicator: 'TEACHERS', unit: 'C2', period: '2025-06', value: 90 },
      { indicator: 'TEACHERS_SIGNED', unit: 'C2', period: '2025-06', value: 45 },
    ]);
    expect((await rollup('SIGNED_SHARE', 'C1', '2025-06')).value).toBe(100);
    expect((await rollup('SIGNED_SHARE', 'C2', '2025-06')).value).toBe(50);
    const province = await rollup('SIGNED_SHARE', 'P1', '2025-06');
    expect(province.value).toBe(55); // (10 + 45) / (10 + 90); the average of ratios would be 75
    expect(province).toMatchObject({ reported: 2, expected: 3 });
  });

  it('matches a direct computation for any values (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 3,
          maxLength: 3,
        }),
        async (rows) => {
          const period = `2024-${String((run++ % 12) + 1).padStart(2, '0')}`;
          const values = rows.flatMap(([teachers, percentSigned], i) => [
            { indicator: 'TEACHERS', unit: `C${i + 1}`, period, value: teachers },
            {
              indicator: 'TEACHERS_SIGNED',
              unit: `C${i + 1}`,
              period,
              value: Math.floor((teachers * percentSigned) / 100),
            },
          ]);
          expect((await batch(`formula-property-${run}`, values)).statusCode).toBe(200);
          const signed = values.filter((v) => v.indicator === 'TEACHERS_SIGNED').reduce((s, v) => s + v.value, 0);
          const total = values.filter((v) => v.indicator === 'TEACHERS').reduce((s, v) => s + v.value, 0);
          expect((await rollup('SIGNED_SHARE', 'P1', period)).value).toBeCloseTo((100 * signed) / total, 9);
        },
      ),
      { numRuns: 12 },
    );
  });
});
