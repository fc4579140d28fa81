import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/fixtures/test-app.js';

/** Figures that stay right: no period counted twice, no update lost. */
const testApp = useTestApp();
let lan: Record<string, string>;
let minh: Record<string, string>;

const put = (headers: Record<string, string>, payload: object) =>
  testApp.inject({ method: 'PUT', url: '/api/indicator-values', headers, payload });
const quarterTotal = async (indicator: string, unit = 'C1') =>
  (await testApp.inject({ url: `/api/rollup?indicator=${indicator}&unit=${unit}&from=2025Q3` })).json().values[0].value;

async function upload(csv: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([csv]), 'q3.csv');
  const request = new Request('http://local/', { method: 'POST', body: form });
  return testApp.inject({
    method: 'POST',
    url: '/api/imports?mode=commit',
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

const dhis2 = (period: string, value: string, query = '') =>
  testApp.inject({
    method: 'POST',
    url: `/api/dhis2/dataValueSets${query}`,
    payload: { dataValues: [{ dataElement: 'FILINGS', orgUnit: 'C1', period, value }] },
  });

beforeAll(async () => {
  lan = await testApp.as({ username: 'lan', role: 'province_officer', units: ['P1'] });
  minh = await testApp.as({ username: 'minh', role: 'province_officer', units: ['P1'] });
  const months = [
    { period: '2025-07', value: 200 },
    { period: '2025-08', value: 250 },
    { period: '2025-09', value: 257 },
  ];
  for (const { period, value } of months) {
    await put(testApp.admin, { indicator: 'FILINGS', unit: 'C1', period, value });
    await put(testApp.admin, { indicator: 'SITES', unit: 'C1', period, value: value / 10 });
  }
});

describe('a value at another period type over stored ones', () => {
  it('is refused on every intake path, naming both, and the total stays 707', async () => {
    expect(await quarterTotal('FILINGS')).toBe(707);
    const viaForm = await put(testApp.admin, { indicator: 'FILINGS', unit: 'C1', period: '2025Q3', value: 1000 });
    const viaBatch = await testApp.inject({
      method: 'POST',
      url: '/api/indicator-values/batch',
      headers: { 'idempotency-key': 'overlap-batch-01' },
      payload: { values: [{ indicator: 'FILINGS', unit: 'C1', period: '2025Q3', value: 1000 }] },
    });
    const viaFile = await upload('indicator,unit,period,value\nFILINGS,C1,2025Q3,1000\n');
    for (const response of [viaForm, viaBatch, viaFile]) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'value.overlap' });
      expect(response.json().errors[0].message).toBe(
        'FILINGS for C1: 2025Q3 overlaps 2025-07, 2025-08, 2025-09 (FILINGS is collected monthly)',
      );
    }
    expect(viaFile.json().errors[0].path).toBe('q3.csv row 2');
    const viaDhis2 = await dhis2('2025Q3', '1000');
    expect(viaDhis2.statusCode).toBe(409);
    expect(viaDhis2.json().conflicts[0].value).toMatch(/2025Q3 overlaps 2025-07/);
    expect(await quarterTotal('FILINGS')).toBe(707);
  });

  it('replaces the months when asked, so the quarter is counted once (a flow)', async () => {
    const replaced = await dhis2('2025Q3', '1000', '?replaceOverlapping=true');
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().importCount).toMatchObject({ imported: 1, deleted: 3 });
    expect(await quarterTotal('FILINGS')).toBe(1000);
    const history = await testApp.inject({
      url: '/api/indicator-values/history?indicator=FILINGS&unit=C1&period=2025-08',
    });
    expect(history.json().at(-1)).toMatchObject({ action: 'value.delete', newValue: { replacedBy: ['2025Q3'] } });
    const monthOver = await put(testApp.admin, { indicator: 'FILINGS', unit: 'C1', period: '2025-08', value: 1 });
    expect(monthOver.json().code).toBe('value.overlap');
  });

  it('shows a replacing stock value instead of hiding it behind the months', async () => {
    const response = await put(testApp.admin, {
      indicator: 'SITES',
      unit: 'C1',
      period: '2025Q3',
      value: 31,
      replace: true,
    });
    expect(response.statusCode).toBe(201);
    expect(await quarterTotal('SITES')).toBe(31);
  });

  it('refuses two period types over the same months in one batch', async () => {
    const response = await testApp.inject({
      method: 'POST',
      url: '/api/indicator-values/batch',
      headers: { 'idempotency-key': 'overlap-batch-02' },
      payload: {
        replace: true,
        values: [
          { indicator: 'FILINGS', unit: 'C2', period: '2025-10', value: 1 },
          { indicator: 'FILINGS', unit: 'C2', period: '2025Q4', value: 3 },
        ],
      },
    });
    expect(response.json().code).toBe('value.overlap');
  });
});

