import { describe, expect, it } from 'vitest';
import { clippedArea, planRunGrids, type AreaUnit } from './run-grids.js';

const square = (code: string, province: string, lon: number, lat: number, side: number): AreaUnit => ({
  code,
  province,
  boundary: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + side, lat],
        [lon + side, lat + side],
        [lon, lat + side],
        [lon, lat],
      ],
    ],
  },
});

describe('the grids of a run', () => {
  const west = square('A1', 'A', 106.9, 15.0, 0.5);
  const east = square('B1', 'B', 108.3, 15.0, 0.5);

  it('gives each province the UTM grid of its zone, and each unit one grid', () => {
    const plan = planRunGrids([west, east], 30, 1024);
    expect(plan.grids.map((g) => g.name)).toEqual(['utm48', 'utm49']);
    expect(plan.grids.map((g) => g.units)).toEqual([[0], [1]]);
    expect(plan.tiles.every((t) => t.units.length === 1)).toBe(true);
    expect(plan.tiles.map((t) => t.index)).toEqual(plan.tiles.map((_, i) => i));
  });

  it("puts a province's tiles at the same places in its own run as in the nation's", () => {
    const absolute = (plan: ReturnType<typeof planRunGrids>, grid: number) =>
      plan.tiles
        .filter((t) => t.grid === grid)
        .map((t) => [plan.grids[grid]!.spec.originX + t.x0 * 30, plan.grids[grid]!.spec.originY - t.y0 * 30]);
    const nation = planRunGrids([west, east], 30, 1024);
    const alone = planRunGrids([east], 30, 1024);
    expect(absolute(alone, 0)).toEqual(absolute(nation, 1));
  });

  it('computes only the tiles a unit enters, not every tile of its bounds', () => {
    // A thin diagonal strip about 1.2° long: its bounds hold ~25 tiles of 30 km, it enters a diagonal of them.
    const strip: AreaUnit = {
      code: 'S1',
      province: 'S',
      boundary: {
        type: 'Polygon',
        coordinates: [
          [
            [106.0, 15.0],
            [106.02, 15.0],
            [107.22, 16.2],
            [107.2, 16.2],
            [106.0, 15.0],
          ],
        ],
      },
    };
    const plan = planRunGrids([strip], 30, 1000);
    const grid = plan.grids[0]!.spec;
    const boundsTiles = (grid.width / 1000) * (grid.height / 1000);
    expect(boundsTiles).toBeGreaterThanOrEqual(16);
    expect(plan.tiles.length).toBeLessThan(boundsTiles * 0.6);
    expect(plan.tiles.length).toBeGreaterThanOrEqual(5);
  });
});

describe('clippedArea', () => {
  it('is the area of the part of a ring inside a rectangle', () => {
    const ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
    ] as const;
    expect(clippedArea(ring, { minX: 2, minY: 1, maxX: 10, maxY: 3 })).toBeCloseTo(4, 12);
    expect(clippedArea(ring, { minX: 5, minY: 0, maxX: 6, maxY: 4 })).toBe(0);
    const triangle = [
      [0, 0],
      [2, 0],
      [0, 2],
    ] as const;
    expect(clippedArea(triangle, { minX: 0, minY: 0, maxX: 1, maxY: 1 })).toBeCloseTo(1, 12);
  });
});
