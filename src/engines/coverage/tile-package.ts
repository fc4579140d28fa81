import type { Technology } from '../../domain/coverage/technology.js';
import type { GeoJsonArea } from './analysis-grid.js';
import type { CoverageParams } from './predict/coverage-params.js';
import { siteCoverTest } from './predict/cover-test.js';
import type { TileScratch } from './predict/predict-tile.js';
import { siteModel, type GridSite, type SiteModel } from './predict/site-signal.js';
import { predictWindowTile, type CellRect, type WindowTileOutcome } from './predict/window-tile.js';
import type { GridSpec, Raster } from './raster/raster.js';
import type { RunTile } from './run-grids.js';
import { TileInputReader, tileZones } from './tile-inputs.js';

/**
 * Everything one tile of a streamed run needs, and nothing of the run's size: the tile and its window, the
 * sites reaching it, the units touching it, and the raw source pixels under the window (terrain) and under the
 * tile (population) as the files hold them. A local worker thread and a worker on another machine both
 * predict a tile from one of these, so both give the same bytes.
 */
export interface TilePackage {
  tile: RunTile;
  /** The tile as a grid of its own. */
  tileGrid: GridSpec;
  /** The terrain window, in the tile's cells. */
  window: CellRect;
  /** The sites reaching the tile, in the tile's cells (index = the site's index in the run). */
  sites: GridSite[];
  /** The units touching the tile, in the tile's order of `tile.units`. */
  units: { code: string; boundary: GeoJsonArea }[];
  /** The run's operators, main operator first: every tile lays its sums out alike. */
  operators: string[];
  /** Terrain pixels under the window (null when no terrain file reaches it). */
  terrain: Raster | null;
  /** Each population file's pixels under the tile (the files that reach it). */
  population: Raster[];
  technologies: Technology[];
  params: CoverageParams;
}

/** Predicts a tile from its package: resamples its raw windows, burns its units, predicts and sums. */
export async function computeTilePackage(
  pkg: TilePackage,
  scratch: TileScratch,
  isCancelled: () => boolean,
): Promise<WindowTileOutcome> {
  const { tileGrid, params } = pkg;
  const reader = TileInputReader.ofRasters(pkg.terrain ? [pkg.terrain] : [], pkg.population);
  const whole = { x0: 0, y0: 0, width: tileGrid.width, height: tileGrid.height };
  const dem = await reader.terrain(tileGrid, pkg.window);
  const population = await reader.people(tileGrid, whole);
  // A site's model depends on its radio fields only; indexed by the site's index in the run.
  const models: SiteModel[] = [];
  for (const site of pkg.sites) models[site.index] = siteModel(site, params);
  const { cover, operatorBitOf } = siteCoverTest(pkg.sites, params, pkg.operators);
  const zones = tileZones(
    tileGrid,
    whole,
    pkg.units.map((unit) => unit.boundary),
  );
  return predictWindowTile(
    {
      tileGrid,
      window: pkg.window,
      dem,
      sites: pkg.sites,
      models,
      operatorBitOf,
      cover,
      population,
      zones,
      unitCodes: pkg.units.map((unit) => unit.code),
      technologies: pkg.technologies,
      params,
    },
    scratch,
    isCancelled,
  );
}
