/**
 * Per-site radial sweep over a DEM: line-of-sight visibility, distance and the dominant
 * (transmitter-side, Bullington-style) obstacle for every cell within a radius, with
 * constant work per cell.
 *
 * Approach: the classic "R2" viewshed approximation (Franklin & Ray 1994), with rays twice as
 * dense. Rays leave the site towards every half-integer offset on the perimeter of a square of
 * half-side `Rc` cells (`Rc` = radius in cells + 1), i.e. 16·Rc rays whose minor-axis spacing at
 * the radius is < ½ cell (see RAYS_PER_PERIMETER_CELL). Each ray is marched one column (x-major
 * rays) or one row (y-major rays) at a time, so no column/row is skipped; the terrain at a step
 * is linearly interpolated between the two cells straddling the ray. Along the ray we keep the
 * running horizon: the maximum slope (z − z_obs)/d of the samples so far (slopes, not angles: no
 * atan2) and where it occurred. A cell takes the result of the ray sample nearest to its centre:
 * at a given column the rays are evenly spaced by dm/rc in the minor axis (rc = 2·Rc), so the
 * sample at offset e = |y − round(y)| owns cell round(y) exactly when e ≤ dm/(2·rc). No per-cell
 * bookkeeping is needed, and each cell is written about once.
 *
 * Semantics follow gdal_viewshed (`-om NORMAL`): observer at the ground of the cell under
 * the site + antenna height; a cell is visible when its centre at ground + receiver height
 * is on or above the horizon line seen from the observer. Earth curvature lowers a point at
 * distance d by d²/(2kR) (gdal `-cc 0.75` with R = its ellipsoid's semi-major axis is
 * k = 4/3). GDAL implements Wang et al. 2000 (reference planes), not true rays, so a few
 * cells near horizon edges differ. Both are checked against an exact per-cell line of sight
 * (exact-line-of-sight.ts; figures in docs/coverage-line-of-sight.md).
 *
 * Site coordinates are in cells with integer values at cell centres: column x, row y
 * (row 0 = first row of `heights`, north-up like GDAL). GDAL pixel/line P = x + 0.5.
 */

/**
 * Rays per cell of the square's perimeter. With one (plain R2) a cell takes the horizon of a ray up
 * to ½ cell beside its centre at the radius, which shifts far obstacles sideways by up to ½ cell and
 * cost up to 5 % of visible-cell IoU against the exact line of sight on rugged terrain; two halve
 * that for about 20 % more sweep time (the march doubles, the per-cell writes do not).
 */
const RAYS_PER_PERIMETER_CELL = 2;

/** A DEM on a projected grid (square cells); NaN = nodata. */
export interface SweepDem {
  heights: Float32Array;
  width: number;
  height: number;
  cellSizeM: number;
}

export interface SweepSite {
  /** Column, in cells; integer = cell centre, fractional allowed. */
  x: number;
  /** Row, in cells; integer = cell centre, fractional allowed. */
  y: number;
  /** Antenna height above ground, metres. */
  antennaHeightM: number;
}

export interface SweepOptions {
  radiusM: number;
  /** Receiver height above ground, metres (default 1.5). */
  receiverHeightM?: number;
  /** Effective earth-radius factor (default 4/3); Infinity = flat earth. */
  k?: number;
  /** Earth radius, metres (default 6 371 000; gdal_viewshed uses its ellipsoid's semi-major axis). */
  earthRadiusM?: number;
}

