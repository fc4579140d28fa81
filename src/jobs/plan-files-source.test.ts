import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { setSmallProvinceBoundaries, utmRaster } from '../../test/fixtures/coverage-fixtures.js';
import { PlanSettingsSchema } from '../domain/planner/plan-settings.js';
import { filesPlanSource } from './plan-files-source.js';
import { startPlanJob } from './plan-job.js';
import { prepareStreamedRun } from './streamed-inputs.js';
import { startStreamedCoverageJob } from './streamed-coverage.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await loadSmallProvince(db);
  await setSmallProvinceBoundaries(db);
  await db.query(`update org_unit set is_border = true where code = 'C1'`);
});
const scratch = mkdtempSync(join(tmpdir(), 'dx-plan-files-'));
afterAll(async () => {
  await db?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const HEADER = 'site_code,technology,band_mhz,lat,lon,antenna_height_m,tx_power_dbm,antenna_gain_dbi';
const text = (lines: string[]) => ({ name: 'sites.csv', bytes: new TextEncoder().encode(lines.join('\n')) });
// A 4G mast in C2 without 5G (an upgrade candidate), and one 5G mast in C3 (today's 5G).
const SITES = text([HEADER, 'GL-1,4G,1800,13.915,108.045,35,43,15', 'GL-9,5G,2600,13.915,108.075,35,45,16']);

describe('a plan from files', () => {
  it('reads the area as a coverage run does and plans on it: today’s 5G, the upgrade candidate, the border commune', async () => {
    const source = await filesPlanSource(db, {
      rootUnit: 'P1',
      dem: [utmRaster('dem-30m.tif', 30, () => 750)],
      population: utmRaster('worldpop-100m.tif', 100, () => 5),
      sites: SITES,
    });
    expect(source.units.map((u) => [u.code, u.isBorder])).toEqual([
      ['C1', true],
      ['C2', false],
      ['C3', false],
    ]);
    const settings = PlanSettingsSchema.parse({
      name: 'files',
      maxSites: 2,
      candidates: { generated: { latticeKm: 2, minSpacingKm: 1.5 } },
      timeLimitS: 5,
    });
    const { finished } = await startPlanJob(db, settings, {
      actor: 'test',
      requestId: null,
      coverageDir: null,
      files: { rootUnit: 'P1', source },
    });
    const scenario = await finished;
    expect(scenario.error).toBeNull();
    expect(scenario.status).toBe('succeeded');
    const result = scenario.result!;
    expect(result.sites.length).toBeGreaterThan(0);
    expect(result.sites.length).toBeLessThanOrEqual(2);
    expect(result.upperBound).toBeGreaterThanOrEqual(result.objective);
    const c3 = result.effects.units.find((u) => u.unit === 'C3')!;
    expect(c3.coveredBefore).toBeGreaterThan(0); // GL-9's 5G
    expect(result.effects.total.coveredAfter[0]!).toBeGreaterThan(result.effects.total.coveredBefore);
    expect(result.stats.candidates).toBeGreaterThan(1);
  }, 120_000);

  it('refuses a unit it does not know, naming it', async () => {
    await expect(
      filesPlanSource(db, {
        rootUnit: 'C1-does-not-exist',
        dem: [utmRaster('dem-30m.tif', 30, () => 750)],
        population: utmRaster('worldpop-100m.tif', 100, () => 5),
        sites: SITES,
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/not_found|no_boundaries/) });
  });
});

describe('a plan on a coverage run made from files on disk', () => {
  it('reads the files by their path, and refuses one changed since the run read it', async () => {
    const dem = utmRaster('dem-30m.tif', 30, () => 750);
    const population = utmRaster('worldpop-100m.tif', 100, () => 5);
    const demPath = join(scratch, dem.name);
    const populationPath = join(scratch, population.name);
    writeFileSync(demPath, dem.bytes);
    writeFileSync(populationPath, population.bytes);
    const run = await prepareStreamedRun(db, {
      rootUnit: 'P1',
      technologies: ['4G'],
      params: { cellSizeM: 60 },
      dem: [demPath],
      population: populationPath,
      sites: SITES,
    });
    const options = { period: '2025-12', rootUnit: 'P1', actor: 'test', requestId: null, poolSize: 1 };
    const { runId, finished: ran } = await startStreamedCoverageJob(db, run, { ...options, outputDir: scratch });
    expect((await ran).status).toBe('succeeded');
    const settings = PlanSettingsSchema.parse({
      name: 'on the run',
      coverageRunId: runId,
      maxSites: 1,
      candidates: { generated: { latticeKm: 3 } },
      timeLimitS: 5,
    });
    const job = { actor: 'test', requestId: null, coverageDir: scratch };
    const scenario = await (await startPlanJob(db, settings, job)).finished;
    expect(scenario.error).toBeNull();
    // The run read only its 4G sites; the plan reads every technology it kept: the 5G one in C3 is today's 5G.
    expect(scenario.result!.effects.units.find((u) => u.unit === 'C3')!.coveredBefore).toBeGreaterThan(0);

    writeFileSync(demPath, utmRaster('dem-30m.tif', 30, () => 800).bytes);
    await expect(startPlanJob(db, settings, job)).rejects.toMatchObject({
      code: 'plan.area',
      message: expect.stringContaining(`${demPath} changed since coverage run ${runId}`),
    });
  }, 120_000);
});
