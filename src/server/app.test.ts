import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { seedDemo } from '../db/seed-demo.js';
import type { ProgressSummary, UnitTreeNode } from '../domain/overview-contract.js';

const testApp = useTestApp(seedDemo);
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));

const get = (url: string) => testApp.inject({ method: 'GET', url });

function expectProblem(response: Awaited<ReturnType<typeof get>>, status: number, detail?: RegExp) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({
    status,
    title: expect.any(String),
    code: expect.any(String),
    detail: expect.any(String),
  });
  if (detail) expect(body.detail).toMatch(detail);
  return body;
}

describe('reading', () => {
  it('reports health and the engine', async () => {
    expect((await get('/api/health')).json()).toMatchObject({ status: 'ok', engine: db.engine });
  });

  it('serves the unit tree: nation, province, 135 communes', async () => {
    const tree = (await get('/api/org-units/tree')).json<UnitTreeNode>();
    expect(tree.code).toBe('VN');
    expect(tree.children.map((c) => c.code)).toEqual(['24']);
    expect(tree.children[0]!.children).toHaveLength(135);
    expect(tree.children[0]!.children.some((c) => c.isBorder)).toBe(true);
  });

  it('serves one unit and its boundary', async () => {
    expect((await get('/api/org-units/24')).json()).toMatchObject({
      nameVi: 'Tỉnh Gia Lai',
      level: 'province',
      isDemo: true,
    });
    const feature = (await get('/api/org-units/60309134/boundary')).json();
    expect(feature).toMatchObject({ type: 'Feature', properties: { nameVi: 'Xã Ia O' } });
    expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
  });

  it('serves the communes as a FeatureCollection with an indicator value each', async () => {
    const collection = (await get('/api/org-units/24/children/boundaries?indicator=POP_COV_4G&period=2025')).json();
    expect(collection.features).toHaveLength(135);
    const ward = collection.features.find((f: { id: string }) => f.id === '50701001');
    expect(ward.properties).toMatchObject({
      nameVi: 'Phường Quy Nhơn',
      indicator: 'POP_COV_4G',
      period: '2025',
      value: expect.any(Number),
    });
  });

  it('rolls the province up to the reported 4G coverage', async () => {
    const body = (await get('/api/rollup?indicator=POP_COV_4G&unit=24&from=2025')).json();
    expect(body.values).toHaveLength(1);
    expect(body.values[0]).toMatchObject({ period: '2025', reported: 135, expected: 135 });
    expect(body.values[0].value).toBeCloseTo(99.21, 9);
  });

  it('rolls up per month and per quarter', async () => {
    const months = (await get('/api/rollup?indicator=SITES_5G&unit=24&from=2025-01&to=2025-12')).json();
    expect(months.values.map((v: { period: string }) => v.period)).toHaveLength(12);
    expect(months.values.at(-1).value).toBe(72);
    const quarters = (
      await get('/api/rollup?indicator=ONLINE_PUBLIC_SERVICE_FILINGS&unit=24&from=2025&by=quarter')
    ).json();
    const year = (await get('/api/rollup?indicator=ONLINE_PUBLIC_SERVICE_FILINGS&unit=24&from=2025')).json();
    const quarterSum = quarters.values.reduce((s: number, v: { value: number }) => s + v.value, 0);
    expect(quarters.values).toHaveLength(4);
    expect(quarterSum).toBeCloseTo(year.values[0].value, 6); // a flow: the year is the sum of its quarters
  });

  it('summarises progress for all 8 areas', async () => {
    const summary = (await get('/api/progress?unit=24')).json<ProgressSummary>();
    expect(summary.year).toBe(2025);
    expect(summary.isDemo).toBe(true);
    expect(summary.areas.map((a) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
    for (const area of summary.areas) expect(area.indicators.length).toBeGreaterThan(0);
    const coverage = summary.areas[1]!.indicators.find((i) => i.code === 'POP_COV_4G')!;
    expect(coverage.current).toBeCloseTo(99.21, 9);
    expect(coverage.baseline).toEqual({ year: 2025, value: 99.21 });
    expect(coverage.target?.year).toBe(2030);
    expect(coverage.series).toHaveLength(24);
    expect(coverage.attainment).toBeGreaterThan(0.9);
    const fibre = summary.areas[1]!.indicators.find((i) => i.code === 'COMMUNES_FIBRE')!;
    expect(fibre).toMatchObject({ valueType: 'percent', current: 100 });
    // At the baseline date the value equals the baseline: on track, and the rule is there to show.
    expect(coverage).toMatchObject({ status: 'on_track', expected: 99.21 });
    expect(summary.statusRule.vi).toMatch(/tiến độ|mục tiêu/); // yes/no per commune, a percent of communes above
  });

  it('summarises a commune, leaving province-level indicators without a value', async () => {
    const summary = (await get('/api/progress?unit=60309134&year=2025')).json<ProgressSummary>();
    const invoices = summary.areas.flatMap((a) => a.indicators).find((i) => i.code === 'E_INVOICES')!;
    expect(invoices.current).toBeNull();
    const sites = summary.areas.flatMap((a) => a.indicators).find((i) => i.code === 'SITES_5G')!;
    expect(sites.coverage).toEqual({ reported: 1, expected: 1 });
    // The demo sets targets for the province only: the commune sees them passed down, never "no target".
    expect(invoices).toMatchObject({ target: null, status: 'no_target' }); // reported by the province alone
    expect(sites.targetSource).toBe('split_from_province');
    expect(sites.target).toMatchObject({ year: 2030, value: expect.any(Number) });
    expect(sites.status).not.toBe('no_target');
    const coverage = summary.areas.flatMap((a) => a.indicators).find((i) => i.code === 'POP_COV_4G')!;
    const province = (await get('/api/progress?unit=24&year=2025')).json<ProgressSummary>();
    const provinceCoverage = province.areas.flatMap((a) => a.indicators).find((i) => i.code === 'POP_COV_4G')!;
    expect(coverage.target).toEqual(provinceCoverage.target); // a percentage applies as it is
    expect(['on_track', 'at_risk', 'off_track']).toContain(coverage.status);
  });

  it('documents the API', async () => {
    const spec = (await get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/rollup', '/api/progress', '/api/org-units/tree']),
    );
    expect((await get('/api/docs/')).statusCode).toBe(200);
  });
});

describe('bad requests get problem documents, never a 500', () => {
  it.each([
    ['/api/rollup?indicator=POP_COV_4G&unit=24&from=2025-13', 400, /from/],
    ['/api/rollup?indicator=POP_COV_4G&unit=24', 400, /from/],
    ['/api/rollup?indicator=POP_COV_4G&unit=24&from=2025&by=week', 400, /by/],
    ['/api/rollup?indicator=POP_COV_4G&unit=24&from=2025&to=2024', 422, /after/],
    ['/api/rollup?indicator=NOPE&unit=24&from=2025', 404, /NOPE/],
    ['/api/rollup?indicator=POP_COV_4G&unit=99999&from=2025', 404, /99999/],
    ['/api/rollup?indicator=E_INVOICES&unit=60309134&from=2025', 422, /reported per province/],
    ['/api/org-units/nope', 404, /nope/],
    ['/api/org-units/bad%20code', 400, /code/],
    ['/api/progress?unit=24&year=abc', 400, /year/],
    ['/api/progress?unit=VN', 404, /agreement/],
    ['/api/indicator-values?indicator=POP_COV_4G&unit=24&limit=0', 400, /limit/],
    ['/api/no-such-route', 404, /No route/],
  ])('GET %s → %i', async (url, status, detail) => {
    expectProblem(await get(url), status, detail);
  });

  it('refuses malformed JSON', async () => {
    const response = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      headers: { 'content-type': 'application/json' },
      payload: '{"indicator": "POP_COV_4G", ',
    });
    expectProblem(response, 400);
  });

  it('refuses a body of the wrong type', async () => {
    const response = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expectProblem(response, 415);
  });

  it('names each bad field of a body', async () => {
    const response = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      payload: { indicator: 'POP_COV_4G', unit: '60309134', period: '2025-13', value: 'high' },
    });
    const body = expectProblem(response, 400);
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.period', 'body.value']),
    );
  });

  it('refuses a percent above 100 and a value at the wrong level', async () => {
    const percent = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      payload: { indicator: 'POP_COV_4G', unit: '60309134', period: '2026-01', value: 120 },
    });
    expect(expectProblem(percent, 422).errors).toEqual([
      { path: 'body.value', message: expect.stringMatching(/between 0 and 100/) },
    ]);
    const level = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      payload: { indicator: 'POP_COV_4G', unit: '24', period: '2026-01', value: 99 },
    });
    expect(expectProblem(level, 422).errors[0].path).toBe('body.unit');
  });
});

describe('writing', () => {
  it('enters a value, then corrects it, and the roll-up follows', async () => {
    const entry = { indicator: 'SITES_5G', unit: '60309134', period: '2026-01', value: 3 };
    const created = await testApp.inject({ method: 'PUT', url: '/api/indicator-values', payload: entry });
    expect(created.statusCode).toBe(201);
    const corrected = await testApp.inject({
      method: 'PUT',
      url: '/api/indicator-values',
      headers: await testApp.as({
        username: 'viettel.ia-o',
        role: 'partner_officer',
        party: 'VTL',
        units: ['60309134'],
      }),
      payload: { ...entry, value: 4, comment: 'recount' },
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ updated: 1, value: 4 });
    const rollup = (await get('/api/rollup?indicator=SITES_5G&unit=24&from=2026-01')).json();
    expect(rollup.values[0]).toMatchObject({ value: 4, reported: 1, expected: 135 });
    const stored = (await get('/api/indicator-values?indicator=SITES_5G&unit=60309134&from=2026-01')).json();
    expect(stored).toEqual([
      expect.objectContaining({ value: 4, comment: 'recount', isDemo: false, updatedBy: 'viettel.ia-o' }),
    ]);
  });
});
