import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import type { TestDatabase } from '../../test/fixtures/test-database.js';
import type { PlanScenario } from '../domain/planner/plan-contract.js';
import { PNG } from 'pngjs';
import { readGeoTiff } from '../engines/coverage/raster/read-geotiff.js';

const coverageDir = mkdtempSync(join(os.tmpdir(), 'dx-plan-test-'));
afterAll(() => rmSync(coverageDir, { recursive: true, force: true }));

/** The small province, and the demo province's unit (its area is the synthetic demo scenario). */
async function load(db: TestDatabase) {
  await loadSmallProvince(db);
  await db.query(
    `insert into org_unit (code, parent_id, level, unit_type, name_vi, is_demo)
     select '24', parent_id, 'province', 'province', 'Tỉnh Gia Lai (mẫu)', true from org_unit where code = 'P1'`,
  );
}
const testApp = useTestApp(load, { coverageOutputDir: coverageDir });

/** Small enough to solve in seconds: few generated candidates, a short time limit. */
const SMALL = {
  maxSites: 6,
  candidates: { generated: { latticeKm: 12 } },
  priorities: { borderSettlements: true },
  timeLimitS: 5,
};

async function waitFor(id: string): Promise<PlanScenario> {
  for (;;) {
    const scenario = (await testApp.inject(`/api/plans/${id}`)).json() as PlanScenario;
    if (scenario.status !== 'queued' && scenario.status !== 'running') return scenario;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function upload(url: string, name: string, text: string) {
  const form = new FormData();
  form.append('file', new Blob([text]), name);
  const request = new Request('http://local/', { method: 'POST', body: form });
  return testApp.inject({
    method: 'POST',
    url,
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}

it('reads a candidates file for the settings, or names each bad cell', async () => {
  const good = await upload(
    '/api/plans/read-file/candidates',
    'ung-vien.csv',
    'Mã trạm;Kinh độ;Vĩ độ;Chi phí\nN1;107,6;13,9;2,5',
  );
  expect(good.statusCode).toBe(200);
  expect(good.json()).toEqual([{ code: 'N1', lon: 107.6, lat: 13.9, cost: 2.5 }]);
  const bad = await upload(
    '/api/plans/read-file/points',
    'truong.csv',
    'name,kind,lon,lat,weight\nA,school,107.6,95,10',
  );
  expect(bad.statusCode).toBe(422); // the app's status for a readable file with bad content
  expect(JSON.stringify(bad.json())).toContain('truong.csv row 2 column lat');
});

it('reads a GeoJSON of excluded areas for the settings, or names each bad feature', async () => {
  const ring = [
    [107.5, 13.9],
    [107.6, 13.9],
    [107.6, 14.0],
    [107.5, 13.9],
  ];
  const feature = (geometry: object) => ({ type: 'Feature', properties: { name: 'Rừng' }, geometry });
  const good = await upload(
    '/api/plans/read-areas',
    'vung-cam.geojson',
    JSON.stringify({ type: 'FeatureCollection', features: [feature({ type: 'Polygon', coordinates: [ring] })] }),
  );
  expect(good.statusCode, good.body).toBe(200);
  expect(good.json()).toEqual([{ name: 'Rừng', geometry: { type: 'Polygon', coordinates: [ring] } }]);
  const bad = await upload(
    '/api/plans/read-areas',
    'vung-cam.geojson',
    JSON.stringify({ type: 'FeatureCollection', features: [feature({ type: 'LineString', coordinates: ring })] }),
  );
  expect(bad.statusCode).toBe(422);
  expect(JSON.stringify(bad.json())).toContain('vung-cam.geojson feature 1');
});

it('refuses settings without a limit, or a site both mandatory and excluded, naming the field', async () => {
  const none = await testApp.inject({ method: 'POST', url: '/api/plans', payload: { name: 'x' } });
  expect(none.statusCode).toBe(400);
  expect(JSON.stringify(none.json())).toContain('maxSites');
  const clash = await testApp.inject({
    method: 'POST',
    url: '/api/plans',
    payload: { name: 'x', maxSites: 3, mandatory: ['A'], excluded: ['A'] },
  });
  expect(clash.statusCode).toBe(400);
  expect(JSON.stringify(clash.json())).toContain('both mandatory and excluded');
});

it('lets province and partner officers plan in their units only; viewers may not read plans', async () => {
  const outsider = await testApp.as({ role: 'province_officer', units: ['P1'] });
  const refused = await testApp.inject({
    method: 'POST',
    url: '/api/plans',
    payload: { name: 'x', maxSites: 3 },
    headers: outsider,
  });
  expect(refused.statusCode).toBe(403);
  const viewer = await testApp.as({ role: 'viewer', units: ['24'] });
  expect((await testApp.inject({ url: '/api/plans', headers: viewer })).statusCode).toBe(403);
});

it('plans on the demo province in the background: sites in build order, a proven gap, effects, audited, exported', async () => {
  const started = await testApp.inject({
    method: 'POST',
    url: '/api/plans',
    payload: { name: 'Biên giới trước', ...SMALL },
  });
  expect(started.statusCode).toBe(202);
  const scenario = await waitFor(started.json().id);
  expect(scenario.error).toBeNull();
  expect(scenario.status).toBe('succeeded');
  const result = scenario.result!;
  expect(result.projection).toBe(true);
  expect(result.sites.length).toBeGreaterThan(0);
  expect(result.sites.length).toBeLessThanOrEqual(6);
  expect(result.sites.map((s) => s.order)).toEqual(result.sites.map((_, i) => i + 1));
  expect(result.upperBound).toBeGreaterThanOrEqual(result.objective);
  expect(result.gap).toBeGreaterThanOrEqual(0);
  expect(result.gap).toBeLessThan(1);
  // Gains in build order add up to the objective (the same demand, counted once).
  expect(result.sites.reduce((sum, s) => sum + s.gain, 0)).toBeCloseTo(result.objective, 0);
  const { total } = result.effects;
  expect(total.coveredAfter[0]!).toBeGreaterThan(total.coveredBefore);
  expect(result.effects.units.length).toBeGreaterThan(100);
  expect(result.priorityPlaces.length).toBe(result.effects.reachingThreshold.border.units);
  expect(result.priorityPlaces.every((p) => p.kind === 'border')).toBe(true);
  expect(readdirSync(join(coverageDir, 'planner-cache')).length).toBeGreaterThan(10);

  const audit = await testApp.db.query<{ action: string; actor: string }>(
    `select action, actor from audit_log where entity = 'plan_scenario' and entity_key->>'id' = $1 order by seq`,
    [scenario.id],
  );
  expect(audit).toEqual([
    { action: 'plan.create', actor: 'test-admin' },
    { action: 'plan.complete', actor: 'test-admin' },
  ]);

  const csv = await testApp.inject(`/api/plans/${scenario.id}/sites.csv`);
  expect(csv.headers['content-type']).toContain('text/csv');
  expect(csv.headers['content-disposition']).toContain('filename="Bien-gioi-truoc.csv"');
  const rows = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(rows[0]).toBe('order,code,year,source,mandatory,lon,lat,unit,cost,gain');
  expect(rows.length).toBe(result.sites.length + 1);
  const geojson = (await testApp.inject(`/api/plans/${scenario.id}/sites.geojson`)).json();
  expect(geojson.features).toHaveLength(result.sites.length);
  expect(geojson.features[0].geometry.coordinates).toEqual([result.sites[0]!.lon, result.sites[0]!.lat]);
  const kml = (await testApp.inject(`/api/plans/${scenario.id}/sites.kml`)).body;
  expect(kml.match(/<Placemark>/g)).toHaveLength(result.sites.length);

  const layer = await testApp.inject(`/api/plans/${scenario.id}/new-coverage.png`);
  expect(layer.statusCode).toBe(200);
  expect(layer.headers['content-type']).toBe('image/png');
  const png = PNG.sync.read(layer.rawPayload);
  const phases = new Set<number>();
  for (let i = 3; i < png.data.length; i += 4) if (png.data[i]! > 0) phases.add(png.data[i]!);
  expect(phases.size).toBe(1); // one phase: every newly covered cell has its colour
  expect(result.corners).toHaveLength(4);
  const raster = await readGeoTiff(
    (await testApp.inject(`/api/plans/${scenario.id}/new-coverage.tif`)).rawPayload,
    'new-coverage-5G.tif',
  );
  expect([raster.width, raster.height]).toEqual([png.width, png.height]);
  expect(raster.data.some((v) => v === 1)).toBe(true);

  const list = (await testApp.inject('/api/plans')).json();
  expect(list[0]).toMatchObject({ id: scenario.id, summary: { sites: result.sites.length, gap: result.gap } });
  expect(list[0].result).toBeUndefined();
}, 300_000);

it('fails a scenario naming a candidate code it does not know; a cancelled one stops, and can be deleted', async () => {
  const unknown = await testApp.inject({
    method: 'POST',
    url: '/api/plans',
    payload: { name: 'unknown', ...SMALL, mandatory: ['NO-SUCH-SITE'] },
  });
  const failed = await waitFor(unknown.json().id);
  expect(failed.status).toBe('failed');
  expect(failed.error).toContain('NO-SUCH-SITE');

  const slow = await testApp.inject({ method: 'POST', url: '/api/plans', payload: { name: 'to cancel', ...SMALL } });
  const id = slow.json().id;
  const cancel = await testApp.inject({ method: 'POST', url: `/api/plans/${id}/cancel` });
  expect(cancel.statusCode).toBe(200);
  expect(cancel.json().status).toBe('cancelled');
  expect((await waitFor(id)).status).toBe('cancelled');
  expect((await testApp.inject({ method: 'DELETE', url: `/api/plans/${id}` })).statusCode).toBe(204);
  expect((await testApp.inject(`/api/plans/${id}`)).statusCode).toBe(404);
  expect((await testApp.inject(`/api/plans/${id}/new-coverage.png`)).statusCode).toBe(404);
}, 300_000);
