import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { useTestApp } from '../../test/fixtures/test-app.js';
import { storeNation, writeNationFiles } from '../../bench/coverage/nation-files.js';
import { gridCornersLonLat } from '../engines/coverage/analysis-grid.js';
import type { GridSpec } from '../engines/coverage/raster/raster.js';
import { prepareStreamedRun } from '../jobs/streamed-inputs.js';
import { startStreamedCoverageJob } from '../jobs/streamed-coverage.js';
import type { CoverageMapLayer } from '../domain/coverage/coverage-run-contract.js';
import { openCogStream } from '../engines/coverage/raster/cog-stream.js';
import { gridTransform } from '../engines/coverage/raster/raster.js';

// Huế and Đà Nẵng, on either side of 108°E: a run over the grids of UTM zones 48 and 49, on coarse cells.
const scratch = mkdtempSync(join(tmpdir(), 'dx-grid-layers-'));
const outputDir = join(scratch, 'runs');
const files = writeNationFiles(join(scratch, 'inputs'), { scale: 'small' });
let nation = '';
const testApp = useTestApp(
  async (db) => {
    ({ nation } = await storeNation(db, files.units));
  },
  { coverageOutputDir: outputDir },
);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let runId = '';
beforeAll(async () => {
  const run = await prepareStreamedRun(testApp.db, {
    rootUnit: nation,
    technologies: ['4G'],
    params: { cellSizeM: 1000, tileCells: 128 },
    dem: files.dem,
    population: files.population,
    sites: files.sites,
  });
  const { finished } = await startStreamedCoverageJob(testApp.db, run, {
    period: '2025',
    rootUnit: nation,
    actor: 'test',
    requestId: null,
    outputDir,
    poolSize: 2,
  });
  const done = await finished;
  expect(done.status, done.error ?? '').toBe('succeeded');
  runId = done.id;
}, 120_000);

async function fetchRun() {
  const response = await testApp.inject({ url: `/api/coverage/runs/${runId}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    params: { grids: (GridSpec & { name: string })[] };
    result: { corners: [number, number][]; layers: CoverageMapLayer[] };
  };
}

it("lists one layer per grid, each placed by its own grid's corners", async () => {
  const { params, result } = await fetchRun();
  expect(result.layers.map((layer) => layer.grid)).toEqual(['utm48', 'utm49']);
  result.layers.forEach((layer, i) => {
    // Grids this small are drawn at full resolution: the corners are the grid's own.
    const expected = gridCornersLonLat(params.grids[i]!);
    layer.corners.forEach(([lon, lat], k) => {
      expect(lon).toBeCloseTo(expected[k]![0], 9);
      expect(lat).toBeCloseTo(expected[k]![1], 9);
    });
  });
  expect(result.layers[0]!.corners).toEqual(result.corners);
  // Zone 48's grid lies west of zone 49's: each image goes to its own place.
  const westmost = (layer: CoverageMapLayer) => Math.min(...layer.corners.map(([lon]) => lon));
  expect(westmost(result.layers[0]!)).toBeLessThan(westmost(result.layers[1]!));
});

it("serves each grid's layer as a PNG of its grid's size, and the grid's rasters as files", async () => {
  const { params } = await fetchRun();
  for (const grid of params.grids) {
    const response = await testApp.inject({ url: `/api/coverage/runs/${runId}/layer/4G-${grid.name}.png` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    const png = PNG.sync.read(response.rawPayload);
    expect([png.width, png.height]).toEqual([grid.width, grid.height]);
    // Some of it is coloured (a signal class), some transparent (no signal or outside the communes).
    const alphas = new Set<number>();
    for (let i = 3; i < png.data.length; i += 4) alphas.add(png.data[i]!);
    expect(alphas.has(0)).toBe(true);
    expect([...alphas].some((a) => a > 0)).toBe(true);

    const tif = await testApp.inject({ url: `/api/coverage/runs/${runId}/files/signal-4G-${grid.name}.tif` });
    expect(tif.statusCode, tif.body).toBe(200);
    expect(tif.headers['content-disposition']).toContain(`signal-4G-${grid.name}.tif`);
  }
});

it('has no single-grid layer, and refuses a name that is no grid', async () => {
  const plain = await testApp.inject({ url: `/api/coverage/runs/${runId}/layer/4G.png` });
  expect(plain.statusCode).toBe(404);
  expect(plain.json().code).toBe('coverage.layer_not_found');
  const missing = await testApp.inject({ url: `/api/coverage/runs/${runId}/layer/5G-utm48.png` });
  expect(missing.statusCode).toBe(404);
  for (const name of ['4G-utm61.png', '4G-zone48.png', '4G-utm48.tif', '..%2F4G.png']) {
    const bad = await testApp.inject({ url: `/api/coverage/runs/${runId}/layer/${name}` });
    expect(bad.statusCode, name).toBe(400);
  }
});

it("draws a large grid's layer from its overview, not its full resolution", async () => {
  const { params } = await fetchRun();
  // A 5G raster of 8,192 × 4,096 cells on the run's first grid, written as a run writes its rasters.
  const grid = { ...params.grids[0]!, width: 8192, height: 4096 };
  const writer = openCogStream(join(outputDir, runId, `signal-5G-${grid.name}.tif`), {
    width: grid.width,
    height: grid.height,
    crs: grid.crs,
    transform: gridTransform(grid),
    noData: Number.NaN,
    sampleType: 'float32',
    blockCells: 2048,
  });
  const block = new Float32Array(2048 * 2048).map((_, i) => (i % 2048 < 1024 ? -60 : Number.NaN));
  for (const [bx, by] of writer.unwrittenBlocks()) await writer.writeBlock(bx, by, block);
  await writer.finish();
  const response = await testApp.inject({ url: `/api/coverage/runs/${runId}/layer/5G-${grid.name}.png` });
  expect(response.statusCode, response.body).toBe(200);
  const png = PNG.sync.read(response.rawPayload);
  expect([png.width, png.height]).toEqual([2048, 1024]);
  // Each block's left half has a signal, its right half none: the overview keeps that.
  expect(png.data[(100 * 2048 + 100) * 4 + 3]).toBeGreaterThan(0);
  expect(png.data[(100 * 2048 + 400) * 4 + 3]).toBe(0);
});
