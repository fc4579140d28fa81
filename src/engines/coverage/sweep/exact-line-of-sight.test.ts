import { describe, expect, it } from 'vitest';
import { bilinearHeight, exactLineOfSight, type VisibilityMask } from './exact-line-of-sight.js';
import type { SweepDem } from './radial-sweep.js';
import { syntheticDem } from './synthetic-dem.js';
import { compareVisibility } from './visibility-agreement.js';

const EARTH_R = 6_371_000;

function demOf(width: number, height: number, cellSizeM: number, z: (x: number, y: number) => number): SweepDem {
  const heights = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) heights[y * width + x] = z(x, y);
  return { heights, width, height, cellSizeM };
}

/** In-radius cells where `expected(x, y, distance m)` (undefined = don't care) disagrees with the mask. */
function mismatches(
  m: VisibilityMask,
  site: { x: number; y: number },
  cellSizeM: number,
  expected: (x: number, y: number, d: number) => boolean | undefined,
) {
  const bad: string[] = [];
  for (let wy = 0; wy < m.height; wy++) {
    for (let wx = 0; wx < m.width; wx++) {
      const i = wy * m.width + wx;
      if (!m.inRadius[i]) continue;
      const [x, y] = [m.x0 + wx, m.y0 + wy];
      const want = expected(x, y, Math.hypot(x - site.x, y - site.y) * cellSizeM);
      if (want !== undefined && (m.visible[i] === 1) !== want) bad.push(`(${x}, ${y}): expected ${want}`);
    }
  }
  return bad.slice(0, 10);
}

const count = (a: Uint8Array) => a.reduce((s, v) => s + v, 0);

describe('bilinearHeight', () => {
  it('is the cell value at centres, linear along edges, and NaN outside or next to nodata', () => {
    const dem = demOf(3, 2, 30, (x, y) => 10 * x + 100 * y);
    expect(bilinearHeight(dem, 2, 1)).toBe(120);
    expect(bilinearHeight(dem, 0.25, 0.5)).toBeCloseTo(52.5, 5);
    expect(bilinearHeight(dem, -0.1, 0)).toBeNaN();
    dem.heights[4] = NaN; // (1, 1): every patch of this 3 × 2 grid touches it
    expect(bilinearHeight(dem, 0.5, 0.5)).toBeNaN();
  });
});

describe('exactLineOfSight', () => {
  it('sees every cell within the radius on flat ground without curvature, and marks exactly those', () => {
    const dem = demOf(81, 61, 30, () => 500);
    const site = { x: 40.3, y: 29.6, antennaHeightM: 10 };
    const m = exactLineOfSight(dem, site, { radiusM: 900, k: Infinity });
    const expectedInRadius = mismatches(m, site, 30, () => true);
    expect(expectedInRadius).toEqual([]);
    expect(count(m.inRadius)).toBeGreaterThan(Math.PI * 29 * 29);
    expect(count(m.visible)).toBe(count(m.inRadius));
  });

  it('stops at the radio horizon √(2kR·h_tx) + √(2kR·h_rx) on flat ground with curvature', () => {
    const cell = 500;
    const dem = demOf(141, 141, cell, () => 200);
    const site = { x: 70, y: 70, antennaHeightM: 30 };
    const kR = (4 / 3) * EARTH_R;
    const horizon = Math.sqrt(2 * kR * 30) + Math.sqrt(2 * kR * 1.5); // ≈ 27.6 km
    const m = exactLineOfSight(dem, site, { radiusM: 34_000, receiverHeightM: 1.5 });
    const bad = mismatches(m, site, cell, (_x, _y, d) =>
      d < horizon - 2 * cell ? true : d > horizon + 2 * cell ? false : undefined,
    );
    expect(bad).toEqual([]);
  });

  describe('a 115 m wall 1,200 m from a 110 m antenna, ground rising 2 % behind it (flat earth)', () => {
    const cell = 30;
    const site = { x: 20, y: 60, antennaHeightM: 10 };
    const wallCol = 60;
    const D = (wallCol - site.x) * cell;
    const ground = (x: number) => (x === wallCol ? 115 : x > wallCol ? 100 + 0.02 * (x - wallCol) * cell : 100);
    const dem = demOf(161, 121, cell, (x) => ground(x));
    // Along any ray the wall is crossed at the same share of the way, so visibility depends on x only:
    // hidden until ground + 1.5 m climbs above the line over the wall top.
    const reappears = (100 + 1.5 - 0.02 * D - 110) / ((115 - 110) / D - 0.02); // ≈ 2,052.6 m from the site in x
    const expected = (x: number) => {
      if (x <= wallCol) return true;
      const dx = (x - site.x) * cell;
      return dx < reappears - cell ? false : dx > reappears + cell ? true : undefined;
    };

    it('sees the cells in front, hides those behind until the ground climbs above the wall line', () => {
      const m = exactLineOfSight(dem, site, { radiusM: 3000, k: Infinity });
      expect(mismatches(m, site, cell, (x) => expected(x))).toEqual([]);
      expect(count(m.visible)).toBeLessThan(count(m.inRadius));
    });

    it('lets nodata neither be seen nor block', () => {
      const holed = { ...dem, heights: dem.heights.slice() };
      for (let y = 0; y < dem.height; y++) holed.heights[y * dem.width + wallCol] = NaN;
      const m = exactLineOfSight(holed, site, { radiusM: 3000, k: Infinity });
      expect(mismatches(m, site, cell, (x) => x !== wallCol)).toEqual([]);
    });
  });

  it('agrees with dense sampling (32 per cell), and never sees a cell that sampling finds blocked', () => {
    const size = 120;
    const dem: SweepDem = {
      heights: syntheticDem({ width: size, height: size, seed: 5, reliefM: 600, largestWavelengthCells: 64 }),
      width: size,
      height: size,
      cellSizeM: 30,
    };
    const site = { x: 60.4, y: 58.7, antennaHeightM: 20 };
    const options = { radiusM: 1700 };
    const exact = exactLineOfSight(dem, site, options);
    const dense = exactLineOfSight(dem, site, { ...options, samplesPerCell: 32 });
    const a = compareVisibility(dense, exact, exact);
    expect(a.falseHidden).toBe(0); // sampled points lie on the surface the patch test checks whole
    expect(a.agreement).toBeGreaterThan(0.999);
    expect(a.referenceVisible).toBeGreaterThan(500);
    expect(a.referenceVisible).toBeLessThan(a.cells - 500); // a terrain that hides a good part
  });
});
