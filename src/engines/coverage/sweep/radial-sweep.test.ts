import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdalToolAvailable, runGdalViewshed, WGS84_SEMI_MAJOR_M, writeDemGeoTiff } from './gdal-reference.js';
import {
  allocateSweepBuffers,
  maxSweepCells,
  radialSweep,
  SweepCells,
  sweepCells,
  type SweepDem,
  type SweepResult,
} from './radial-sweep.js';
import { syntheticDem } from './synthetic-dem.js';

const EARTH_R = 6_371_000;

function demOf(width: number, height: number, cellSizeM: number, z: (x: number, y: number) => number): SweepDem {
  const heights = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) heights[y * width + x] = z(x, y);
  return { heights, width, height, cellSizeM };
}

/** A window cell: x, y (DEM cells), d (exact centre distance, m), i (window index). */
interface Cell {
  x: number;
  y: number;
  d: number;
  i: number;
}

function* cellsOf(r: SweepResult, site: { x: number; y: number }, cellSizeM: number): Generator<Cell> {
  for (let wy = 0; wy < r.height; wy++) {
    for (let wx = 0; wx < r.width; wx++) {
      const x = r.x0 + wx;
      const y = r.y0 + wy;
      yield { x, y, d: Math.hypot(x - site.x, y - site.y) * cellSizeM, i: wy * r.width + wx };
    }
  }
}

/** Invariants of any result: in-radius cells all assigned, distances exact, visible ⇔ excess ≤ 0. */
function checkInvariants(r: SweepResult, dem: SweepDem, site: { x: number; y: number }, radiusM: number) {
  let inRadius = 0;
  const bad: string[] = [];
  for (const c of cellsOf(r, site, dem.cellSizeM)) {
    const d = r.distanceM[c.i]!;
    if (c.d > radiusM + 1e-6) {
      if (!Number.isNaN(d)) bad.push(`(${c.x}, ${c.y}) beyond the radius has distance ${d}`);
      continue;
    }
    inRadius++;
    if (!(Math.abs(d - c.d) < 0.01)) bad.push(`(${c.x}, ${c.y}) distance ${d}, expected ${c.d}`);
    if (Number.isNaN(dem.heights[c.y * dem.width + c.x]!)) continue;
    if ((r.visible[c.i] === 1) !== r.obstacleExcessM[c.i]! <= 0) bad.push(`(${c.x}, ${c.y}) visible ⇎ excess ≤ 0`);
  }
  expect(bad.slice(0, 10)).toEqual([]);
  return inRadius;
}

/** The cells where `expected(cell)` (true/false/undefined = don't care) disagrees with the result. */
function mismatches(
  r: SweepResult,
  site: { x: number; y: number },
  cellSizeM: number,
  expected: (c: Cell) => boolean | undefined,
) {
  const bad: string[] = [];
  for (const c of cellsOf(r, site, cellSizeM)) {
    const want = expected(c);
    if (want !== undefined && (r.visible[c.i] === 1) !== want)
      bad.push(`(${c.x}, ${c.y}) at ${c.d.toFixed(0)} m: expected ${want ? 'visible' : 'hidden'}`);
  }
  return bad.slice(0, 10);
}

