import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { verifyAudit } from '../db/audit-log.js';

const testApp = useTestApp();
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));

let headers: Record<string, string> = {};
beforeAll(async () => {
  headers = await testApp.as({ username: 'partner-system', role: 'admin' });
});
const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const batch = (key: string, values: unknown[]) =>
  testApp.inject({
    method: 'POST',
    url: '/api/indicator-values/batch',
    headers: { ...headers, 'idempotency-key': key },
    payload: { values },
  });
const put = (payload: object) => testApp.inject({ method: 'PUT', url: '/api/indicator-values', headers, payload });

describe('batch upsert', () => {
  const values = [
    { indicator: 'SITES', unit: 'C1', period: '2025-01', value: 2 },
    { indicator: 'SITES', unit: 'C2', period: '2025-01', value: 5 },
    { indicator: 'COV', unit: 'C3', period: '2025-01', value: 99.5 },
  ];

  it('applies a batch once; a retry with the same key changes nothing and replays the answer', async () => {
    const first = await batch('retry-key-0001', values);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: 3, inserted: 3, updated: 0, deleted: 0, unchanged: 0 });
    const before = { values: await count('indicator_value'), audit: await count('audit_log') };
    const retry = await batch('retry-key-0001', values);
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect({ values: await count('indicator_value'), audit: await count('audit_log') }).toEqual(before);
  });

  it('refuses the same key with a different body', async () => {
    const response = await batch('retry-key-0001', [{ ...values[0], value: 3 }]);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('idempotency.mismatch');
  });

  it('needs an idempotency key', async () => {
    const response = await testApp.inject({ method: 'POST', url: '/api/indicator-values/batch', payload: { values } });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/idempotency-key/);
  });

  it('writes nothing when any value is bad, and names every bad one', async () => {
    const before = await count('indicator_value');
    const response = await batch('bad-batch-0001', [
      { indicator: 'SITES', unit: 'C1', period: '2025-02', value: 3 },
      { indicator: 'COV', unit: 'C2', period: '2025-02', value: 101 },
      { indicator: 'SITES', unit: 'C3', period: '2025-02', value: -1 },
      { indicator: 'INVOICES', unit: 'C1', period: '2025-02', value: 10 },
      { indicator: 'NOPE', unit: 'C9', period: '2025-02', value: 1 },
    ]);
    expect(response.statusCode).toBe(422);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(['body.values[4].indicator', 'body.values[4].unit']);
    const second = await batch('bad-batch-0002', [
      { indicator: 'SITES', unit: 'C1', period: '2025-02', value: 3 },
      { indicator: 'COV', unit: 'C2', period: '2025-02', value: 101 },
      { indicator: 'SITES', unit: 'C3', period: '2025-02', value: -1 },
      { indicator: 'INVOICES', unit: 'C1', period: '2025-02', value: 10 },
    ]);
    expect(second.statusCode).toBe(422);
    expect(second.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'values[1].value',
      'values[2].value',
      'values[3].unit',
    ]);
    expect(await count('indicator_value')).toBe(before);
    // A refused batch does not burn its key: fixed, it goes through.
    const fixed = await batch('bad-batch-0002', [{ indicator: 'SITES', unit: 'C1', period: '2025-02', value: 3 }]);
    expect(fixed.statusCode).toBe(200);
  });
});

