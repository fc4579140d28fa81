/**
 * Where a worker's time goes, measured on one thread with the engine's own functions on a sample of
 * the run's sites: the radial sweep (visibility, distance, obstacle per window cell), the per-cell
 * level (path loss, knife edge, two atan2 and the antenna pattern: predictSiteSignal minus its sweep)
 * and predictTile's merge into the tile (per kept cell). Timed in CPU time (process.cpuUsage: this
 * thread is then the only busy one), so other processes competing for the cores do not inflate it.
 */
import type { Technology } from '../../src/domain/coverage/technology.js';
import type { CoverageParams } from '../../src/engines/coverage/predict/coverage-params.js';
import { TileScratch } from '../../src/engines/coverage/predict/predict-tile.js';
import { predictSiteSignal, type GridSite, type SiteModel } from '../../src/engines/coverage/predict/site-signal.js';
import { radialSweep, type SweepDem } from '../../src/engines/coverage/sweep/radial-sweep.js';

/** Process CPU time, ms (user + system). */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface HotSpots {
  tech: Technology;
  sampled: number;
  windowCells: number;
  sweepNsPerCell: number;
  levelNsPerCell: number;
  /** predictTile's max-merge, per merged cell (measured over whole windows). */
  mergeNsPerCell: number;
}

/** Times `perTech` sites of each technology (spread through the list), after one warm-up each. */
export function measureHotSpots(
  dem: SweepDem,
  sites: readonly GridSite[],
  models: readonly SiteModel[],
  params: CoverageParams,
  perTech: number,
): HotSpots[] {
  const maxRadiusM = Math.max(...models.map((m) => m.radiusM));
  const scratch = new TileScratch(dem.cellSizeM, maxRadiusM);
  const best = new Float32Array(scratch.signal.length);
  const server = new Int32Array(scratch.signal.length);
  const out: HotSpots[] = [];
  for (const tech of ['2G', '3G', '4G', '5G'] as const) {
    const mine = sites.map((s, i) => i).filter((i) => sites[i]!.technology === tech);
    if (mine.length === 0) continue;
    const step = Math.max(1, Math.floor(mine.length / perTech));
    const chosen = mine.filter((_, k) => k % step === 0).slice(0, perTech);
    const sweepOf = (i: number) =>
      radialSweep(
        dem,
        { x: sites[i]!.x, y: sites[i]!.y, antennaHeightM: sites[i]!.antennaHeightM },
        { radiusM: models[i]!.radiusM, receiverHeightM: params.receiverHeightM, k: params.kFactor },
        scratch.sweep,
      );
    // Warm-up: let the JIT settle on all three loops.
    for (const i of chosen.slice(0, 2)) {
      sweepOf(i);
      predictSiteSignal(dem, sites[i]!, models[i]!, params, scratch.sweep, scratch.signal);
    }
    let sweepMs = 0;
    let signalMs = 0;
    let mergeMs = 0;
    let cells = 0;
    for (const i of chosen) {
      let t = cpuNow();
      const win = sweepOf(i);
      sweepMs += cpuNow() - t;
      t = cpuNow();
      predictSiteSignal(dem, sites[i]!, models[i]!, params, scratch.sweep, scratch.signal);
      signalMs += cpuNow() - t;
      const n = win.width * win.height;
      cells += n;
      best.fill(Number.NaN, 0, n);
      t = cpuNow();
      mergeLikePredictTile(scratch.signal, best, server, n, sites[i]!.index);
      mergeMs += cpuNow() - t;
    }
    out.push({
      tech,
      sampled: chosen.length,
      windowCells: cells,
      sweepNsPerCell: (sweepMs * 1e6) / cells,
      levelNsPerCell: ((signalMs - sweepMs) * 1e6) / cells,
      mergeNsPerCell: (mergeMs * 1e6) / cells,
    });
  }
  return out;
}

/** The inner loop of predictTile's merge, over a whole window (tile = window). */
function mergeLikePredictTile(
  signal: Float32Array,
  best: Float32Array,
  server: Int32Array,
  n: number,
  index: number,
): void {
  for (let dst = 0; dst < n; dst++) {
    const level = signal[dst]!;
    if (level > best[dst]! || (Number.isNaN(best[dst]!) && !Number.isNaN(level))) {
      best[dst] = level;
      server[dst] = index;
    }
  }
}
