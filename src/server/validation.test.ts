import { beforeAll, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';

const testApp = useTestApp();
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));
beforeAll(async () => {
  const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
  const values = months.flatMap((period, i) => [
    { indicator: 'TEACHERS', unit: 'C1', period, value: 20 },
    { indicator: 'TEACHERS_SIGNED', unit: 'C1', period, value: 10 + (i % 3) },
    { indicator: 'TEACHERS', unit: 'C2', period, value: 30 },
    // C2 reports more teachers with signatures than teachers in June, and a spike in filings in December.
    { indicator: 'TEACHERS_SIGNED', unit: 'C2', period, value: period === '2025-06' ? 35 : 25 },
    { indicator: 'FILINGS', unit: 'C2', period, value: period === '2025-12' ? 900 : 100 + (i % 4) * 3 },
  ]);
  const response = await testApp.inject({
    method: 'POST',
    url: '/api/indicator-values/batch',
    headers: { 'idempotency-key': 'validation-seed' },
    payload: { values },
  });
  expect(response.statusCode).toBe(200);
  const rule = await testApp.inject({
    method: 'PUT',
    url: '/api/validation-rules/SIGNED_LE_TEACHERS',
    payload: {
      nameVi: 'Giáo viên có chữ ký số ≤ giáo viên',
      nameEn: 'Teachers with signatures ≤ teachers',
      left: '{TEACHERS_SIGNED}',
      operator: '<=',
      right: '{TEACHERS}',
      importance: 'high',
    },
  });
  expect(rule.statusCode).toBe(200);
});

const violations = async (unit: string, period: string) =>
  (await testApp.inject({ url: `/api/validation?unit=${unit}&period=${period}` })).json().violations;

it('lists a failed cross-indicator rule per unit and period, with the rule that fired', async () => {
  const found = await violations('P1', '2025-06');
  expect(found).toEqual([
    expect.objectContaining({
      kind: 'rule',
      ruleCode: 'SIGNED_LE_TEACHERS',
      unit: 'C2',
      period: '2025-06',
      message: 'TEACHERS_SIGNED (35) must be ≤ TEACHERS (30)',
    }),
  ]);
  expect(await violations('P1', '2025-05')).toEqual([]);
});

it('flags a spike against the unit’s own history', async () => {
  const found = await violations('P1', '2025-12');
  expect(found).toEqual([
    expect.objectContaining({ kind: 'outlier', indicator: 'FILINGS', unit: 'C2', period: '2025-12', value: 900 }),
  ]);
});

it('refuses a rule naming unknown indicators', async () => {
  const response = await testApp.inject({
    method: 'PUT',
    url: '/api/validation-rules/BAD',
    payload: { nameVi: 'x', nameEn: 'x', left: '{NOPE}', operator: '<=', right: '{TEACHERS}' },
  });
  expect(response.statusCode).toBe(422);
  expect(response.json().detail).toMatch(/NOPE/);
});

it('reports values outside bounds set after they were stored', async () => {
  await db.query(`update indicator set max_value = 25 where code = 'TEACHERS'`);
  const found = await violations('C2', '2025-03');
  expect(found).toEqual([
    expect.objectContaining({
      kind: 'bounds',
      indicator: 'TEACHERS',
      unit: 'C2',
      value: 30,
      message: 'TEACHERS: above the maximum 25',
    }),
  ]);
  await db.query(`update indicator set max_value = null where code = 'TEACHERS'`);
});
