import { describe, expect, it } from 'vitest';
import type { SiteRecord } from '../../domain/coverage/site-record.js';
import { SMALL_PLAN_GRID } from '../../../test/fixtures/planner-grid.js';
import { toGridCell } from '../coverage/analysis-grid.js';
import { existingMastCandidates, generatedCandidates, templateSectors } from './candidates.js';
import { DEFAULT_5G_RADIO } from '../../domain/planner/plan-settings.js';

const grid = SMALL_PLAN_GRID;

describe('candidates', () => {
  it('offers 5G on the operator’s 4G masts that have none, at the mast’s height', () => {
    const layer = (code: string, technology: SiteRecord['technology'], operator?: string): SiteRecord => ({
      ...templateSectors(code, 108.1, 14.2, 'rural', DEFAULT_5G_RADIO, 42)[0]!,
      technology,
      ...(operator ? { operator } : {}),
    });
    const sites = [
      layer('A', '4G'),
      layer('A', '2G'),
      layer('B', '4G'),
      layer('B', '5G'),
      layer('C', '4G', 'MBF'),
      layer('D', '2G'),
    ];
    const found = existingMastCandidates(sites, { template: DEFAULT_5G_RADIO, cost: 2 });
    expect(found.map((c) => c.code)).toEqual(['A']);
    expect(found[0]!.sectors.map((s) => [s.technology, s.antennaHeightM, s.azimuthDeg])).toEqual([
      ['5G', 42, 0],
      ['5G', 42, 120],
      ['5G', 42, 240],
    ]);
    expect(
      existingMastCandidates(sites, { operator: 'MBF', template: DEFAULT_5G_RADIO, cost: 2 }).map((c) => c.code),
    ).toEqual(['C']);
  });

  it('takes the highest allowed cell of each lattice square, keeping a minimum spacing, highest first', () => {
    const dem = new Float32Array(40 * 40).fill(100);
    dem[5 * 40 + 5] = 900; // square (0,0)
    dem[5 * 40 + 12] = 800; // square (1,0), 700 m from the 900 m peak: dropped at 1 km spacing
    dem[30 * 40 + 30] = 700; // square (3,3)
    dem[30 * 40 + 31] = 950; // same square, but excluded
    const allowed = new Uint8Array(40 * 40).fill(1);
    allowed[30 * 40 + 31] = 0;
    const found = generatedCandidates(grid, dem, allowed, () => 'rural', {
      latticeKm: 1,
      minSpacingKm: 1,
      template: DEFAULT_5G_RADIO,
      cost: 1,
      codePrefix: 'G',
    });
    const cells = found.map((c) => {
      const { x, y } = toGridCell(c.lon, c.lat, grid);
      return [Math.round(x), Math.round(y)];
    });
    expect(cells).toContainEqual([5, 5]);
    expect(cells).toContainEqual([30, 30]);
    expect(cells).not.toContainEqual([12, 5]);
    expect(cells).not.toContainEqual([31, 30]);
    for (const [x, y] of cells)
      for (const [u, v] of cells)
        if (x !== u || y !== v) expect(Math.hypot(x! - u!, y! - v!)).toBeGreaterThanOrEqual(10);
    expect(found).toEqual(
      generatedCandidates(grid, dem, allowed, () => 'rural', {
        latticeKm: 1,
        minSpacingKm: 1,
        template: DEFAULT_5G_RADIO,
        cost: 1,
        codePrefix: 'G',
      }),
    );
  });
});