describe('lost updates', () => {
  it('refuses the second of two edits of the same version, with the value now stored and who changed it', async () => {
    await put(testApp.admin, { indicator: 'COV', unit: 'C2', period: '2025-05', value: 80 });
    const read = await testApp.inject({ url: '/api/indicator-values/value?indicator=COV&unit=C2&period=2025-05' });
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^"\d+"$/);
    const edit = (headers: Record<string, string>, value: number) =>
      put({ ...headers, 'if-match': etag }, { indicator: 'COV', unit: 'C2', period: '2025-05', value });
    const [first, second] = await Promise.all([edit(lan, 81), edit(minh, 82)]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 412]);
    const [winner, loser] = first.statusCode === 200 ? [first, second] : [second, first];
    expect(loser.json()).toMatchObject({
      code: 'version.stale',
      current: { value: winner.json().value, updatedBy: first.statusCode === 200 ? 'lan' : 'minh' },
    });
    expect(winner.headers.etag).not.toBe(etag);
    const stored = await testApp.inject({ url: '/api/indicator-values/value?indicator=COV&unit=C2&period=2025-05' });
    expect(stored.json().value).toBe(winner.json().value);
  });

  it('takes the version from the form body too, and 0 for "not stored yet"', async () => {
    const create = { indicator: 'COV', unit: 'C3', period: '2025-05', value: 70, version: 0 };
    expect((await put(lan, create)).statusCode).toBe(201);
    const again = await put(minh, create);
    expect(again.statusCode).toBe(412);
    expect(again.json().current).toMatchObject({ value: 70, updatedBy: 'lan' });
  });

  it('guards indicator definitions, validation rules and targets alike', async () => {
    const indicator = await testApp.inject({ url: '/api/indicators/COV' });
    const { id: _id, code: _code, version: _v, updatedBy: _u, computedCode: _c, ...definition } = indicator.json();
    const stale = '"999999"';
    const defined = await testApp.inject({
      method: 'PUT',
      url: '/api/indicators/COV',
      headers: { 'if-match': stale },
      payload: { ...definition, nameEn: 'Coverage' },
    });
    expect(defined.statusCode).toBe(412);
    const fresh = await testApp.inject({
      method: 'PUT',
      url: '/api/indicators/COV',
      headers: { 'if-match': indicator.headers.etag as string },
      payload: { ...definition, nameEn: 'Coverage' },
    });
    expect(fresh.statusCode).toBe(200);

    const rule = {
      nameVi: 'r',
      nameEn: 'r',
      left: '{TEACHERS_SIGNED}',
      operator: '<=',
      right: '{TEACHERS}',
    };
    const created = await testApp.inject({ method: 'PUT', url: '/api/validation-rules/R1', payload: rule });
    const ruleStale = await testApp.inject({
      method: 'PUT',
      url: '/api/validation-rules/R1',
      headers: { 'if-match': `"${Number(created.json().version) - 1}"` },
      payload: rule,
    });
    expect(ruleStale.statusCode).toBe(412);

    const targets = { unit: 'P1', baseline: { year: 2025, value: 10 }, targets: [{ year: 2030, value: 50 }] };
    const set = await testApp.inject({ method: 'PUT', url: '/api/indicators/SITES/targets', payload: targets });
    const targetsStale = await testApp.inject({
      method: 'PUT',
      url: '/api/indicators/SITES/targets',
      headers: { 'if-match': '"999999"' },
      payload: targets,
    });
    expect(set.statusCode).toBe(200);
    expect(targetsStale.statusCode).toBe(412);
  });
});