describe('radialSweep: known answers', () => {
  it('sees everything on a flat DEM without earth curvature, and assigns every cell in the radius', () => {
    const dem = demOf(120, 100, 30, () => 500);
    for (const site of [
      { x: 60, y: 50 },
      { x: 33.3, y: 41.7 },
      { x: 2, y: 97 },
    ]) {
      const r = radialSweep(dem, { ...site, antennaHeightM: 30 }, { radiusM: 1500, k: Infinity });
      const inRadius = checkInvariants(r, dem, site, 1500);
      let visible = 0;
      for (let i = 0; i < r.visible.length; i++) visible += r.visible[i]!;
      expect(visible).toBe(inRadius);
      expect(inRadius).toBeGreaterThan(100);
    }
  });

  it('stops at the radio horizon √(2kR·h_tx) + √(2kR·h_rx) on a flat DEM with curvature', () => {
    const cell = 100;
    const dem = demOf(701, 701, cell, () => 200);
    const site = { x: 350, y: 350 };
    const kR = (4 / 3) * EARTH_R;
    const horizon = Math.sqrt(2 * kR * 30) + Math.sqrt(2 * kR * 1.5); // ≈ 27.6 km
    const r = radialSweep(dem, { ...site, antennaHeightM: 30 }, { radiusM: 34_000, receiverHeightM: 1.5 });
    const inRadius = checkInvariants(r, dem, site, 34_000);
    expect(inRadius).toBeGreaterThan(300_000);
    const bad = mismatches(r, site, cell, (c) =>
      c.d > 34_000 ? undefined : c.d < horizon - 2 * cell ? true : c.d > horizon + 2 * cell ? false : undefined,
    );
    expect(bad).toEqual([]);
  });

  describe('a ridge: a 115 m wall 1,200 m from a 110 m antenna, rising ground behind it', () => {
    const cell = 30;
    const site = { x: 20, y: 100 };
    const wallCol = 60;
    const wallTop = 115;
    const zObs = 100 + 10;
    const D = (wallCol - site.x) * cell;
    const ground = (x: number) => (x === wallCol ? wallTop : x > wallCol ? 100 + 0.02 * (x - wallCol) * cell : 100);
    const dem = demOf(201, 201, cell, (x) => ground(x));
    // Flat earth: visible again where ground + 1.5 m climbs above the line over the wall top.
    const reappears = (100 + 1.5 - 0.02 * D - zObs) / ((wallTop - zObs) / D - 0.02); // ≈ 2,052.6 m

    it('sees the cells in front, hides the cells behind until the ground climbs above the wall line', () => {
      const r = radialSweep(dem, { ...site, antennaHeightM: 10 }, { radiusM: 4500, k: Infinity });
      checkInvariants(r, dem, site, 4500);
      const bad = mismatches(r, site, cell, (c) => {
        if (!(c.d <= 4500) || c.x === wallCol) return undefined;
        if (c.x < wallCol) return true;
        if (c.y !== site.y) return undefined;
        return c.d < reappears - cell ? false : c.d > reappears + cell ? true : undefined;
      });
      expect(bad).toEqual([]);
    });

    it('reports the wall as the dominant obstacle: its height above the Tx→Rx line, earth bulge included', () => {
      // The same geometry at 100 m cells, so that the bulge D·(d − D)/(2kR) is metres, not centimetres:
      // flat ground at 100 m, a 160 m wall 10 km out, a 10 m antenna, receivers 13–28 km out.
      const [c100, wall, top] = [100, 120, 160];
      const flat = demOf(321, 201, c100, (x) => (x === wall ? top : 100));
      const r = radialSweep(flat, { ...site, antennaHeightM: 10 }, { radiusM: 30_000 });
      const twoKR = 2 * (4 / 3) * EARTH_R;
      const dW = (wall - site.x) * c100;
      for (const x of [wall + 30, wall + 130, wall + 180]) {
        const i = (site.y - r.y0) * r.width + (x - r.x0);
        const d = (x - site.x) * c100;
        const expected = top - (zObs + ((101.5 - zObs) * dW) / d) + (dW * (d - dW)) / twoKR;
        expect(r.visible[i]).toBe(0);
        expect(Math.abs(r.obstacleExcessM[i]! - expected)).toBeLessThan(0.5);
        expect(r.obstacleDistanceM[i]).toBeCloseTo(dW, 3);
      }
      // Off-axis, the wall is still the obstacle, crossed along the ray towards the cell.
      const [x, y] = [wall + 150, site.y + 70];
      const i = (y - r.y0) * r.width + (x - r.x0);
      const d = Math.hypot(x - site.x, y - site.y) * c100;
      const dWall = (dW * d) / ((x - site.x) * c100);
      const expected = top - (zObs + ((101.5 - zObs) * dWall) / d) + (dWall * (d - dWall)) / twoKR;
      expect(Math.abs(r.obstacleExcessM[i]! - expected)).toBeLessThan(0.5);
      expect(Math.abs(r.obstacleDistanceM[i]! - dWall)).toBeLessThan(c100);
    });

    it('lets nodata neither be seen nor block', () => {
      const holed = { ...dem, heights: dem.heights.slice() };
      for (let y = 0; y < dem.height; y++) holed.heights[y * dem.width + wallCol] = NaN;
      const r = radialSweep(holed, { ...site, antennaHeightM: 10 }, { radiusM: 4500, k: Infinity });
      checkInvariants(r, holed, site, 4500);
      const bad = mismatches(r, site, cell, (c) => (!(c.d <= 4500) || c.x > wallCol + 1 ? undefined : c.x !== wallCol));
      expect(bad).toEqual([]);
      const wallRow = (site.y - r.y0) * r.width + (wallCol - r.x0);
      expect(r.obstacleExcessM[wallRow]).toBeNaN();
    });
  });

  it('a dome: the antenna on its top sees the near slopes, not the far ones, then the plain again', () => {
    // Paraboloid 100 m high, 2 km radius; flat earth. Tangent point s = a·√(h/H) = 1 km, horizon
    // slope −2√(H·h)/a; a target 1.5 m above ground is visible for r ≤ 1,245 m and beyond 2,470 m.
    const [cell, H, a, h] = [30, 100, 2000, 25];
    const site = { x: 150, y: 150 };
    const dem = demOf(301, 301, cell, (x, y) => {
      const r2 = ((x - site.x) ** 2 + (y - site.y) ** 2) * cell * cell;
      return 300 + (r2 < a * a ? H * (1 - r2 / (a * a)) : 0);
    });
    const r = radialSweep(dem, { ...site, antennaHeightM: h }, { radiusM: 4000, k: Infinity });
    checkInvariants(r, dem, site, 4000);
    const [from, to] = [1245, 2470];
    const bad = mismatches(r, site, cell, (c) => {
      if (!(c.d <= 4000)) return undefined;
      if (c.d < from - 2 * cell || c.d > to + 2 * cell) return true;
      return c.d > from + 2 * cell && c.d < to - 2 * cell ? false : undefined;
    });
    expect(bad).toEqual([]);
  });

  it('reuses preallocated buffers and gives the same answer', () => {
    const dem = { heights: syntheticDem({ width: 200, height: 200, seed: 7 }), width: 200, height: 200, cellSizeM: 30 };
    const site = { x: 90.4, y: 110.6, antennaHeightM: 30 };
    const fresh = radialSweep(dem, site, { radiusM: 2500 });
    const buffers = allocateSweepBuffers(maxSweepCells(30, 2500));
    radialSweep(dem, { x: 20, y: 20, antennaHeightM: 5 }, { radiusM: 2500 }, buffers);
    const reused = radialSweep(dem, site, { radiusM: 2500 }, buffers);
    expect(reused.visible.buffer).toBe(buffers.visible.buffer);
    expect([reused.x0, reused.y0, reused.width, reused.height]).toEqual([
      fresh.x0,
      fresh.y0,
      fresh.width,
      fresh.height,
    ]);
    expect(Array.from(reused.visible)).toEqual(Array.from(fresh.visible));
    expect(Array.from(reused.obstacleExcessM)).toEqual(Array.from(fresh.obstacleExcessM));
    checkInvariants(reused, dem, site, 2500);
  });
});

