/**
 * Per-site radial sweep over a DEM: line-of-sight visibility, distance and the dominant
 * (transmitter-side, Bullington-style) obstacle for every cell within a radius, with
 * constant work per cell.
 *
 * Approach: the classic "R2" viewshed approximation (Franklin & Ray 1994). Rays leave the
 * site towards every integer offset on the perimeter of a square of half-side `Rc` cells
 * (`Rc` = radius in cells + 1), i.e. 8·Rc rays whose minor-axis spacing at the radius is
 * < 1 cell. Each ray is marched one column (x-major rays) or one row (y-major rays) at a
 * time, so no column/row is skipped; the terrain at a step is linearly interpolated between
 * the two cells straddling the ray. Along the ray we keep the running horizon: the maximum
 * slope (z − z_obs)/d of the samples so far (slopes, not angles: no atan2) and where it
 * occurred. A cell takes the result of the ray sample nearest to its centre: at a given
 * column the rays are evenly spaced by dm/Rc in the minor axis, so the sample at offset
 * e = |y − round(y)| owns cell round(y) exactly when e ≤ dm/(2·Rc). No per-cell bookkeeping
 * is needed, and each cell is written about once.
 *
 * Semantics follow gdal_viewshed (`-om NORMAL`): observer at the ground of the cell under
 * the site + antenna height; a cell is visible when its centre at ground + receiver height
 * is on or above the horizon line seen from the observer. Earth curvature lowers a point at
 * distance d by d²/(2kR) (gdal `-cc 0.75` with R = its ellipsoid's semi-major axis is
 * k = 4/3). GDAL implements Wang et al. 2000 (reference planes), not true rays, so a few
 * cells near horizon edges differ.
 *
 * Site coordinates are in cells with integer values at cell centres: column x, row y
 * (row 0 = first row of `heights`, north-up like GDAL). GDAL pixel/line P = x + 0.5.
 */

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

/** What the sweep of one side needs besides the arrays; read once per side. */
interface SweepGeometry {
  width: number;
  height: number;
  win: SweepWindow;
  sx: number;
  sy: number;
  zObs: number;
  tz: number;
  cell: number;
  radiusCells: number;
  /** 1/(2kR) in 1/m. */
  curv: number;
  /** Half-side of the square whose perimeter the rays aim at, cells. */
  rc: number;
}

export function radialSweep(
  dem: SweepDem,
  site: SweepSite,
  options: SweepOptions,
  buffers?: SweepBuffers,
): SweepResult {
  const { width, height, cellSizeM, heights } = dem;
  if (heights.length < width * height) throw new Error('radialSweep: heights shorter than width × height');
  if (!(cellSizeM > 0) || !(options.radiusM >= 0))
    throw new Error('radialSweep: cell size and radius must be positive');
  if (!(site.x >= 0 && site.x <= width - 1 && site.y >= 0 && site.y <= height - 1)) {
    throw new Error(`radialSweep: site (${site.x}, ${site.y}) outside the DEM`);
  }
  const k = options.k ?? 4 / 3;
  const earthRadiusM = options.earthRadiusM ?? 6_371_000;
  const win = sweepWindow(dem, site, options.radiusM);
  const cells = win.width * win.height;
  const out = buffers && buffers.visible.length >= cells ? buffers : allocateSweepBuffers(cells);
  const result: SweepResult = {
    ...win,
    visible: out.visible.subarray(0, cells),
    distanceM: out.distanceM.subarray(0, cells),
    obstacleExcessM: out.obstacleExcessM.subarray(0, cells),
    obstacleDistanceM: out.obstacleDistanceM.subarray(0, cells),
  };
  result.visible.fill(0);
  result.distanceM.fill(NaN);
  result.obstacleExcessM.fill(NaN);
  result.obstacleDistanceM.fill(NaN);

  const ox = Math.round(site.x);
  const oy = Math.round(site.y);
  const ground = heights[oy * width + ox]!;
  if (Number.isNaN(ground)) return result; // no ground under the antenna: nothing is computed
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
    rc: Math.ceil(radiusCells) + 1,
  };
  const { visible, distanceM, obstacleExcessM, obstacleDistanceM } = result;
  // One side of the square at a time, rays in order: neighbouring rays share cache lines.
  sweepSide(heights, visible, distanceM, obstacleExcessM, obstacleDistanceM, geometry, true, 1);
  sweepSide(heights, visible, distanceM, obstacleExcessM, obstacleDistanceM, geometry, false, 1);
  sweepSide(heights, visible, distanceM, obstacleExcessM, obstacleDistanceM, geometry, true, -1);
  sweepSide(heights, visible, distanceM, obstacleExcessM, obstacleDistanceM, geometry, false, -1);

  // The cell under the site (no ray sample lies between it and the antenna).
  if (ox >= win.x0 && ox < win.x0 + win.width && oy >= win.y0 && oy < win.y0 + win.height) {
    const si = (oy - win.y0) * win.width + (ox - win.x0);
    const dOwn = Math.hypot(ox - site.x, oy - site.y) * cellSizeM;
    result.visible[si] = 1;
    result.distanceM[si] = dOwn;
    result.obstacleExcessM[si] = -Infinity;
    result.obstacleDistanceM[si] = 0;
  }
  return result;
}

