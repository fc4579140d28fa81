/**
 * The exact line of sight the radial sweep is checked against (tests and the viewshed bench only):
 * every cell within the radius gets its own ray from the antenna to its receiver, tested against
 * the terrain surface that bilinear interpolation of the cell-centre heights defines. Between two
 * grid-line crossings a ray stays in one bilinear patch, where its clearance is a quadratic, so
 * the test is exact for that surface (no sampling step to choose); `samplesPerCell` switches to
 * plain dense sampling instead, to check it. Slow (work ∝ cells × radius) but free of the sweep's
 * shortcuts: no ray shared between cells, no nearest-ray assignment, no interpolation between
 * neighbouring cells' horizons.
 *
 * Same model as radialSweep: antenna at the site, antennaHeightM above the ground of the cell
 * under it; receiver at the target cell's centre, receiverHeightM above that cell's height; earth
 * curvature lowers a point at distance d by d²/(2kR); grazing counts as visible; nodata is
 * neither seen nor blocks (a patch or sample touching a nodata cell is skipped). Each end stands
 * on its own cell's height, so terrain inside the antenna's cell and inside the target cell
 * (Chebyshev distance < ½ cell from its centre) is ground, not an obstacle.
 */
import { sweepWindow, type SweepDem, type SweepOptions, type SweepSite, type SweepWindow } from './radial-sweep.js';

export interface ExactLineOfSightOptions extends SweepOptions {
  /** Sample the terrain at this many points per cell of ray length instead of the exact patch test. */
  samplesPerCell?: number;
}

/** Visibility over a window of the DEM, row-major (index = (row − y0)·width + (col − x0)). */
export interface VisibilityMask extends SweepWindow {
  /** 1 visible; 0 hidden, nodata or beyond the radius. */
  visible: Uint8Array;
  /** 1 where the cell centre lies within the radius: the cells a comparison counts. */
  inRadius: Uint8Array;
}

/** Bilinear height at (x, y) in cells (integers = cell centres); NaN outside the DEM or next to nodata. */
export function bilinearHeight(dem: SweepDem, x: number, y: number): number {
  const { width, height, heights } = dem;
  if (!(x >= 0 && x <= width - 1 && y >= 0 && y <= height - 1)) return NaN;
  const ix = Math.min(Math.floor(x), width - 2 < 0 ? 0 : width - 2);
  const iy = Math.min(Math.floor(y), height - 2 < 0 ? 0 : height - 2);
  const fx = x - ix;
  const fy = y - iy;
  const i = iy * width + ix;
  const dx = ix + 1 < width ? 1 : 0;
  const dy = iy + 1 < height ? width : 0;
  const a = heights[i]!;
  const b = heights[i + dx]!;
  const c = heights[i + dy]!;
  const d = heights[i + dy + dx]!;
  const top = a + (b - a) * fx;
  const bottom = c + (d - c) * fx;
  return top + (bottom - top) * fy;
}

export function exactLineOfSight(dem: SweepDem, site: SweepSite, options: ExactLineOfSightOptions): VisibilityMask {
  const { width, cellSizeM, heights } = dem;
  const win = sweepWindow(dem, site, options.radiusM);
  const size = win.width * win.height;
  const mask: VisibilityMask = { ...win, visible: new Uint8Array(size), inRadius: new Uint8Array(size) };
  const ox = Math.round(site.x);
  const oy = Math.round(site.y);
  const ground = heights[oy * width + ox]!;
  const ray: RayGeometry = {
    dem,
    sx: site.x,
    sy: site.y,
    ox,
    oy,
    zObs: ground + site.antennaHeightM,
    curv: 1 / (2 * (options.k ?? 4 / 3) * (options.earthRadiusM ?? 6_371_000)),
  };
  const tz = options.receiverHeightM ?? 1.5;
  const radiusCells = options.radiusM / cellSizeM;
  const rMax2 = radiusCells * radiusCells;

  for (let wy = 0; wy < win.height; wy++) {
    for (let wx = 0; wx < win.width; wx++) {
      const cx = win.x0 + wx;
      const cy = win.y0 + wy;
      const dx = cx - site.x;
      const dy = cy - site.y;
      const r2 = dx * dx + dy * dy;
      if (r2 > rMax2) continue;
      const w = wy * win.width + wx;
      mask.inRadius[w] = 1;
      if (Number.isNaN(ground)) continue; // no ground under the antenna: nothing is seen (as the sweep)
      if (cx === ox && cy === oy) {
        mask.visible[w] = 1;
        continue;
      }
      const zTarget = heights[cy * width + cx]!;
      if (Number.isNaN(zTarget)) continue;
      const D = Math.sqrt(r2) * cellSizeM;
      const targetSlope = (zTarget + tz - D * D * ray.curv - ray.zObs) / D;
      const blocked = options.samplesPerCell
        ? blockedBySamples(ray, cx, cy, D, targetSlope, options.samplesPerCell)
        : blockedByPatches(ray, cx, cy, D, targetSlope);
      mask.visible[w] = blocked ? 0 : 1;
    }
  }
  return mask;
}

