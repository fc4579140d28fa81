import type { StreamInitMessage } from './messages.js';
import type { RunTile } from './run-grids.js';
import { siteModel, type GridSite, type SiteModel } from './predict/site-signal.js';
import { siteCoverTest } from './predict/cover-test.js';
import { TileScratch, type CoverTest } from './predict/predict-tile.js';
import {
  placeInGrid,
  predictWindowTile,
  sitesReaching,
  subGrid,
  tileWindow,
  type WindowTileOutcome,
} from './predict/window-tile.js';
import { TileInputReader, tileZones } from './tile-inputs.js';

/** What a process keeps between the tiles of a streamed run: open inputs, site models; no raster of the run's size. */
export interface StreamTileWork {
  init: StreamInitMessage;
  reader: TileInputReader;
  /** By site index (the same site on every grid). */
  models: SiteModel[];
  cover: CoverTest;
  operatorBitOf: (site: GridSite) => number;
  scratch: TileScratch;
}

export async function startStreamTileWork(init: StreamInitMessage): Promise<StreamTileWork> {
  // Every grid lists every site (placed in its own CRS), in site order; a site's model does not depend on where.
  const sites = placeInGrid(init.sitesByGrid[0] ?? [], init.grids[0]!);
  const models = sites.map((site) => siteModel(site, init.params));
  const { cover, operatorBitOf } = siteCoverTest(sites, init.params);
  return {
    init,
    reader: await TileInputReader.open(init),
    models,
    cover,
    operatorBitOf,
    scratch: new TileScratch(),
  };
}

/**
 * One tile of a streamed run, from its inputs to its sums: the sites reaching it, the terrain under the
 * window they need, the people and units of the tile; then the prediction.
 */
export async function computeStreamTile(
  work: StreamTileWork,
  tile: RunTile,
  isCancelled: () => boolean,
): Promise<WindowTileOutcome> {
  const { init } = work;
  const tileGrid = subGrid(init.grids[tile.grid]!, tile);
  const whole = { x0: 0, y0: 0, width: tile.width, height: tile.height };
  const placed = placeInGrid(init.sitesByGrid[tile.grid]!, tileGrid);
  const sites = sitesReaching(whole, placed, work.models, tileGrid.cellSizeM);
  const window = tileWindow(whole, sites);
  const dem = await work.reader.terrain(tileGrid, window);
  const population = await work.reader.people(tileGrid, whole);
  const units = tile.units.map((i) => init.units[i]!);
  const zones = tileZones(
    tileGrid,
    whole,
    units.map((unit) => unit.boundary),
  );
  return predictWindowTile(
    {
      tileGrid,
      window,
      dem,
      sites,
      models: work.models,
      operatorBitOf: work.operatorBitOf,
      cover: work.cover,
      population,
      zones,
      unitCodes: units.map((unit) => unit.code),
      technologies: init.technologies,
      params: init.params,
    },
    work.scratch,
    isCancelled,
  );
}
