import { describe, expect, it } from 'vitest';
import type { GridSpec } from '../coverage/raster/raster.js';
import type { ZoneMap } from '../coverage/zones/rasterize-units.js';
import { cellCentreLonLat } from '../coverage/analysis-grid.js';
import { cellWeightFactors, demandWeightsPerCell, type DemandArea } from './demand.js';

// 4 × 2 cells: unit 0 (border) on the left two columns, unit 1 (economic zone) on the right; cell 2 is shared.
const grid: GridSpec = {
  crs: '+proj=utm +zone=49 +datum=WGS84 +units=m +no_defs',
  originX: 800_000,
  originY: 1_600_000,
  cellSizeM: 100,
  width: 4,
  height: 2,
};
const zones: ZoneMap = {
  width: 4,
  height: 2,
  whole: Int32Array.from([0, 0, -1, 1, 0, 0, 1, -1]),
  partial: { cell: Int32Array.from([2, 2]), unit: Int32Array.from([0, 1]), share: Float32Array.from([0.25, 0.75]) },
};
const area: DemandArea = {
  grid,
  population: Float32Array.from([10, 10, 8, 4, 0, 2, 6, 100]),
  zones,
  units: [
    { isBorder: true, isEconomicZone: false },
    { isBorder: false, isEconomicZone: true },
  ],
};

describe('demand', () => {
  it('weights people by their commune, splitting a shared cell by area, and counts nobody outside the area', () => {
    const factor = cellWeightFactors(area, { economicZone: 2, border: 1 });
    expect(Array.from(factor)).toEqual([2, 2, 0.25 * 2 + 0.75 * 3, 3, 2, 2, 3, 0]);
    const demand = demandWeightsPerCell(area, { economicZone: 2, border: 1 }, [], new Uint8Array(8));
    expect(Array.from(demand)).toEqual([20, 20, 8 * 2.75, 12, 0, 4, 18, 0]);
  });

  it('leaves out cells already covered', () => {
    const covered = Uint8Array.from([1, 0, 0, 0, 0, 0, 1, 0]);
    const demand = demandWeightsPerCell(area, { economicZone: 0, border: 0 }, [], covered);
    expect(Array.from(demand)).toEqual([0, 10, 8, 4, 0, 2, 0, 0]);
  });

  it("shares a point of interest's weight by the area's cells within its radius", () => {
    const [lon, lat] = cellCentreLonLat(1, 0, grid);
    const school = { name: 'THCS', kind: 'school', lon, lat, weight: 30, radiusM: 101 };
    const demand = demandWeightsPerCell(area, { economicZone: 0, border: 0 }, [school], new Uint8Array(8));
    // Within 1 cell of (1, 0): (0,0), (1,0), (2,0), (1,1); all in the area, 7.5 each.
    expect(Array.from(demand)).toEqual([17.5, 17.5, 15.5, 4, 0, 9.5, 6, 0]);
    const tiny = demandWeightsPerCell(
      area,
      { economicZone: 0, border: 0 },
      [{ ...school, radiusM: 1 }],
      new Uint8Array(8),
    );
    expect(tiny[1]).toBe(40);
  });
});
