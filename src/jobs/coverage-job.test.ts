import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { loadSmallProvince } from '../../test/fixtures/small-province.js';
import { writeArrayBuffer } from 'geotiff';
import { readGeoTiff } from '../engines/coverage/raster/read-geotiff.js';
import { prepareStreamedRun, type InputFile } from './streamed-inputs.js';
import { setSmallProvinceBoundaries, utmRaster } from '../../test/fixtures/coverage-fixtures.js';
import { startStreamedCoverageJob } from './streamed-coverage.js';
import { coverageOutputDir } from './coverage-output-dir.js';
import { cancelRun } from '../db/coverage-runs.js';
import { findIndicator } from '../db/indicators.js';
import { findUnit } from '../db/org-units.js';
import { rollUp } from '../db/roll-ups.js';
import { buildApp } from '../server/app.js';
import { signedInHeaders } from '../../test/fixtures/test-users.js';

const hasGdal = spawnSync('gdalinfo', ['--version'], { stdio: 'ignore' }).status === 0;
let db: TestDatabase;
const scratch = mkdtempSync(join(tmpdir(), 'dx-coverage-'));
// The folder the CLI's `coverage run` writes to for this data directory; `serve` hands the same one to the app.
const outputDir = coverageOutputDir({ dataDir: join(scratch, 'db') }, {});

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSmallProvince(db);
  await setSmallProvinceBoundaries(db);
});
afterAll(async () => {
  await db?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const raster = (name: string, cell: number, value: (x: number, y: number) => number) => utmRaster(name, cell, value);

const dem = raster('dem-30m.tif', 30, () => 750);
const population = raster('worldpop-100m.tif', 100, () => 5);
const sitesCsv = (rows: string[]) => ({
  name: 'tram.csv',
  bytes: new TextEncoder().encode(
    ['site_code,technology,band_mhz,lat,lon,antenna_height_m,tx_power_dbm,antenna_gain_dbi', ...rows].join('\n'),
  ),
});
const goodSites = sitesCsv(['GL-1,2G,900,13.915,108.045,35,20,0', 'GL-1,4G,1800,13.915,108.045,35,30,0']);

/** An upload written to a folder, to hand the run as a file path instead. */
function onDisk(file: { name: string; bytes: Uint8Array }): string {
  const folder = join(scratch, 'inputs');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, file.name), file.bytes);
  return join(folder, file.name);
}

// 30 m cells in 256-cell tiles: the communes' 10 × 3 km span several tiles of the run's lattice.
const prepare = (overrides: Partial<Parameters<typeof prepareStreamedRun>[1]> = {}) =>
  prepareStreamedRun(db, {
    rootUnit: 'P1',
    technologies: ['2G', '4G'],
    params: { cellSizeM: 30, tileCells: 256 },
    dem: [dem],
    population,
    sites: goodSites,
    ...overrides,
  });

describe('refusing bad inputs before any work', () => {
  it('refuses a DEM in a CRS it does not know', async () => {
    // EPSG:27700 (British National Grid), written with geotiff.js directly since our writer refuses it too.
    const oddCrs = {
      name: 'dem-british-grid.tif',
      bytes: new Uint8Array(
        writeArrayBuffer(new Float32Array(100).fill(750), {
          width: 10,
          height: 10,
          ModelPixelScale: [30, 30, 0],
          ModelTiepoint: [0, 0, 0, 400_000, 300_000, 0],
          GTModelTypeGeoKey: 1,
          GTRasterTypeGeoKey: 1,
          ProjectedCSTypeGeoKey: 27700,
        }),
      ),
    };
    await expect(prepare({ dem: [oddCrs] })).rejects.toThrow(/dem-british-grid\.tif.*(CRS|27700)/);
  });
  it('refuses a sites file with a missing column', async () => {
    const noPower = {
      name: 'no-power.csv',
      bytes: new TextEncoder().encode(
        'site_code,technology,band_mhz,lat,lon,antenna_height_m\nA,4G,1800,13.91,108.04,30\n',
      ),
    };
    await expect(prepare({ sites: noPower })).rejects.toThrow(/no-power\.csv.*(power|công suất)/i);
  });
  it('refuses a site outside the DEM, naming it', async () => {
    await expect(prepare({ sites: sitesCsv(['FAR-1,4G,1800,14.5,108.5,30,43,15']) })).rejects.toThrow(/FAR-1/);
  });
  it('refuses a population raster that is not counts, uploaded or as a file, before reading any tile', async () => {
    const negative = raster('pop-bad.tif', 100, (x) => (x === 3 ? -4 : 5));
    const refusal = /^pop-bad\.tif: not a population count raster: \d+ pixel\(s\) are negative \(lowest -4\)/;
    for (const population of [negative, onDisk(negative)] as InputFile[]) {
      await expect(prepare({ population })).rejects.toMatchObject({
        code: 'population.not_counts',
        message: expect.stringMatching(refusal),
      });
    }
    const density = raster('pop-density.tif', 100, () => 5); // a density by its name, whatever its values
    await expect(prepare({ population: onDisk(density) })).rejects.toThrow(
      /^pop-density\.tif: not a population count raster: its name or metadata says "density"/,
    );
    // A density read as counts: 20,000 people/km² on 100 m pixels reads as 2,000,000/km².
    const city = raster('pop-city.tif', 100, () => 20_000);
    await expect(prepare({ population: onDisk(city) })).rejects.toThrow(
      /^pop-city\.tif: not a population count raster: 2,000,000 people\/km² on average/,
    );
  });
  it('accepts the same population as a file and as an upload, with the same input hash', async () => {
    const [uploaded, file] = [await prepare(), await prepare({ population: onDisk(population) })];
    expect(file.population[0]).toMatchObject({ kind: 'file', name: 'worldpop-100m.tif' });
    expect(file.inputs.population).toBe(uploaded.inputs.population);
  });
});

