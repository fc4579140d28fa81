/**
 * How much work a run does, counted without running it, with the engine's own functions: the tiles,
 * the (tile, site) pairs the workers sweep, the window cells those sweeps pass over, and how many of
 * them land inside the tile that asked (the rest are swept only to be thrown away).
 */
import type { Technology } from '../../src/domain/coverage/technology.js';
import type { CoverageParams } from '../../src/engines/coverage/predict/coverage-params.js';
import { sitesForTile, splitIntoTiles } from '../../src/engines/coverage/predict/predict-tile.js';
import { siteModel, type GridSite, type SiteModel } from '../../src/engines/coverage/predict/site-signal.js';
import { sweepWindow } from '../../src/engines/coverage/sweep/radial-sweep.js';

export interface TechWork {
  sites: number;
  /** Mean radius of the sites' models, km. */
  meanRadiusKm: number;
  /** Σ over sites of their window cells: the work if each site were swept once. */
  onceCells: number;
  /** (tile, site) pairs. */
  sweeps: number;
  /** Σ over (tile, site) pairs of the window cells swept. */
  sweptCells: number;
  /** Σ over (tile, site) pairs of the window cells inside the tile. */
  keptCells: number;
}

export interface RunWork {
  tiles: number;
  sites: number;
  sweeps: number;
  onceCells: number;
  sweptCells: number;
  keptCells: number;
  byTech: Partial<Record<Technology, TechWork>>;
  models: SiteModel[];
}

export function countWork(
  grid: { width: number; height: number; cellSizeM: number },
  sites: readonly GridSite[],
  params: CoverageParams,
): RunWork {
  const models = sites.map((s) => siteModel(s, params));
  const dem = { heights: new Float32Array(0), width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM };
  const windows = sites.map((s, i) => sweepWindow(dem, s, models[i]!.radiusM));
  const tiles = splitIntoTiles(grid.width, grid.height, params.tileCells);
  const byTech: RunWork['byTech'] = {};
  const techOf = (tech: Technology) =>
    (byTech[tech] ??= { sites: 0, meanRadiusKm: 0, onceCells: 0, sweeps: 0, sweptCells: 0, keptCells: 0 });
  sites.forEach((s, i) => {
    const t = techOf(s.technology);
    t.sites += 1;
    t.meanRadiusKm += models[i]!.radiusM / 1000;
    t.onceCells += windows[i]!.width * windows[i]!.height;
  });
  for (const t of Object.values(byTech)) t.meanRadiusKm /= t.sites;
  for (const tile of tiles) {
    for (const i of sitesForTile(tile, sites, models, grid.cellSizeM)) {
      const w = windows[i]!;
      const t = techOf(sites[i]!.technology);
      t.sweeps += 1;
      t.sweptCells += w.width * w.height;
      const kx = Math.min(w.x0 + w.width, tile.x0 + tile.width) - Math.max(w.x0, tile.x0);
      const ky = Math.min(w.y0 + w.height, tile.y0 + tile.height) - Math.max(w.y0, tile.y0);
      t.keptCells += Math.max(0, kx) * Math.max(0, ky);
    }
  }
  const all = Object.values(byTech);
  const sum = (f: (t: TechWork) => number) => all.reduce((a, t) => a + f(t), 0);
  return {
    tiles: tiles.length,
    sites: sites.length,
    sweeps: sum((t) => t.sweeps),
    onceCells: sum((t) => t.onceCells),
    sweptCells: sum((t) => t.sweptCells),
    keptCells: sum((t) => t.keptCells),
    byTech,
    models,
  };
}