/**
 * March the rays towards one side of the square: major axis x if `xMajor`, in direction
 * `dir`; ray t of −rc…rc moves its minor coordinate by t/rc cells per step.
 */
function sweepSide(
  z: Float32Array,
  visible: Uint8Array,
  distanceM: Float32Array,
  excessM: Float32Array,
  obstacleM: Float32Array,
  g: SweepGeometry,
  xMajor: boolean,
  dir: 1 | -1,
): void {
  const { win, zObs, tz, cell, curv, radiusCells, rc } = g;
  const sm = xMajor ? g.sx : g.sy;
  const sn = xMajor ? g.sy : g.sx;
  const majorSize = xMajor ? g.width : g.height;
  const minorSize = xMajor ? g.height : g.width;
  const mStride = xMajor ? 1 : g.width;
  const nStride = xMajor ? g.width : 1;
  const wm0 = xMajor ? win.x0 : win.y0;
  const wn0 = xMajor ? win.y0 : win.x0;
  const wmStride = xMajor ? 1 : win.width;
  const wnStride = xMajor ? win.width : 1;
  const wnSize = xMajor ? win.height : win.width;
  const nMax = minorSize - 1;
  const halfPerStep = 0.5 / rc;
  const rMax2 = radiusCells * radiusCells;
  const m0 = dir > 0 ? Math.floor(sm) + 1 : Math.ceil(sm) - 1;
  const majorRoom = dir > 0 ? majorSize - 1 - sm : sm;
  for (let t = -rc; t <= rc; t++) {
    const slope = t / rc;
    const sec = Math.sqrt(1 + slope * slope);
    const stepM = sec * cell;
    // From the first column (row) strictly beyond the site to the radius (+½ cell of slack for
    // cells off the ray), the DEM's last column (row) or where the ray leaves it sideways.
    let m = m0;
    let dm = (m - sm) * dir;
    const lastDm = Math.min(
      radiusCells,
      (radiusCells + 0.5) / sec,
      majorRoom,
      slope > 0 ? (nMax + 0.5 - sn) / slope : slope < 0 ? (sn + 0.5) / -slope : Infinity,
    );
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

      // The cell nearest this sample, if no other ray passes closer to its centre.
      const up = f > 0.5;
      const e = up ? 1 - f : y < 0 ? -y : f;
      if (e <= own) {
        const j = up ? lo + 1 : lo;
        const dj = j - sn;
        const r2 = dm * dm + dj * dj;
        const wn = j - wn0;
        if (r2 <= rMax2 && wn >= 0 && wn < wnSize && j <= nMax) {
          const w = (m - wm0) * wmStride + wn * wnStride;
          const dc = Math.sqrt(r2) * cell;
          const num = (up ? zHi : zLo) + tz - dc * dc * curv - zObs; // target above the antenna
          distanceM[w] = dc;
          visible[w] = num >= hSlope * dc ? 1 : 0;
          if (hSlope === -Infinity) {
            excessM[w] = num === num ? -Infinity : NaN;
            obstacleM[w] = 0;
          } else {
            excessM[w] = hDist * (hSlope - num / dc);
            obstacleM[w] = hDist;
          }
        }
      }

      // Then this sample joins the horizon (NaN from nodata never does): no division unless it rises.
      const num = zLo + (zHi - zLo) * f - zObs - d * d * curv;
      if (num > hSlope * d) {
        hSlope = num / d;
        hDist = d;
      }
    }
  }
}
