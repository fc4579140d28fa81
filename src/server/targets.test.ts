import { beforeAll, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';

const testApp = useTestApp();
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));

const setTargets = (code: string, payload: object) =>
  testApp.inject({ method: 'PUT', url: `/api/indicators/${code}/targets`, payload });

it('sets a baseline and yearly targets, and refuses a target before the baseline', async () => {
  const response = await setTargets('SITES', {
    unit: 'P1',
    baseline: { year: 2025, value: 10 },
    targets: [{ year: 2030, value: 101 }],
  });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual([
    { year: 2025, kind: 'baseline', value: 10 },
    { year: 2030, kind: 'target', value: 101 },
  ]);
  const early = await setTargets('SITES', { unit: 'P1', targets: [{ year: 2024, value: 5 }] });
  expect(early.statusCode).toBe(422);
  expect(early.json().detail).toMatch(/2024 must come after the baseline year 2025/);
  const percent = await setTargets('COV', { unit: 'P1', targets: [{ year: 2030, value: 120 }] });
  expect(percent.statusCode).toBe(422);
});

it('splits a province count target over communes by population, in whole numbers that add up', async () => {
  const response = await testApp.inject({
    method: 'POST',
    url: '/api/indicators/SITES/targets/split',
    payload: { unit: 'P1' },
  });
  expect(response.statusCode).toBe(200);
  const byUnit = Object.fromEntries(
    response
      .json()
      .map((r: { unit: string; targets: { kind: string; value: number }[] }) => [
        r.unit,
        r.targets.find((t) => t.kind === 'target')!.value,
      ]),
  );
  expect(byUnit).toEqual({ C1: 10, C2: 30, C3: 61 }); // 1,000 / 3,000 / 6,000 people; 101 in all
  const audit = await db.query<{ n: number }>(
    `select count(*)::int as n from audit_log where entity = 'indicator_target'`,
  );
  expect(audit[0]!.n).toBe(2 + 6);
});

it('copies a percent target instead of dividing it', async () => {
  await setTargets('COV', { unit: 'P1', baseline: { year: 2025, value: 95 }, targets: [{ year: 2030, value: 99 }] });
  const response = await testApp.inject({
    method: 'POST',
    url: '/api/indicators/COV/targets/split',
    payload: { unit: 'P1' },
  });
  expect(response.json().map((r: { targets: { value: number }[] }) => r.targets.map((t) => t.value))).toEqual([
    [95, 99],
    [95, 99],
    [95, 99],
  ]);
});

it('refuses to split a share-of-units target', async () => {
  await setTargets('FIBRE', { unit: 'P1', targets: [{ year: 2030, value: 100 }] });
  const response = await testApp.inject({
    method: 'POST',
    url: '/api/indicators/FIBRE/targets/split',
    payload: { unit: 'P1' },
  });
  expect(response.statusCode).toBe(422);
});
