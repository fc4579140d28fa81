import { beforeAll, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';

const testApp = useTestApp();
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));
beforeAll(async () => {
  const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
  const values = months.map((period, i) => ({
    indicator: 'FILINGS',
    unit: 'C2',
    period,
    value: period === '2025-12' ? 900 : 100 + (i % 4) * 3,
  }));
  const response = await testApp.inject({
    method: 'POST',
    url: '/api/indicator-values/batch',
    headers: { 'idempotency-key': 'explanations-seed' },
    payload: { values },
  });
  expect(response.statusCode).toBe(200);
});

const finding = { ruleCode: 'outlier', indicator: 'FILINGS', unit: 'C2', period: '2025-12' };
const findings = async () =>
  (await testApp.inject({ url: '/api/validation?unit=P1&period=2025-12' })).json().violations as {
    ruleCode: string;
    explanation: { comment: string; explainedBy: string; explainedAt: string } | null;
  }[];
const auditRows = () =>
  db.query<{ action: string; actor: string; new_value: unknown; old_value: unknown }>(
    `select action, actor, new_value, old_value from audit_log where entity = 'finding_explanation' order by seq`,
  );

it('marks a finding explained with a comment, audited, and the findings carry who, when and why', async () => {
  expect((await findings())[0]!.explanation).toBeNull();
  const headers = await testApp.as({ username: 'officer.c2', role: 'commune_officer', units: ['C2'] });
  const response = await testApp.inject({
    method: 'PUT',
    url: '/api/validation/explanations',
    headers,
    payload: { ...finding, comment: '  Tax office campaign in December  ' },
  });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toMatchObject({
    ...finding,
    comment: 'Tax office campaign in December',
    explainedBy: 'officer.c2',
  });
  const [outlier] = await findings();
  expect(outlier!.explanation).toMatchObject({ comment: 'Tax office campaign in December', explainedBy: 'officer.c2' });
  expect(outlier!.explanation!.explainedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(await auditRows()).toEqual([
    {
      action: 'finding.explain',
      actor: 'officer.c2',
      old_value: null,
      new_value: { comment: 'Tax office campaign in December', explainedBy: 'officer.c2' },
    },
  ]);
});

it('takes the explanation back, audited, and refuses to take back what is not explained', async () => {
  const response = await testApp.inject({
    method: 'DELETE',
    url: '/api/validation/explanations?ruleCode=outlier&indicator=FILINGS&unit=C2&period=2025-12',
  });
  expect(response.statusCode).toBe(204);
  expect((await findings())[0]!.explanation).toBeNull();
  expect((await auditRows()).at(-1)).toMatchObject({ action: 'finding.unexplain', new_value: null });
  const again = await testApp.inject({
    method: 'DELETE',
    url: '/api/validation/explanations?ruleCode=outlier&indicator=FILINGS&unit=C2&period=2025-12',
    headers: { 'accept-language': 'vi' },
  });
  expect(again.statusCode).toBe(404);
  expect(again.json().code).toBe('finding.not_explained');
  expect(again.json().detail).toMatch(/chưa được giải trình/);
});

it('refuses viewers and officers of another commune, and an empty comment names the field', async () => {
  const viewer = await testApp.as({ role: 'viewer' });
  const asViewer = await testApp.inject({
    method: 'PUT',
    url: '/api/validation/explanations',
    headers: viewer,
    payload: { ...finding, comment: 'ok' },
  });
  expect(asViewer.statusCode).toBe(403);
  const other = await testApp.as({ role: 'commune_officer', units: ['C1'] });
  const asOther = await testApp.inject({
    method: 'PUT',
    url: '/api/validation/explanations',
    headers: other,
    payload: { ...finding, comment: 'ok' },
  });
  expect(asOther.statusCode).toBe(403);
  expect(asOther.json().code).toBe('auth.unit_scope');
  const empty = await testApp.inject({
    method: 'PUT',
    url: '/api/validation/explanations',
    payload: { ...finding, comment: '   ' },
  });
  expect(empty.statusCode).toBe(400);
  expect(empty.body).toMatch(/comment/);
  const count = await auditRows();
  expect(count).toHaveLength(2);
});
