import { expect, it } from 'vitest';
import type { CoverageResult } from '../../api/types.js';
import { runDownloads } from './run-downloads.js';

const corners: [number, number][] = [
  [107, 17],
  [108, 17],
  [108, 16],
  [107, 16],
];
const base: CoverageResult = { units: [], total: { unit: 'VN', population: 0, covered: {} }, technologies: ['4G'] };

it('links the signal raster of every grid of a run over several', () => {
  const result = {
    ...base,
    layers: [
      { grid: 'utm48', corners },
      { grid: 'utm49', corners },
    ],
  };
  const files = runDownloads({ id: 'r1', result }, 'signal', ['2G', '4G']);
  expect(files.map((f) => [f.label, f.fileName, f.url])).toEqual([
    ['2G utm48', 'signal-2G-utm48.tif', '/api/coverage/runs/r1/files/signal-2G-utm48.tif'],
    ['2G utm49', 'signal-2G-utm49.tif', '/api/coverage/runs/r1/files/signal-2G-utm49.tif'],
    ['4G utm48', 'signal-4G-utm48.tif', '/api/coverage/runs/r1/files/signal-4G-utm48.tif'],
    ['4G utm49', 'signal-4G-utm49.tif', '/api/coverage/runs/r1/files/signal-4G-utm49.tif'],
  ]);
  // The site tables and uncovered places are one per technology, whatever the grids.
  expect(runDownloads({ id: 'r1', result }, 'sites', ['4G']).map((f) => f.fileName)).toEqual(['best-server-4G.csv']);
});

it('keeps the plain names of a run on one grid, or made before layers were listed', () => {
  for (const result of [{ ...base, layers: [{ grid: null, corners }] }, { ...base, corners }, null]) {
    expect(runDownloads({ id: 'r1', result }, 'signal', ['4G']).map((f) => [f.label, f.fileName])).toEqual([
      ['4G', 'signal-4G.tif'],
    ]);
  }
  expect(runDownloads({ id: 'r1', result: base }, 'uncovered', ['4G'])[0]!.fileName).toBe('uncovered-4G.geojson');
});