describe('sweepCells: clipped to a rectangle', () => {
  const dem: SweepDem = {
    heights: syntheticDem({ width: 300, height: 260, seed: 7, baseM: 200, reliefM: 400 }),
    width: 300,
    height: 260,
    cellSizeM: 30,
  };
  const site = { x: 141.3, y: 118.6, antennaHeightM: 30 };
  const options = { radiusM: 3600, receiverHeightM: 1.5 };
  const whole = radialSweep(dem, site, options);
  const clips = [
    { x0: 0, y0: 0, width: 64, height: 64 }, // a far corner, partly beyond the radius
    { x0: 130, y0: 100, width: 40, height: 40 }, // around the site
    { x0: 200, y0: 110, width: 30, height: 90 }, // east, straddling the site's row
    { x0: 142, y0: 0, width: 1, height: 260 }, // one column just east of the site
    { x0: 60, y0: 200, width: 120, height: 60 }, // south, wide
  ];
  it.each(clips)('gives every cell of $x0,$y0 ($width × $height) what the whole sweep gives it', (clip) => {
    const cells = new SweepCells(16); // small: it must grow
    sweepCells(dem, site, options, clip, cells);
    const seen = new Map<number, number>();
    const bad: string[] = [];
    for (let k = 0; k < cells.count; k++) {
      const x = cells.col[k]!;
      const y = cells.row[k]!;
      if (x < clip.x0 || x >= clip.x0 + clip.width || y < clip.y0 || y >= clip.y0 + clip.height)
        bad.push(`(${x}, ${y}) outside the clip`);
      const w = (y - whole.y0) * whole.width + (x - whole.x0);
      seen.set(w, k);
    }
    // The last listing of a cell is what the whole sweep keeps (it too lets later rays overwrite).
    for (const [w, k] of seen) {
      const same = (a: number, b: number) => (Number.isNaN(a) && Number.isNaN(b)) || a === b;
      if (
        cells.visible[k] !== whole.visible[w] ||
        !same(cells.distanceM[k]!, whole.distanceM[w]!) ||
        !same(cells.obstacleExcessM[k]!, whole.obstacleExcessM[w]!) ||
        !same(cells.obstacleDistanceM[k]!, whole.obstacleDistanceM[w]!)
      )
        bad.push(`cell ${w} differs`);
    }
    // And no cell the whole sweep reached inside the clip is missing.
    for (let y = clip.y0; y < clip.y0 + clip.height; y++) {
      for (let x = clip.x0; x < clip.x0 + clip.width; x++) {
        if (x < whole.x0 || x >= whole.x0 + whole.width || y < whole.y0 || y >= whole.y0 + whole.height) continue;
        const w = (y - whole.y0) * whole.width + (x - whole.x0);
        if (whole.distanceM[w]! >= 0 && !seen.has(w)) bad.push(`(${x}, ${y}) missing`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(seen.size).toBeGreaterThan(0);
  });
});

describe('radialSweep against gdal_viewshed', () => {
  it.skipIf(!gdalToolAvailable())(
    'agrees on ≥ 99 % of the cells within the radius on a 600 × 600 synthetic highland DEM (skipped without gdal_viewshed on PATH)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sweep-gdal-'));
      try {
        const [size, cell] = [600, 30];
        const raw = syntheticDem({ width: size, height: size, seed: 1 });
        const tif = await writeDemGeoTiff(dir, 'dem', { heights: raw, width: size, height: size, cellSizeM: cell });
        const dem: SweepDem = { heights: tif.heights, width: size, height: size, cellSizeM: cell };
        const sites = [
          { col: 300, row: 300, antennaHeightM: 30, radiusM: 8000 },
          { col: 250, row: 320, antennaHeightM: 15, radiusM: 7000 },
        ];
        for (const s of sites) {
          const ours = radialSweep(
            dem,
            { x: s.col, y: s.row, antennaHeightM: s.antennaHeightM },
            // k = 4/3 on gdal's sphere: -cc 0.75 with the WGS 84 semi-major axis.
            { radiusM: s.radiusM, receiverHeightM: 1.5, earthRadiusM: WGS84_SEMI_MAJOR_M },
          );
          const ref = await runGdalViewshed(tif.path, join(dir, 'viewshed.tif'), {
            ...s,
            receiverHeightM: 1.5,
            cellSizeM: cell,
          });
          let [cells, agree, oursVisible, refVisible] = [0, 0, 0, 0];
          for (let wy = 0; wy < ours.height; wy++) {
            for (let wx = 0; wx < ours.width; wx++) {
              const i = wy * ours.width + wx;
              if (!(ours.distanceM[i]! <= s.radiusM)) continue;
              const gx = ours.x0 + wx - ref.x0;
              const gy = ours.y0 + wy - ref.y0;
              const refSees = ref.data[gy * ref.width + gx] === 255;
              const weSee = ours.visible[i] === 1;
              cells++;
              if (refSees === weSee) agree++;
              if (weSee) oursVisible++;
              if (refSees) refVisible++;
            }
          }
          const share = agree / cells;
          console.log(
            `radial sweep vs gdal_viewshed, site (${s.col}, ${s.row}), antenna ${s.antennaHeightM} m, radius ${s.radiusM / 1000} km: ` +
              `${(share * 100).toFixed(2)} % of ${cells.toLocaleString('en-US')} cells agree ` +
              `(visible: ours ${oursVisible.toLocaleString('en-US')}, gdal ${refVisible.toLocaleString('en-US')})`,
          );
          expect(share).toBeGreaterThanOrEqual(0.99);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