/** The window of the DEM covered by the result: columns x0…x0+width−1, rows y0…y0+height−1. */
export interface SweepWindow {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

export interface SweepBuffers {
  visible: Uint8Array;
  distanceM: Float32Array;
  obstacleExcessM: Float32Array;
  obstacleDistanceM: Float32Array;
}

/**
 * Row-major arrays over the window (index = (row − y0)·width + (col − x0)). Cells beyond the
 * radius: visible 0, distanceM / obstacle* NaN. Nodata cells: visible 0, obstacle* NaN.
 * obstacleExcessM: height of the dominant obstacle above the straight Tx→Rx line (earth
 * bulge included), ≤ 0 when the path is clear; −Infinity (with obstacleDistanceM 0) when no
 * terrain sample lies between Tx and the cell. The obstacle is the one with the largest
 * elevation angle seen from Tx (the running horizon), so a single knife-edge from the Tx side is
 * v = h·√(2d / (λ·d1·(d − d1))), h = obstacleExcessM, d1 = obstacleDistanceM, d = distanceM.
 */
export interface SweepResult extends SweepWindow, SweepBuffers {}

/** The window of cells whose centre can lie within `radiusM` of the site, clipped to the DEM. */
export function sweepWindow(dem: SweepDem, site: Pick<SweepSite, 'x' | 'y'>, radiusM: number): SweepWindow {
  const rc = radiusM / dem.cellSizeM;
  const x0 = Math.max(0, Math.ceil(site.x - rc));
  const y0 = Math.max(0, Math.ceil(site.y - rc));
  const x1 = Math.min(dem.width - 1, Math.floor(site.x + rc));
  const y1 = Math.min(dem.height - 1, Math.floor(site.y + rc));
  return { x0, y0, width: Math.max(0, x1 - x0 + 1), height: Math.max(0, y1 - y0 + 1) };
}

/** Buffers for `cells` window cells, to reuse across calls (e.g. one set per worker). */
export function allocateSweepBuffers(cells: number): SweepBuffers {
  return {
    visible: new Uint8Array(cells),
    distanceM: new Float32Array(cells),
    obstacleExcessM: new Float32Array(cells),
    obstacleDistanceM: new Float32Array(cells),
  };
}

/** Buffers for the largest window a radius can produce (2·⌊r⌋+1 cells a side, +1 for fractional sites). */
export function maxSweepCells(cellSizeM: number, radiusM: number): number {
  const side = 2 * Math.floor(radiusM / cellSizeM) + 2;
  return side * side;
}

/**
 * The cells a sweep reached, in the order the rays met them: grid column and row, distance, line of
 * sight and the dominant obstacle (as in SweepBuffers). A cell two rays pass equally close to can be
 * listed twice, with what each ray saw. Grows as needed; reuse one per worker.
 */
export class SweepCells {
  count = 0;
  col: Int32Array;
  row: Int32Array;
  distanceM: Float32Array;
  visible: Uint8Array;
  obstacleExcessM: Float32Array;
  obstacleDistanceM: Float32Array;

  constructor(capacity = 1 << 16) {
    this.col = new Int32Array(capacity);
    this.row = new Int32Array(capacity);
    this.distanceM = new Float32Array(capacity);
    this.visible = new Uint8Array(capacity);
    this.obstacleExcessM = new Float32Array(capacity);
    this.obstacleDistanceM = new Float32Array(capacity);
  }

  get capacity(): number {
    return this.col.length;
  }

