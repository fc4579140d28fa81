import { beforeAll, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { zipBombWorkbook } from '../../test/fixtures/zip-bomb.js';

const testApp = useTestApp();
let db: TestDatabase;
beforeAll(() => ({ db } = testApp));

async function post(
  url: string,
  parts: Record<string, string | { name: string; text: string }>,
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(key, value);
    else form.append(key, new Blob([value.text]), value.name);
  }
  const request = new Request('http://local/', { method: 'POST', body: form });
  return testApp.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

const header = 'Mã trạm;Công nghệ;Tần số;Vĩ độ;Kinh độ;Độ cao anten;Công suất;Hướng';

it('imports sites, audited, and lists them', async () => {
  const viettel = await testApp.as({ username: 'viettel-rf', role: 'partner_officer', party: 'VTL', units: ['P1'] });
  const response = await post(
    '/api/coverage/sites',
    {
      file: {
        name: 'tram.csv',
        text: [header, 'GL-1;4G;1800;13,915;108,045;35;43;120', 'GL-2;2G;900;13,92;108,07;30;40;'].join('\n'),
      },
    },
    viettel,
  );
  expect(response.statusCode).toBe(200);
  expect(response.json()).toMatchObject({ inserted: 2 });
  const sites = (await testApp.inject({ url: '/api/coverage/sites' })).json();
  expect(sites).toEqual([
    expect.objectContaining({ siteCode: 'GL-2', technology: '2G', azimuthDeg: null }),
    expect.objectContaining({ siteCode: 'GL-1', technology: '4G', azimuthDeg: 120, lat: 13.915 }),
  ]);
  const [audit] = await db.query<{ n: number }>(
    `select count(*)::int as n from audit_log where entity = 'cell_site' and actor = 'viettel-rf'`,
  );
  expect(audit!.n).toBe(2);
});

it('stores each operator’s sites under its operator; a code may repeat across operators', async () => {
  const text = [`${header};Nhà mạng`, 'GL-1;4G;1800;13,915;108,045;35;43;120;mbf', 'GL-9;4G;1800;13,9;108,0;35;43;0;'];
  const response = await post('/api/coverage/sites', { file: { name: 'ops.csv', text: text.join('\n') } });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toMatchObject({ inserted: 2 });
  const stored = await db.query<{ operator: string; site_code: string }>(
    `select operator, site_code from cell_site where site_code in ('GL-1', 'GL-9') and technology = '4G' order by operator, site_code`,
  );
  // Viettel's GL-1 from the first test stays; MobiFone's GL-1 is another sector; a blank operator is the main one.
  expect(stored).toEqual([
    { operator: 'MBF', site_code: 'GL-1' },
    { operator: 'VTL', site_code: 'GL-1' },
    { operator: 'VTL', site_code: 'GL-9' },
  ]);
  const listed = (await testApp.inject({ url: '/api/coverage/sites?technology=4G' })).json();
  expect(listed.map((s: { operator: string; siteCode: string }) => `${s.operator}:${s.siteCode}`)).toEqual([
    'MBF:GL-1',
    'VTL:GL-1',
    'VTL:GL-9',
  ]);
  // Back to the first test's two sites for the tests below.
  await db.query(`delete from cell_site where operator = 'MBF' or site_code = 'GL-9'`);
});

it('refuses a sites file with bad rows, naming each, and saves nothing', async () => {
  const response = await post('/api/coverage/sites', {
    file: {
      name: 'xau.csv',
      text: [header, 'GL-3;6G;1800;13,9;108,0;35;43;', 'GL-4;4G;1800;113,9;108,0;-5;43;'].join('\n'),
    },
  });
  expect(response.statusCode).toBe(422);
  const errors = response.json().errors.map((e: { row: number; column: string }) => [e.row, e.column]);
  expect(errors).toEqual(
    expect.arrayContaining([
      [2, 'Công nghệ'],
      [3, 'Độ cao anten'],
    ]),
  );
  expect((await testApp.inject({ url: '/api/coverage/sites' })).json()).toHaveLength(2);
});

it('refuses a run without its inputs before starting anything', async () => {
  const response = await post('/api/coverage/runs', { unit: 'P1', period: '2025-12' });
  expect(response.statusCode).toBe(422);
  const missing = await post('/api/coverage/runs', { period: '2025-12' });
  expect(missing.json().errors).toEqual([{ path: 'unit', message: 'required' }]);
  expect((await db.query('select * from coverage_run')).length).toBe(0);
});

it('refuses a coverage criterion it cannot read, before starting anything', async () => {
  const response = await post('/api/coverage/runs', { unit: 'P1', period: '2025-12', coverageCriterion: '30%' });
  expect(response.statusCode).toBe(422);
  expect(response.json().errors).toEqual([
    { path: 'coverageCriterion', message: expect.stringMatching(/reliability/) },
  ]);
  expect((await db.query('select * from coverage_run')).length).toBe(0);
});

it('answers for unknown runs', async () => {
  expect((await testApp.inject({ url: '/api/coverage/runs/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
    404,
  );
  expect((await testApp.inject({ url: '/api/coverage/runs/nope' })).statusCode).toBe(400);
});

it('refuses a zip bomb sites list (413) and rasters that are not TIFF (415), saving and starting nothing', async () => {
  const bomb = zipBombWorkbook({ inflatedMiB: 453, declared: 'honest' });
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bomb)]), 'tram.xlsx');
  const request = new Request('http://local/', { method: 'POST', body: form });
  const start = performance.now();
  const sites = await testApp.inject({
    method: 'POST',
    url: '/api/coverage/sites',
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  expect(performance.now() - start).toBeLessThan(1000);
  expect(sites.statusCode).toBe(413);
  expect(sites.json()).toMatchObject({
    code: 'intake.too_large',
    detail: expect.stringMatching(/^tram\.xlsx inflates/),
  });
  expect((await testApp.inject({ url: '/api/coverage/sites' })).json()).toHaveLength(2);

  const run = await post('/api/coverage/runs', {
    unit: 'P1',
    period: '2025-12',
    dem: { name: 'dia-hinh.tif', text: 'x,y,z\n1,2,3\n' },
    population: { name: 'dan-so.tif', text: 'x,y,people\n1,2,3\n' },
  });
  expect(run.statusCode).toBe(415);
  expect(run.json()).toMatchObject({
    code: 'intake.file_type',
    detail: expect.stringMatching(/^dia-hinh\.tif is text \(such as a CSV\), not a GeoTIFF/),
  });
  expect((await db.query('select * from coverage_run')).length).toBe(0);
});
