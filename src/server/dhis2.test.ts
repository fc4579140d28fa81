import { beforeAll, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';

const testApp = useTestApp();
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));
beforeAll(async () => {
  for (const mapping of [
    { kind: 'data_element', dhis2Id: 'deSITES0001', code: 'SITES' },
    { kind: 'org_unit', dhis2Id: 'ouC10000001', code: 'C1' },
  ]) {
    expect((await testApp.inject({ method: 'PUT', url: '/api/dhis2/mappings', payload: mapping })).statusCode).toBe(
      200,
    );
  }
});

const valueCount = async () => (await db.query<{ n: number }>('select count(*)::int as n from indicator_value'))[0]!.n;
const send = (payload: object, query = '') =>
  testApp.inject({ method: 'POST', url: `/api/dhis2/dataValueSets${query}`, payload });

const set = {
  period: '202501',
  dataValues: [
    { dataElement: 'deSITES0001', orgUnit: 'ouC10000001', value: '4' },
    { dataElement: 'SITES', orgUnit: 'C2', value: '7', comment: 'from DHIS2' },
    { dataElement: 'COV', orgUnit: 'C3', period: '2025Q1', value: '97.5' },
  ],
};

it('refuses a mapping to an unknown code', async () => {
  const response = await testApp.inject({
    method: 'PUT',
    url: '/api/dhis2/mappings',
    payload: { kind: 'org_unit', dhis2Id: 'x', code: 'C9' },
  });
  expect(response.statusCode).toBe(404);
});

it('reports a dry run without saving', async () => {
  const response = await send(set, '?dryRun=true');
  expect(response.json()).toMatchObject({ status: 'SUCCESS', dryRun: true, importCount: { imported: 3 } });
  expect(await valueCount()).toBe(0);
});

it('imports through the mappings, then ignores an identical re-import', async () => {
  expect((await send(set)).json()).toMatchObject({
    status: 'SUCCESS',
    importCount: { imported: 3, updated: 0, ignored: 0 },
  });
  expect((await send(set)).json()).toMatchObject({
    status: 'SUCCESS',
    importCount: { imported: 0, updated: 0, ignored: 3 },
  });
  expect(await valueCount()).toBe(3);
});

it('imports nothing when any value conflicts, listing every conflict', async () => {
  const response = await send({
    period: '202502',
    dataValues: [
      { dataElement: 'SITES', orgUnit: 'C1', value: '1' },
      { dataElement: 'COV', orgUnit: 'C1', value: '130' },
      { dataElement: 'nope', orgUnit: 'C1', value: '1' },
      { dataElement: 'SITES', orgUnit: 'C1', period: '2025W05', value: '1' },
    ],
  });
  expect(response.statusCode).toBe(409);
  const body = response.json();
  expect(body.status).toBe('ERROR');
  expect(body.conflicts.map((c: { errorCode: string; indexes: number[] }) => [c.errorCode, c.indexes[0]])).toEqual([
    ['E7610', 2],
    ['E7611', 3],
    ['E7619', 1],
  ]);
  expect(await valueCount()).toBe(3);
});

it('exports in DHIS2 form, translating codes back to ids', async () => {
  const response = await testApp.inject({
    url: '/api/dhis2/dataValueSets?dataElement=deSITES0001&orgUnit=P1&period=2025&children=true',
  });
  expect(response.json().dataValues).toEqual([
    expect.objectContaining({ dataElement: 'deSITES0001', orgUnit: 'ouC10000001', period: '202501', value: '4' }),
    expect.objectContaining({
      dataElement: 'deSITES0001',
      orgUnit: 'C2',
      period: '202501',
      value: '7',
      comment: 'from DHIS2',
    }),
  ]);
});

it('refuses values locked by an approval', async () => {
  for (const action of ['submit', 'approve']) {
    await testApp.inject({
      method: 'POST',
      url: `/api/approvals/${action}`,
      headers: action === 'approve' ? testApp.approver : {},
      payload: { unit: 'C2', period: '2025-01' },
    });
  }
  const response = await send({ period: '202501', dataValues: [{ dataElement: 'SITES', orgUnit: 'C2', value: '8' }] });
  expect(response.statusCode).toBe(409);
  expect(response.json().conflicts[0]).toMatchObject({ errorCode: 'E7641', value: expect.stringMatching(/locked/) });
  const deleting = await send({
    period: '202501',
    dataValues: [{ dataElement: 'SITES', orgUnit: 'C2', deleted: true }],
  });
  expect(deleting.statusCode).toBe(409);
});
