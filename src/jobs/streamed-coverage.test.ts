import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { runOutputNames } from '../../test/fixtures/coverage-fixtures.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, type TestDatabase } from '../../test/fixtures/test-database.js';
import { storeNation, writeNationFiles, type NationFiles } from '../../bench/coverage/nation-files.js';
import { readGeoTiff } from '../engines/coverage/raster/read-geotiff.js';
import { prepareStreamedRun } from './streamed-inputs.js';
import { startStreamedCoverageJob } from './streamed-coverage.js';
import type { CoverageRun } from '../db/coverage-runs.js';
import type { ModelUnitCoverage } from '../engines/coverage/run-model.js';

// Huế and Đà Nẵng (two provinces on either side of 108°E), on coarse cells so a run takes seconds.
const PARAMS = { cellSizeM: 400, tileCells: 256 };
let db: TestDatabase;
let files: NationFiles;
let nation: string;
let provinces: string[];
const scratch = mkdtempSync(join(tmpdir(), 'dx-streamed-'));
const outputDir = join(scratch, 'runs');

beforeAll(async () => {
  files = writeNationFiles(join(scratch, 'inputs'), { scale: 'small' });
  db = await openTestDatabase();
  ({ nation, provinces } = await storeNation(db, files.units));
});
afterAll(async () => {
  await db?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function runFor(rootUnit: string, poolSize = 2): Promise<CoverageRun> {
  const run = await prepareStreamedRun(db, {
    rootUnit,
    technologies: ['2G', '4G'],
    params: PARAMS,
    dem: files.dem,
    population: files.population,
    sites: files.sites,
  });
  const { finished } = await startStreamedCoverageJob(db, run, {
    period: '2025',
    rootUnit,
    actor: 'test',
    requestId: null,
    outputDir,
    poolSize,
  });
  const done = await finished;
  expect(done.status, done.error ?? '').toBe('succeeded');
  return done;
}

const unitsOf = (run: CoverageRun) => run.result!.units as ModelUnitCoverage[];

describe('a streamed run over two provinces in two UTM zones', () => {
  let national: CoverageRun;
  beforeAll(async () => {
    national = await runFor(nation);
  }, 120_000);

  it('puts each province on the grid of its zone, and counts everyone who lives in the communes', async () => {
    const grids = (national.params as { grids: { name: string }[] }).grids.map((g) => g.name);
    expect(grids).toEqual(['utm48', 'utm49']);
    expect(unitsOf(national)).toHaveLength(files.counts.communes);
    // The land is tiled by the communes: the people found are the raster's (a cell's people split by area).
    expect(national.result!.total.population / files.people).toBeGreaterThan(0.995);
    expect(national.result!.total.population / files.people).toBeLessThan(1.000001);
    for (const unit of unitsOf(national)) {
      expect(unit.covered['4G']!).toBeLessThanOrEqual(unit.union['4G']! + 1e-6);
      expect(unit.union['4G']!).toBeLessThanOrEqual(unit.population + 1e-6);
    }
  });

  it("gives each commune the same figures as its province's own run: the nation is the sum of its parts", async () => {
    const byCode = new Map(unitsOf(national).map((u) => [u.unit, u]));
    let sum = 0;
    for (const province of provinces) {
      const own = await runFor(province);
      for (const unit of unitsOf(own)) expect(unit, unit.unit).toEqual(byCode.get(unit.unit));
      sum += own.result!.total.covered['4G']!;
    }
    expect(sum).toBeCloseTo(national.result!.total.covered['4G']!, 3);
  }, 240_000);

  it('writes the same bytes whatever order the tiles finish in (one thread or two)', async () => {
    const single = await runFor(nation, 1);
    const names = runOutputNames(join(outputDir, national.id)); // the kept inputs' manifest is compared too
    expect(names).toContain('signal-4G-utm48.tif');
    expect(names).toContain('best-server-4G-utm49.tif.aux.xml');
    expect(runOutputNames(join(outputDir, single.id))).toEqual(names);
    for (const name of names) {
      const same = readFileSync(join(outputDir, single.id, name)).equals(
        readFileSync(join(outputDir, national.id, name)),
      );
      expect(same, name).toBe(true);
    }
    expect(unitsOf(single)).toEqual(unitsOf(national));
    const signal = await readGeoTiff(
      readFileSync(join(outputDir, national.id, 'signal-4G-utm49.tif')),
      'signal-4G-utm49.tif',
    );
    expect(signal.transform.pixelWidth).toBe(PARAMS.cellSizeM);
    expect(signal.data.some((v) => v > -200)).toBe(true);
  }, 120_000);
});
