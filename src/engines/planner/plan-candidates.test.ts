import { describe, expect, it } from 'vitest';
import { PlanSettingsSchema } from '../../domain/planner/plan-settings.js';
import { cellCentreLonLat, toGridCell } from '../coverage/analysis-grid.js';
import { SMALL_PLAN_GRID, squareArea } from '../../../test/fixtures/planner-grid.js';
import { scenarioCandidates } from './plan-candidates.js';
import type { PlanArea } from './plan-inputs.js';

const grid = SMALL_PLAN_GRID;
const cells = grid.width * grid.height;
/** A ward on the west half, a commune on the east half; a hill in each. */
const area: PlanArea = {
  grid,
  population: new Float32Array(cells).fill(1),
  dem: Float32Array.from({ length: cells }, (_, i) => (i === 5 * 40 + 5 || i === 30 * 40 + 30 ? 900 : 100)),
  zones: {
    width: 40,
    height: 40,
    whole: Int32Array.from({ length: cells }, (_, i) => (i % 40 < 20 ? 0 : 1)),
    partial: { cell: new Int32Array(), unit: new Int32Array(), share: new Float32Array() },
  },
  units: [
    { isBorder: false, isEconomicZone: false },
    { isBorder: true, isEconomicZone: false },
  ],
  unitCodes: ['W', 'C'],
  unitNames: ['Phường', 'Xã'],
  unitTypes: ['ward', 'commune'],
};

describe('a scenario’s candidates', () => {
  const [wardLon, wardLat] = cellCentreLonLat(5, 5, grid);
  const [communeLon, communeLat] = cellCentreLonLat(30, 30, grid);
  const settings = (radio: object) =>
    PlanSettingsSchema.parse({
      name: 'radio',
      maxSites: 2,
      candidates: {
        existingMasts: { use: false },
        generated: { latticeKm: 2, minSpacingKm: 1 },
        radio,
        imported: [
          { code: 'P-W', lon: wardLon, lat: wardLat, cost: 3 },
          { code: 'P-C', lon: communeLon, lat: communeLat, cost: 3, antennaHeightM: 50 },
        ],
      },
    });

  it('gives every candidate the scenario’s radio; an imported row keeps its own height', () => {
    const found = scenarioCandidates(
      area,
      [],
      settings({ bandMhz: 3500, txPowerDbm: 40, antennaHeightM: 30 }),
      'VTL',
      'VTL',
    );
    expect(found.length).toBeGreaterThan(2);
    for (const candidate of found)
      for (const sector of candidate.sectors) expect([sector.bandMhz, sector.txPowerDbm]).toEqual([3500, 40]);
    const height = (code: string) => found.find((c) => c.code === code)!.sectors[0]!.antennaHeightM;
    expect(height('P-W')).toBe(30);
    expect(height('P-C')).toBe(50);
    expect(found.find((c) => c.source === 'generated')!.sectors[0]!.antennaHeightM).toBe(30);
  });

  it('models an imported row in a ward as urban, one in a commune as rural', () => {
    const found = scenarioCandidates(area, [], settings({}), 'VTL', 'VTL');
    const environment = (code: string) => found.find((c) => c.code === code)!.sectors[0]!.environment;
    expect(environment('P-W')).toBe('urban');
    expect(environment('P-C')).toBe('rural');
    expect(found[0]!.sectors[0]!.bandMhz).toBe(2600); // the default radio
  });

  it('puts no new mast in an excluded area or within its margin', () => {
    const hill = squareArea(grid, 0, 0, 9, 9);
    const generatedOnly = (generated: object) =>
      scenarioCandidates(
        area,
        [],
        PlanSettingsSchema.parse({
          name: 'x',
          maxSites: 1,
          candidates: { existingMasts: { use: false }, generated: { latticeKm: 2, minSpacingKm: 1, ...generated } },
        }),
        'VTL',
        'VTL',
      );
    const cellOf = (c: { lon: number; lat: number }) => {
      const { x, y } = toGridCell(c.lon, c.lat, grid);
      return [Math.round(x), Math.round(y)] as const;
    };
    expect(generatedOnly({}).map(cellOf)).toContainEqual([5, 5]); // the ward's hill
    const away = generatedOnly({ excludedAreas: [hill], excludedMarginM: 500 }).map(cellOf);
    expect(away.length).toBeGreaterThan(0);
    // Nothing in the area (cells 0–9) nor within 5 cells of it.
    for (const [x, y] of away) expect(x > 14 || y > 14).toBe(true);
  });

  it('refuses a radio out of range, naming the field', () => {
    const parsed = PlanSettingsSchema.safeParse({ name: 'x', maxSites: 1, candidates: { radio: { bandMhz: 100 } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(['candidates', 'radio', 'bandMhz']);
  });
});
