/**
 * DEMO ONLY — tools of calibrate-demo-network.ts: footprints of candidate masts computed with the
 * coverage engine's own per-site predictor (`siteModel` + `predictSiteSignal`, exactly what its workers
 * run), greedy selection of the masts covering the most still-uncovered people, and the global power
 * offset that lands a technology's population share on a target.
 *
 * The engine covers a cell when its best site reaches the threshold, i.e. when any site does: the
 * covered area of a network is the union of its sites' footprints, so these sums equal the engine's
 * (runCoverageModel) — the calibration checks that at the end.
 */
import type { CoverageParams } from '../../engines/coverage/predict/coverage-params.js';
import { predictSiteSignal, siteModel } from '../../engines/coverage/predict/site-signal.js';
import { allocateSweepBuffers, maxSweepCells, type SweepBuffers } from '../../engines/coverage/sweep/radial-sweep.js';
import type { GridSpec } from '../../engines/coverage/raster/raster.js';
import type { ZoneMap } from '../../engines/coverage/zones/rasterize-units.js';
import { layerRecords, type MastLayer } from './demo-network.js';
import { toGridSites } from '../../engines/coverage/grid-sites.js';

/** People a cell adds to the province totals: its population times the share of it inside communes. */
export function cellWeights(zones: ZoneMap, population: Float32Array): Float64Array {
  const w = new Float64Array(population.length);
  zones.whole.forEach((unit, cell) => {
    if (unit >= 0) w[cell] = population[cell]!;
  });
  zones.partial.cell.forEach((cell, i) => {
    w[cell]! += population[cell]! * zones.partial.share[i]!;
  });
  return w;
}

/** Populated cells a layer could cover: level − threshold (dB) at the layer's nominal power. */
export interface Footprint {
  cells: Int32Array;
  marginDb: Float32Array;
}

/**
 * Footprints of mast layers: the best sector's level minus the threshold, kept where it is at least
 * −`belowDb` (so a power offset down to −belowDb… up to +aboveDb can be judged) and the cell has people.
 * Predicted with the power raised by `aboveDb`, so the site radius is large enough for that offset.
 */
export class FootprintMaker {
  private readonly sweep: SweepBuffers;
  private readonly signal: Float32Array;
  private readonly best: Float32Array;
  constructor(
    private readonly grid: GridSpec,
    private readonly dem: Float32Array,
    private readonly weights: Float64Array,
    private readonly params: CoverageParams,
    private readonly aboveDb: number,
    private readonly belowDb: number,
  ) {
    const windowCells = maxSweepCells(grid.cellSizeM, params.maxRadiusKm * 1000);
    this.sweep = allocateSweepBuffers(windowCells);
    this.signal = new Float32Array(windowCells);
    this.best = new Float32Array(grid.width * grid.height).fill(-Infinity);
  }

  footprint(layer: MastLayer): Footprint {
    const { grid, params } = this;
    const demView = { heights: this.dem, width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM };
    const raised = { ...layer, txPowerDbm: layer.txPowerDbm + this.aboveDb };
    const threshold = params.thresholdsDbm[layer.technology];
    const touched: number[] = [];
    for (const site of toGridSites(layerRecords(raised), grid)) {
      const model = siteModel(site, params);
      const win = predictSiteSignal(demView, site, model, params, this.sweep, this.signal);
      for (let row = 0; row < win.height; row++) {
        for (let col = 0; col < win.width; col++) {
          const level = this.signal[row * win.width + col]!;
          const cell = (win.y0 + row) * grid.width + win.x0 + col;
          // The same float32 level the engine compares, shifted back to the nominal power.
          const margin = level - threshold - this.aboveDb;
          if (!(margin >= -this.belowDb) || !(this.weights[cell]! > 0)) continue;
          if (this.best[cell] === -Infinity) touched.push(cell);
          if (margin > this.best[cell]!) this.best[cell] = margin;
        }
      }
    }
    touched.sort((a, b) => a - b);
    const marginDb = Float32Array.from(touched, (cell) => this.best[cell]!);
    for (const cell of touched) this.best[cell] = -Infinity;
    return { cells: Int32Array.from(touched), marginDb };
  }
}