/** What every ray from one antenna shares. */
interface RayGeometry {
  dem: SweepDem;
  sx: number;
  sy: number;
  /** The antenna's cell. */
  ox: number;
  oy: number;
  zObs: number;
  /** 1/(2kR), 1/m. */
  curv: number;
}

/**
 * The part of the ray to the centre of (cx, cy) that may block it, as parameters t ∈ (0, 1) of the
 * segment antenna → target: from where it leaves the antenna's cell to where it enters the target's.
 */
function openSpan(g: RayGeometry, cx: number, cy: number): [number, number] {
  const dx = cx - g.sx;
  const dy = cy - g.sy;
  const exitX = dx > 0 ? (g.ox + 0.5 - g.sx) / dx : dx < 0 ? (g.ox - 0.5 - g.sx) / dx : Infinity;
  const exitY = dy > 0 ? (g.oy + 0.5 - g.sy) / dy : dy < 0 ? (g.oy - 0.5 - g.sy) / dy : Infinity;
  const entry = 1 - Math.min(dx ? 0.5 / Math.abs(dx) : Infinity, dy ? 0.5 / Math.abs(dy) : Infinity);
  return [Math.min(exitX, exitY), entry];
}

/**
 * Exact for the bilinear surface: between two grid-line crossings the ray stays in one patch of four
 * cell centres, where its height above the line to the target, g(t) = terrain − bulge − sight line,
 * is a quadratic in t; the ray is blocked where g > 0 at a crossing or at an interior maximum.
 */
function blockedByPatches(g: RayGeometry, cx: number, cy: number, D: number, targetSlope: number): boolean {
  const { dem, sx, sy, zObs, curv } = g;
  const { width, height, heights } = dem;
  const dx = cx - sx;
  const dy = cy - sy;
  const [tStart, tEnd] = openSpan(g, cx, cy);
  if (!(tEnd > tStart)) return false; // neighbouring cells: nothing lies between
  // The next integer column (row) the ray crosses, counted in integers so that the walk always advances.
  const stepX = Math.sign(dx);
  const stepY = Math.sign(dy);
  let kx = stepX > 0 ? Math.floor(sx + dx * tStart) + 1 : Math.ceil(sx + dx * tStart) - 1;
  let ky = stepY > 0 ? Math.floor(sy + dy * tStart) + 1 : Math.ceil(sy + dy * tStart) - 1;
  const bulge = curv * D * D;
  const rise = targetSlope * D;
  let t0 = tStart;
  let first = true;
  while (t0 < tEnd) {
    const nextX = stepX ? (kx - sx) / dx : Infinity;
    const nextY = stepY ? (ky - sy) / dy : Infinity;
    const t1 = nextX < nextY ? (nextX < tEnd ? nextX : tEnd) : nextY < tEnd ? nextY : tEnd;
    if (nextX === t1) kx += stepX;
    if (nextY === t1) ky += stepY;
    if (!(t1 > t0)) continue;
    const tm = 0.5 * (t0 + t1);
    let ix = Math.floor(sx + dx * tm);
    let iy = Math.floor(sy + dy * tm);
    ix = ix < 0 ? 0 : ix > width - 2 ? width - 2 : ix;
    iy = iy < 0 ? 0 : iy > height - 2 ? height - 2 : iy;
    const i = iy * width + ix;
    const a = heights[i]!;
    const bx = heights[i + 1]! - a;
    const by = heights[i + width]! - a;
    const e = heights[i + width + 1]! - a - bx - by; // the patch: a + bx·u + by·v + e·u·v
    if (e === e) {
      // With u = u0 + dx·t, v = v0 + dy·t: clearance below the terrain g(t) = α + β·t + γ·t².
      const u0 = sx - ix;
      const v0 = sy - iy;
      const alpha = a + bx * u0 + by * v0 + e * u0 * v0 - zObs;
      const beta = bx * dx + by * dy + e * (u0 * dy + v0 * dx) - rise;
      const gamma = e * dx * dy - bulge;
      // The surface is continuous: a patch's start is the previous patch's end, checked already.
      if (first && alpha + (beta + gamma * t0) * t0 > 0) return true;
      if (alpha + (beta + gamma * t1) * t1 > 0) return true;
      if (gamma < 0) {
        const tv = -beta / (2 * gamma);
        if (tv > t0 && tv < t1 && alpha + (beta + gamma * tv) * tv > 0) return true;
      }
    }
    first = !(e === e); // after a nodata patch, the next one checks its start too
    t0 = t1;
  }
  return false;
}

/** The same test by sampling the open span at `perCell` points per cell of ray length (bilinear heights). */
function blockedBySamples(
  g: RayGeometry,
  cx: number,
  cy: number,
  D: number,
  targetSlope: number,
  perCell: number,
): boolean {
  const dx = cx - g.sx;
  const dy = cy - g.sy;
  const [tStart, tEnd] = openSpan(g, cx, cy);
  const n = Math.max(1, Math.ceil(perCell * Math.hypot(dx, dy)));
  for (let i = Math.ceil(tStart * n); i <= tEnd * n; i++) {
    const t = i / n;
    const d = t * D;
    const z = bilinearHeight(g.dem, g.sx + t * dx, g.sy + t * dy) - d * d * g.curv - g.zObs;
    if (z > targetSlope * d) return true;
  }
  return false;
}