describe('approval locks values on every route', () => {
  const approve = async (unit: string, period: string) => {
    for (const action of ['submit', 'approve']) {
      const response = await testApp.inject({
        method: 'POST',
        url: `/api/approvals/${action}`,
        headers: action === 'approve' ? testApp.approver : headers,
        payload: { unit, period },
      });
      expect(response.statusCode).toBe(200);
    }
  };

  it('refuses changes to an approved commune month, then allows them once reopened with a reason', async () => {
    await put({ indicator: 'SITES', unit: 'C1', period: '2025-03', value: 1 });
    await approve('C1', '2025-03');
    const locked = await put({ indicator: 'SITES', unit: 'C1', period: '2025-03', value: 9 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: 'value.locked' });
    const deleting = await put({ indicator: 'SITES', unit: 'C1', period: '2025-03', value: null });
    expect(deleting.statusCode).toBe(409);
    const viaBatch = await batch('locked-batch-01', [{ indicator: 'SITES', unit: 'C1', period: '2025-03', value: 9 }]);
    expect(viaBatch.statusCode).toBe(409);
    const noReason = await testApp.inject({
      method: 'POST',
      url: '/api/approvals/reopen',
      headers,
      payload: { unit: 'C1', period: '2025-03' },
    });
    expect(noReason.statusCode).toBe(422);
    const reopened = await testApp.inject({
      method: 'POST',
      url: '/api/approvals/reopen',
      headers,
      payload: { unit: 'C1', period: '2025-03', reason: 'site count was wrong' },
    });
    expect(reopened.json()).toMatchObject({ status: 'reopened', reason: 'site count was wrong' });
    expect((await put({ indicator: 'SITES', unit: 'C1', period: '2025-03', value: 9 })).statusCode).toBe(200);
  });

  it('locks every commune and month below an approved province year', async () => {
    await approve('P1', '2024');
    const response = await put({ indicator: 'SITES', unit: 'C2', period: '2024-06', value: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/P1 2024 is approved/);
    expect((await put({ indicator: 'SITES', unit: 'C2', period: '2025-06', value: 1 })).statusCode).toBe(201);
  });

  it('refuses steps out of order', async () => {
    const response = await testApp.inject({
      method: 'POST',
      url: '/api/approvals/approve',
      headers,
      payload: { unit: 'C3', period: '2025-01' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/allowed: submit/);
  });
});

describe('audit', () => {
  it('shows the history of a value with who, old and new', async () => {
    await put({ indicator: 'TEACHERS', unit: 'C2', period: '2025-04', value: 40 });
    await put({ indicator: 'TEACHERS', unit: 'C2', period: '2025-04', value: 42, reason: 'late report' });
    const history = (
      await testApp.inject({ url: '/api/indicator-values/history?indicator=TEACHERS&unit=C2&period=2025-04' })
    ).json();
    expect(history).toEqual([
      expect.objectContaining({
        action: 'value.insert',
        actor: 'partner-system',
        oldValue: null,
        newValue: { value: 40, comment: null },
      }),
      expect.objectContaining({
        action: 'value.update',
        oldValue: { value: 40, comment: null },
        newValue: { value: 42, comment: null },
        reason: 'late report',
      }),
    ]);
    expect(history[1].requestId).toEqual(expect.any(String));
  });

  it('verifies an untouched chain and names the first record altered in SQL', async () => {
    const clean = await verifyAudit(db);
    expect(clean).toMatchObject({ ok: true });
    expect(clean.records).toBeGreaterThan(5);
    await db.query(`update audit_log set new_value = '{"value": 1000, "comment": null}' where seq = 4`);
    const tampered = await verifyAudit(db, 2); // small batches: the break is found across pages too
    expect(tampered).toMatchObject({ ok: false, break: { seq: 4, problem: 'hash' } });
    if (!tampered.ok) expect(tampered.message).toMatch(/record 4 was altered/);
  });
});

it('records the signed-in user in the history, whatever the request says about itself', async () => {
  await testApp.inject({
    method: 'PUT',
    url: '/api/indicator-values',
    headers: {
      ...(await testApp.as({ username: 'nguyen.van.anh', role: 'province_officer', units: ['P1'] })),
      'x-dx-user': 'someone-else',
    },
    payload: { indicator: 'SITES', unit: 'C3', period: '2025-08', value: 2 },
  });
  const history = (
    await testApp.inject({ url: '/api/indicator-values/history?indicator=SITES&unit=C3&period=2025-08' })
  ).json();
  expect(history[0].actor).toBe('nguyen.van.anh');
});
