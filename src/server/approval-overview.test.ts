import { beforeAll, expect, it } from 'vitest';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { approvalScreenState } from '../domain/approval/approval-workflow.js';

const testApp = useTestApp();
let officer: Record<string, string> = {};

beforeAll(async () => {
  officer = await testApp.as({ username: 'can.bo.tinh', role: 'province_officer', units: ['P1'] });
  const put = (unit: string) =>
    testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      headers: officer,
      payload: { indicator: 'SITES', unit, period: '2025-06', value: 4 },
    });
  await put('C1');
  await put('C2');
  const step = (action: string, unit: string, reason?: string) =>
    testApp.inject({
      method: 'POST',
      url: `/api/approvals/${action}`,
      headers: officer,
      payload: { unit, period: '2025-06', reason },
    });
  expect((await step('submit', 'C1')).statusCode).toBe(200);
  expect((await step('submit', 'C2')).statusCode).toBe(200);
  // Another person returns C2 (whoever entered values may not judge them).
  const approver = await testApp.as({ username: 'lanh.dao', role: 'province_officer', units: ['P1'] });
  const back = await testApp.inject({
    method: 'POST',
    url: '/api/approvals/return',
    headers: approver,
    payload: { unit: 'C2', period: '2025-06', reason: 'Thiếu số trạm' },
  });
  expect(back.statusCode).toBe(200);
});

it('lists the province and each commune with its state, the counts and the steps the workflow allows', async () => {
  const res = await testApp.inject({ url: '/api/approvals/overview?unit=P1&period=2025-06', headers: officer });
  expect(res.statusCode).toBe(200);
  const body = res.json();
  const byCode = Object.fromEntries(body.units.map((u: { code: string }) => [u.code, u]));
  expect(body.units[0].code).toBe('P1');
  expect(byCode.C1).toMatchObject({ state: 'submitted', actions: ['approve', 'return'] });
  expect(byCode.C2).toMatchObject({ state: 'returned', reason: 'Thiếu số trạm', actions: ['submit'] });
  expect(byCode.C3).toMatchObject({ state: 'not_started', actions: [] });
  expect(body.counts).toMatchObject({ submitted: 1, returned: 1, not_started: 2 });
});

it('is closed to the public', async () => {
  const res = await testApp.app.inject({ url: '/api/approvals/overview?unit=P1&period=2025-06' });
  expect(res.statusCode).toBe(401);
});

it('tells a draft with values from one not started', () => {
  expect(approvalScreenState(null, true, null)).toBe('draft');
  expect(approvalScreenState(null, false, null)).toBe('not_started');
  expect(approvalScreenState('approved', true, null)).toBe('approved');
});

it('shows a month locked by its year’s approval, with no step offered for it', async () => {
  const put = await testApp.inject({
    method: 'PUT',
    url: '/api/indicator-values',
    headers: officer,
    payload: { indicator: 'SITES', unit: 'C3', period: '2025-03', value: 2 },
  });
  expect(put.statusCode).toBeLessThan(300);
  const approver = await testApp.as({ username: 'lanh.dao.nam', role: 'province_officer', units: ['P1'] });
  const step = (action: string, headers: Record<string, string>) =>
    testApp.inject({
      method: 'POST',
      url: `/api/approvals/${action}`,
      headers,
      payload: { unit: 'C3', period: '2025' },
    });
  expect((await step('submit', officer)).statusCode).toBe(200);
  expect((await step('approve', approver)).statusCode).toBe(200);
  const body = (
    await testApp.inject({ url: '/api/approvals/overview?unit=P1&period=2025-06', headers: officer })
  ).json();
  const byCode = Object.fromEntries(body.units.map((u: { code: string }) => [u.code, u]));
  expect(byCode.C3).toMatchObject({ lockedBy: { unit: 'C3', period: '2025' }, actions: [] });
  expect(byCode.C1).toMatchObject({ lockedBy: null, actions: ['approve', 'return'] });
  // The year's own row is not "locked by" itself.
  const year = (await testApp.inject({ url: '/api/approvals/overview?unit=P1&period=2025', headers: officer })).json();
  expect(year.units.find((u: { code: string }) => u.code === 'C3')).toMatchObject({
    state: 'approved',
    lockedBy: null,
  });
});