/** The best margin per cell over a set of footprints (−Infinity where none reaches). */
export function unionMargins(footprints: readonly Footprint[], cells: number): Float32Array {
  const best = new Float32Array(cells).fill(-Infinity);
  for (const f of footprints) {
    for (let i = 0; i < f.cells.length; i++) {
      const c = f.cells[i]!;
      if (f.marginDb[i]! > best[c]!) best[c] = f.marginDb[i]!;
    }
  }
  return best;
}

/** Share (%) of the people covered when every site's power moves by `offsetDb`. */
export function shareAt(best: Float32Array, weights: Float64Array, total: number, offsetDb: number): number {
  let covered = 0;
  for (let c = 0; c < best.length; c++) if (best[c]! + offsetDb >= 0) covered += weights[c]!;
  return (100 * covered) / total;
}

/**
 * Lazy greedy maximum coverage: adds, one at a time, the candidate whose footprint (at nominal power)
 * covers the most people not yet covered, until the share reaches `targetPercent`
 * or `maxCount` are chosen, or nothing helps. `preference` scales a candidate's gain (0 = never).
 * Returns the chosen candidates in order and updates `best` in place.
 */
export function greedyCover(
  footprints: readonly Footprint[],
  weights: Float64Array,
  total: number,
  best: Float32Array,
  options: { targetPercent?: number; maxCount?: number; preference?: (candidate: number) => number },
): number[] {
  const targetPercent = options.targetPercent ?? 100;
  const maxCount = options.maxCount ?? Infinity;
  const preference = options.preference ?? (() => 1);
  const gainOf = (k: number) => {
    const f = footprints[k]!;
    let g = 0;
    for (let i = 0; i < f.cells.length; i++) {
      if (f.marginDb[i]! >= 0 && !(best[f.cells[i]!]! >= 0)) g += weights[f.cells[i]!]!;
    }
    return g * preference(k);
  };
  let covered = 0;
  for (let c = 0; c < best.length; c++) if (best[c]! >= 0) covered += weights[c]!;
  // Max-heap by stale gain (an upper bound: gains only shrink as coverage grows).
  const heap = footprints.map((_, k) => ({ k, gain: gainOf(k) })).sort((a, b) => b.gain - a.gain || a.k - b.k);
  const chosen: number[] = [];
  while ((100 * covered) / total < targetPercent && chosen.length < maxCount && heap.length > 0) {
    const top = heap[0]!;
    top.gain = gainOf(top.k);
    // Still ahead of the next bound (ties to the lower index, so the result is deterministic)?
    const next = heap[1];
    if (next && (top.gain < next.gain || (top.gain === next.gain && top.k > next.k))) {
      heap.shift();
      insertSorted(heap, top);
      continue;
    }
    heap.shift();
    if (top.gain <= 0) break;
    chosen.push(top.k);
    const f = footprints[top.k]!;
    for (let i = 0; i < f.cells.length; i++) {
      const c = f.cells[i]!;
      if (f.marginDb[i]! >= 0 && !(best[c]! >= 0)) covered += weights[c]!;
      if (f.marginDb[i]! > best[c]!) best[c] = f.marginDb[i]!;
    }
  }
  return chosen;
}

function insertSorted(list: { k: number; gain: number }[], item: { k: number; gain: number }): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid]!;
    if (m.gain > item.gain || (m.gain === item.gain && m.k < item.k)) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

/**
 * The power offset (dB, within [−belowDb, aboveDb]) that brings the share closest to `targetPercent`:
 * the share only grows with the offset, so bisection.
 */
export function offsetForShare(
  best: Float32Array,
  weights: Float64Array,
  total: number,
  targetPercent: number,
  belowDb: number,
  aboveDb: number,
): { offsetDb: number; share: number } {
  let lo = -belowDb;
  let hi = aboveDb;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (shareAt(best, weights, total, mid) < targetPercent) lo = mid;
    else hi = mid;
  }
  const candidates = [lo, hi].map((o) => Math.round(o * 100) / 100);
  const scored = candidates.map((offsetDb) => ({ offsetDb, share: shareAt(best, weights, total, offsetDb) }));
  scored.sort((a, b) => Math.abs(a.share - targetPercent) - Math.abs(b.share - targetPercent));
  return scored[0]!;
}