describe('a run', () => {
  it('computes coverage per commune, writes it as audited indicator values with provenance, and GeoTIFFs', async () => {
    const prepared = await prepare();
    const { runId, finished } = await startStreamedCoverageJob(db, prepared, {
      period: '2025-12',
      rootUnit: 'P1',
      actor: 'engineer',
      requestId: null,
      outputDir,
      poolSize: 2,
    });
    const run = await finished;
    expect(run).toMatchObject({ id: runId, status: 'succeeded', tilesDone: run.tilesTotal });
    expect(run.tilesTotal).toBeGreaterThan(1);
    const province = await findUnit(db, 'P1');
    const share2g = (await rollUp(db, await findIndicator(db, 'POP_COV_2G_COMPUTED'), province, '2025-12')).value!;
    const share4g = (await rollUp(db, await findIndicator(db, 'POP_COV_4G_COMPUTED'), province, '2025-12')).value!;
    expect(share2g).toBeGreaterThan(share4g); // 900 MHz reaches further than 1800 MHz at the same power
    expect(share4g).toBeGreaterThan(10);
    expect(share2g).toBeLessThan(100);
    const c2 = (await rollUp(db, await findIndicator(db, 'POP_COV_2G_COMPUTED'), await findUnit(db, 'C2'), '2025-12'))
      .value!;
    expect(c2).toBeGreaterThan(share2g); // the site stands in C2
    const [audit] = await db.query<{ reason: string; actor: string }>(
      `select reason, actor from audit_log where entity_key ->> 'indicator' = 'COVERED_POP_2G' limit 1`,
    );
    expect(audit!.actor).toBe('engineer');
    expect(audit!.reason).toContain(runId);
    expect(audit!.reason).toContain(prepared.inputs.sites);
    const tif = await readGeoTiff(readFileSync(join(outputDir, runId, 'signal-4G.tif')), 'signal-4G.tif');
    const grid = prepared.plan.grids[0]!.spec; // one grid (UTM 49N), so the files keep their plain names
    expect(prepared.plan.grids).toHaveLength(1);
    expect([tif.width, tif.height]).toEqual([grid.width, grid.height]);
    expect(tif.transform).toMatchObject({ originX: grid.originX, originY: grid.originY, pixelWidth: 30 });
    expect(tif.metadata).toMatchObject({ DESCRIPTION: 'RSRP', UNITTYPE: 'dBm', TECHNOLOGY: '4G' });
    // The best-server raster's site table: index 1 is GL-1's 4G sector (index 0 its 2G one).
    expect(readFileSync(join(outputDir, runId, 'best-server-4G.csv'), 'utf8')).toBe(
      'index,site_code,sector,operator,technology,band_mhz,lon,lat\n1,GL-1,,,4G,1800,108.045,13.915\n',
    );
    const server = await readGeoTiff(readFileSync(join(outputDir, runId, 'best-server-4G.tif')), 'best-server-4G.tif');
    expect(new Set(server.data)).toEqual(new Set([1, 65535]));
    // Uncovered places: points with the people a technology misses, as many as the summary counts.
    const uncovered = JSON.parse(readFileSync(join(outputDir, runId, 'uncovered-4G.geojson'), 'utf8')) as {
      features: { geometry: { coordinates: number[] }; properties: { people: number; technology: string } }[];
    };
    const missed = uncovered.features.reduce((sum, f) => sum + f.properties.people, 0);
    const total = run.result!.total;
    expect(missed).toBeGreaterThan(0);
    expect(Math.abs(missed - (total.population - total.covered['4G']!))).toBeLessThan(uncovered.features.length);
    expect(uncovered.features[0]!.properties.technology).toBe('4G');
    expect(uncovered.features[0]!.geometry.coordinates[0]).toBeCloseTo(108, 0);
    if (hasGdal) {
      const info = JSON.parse(
        execFileSync('gdalinfo', ['-json', join(outputDir, runId, 'best-server-4G.tif')], { encoding: 'utf8' }),
      ) as { rat?: { row: { f: unknown[] }[] }; bands: { description?: string }[] };
      expect(info.bands[0]!.description).toBe('best server site index');
      expect(info.rat?.row.map((r) => r.f.slice(0, 2))).toEqual([[1, 'GL-1']]);
    }
    expect(run.result!.hotspots!['4G']![0]).toMatchObject({
      people: expect.any(Number),
      lon: expect.closeTo(108.05, 0),
    });
    expect(run.result!.corners).toHaveLength(4);
    expect(run.result!.layers).toEqual([{ grid: null, corners: run.result!.corners }]);
    // The criterion is stored with the run and echoed beside its figures; one operator: its figure is the union.
    expect(run.params).toMatchObject({ coverageCriterion: { kind: 'median' }, mainOperator: 'VTL' });
    expect(run.result).toMatchObject({
      operators: ['VTL'],
      mainOperator: 'VTL',
      coverageCriterion: { kind: 'median' },
      criterionLabel: 'median level ≥ threshold',
    });
    expect(total.union).toEqual(total.covered);
    expect(total.byOperator).toEqual({ VTL: total.covered });
    expect(total.maxOperator!['2G']).toEqual({ operator: 'VTL', covered: total.covered['2G'] });
    // The map layer: a PNG of signal classes over the run's grid.
    const app = await buildApp({ db, coverageOutputDir: outputDir });
    const layer = await app.inject({
      url: `/api/coverage/runs/${runId}/layer/4G.png`,
      headers: await signedInHeaders(db, { role: 'viewer' }),
    });
    expect(layer.statusCode).toBe(200);
    expect(layer.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    // The download route serves exactly the file the run wrote.
    const download = await app.inject({
      url: `/api/coverage/runs/${runId}/files/best-server-4G.tif`,
      headers: await signedInHeaders(db, { role: 'viewer' }),
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(readFileSync(join(outputDir, runId, 'best-server-4G.tif')))).toBe(true);
    // And the site table and uncovered places beside it, with their types; other names are refused.
    const viewer = await signedInHeaders(db, { role: 'viewer' });
    for (const [file, type] of [
      ['best-server-4G.csv', 'text/csv'],
      ['best-server-4G.tif.aux.xml', 'application/xml'],
      ['uncovered-4G.geojson', 'application/geo+json'],
    ] as const) {
      const answer = await app.inject({ url: `/api/coverage/runs/${runId}/files/${file}`, headers: viewer });
      expect(answer.statusCode, file).toBe(200);
      expect(answer.headers['content-type'], file).toContain(type);
      expect(answer.rawPayload.equals(readFileSync(join(outputDir, runId, file))), file).toBe(true);
    }
    const outside = await app.inject({ url: `/api/coverage/runs/${runId}/files/..%2Fdb.csv`, headers: viewer });
    expect(outside.statusCode).toBe(400);
    await app.close();
  });

  it('leaves no results and no files when cancelled', async () => {
    const prepared = await prepare();
    const before = await db.query<{ n: number }>('select count(*)::int as n from indicator_value');
    const { runId, finished } = await startStreamedCoverageJob(db, prepared, {
      period: '2025-11',
      rootUnit: 'P1',
      actor: 'engineer',
      requestId: null,
      outputDir,
      poolSize: 1,
    });
    await cancelRun(db, runId);
    const run = await finished;
    expect(run.status).toBe('cancelled');
    expect(await db.query<{ n: number }>('select count(*)::int as n from indicator_value')).toEqual(before);
    const folder = join(outputDir, runId); // no raster half-written, no table, no places
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });
});
