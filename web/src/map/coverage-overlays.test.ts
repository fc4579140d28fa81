import { describe, expect, it } from 'vitest';
import type { CoverageResult, CoverageRun } from '../api/types.js';
import { coverageOverlays, overlayAbove, placedLayers, runLayers, type MapOverlay } from './coverage-overlays.js';

// Corners as the server gives them (top-left, top-right, bottom-right, bottom-left), one grid each side of 108°E.
const WEST: [number, number][] = [
  [107.0, 16.8],
  [107.99, 16.81],
  [107.99, 15.9],
  [107.0, 15.89],
];
const EAST: [number, number][] = [
  [108.0, 16.2],
  [108.6, 16.19],
  [108.61, 15.8],
  [108.01, 15.81],
];

function run(result: Partial<CoverageResult>): CoverageRun {
  return {
    id: 'run-1',
    status: 'succeeded',
    rootUnit: 'VN',
    period: '2025-12',
    params: {},
    inputs: {},
    tilesTotal: 1,
    tilesDone: 1,
    error: null,
    result: {
      units: [],
      total: { unit: 'VN', population: 0, covered: {} },
      technologies: ['2G', '4G'],
      ...result,
    },
    createdBy: 'test',
    createdAt: '2025-11-25T10:00:00Z',
    startedAt: null,
    finishedAt: null,
  };
}

const twoGrids = run({
  corners: WEST,
  layers: [
    { grid: 'utm48', corners: WEST },
    { grid: 'utm49', corners: EAST },
  ],
});

describe('coverageOverlays', () => {
  it('gives every grid of a run its own image, URL and corners, per technology', () => {
    const overlays = coverageOverlays(twoGrids, ['2G', '4G']);
    expect(overlays.map((o) => [o.id, o.url])).toEqual([
      ['coverage-2G-utm48', '/api/coverage/runs/run-1/layer/2G-utm48.png'],
      ['coverage-2G-utm49', '/api/coverage/runs/run-1/layer/2G-utm49.png'],
      ['coverage-4G-utm48', '/api/coverage/runs/run-1/layer/4G-utm48.png'],
      ['coverage-4G-utm49', '/api/coverage/runs/run-1/layer/4G-utm49.png'],
    ]);
    expect(overlays[1]!.corners).toEqual(EAST);
    expect(overlays[0]!.corners).toEqual(WEST);
  });

  it('keeps the plain image of a run on one grid, and of a run made before layers were listed', () => {
    const oneGrid = run({ corners: WEST, layers: [{ grid: null, corners: WEST }] });
    const older = run({ corners: WEST });
    for (const r of [oneGrid, older]) {
      expect(coverageOverlays(r, ['4G'])).toEqual([
        { id: 'coverage-4G', technology: '4G', url: '/api/coverage/runs/run-1/layer/4G.png', corners: WEST },
      ]);
    }
  });

  it('leaves out a grid whose corners cannot place an image, and has none without a run', () => {
    const broken = run({
      layers: [
        { grid: 'utm48', corners: WEST.slice(0, 3) },
        { grid: 'utm49', corners: EAST },
      ],
    });
    expect(placedLayers(broken).map((l) => l.grid)).toEqual(['utm49']);
    expect(runLayers(run({}))).toEqual([]);
    expect(coverageOverlays(null, ['4G'])).toEqual([]);
  });
});

describe('overlayAbove', () => {
  const overlays = coverageOverlays(twoGrids, ['2G', '4G']);
  const byId = (id: string) => overlays.find((o) => o.id === id) as MapOverlay;

  it('puts an image under the lowest higher technology already on the map', () => {
    const onMap = new Set(['coverage-4G-utm49']);
    expect(overlayAbove(byId('coverage-2G-utm48'), overlays, (id) => onMap.has(id))).toBe('coverage-4G-utm49');
  });

  it('puts it under the outlines when no higher technology is shown, whatever grids of its own are', () => {
    const onMap = new Set(['coverage-2G-utm48', 'coverage-4G-utm48']);
    expect(overlayAbove(byId('coverage-4G-utm49'), overlays, (id) => onMap.has(id))).toBeNull();
  });
});
