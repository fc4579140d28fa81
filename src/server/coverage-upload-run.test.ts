import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { setSmallProvinceBoundaries, utmRaster } from '../../test/fixtures/coverage-fixtures.js';

const outputDir = mkdtempSync(join(tmpdir(), 'dx-upload-run-'));
const testApp = useTestApp(
  async (db) => {
    await loadSmallProvince(db);
    await setSmallProvinceBoundaries(db);
  },
  { coverageOutputDir: outputDir },
);
afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

const HEADER = 'site_code,technology,band_mhz,lat,lon,antenna_height_m,tx_power_dbm,antenna_gain_dbi';
const IN_C2 = 'GL-1,4G,1800,13.915,108.045,35,30,0';
/** East of the communes (they end at 108.09°E), inside the terrain model. */
const OUTSIDE = 'GL-2,4G,1800,13.915,108.097,35,43,15';
/** A 5G mast in C3: today's 5G for a plan on the run. */
const NEW_5G = 'GL-9,5G,2600,13.915,108.075,35,45,16';

type Commune = { unit: string; population: number; covered: { '4G': number } };

async function uploadRun(sites: string[]) {
  const form = new FormData();
  form.append('unit', 'P1');
  form.append('period', '2025-12');
  form.append('technologies', '4G');
  form.append('cellSizeM', '60');
  const dem = utmRaster('dem-30m.tif', 30, () => 750);
  const population = utmRaster('worldpop-100m.tif', 100, () => 5);
  form.append('dem', new Blob([Buffer.from(dem.bytes)]), dem.name);
  form.append('population', new Blob([Buffer.from(population.bytes)]), population.name);
  form.append('sites', new Blob([[HEADER, ...sites].join('\n')]), 'tram.csv');
  const request = new Request('http://local/', { method: 'POST', body: form });
  const started = await testApp.inject({
    method: 'POST',
    url: '/api/coverage/runs',
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  expect(started.statusCode, started.body).toBeLessThan(300);
  const id = started.json().id as string;
  let run = started.json();
  for (let i = 0; i < 300 && (run.status === 'queued' || run.status === 'running'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = (await testApp.inject({ url: `/api/coverage/runs/${id}` })).json();
  }
  expect(run.status, run.error ?? '').toBe('succeeded');
  return { id, params: run.params, result: run.result, communes: run.result.units as Commune[] };
}

it('runs an uploaded terrain, population and sites streamed by tiles, and serves its files', async () => {
  const { id, params, result, communes } = await uploadRun([IN_C2]);
  expect(params).toMatchObject({ streamed: true, tileCells: 2048 });
  expect(communes.map((u) => u.unit)).toEqual(['C1', 'C2', 'C3']);
  // Each 0.03° square holds about 10.7 km² of 5 people per hectare: about 5,300 people.
  for (const unit of communes) expect(unit.population).toBeGreaterThan(4_500);
  expect(communes[1]!.covered['4G']).toBeGreaterThan(0);
  const tif = await testApp.inject({ url: `/api/coverage/runs/${id}/files/signal-4G.tif` });
  expect(tif.statusCode).toBe(200);
  expect(tif.rawPayload.subarray(0, 2).toString()).toBe('II');
  expect((await testApp.inject({ url: `/api/coverage/runs/${id}/layer/4G.png` })).statusCode).toBe(200);
  // One grid: one layer under the plain names, placed as the run's corners say.
  expect(result.layers).toEqual([{ grid: null, corners: result.corners }]);
});

it('counts a site outside the area where its signal reaches in', async () => {
  const inside = await uploadRun([IN_C2]);
  const both = await uploadRun([IN_C2, OUTSIDE]);
  const c3 = (run: { communes: Commune[] }) => run.communes.find((u) => u.unit === 'C3')!.covered['4G'];
  expect(c3(both)).toBeGreaterThan(c3(inside));
});

describe('plans on an uploaded run', () => {
  async function plan(coverageRunId: string) {
    return testApp.inject({
      method: 'POST',
      url: '/api/plans',
      payload: {
        name: 'on the upload',
        coverageRunId,
        maxSites: 2,
        timeLimitS: 5,
        candidates: { generated: { latticeKm: 2 } },
      },
    });
  }

  it('plans on the files the run kept: its terrain, people and sites', async () => {
    const run = await uploadRun([IN_C2, NEW_5G]);
    const kept = JSON.parse(readFileSync(join(outputDir, run.id, 'inputs.json'), 'utf8'));
    expect(kept.dem).toEqual(['inputs/dem-1-dem-30m.tif']);
    const started = await plan(run.id);
    expect(started.statusCode, started.body).toBe(202);
    let scenario = started.json();
    for (let i = 0; i < 600 && (scenario.status === 'queued' || scenario.status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      scenario = (await testApp.inject(`/api/plans/${scenario.id}`)).json();
    }
    expect(scenario.status, scenario.error ?? '').toBe('succeeded');
    expect(scenario.coverageRunId).toBe(run.id);
    expect(scenario.rootUnit).toBe('P1');
    // The uploaded 5G site in C3 is today's 5G: the plan starts from it.
    const c3 = scenario.result.effects.units.find((u: { unit: string }) => u.unit === 'C3');
    expect(c3.coveredBefore).toBeGreaterThan(0);
    expect(scenario.result.sites.length).toBeGreaterThan(0);
  }, 120_000);

  it('refuses a run whose kept file is gone, naming it, and starts nothing', async () => {
    const run = await uploadRun([IN_C2]);
    rmSync(join(outputDir, run.id, 'inputs', 'population-worldpop-100m.tif'));
    // An officer of one commune may not plan the province: refused before any file is read (403, not the 422).
    const outsider = await testApp.as({ role: 'province_officer', units: ['C1'] });
    const forbidden = await testApp.inject({
      method: 'POST',
      url: '/api/plans',
      payload: { name: 'x', coverageRunId: run.id, maxSites: 1 },
      headers: outsider,
    });
    expect(forbidden.statusCode).toBe(403);
    const before = (await testApp.inject('/api/plans')).json().length;
    const refused = await plan(run.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('plan.area');
    expect(refused.json().detail).toContain('population-worldpop-100m.tif');
    expect((await testApp.inject('/api/plans')).json().length).toBe(before);
  });
});