  /** Room for `more` cells beyond `count`, keeping what is there. */
  reserve(more: number): void {
    const need = this.count + more;
    if (need <= this.col.length) return;
    const size = Math.max(need, 2 * this.col.length);
    const grow = <T extends Int32Array | Float32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.col = grow(this.col, (n) => new Int32Array(n));
    this.row = grow(this.row, (n) => new Int32Array(n));
    this.distanceM = grow(this.distanceM, (n) => new Float32Array(n));
    this.visible = grow(this.visible, (n) => new Uint8Array(n));
    this.obstacleExcessM = grow(this.obstacleExcessM, (n) => new Float32Array(n));
    this.obstacleDistanceM = grow(this.obstacleDistanceM, (n) => new Float32Array(n));
  }
}

export function radialSweep(
  dem: SweepDem,
  site: SweepSite,
  options: SweepOptions,
  buffers?: SweepBuffers,
  cells: SweepCells = new SweepCells(),
): SweepResult {
  const win = sweepWindow(dem, site, options.radiusM);
  const size = win.width * win.height;
  const out = buffers && buffers.visible.length >= size ? buffers : allocateSweepBuffers(size);
  const result: SweepResult = {
    ...win,
    visible: out.visible.subarray(0, size),
    distanceM: out.distanceM.subarray(0, size),
    obstacleExcessM: out.obstacleExcessM.subarray(0, size),
    obstacleDistanceM: out.obstacleDistanceM.subarray(0, size),
  };
  result.visible.fill(0);
  result.distanceM.fill(NaN);
  result.obstacleExcessM.fill(NaN);
  result.obstacleDistanceM.fill(NaN);
  sweepCells(dem, site, options, win, cells);
  // Later rays overwrite earlier ones where two pass equally close to a cell. Arrays and offsets in
  // locals: the loop runs once per cell, and property loads through `result`/`cells` cost as much as the copy.
  const { visible, distanceM, obstacleExcessM, obstacleDistanceM } = result;
  const { col, row, count } = cells;
  const cellVisible = cells.visible;
  const cellDistance = cells.distanceM;
  const cellExcess = cells.obstacleExcessM;
  const cellObstacle = cells.obstacleDistanceM;
  const offset = win.y0 * win.width + win.x0;
  const stride = win.width;
  for (let k = 0; k < count; k++) {
    const w = row[k]! * stride + col[k]! - offset;
    visible[w] = cellVisible[k]!;
    distanceM[w] = cellDistance[k]!;
    obstacleExcessM[w] = cellExcess[k]!;
    obstacleDistanceM[w] = cellObstacle[k]!;
  }
  return result;
}

/**
 * The sweep restricted to the cells of `clip` (grid cells, inclusive of x0 … x0+width−1 and
 * y0 … y0+height−1): only the rays that can reach the rectangle are marched, each from the site (the
 * horizon builds up from there) to the rectangle's far side, and only cells inside it are listed.
 * Clipping gives each listed cell exactly what the whole sweep gives it: a tile far from the site
 * costs the wedge of rays crossing it, not the site's whole disc. Replaces the contents of `out`.
 */
export function sweepCells(
  dem: SweepDem,
  site: SweepSite,
  options: SweepOptions,
  clip: SweepWindow,
  out: SweepCells,
): void {
  const { width, height, cellSizeM, heights } = dem;
  out.count = 0;
  if (heights.length < width * height) throw new Error('radialSweep: heights shorter than width × height');
  if (!(cellSizeM > 0) || !(options.radiusM >= 0))
    throw new Error('radialSweep: cell size and radius must be positive');
  if (!(site.x >= 0 && site.x <= width - 1 && site.y >= 0 && site.y <= height - 1)) {
    throw new Error(`radialSweep: site (${site.x}, ${site.y}) outside the DEM`);
  }
  const disc = sweepWindow(dem, site, options.radiusM);
  const x0 = Math.max(disc.x0, clip.x0);
  const y0 = Math.max(disc.y0, clip.y0);
  const x1 = Math.min(disc.x0 + disc.width, clip.x0 + clip.width) - 1;
  const y1 = Math.min(disc.y0 + disc.height, clip.y0 + clip.height) - 1;
  if (x1 < x0 || y1 < y0) return;
  const win: SweepWindow = { x0, y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };

  const ox = Math.round(site.x);
  const oy = Math.round(site.y);
  const ground = heights[oy * width + ox]!;
  if (Number.isNaN(ground)) return; // no ground under the antenna: nothing is computed
  const k = options.k ?? 4 / 3;
  const earthRadiusM = options.earthRadiusM ?? 6_371_000;
  const radiusCells = options.radiusM / cellSizeM;
  const geometry: SweepGeometry = {
    width,
    height,
    win,
    sx: site.x,
    sy: site.y,
    zObs: ground + site.antennaHeightM,
    tz: options.receiverHeightM ?? 1.5,
    cell: cellSizeM,
    radiusCells,
    curv: 1 / (2 * k * earthRadiusM),
    rc: RAYS_PER_PERIMETER_CELL * (Math.ceil(radiusCells) + 1),
  };
  // One side of the square at a time, rays in order: neighbouring rays share cache lines.
  sweepSide(heights, out, geometry, true, 1);
  sweepSide(heights, out, geometry, false, 1);
  sweepSide(heights, out, geometry, true, -1);
  sweepSide(heights, out, geometry, false, -1);

  // The cell under the site (no ray sample lies between it and the antenna).
  if (ox >= x0 && ox <= x1 && oy >= y0 && oy <= y1) {
    out.reserve(1);
    const n = out.count++;
    out.col[n] = ox;
    out.row[n] = oy;
    out.visible[n] = 1;
    out.distanceM[n] = Math.hypot(ox - site.x, oy - site.y) * cellSizeM;
    out.obstacleExcessM[n] = -Infinity;
    out.obstacleDistanceM[n] = 0;
  }
}

/** What the sweep of one side needs besides the arrays; read once per side. */
interface SweepGeometry {
  width: number;
  height: number;
  /** Cells to list (already within the radius's bounding box). */
  win: SweepWindow;
  sx: number;
  sy: number;
  zObs: number;
  tz: number;
  cell: number;
  radiusCells: number;
  /** 1/(2kR) in 1/m. */
  curv: number;
  /** Rays per half side: ray t of −rc…rc has slope t/rc (RAYS_PER_PERIMETER_CELL × (radius in cells + 1)). */
  rc: number;
}

/**
 * March the rays towards one side of the square: major axis x if `xMajor`, in direction
 * `dir`; ray t of −rc…rc moves its minor coordinate by t/rc cells per step. Only the rays and
 * steps that can list a cell of the window are marched.
 */
function sweepSide(z: Float32Array, out: SweepCells, g: SweepGeometry, xMajor: boolean, dir: 1 | -1): void {
  const { win, zObs, tz, cell, curv, radiusCells, rc } = g;
  const sm = xMajor ? g.sx : g.sy;
  const sn = xMajor ? g.sy : g.sx;
  const majorSize = xMajor ? g.width : g.height;
  const minorSize = xMajor ? g.height : g.width;
  const mStride = xMajor ? 1 : g.width;
  const nStride = xMajor ? g.width : 1;
  const nMax = minorSize - 1;
  const halfPerStep = 0.5 / rc;
  const rMax2 = radiusCells * radiusCells;
  const m0 = dir > 0 ? Math.floor(sm) + 1 : Math.ceil(sm) - 1;
  const majorRoom = dir > 0 ? majorSize - 1 - sm : sm;

  // The window in this side's frame: major offsets a (along dir, from the site), minor offsets b.
  const wm0 = xMajor ? win.x0 : win.y0;
  const wm1 = wm0 + (xMajor ? win.width : win.height) - 1;
  const wn0 = xMajor ? win.y0 : win.x0;
  const wn1 = wn0 + (xMajor ? win.height : win.width) - 1;
  const dmStart = (m0 - sm) * dir; // first step's major offset, in (0, 1]
  const aFar = dir > 0 ? wm1 - sm : sm - wm0;
  if (aFar < dmStart) return; // the window lies behind this side
  const aWrite = dir > 0 ? wm0 - sm : sm - wm1; // steps before this only build the horizon
  const aNear = Math.max(aWrite, dmStart);
  const bLo = wn0 - sn;
  const bHi = wn1 - sn;
  // Slopes of the window's corners bound the rays that can own its cells (|t − b·rc/a| ≤ ½), plus one of slack.
  const slopes = [bLo / aNear, bHi / aNear, bLo / aFar, bHi / aFar];
  const tLo = Math.max(-rc, Math.floor(Math.min(...slopes) * rc) - 1);
  const tHi = Math.min(rc, Math.ceil(Math.max(...slopes) * rc) + 1);

  for (let t = tLo; t <= tHi; t++) {
    const slope = t / rc;
    const sec = Math.sqrt(1 + slope * slope);
    const stepM = sec * cell;
    // From the first column (row) strictly beyond the site to the window's far side, the radius (+½ cell
    // of slack for cells off the ray), the DEM's last column (row) or where the ray leaves it sideways.
    let m = m0;
    let dm = dmStart;
    const lastDm = Math.min(
      aFar,
      radiusCells,
      (radiusCells + 0.5) / sec,
      majorRoom,
      slope > 0 ? (nMax + 0.5 - sn) / slope : slope < 0 ? (sn + 0.5) / -slope : Infinity,
    );
    if (lastDm < aWrite) continue;
    out.reserve(Math.ceil(lastDm - Math.max(aWrite, dmStart)) + 1);
    const col = xMajor ? out.col : out.row;
    const row = xMajor ? out.row : out.col;
    const { distanceM, visible, obstacleExcessM: excessM, obstacleDistanceM: obstacleM } = out;
    let n = out.count;
    let hSlope = -Infinity; // running horizon: max (z − zObs)/d over the samples so far
    let hDist = 0; // metres from Tx of that sample
    let y = sn + slope * dm; // ≥ −0.5 by lastDm
    let d = dm * stepM;
    let own = dm * halfPerStep + 1e-9;
    let base = m * mStride;
    for (; dm <= lastDm; m += dir, dm += 1, y += slope, d += stepM, own += halfPerStep, base += dir * mStride) {
      const yi = y < 0 ? 0 : y;
      const lo = yi | 0;
      const f = yi - lo;
      const iLo = base + lo * nStride;
      const zLo = z[iLo]!;
      const zHi = lo < nMax ? z[iLo + nStride]! : zLo;

      // The cell nearest this sample, if no other ray passes closer to its centre (and it is in the window).
      const up = f > 0.5;
      const e = up ? 1 - f : y < 0 ? -y : f;
      if (e <= own && dm >= aWrite) {
        const j = up ? lo + 1 : lo;
        const dj = j - sn;
        const r2 = dm * dm + dj * dj;
        if (r2 <= rMax2 && j >= wn0 && j <= wn1) {
          const dc = Math.sqrt(r2) * cell;
          const num = (up ? zHi : zLo) + tz - dc * dc * curv - zObs; // target above the antenna
          col[n] = m;
          row[n] = j;
          distanceM[n] = dc;
          visible[n] = num >= hSlope * dc ? 1 : 0;
          if (hSlope === -Infinity) {
            excessM[n] = num === num ? -Infinity : NaN;
            obstacleM[n] = 0;
          } else {
            excessM[n] = hDist * (hSlope - num / dc);
            obstacleM[n] = hDist;
          }
          n++;
        }
      }

      // Then this sample joins the horizon (NaN from nodata never does): no division unless it rises.
      const num = zLo + (zHi - zLo) * f - zObs - d * d * curv;
      if (num > hSlope * d) {
        hSlope = num / d;
        hDist = d;
      }
    }
    out.count = n;
  }
}
