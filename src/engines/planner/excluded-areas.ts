import type { ExcludedArea } from '../../domain/planner/plan-settings.js';
import { toGridPolygons } from '../coverage/analysis-grid.js';
import type { GridSpec } from '../coverage/raster/raster.js';
import { rasterizeUnits } from '../coverage/zones/rasterize-units.js';

/** Larger than any squared distance on a grid, small enough that sums of two stay exact in float64. */
const FAR = 1e18;

/**
 * 1 for each cell no new mast may stand on: touching an excluded area (a cell only partly inside counts), or with
 * its centre within `marginM` of such a cell's centre (exact Euclidean distance on the grid).
 */
export function excludedCells(grid: GridSpec, areas: readonly ExcludedArea[], marginM: number): Uint8Array {
  const { width, height } = grid;
  const zones = rasterizeUnits(
    areas.map((area) => toGridPolygons(area.geometry, grid)),
    width,
    height,
  );
  const inside = Uint8Array.from(zones.whole, (unit) => (unit >= 0 ? 1 : 0));
  for (const cell of zones.partial.cell) inside[cell] = 1;
  const marginCells = marginM / grid.cellSizeM;
  if (marginCells <= 0) return inside;
  const squared = squaredDistanceToMarked(inside, width, height);
  const limit = marginCells * marginCells;
  return Uint8Array.from(squared, (d) => (d <= limit ? 1 : 0));
}

/**
 * Each cell's squared distance, in cells, to the nearest marked cell (FAR with none): the exact Euclidean distance
 * transform of Felzenszwalb and Huttenlocher, by columns then by rows, linear in the cells.
 */
export function squaredDistanceToMarked(marked: Uint8Array, width: number, height: number): Float64Array {
  const out = Float64Array.from(marked, (m) => (m ? 0 : FAR));
  const longest = Math.max(width, height);
  const f = new Float64Array(longest);
  const d = new Float64Array(longest);
  const v = new Int32Array(longest);
  const z = new Float64Array(longest + 1);
  for (let col = 0; col < width; col++) {
    for (let row = 0; row < height; row++) f[row] = out[row * width + col]!;
    lowerEnvelope(f, height, d, v, z);
    for (let row = 0; row < height; row++) out[row * width + col] = d[row]!;
  }
  for (let row = 0; row < height; row++) {
    const start = row * width;
    for (let col = 0; col < width; col++) f[col] = out[start + col]!;
    lowerEnvelope(f, width, d, v, z);
    for (let col = 0; col < width; col++) out[start + col] = d[col]!;
  }
  return out;
}

/** d[q] = min over p of (q − p)² + f[p], for q in 0 … n − 1 (the lower envelope of parabolas). */
function lowerEnvelope(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    // z[0] is −∞, so the search stops at the first parabola at the latest.
    let s = intersection(f, q, v[k]!);
    while (s <= z[k]!) s = intersection(f, q, v[--k]!);
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const p = v[k]!;
    d[q] = (q - p) * (q - p) + f[p]!;
  }
}

/** Where the parabolas rooted at q and p (p < q) cross. */
function intersection(f: Float64Array, q: number, p: number): number {
  return (f[q]! + q * q - (f[p]! + p * p)) / (2 * q - 2 * p);
}
