import type { StreamInitMessage } from './messages.js';
import type { RunTile } from './run-grids.js';
import { siteModel, type SiteModel } from './predict/site-signal.js';
import { siteCoverTest } from './predict/cover-test.js';
import { TileScratch } from './predict/predict-tile.js';
import { placeInGrid, sitesReaching, subGrid, tileWindow, type WindowTileOutcome } from './predict/window-tile.js';
import { TileInputReader } from './tile-inputs.js';
import { computeTilePackage, type TilePackage } from './tile-package.js';

/** What a process keeps between the tiles of a streamed run: open inputs, site models; no raster of the run's size. */
export interface StreamTileWork {
  init: StreamInitMessage;
  reader: TileInputReader;
  /** By site index (the same site on every grid). */
  models: SiteModel[];
  /** The run's operators, main operator first. */
  operators: string[];
  scratch: TileScratch;
}

/** What planning a tile needs: the open inputs, the site models (for their reach) and the run's operators. */
export type StreamTilePlanner = Pick<StreamTileWork, 'init' | 'reader' | 'models' | 'operators'>;

export async function openStreamTilePlanner(init: StreamInitMessage): Promise<StreamTilePlanner> {
  // Every grid lists every site (placed in its own CRS), in site order; a site's model does not depend on where.
  const sites = placeInGrid(init.sitesByGrid[0] ?? [], init.grids[0]!);
  const models = sites.map((site) => siteModel(site, init.params));
  const { operators } = siteCoverTest(sites, init.params);
  return { init, reader: await TileInputReader.open(init), models, operators };
}

export async function startStreamTileWork(init: StreamInitMessage): Promise<StreamTileWork> {
  return { ...(await openStreamTilePlanner(init)), scratch: new TileScratch() };
}

/**
 * The cheap part of a tile, done where the input files are: the sites reaching it, the window of terrain they
 * need, and the raw pixels under that window and under the tile. Nothing is resampled here.
 */
export async function planStreamTile(work: StreamTilePlanner, tile: RunTile): Promise<TilePackage> {
  const { init } = work;
  const tileGrid = subGrid(init.grids[tile.grid]!, tile);
  const whole = { x0: 0, y0: 0, width: tile.width, height: tile.height };
  const placed = placeInGrid(init.sitesByGrid[tile.grid]!, tileGrid);
  const sites = sitesReaching(whole, placed, work.models, tileGrid.cellSizeM);
  const window = tileWindow(whole, sites);
  return {
    tile,
    tileGrid,
    window,
    sites,
    units: tile.units.map((i) => init.units[i]!),
    operators: work.operators,
    terrain: await work.reader.rawTerrain(tileGrid, window),
    population: await work.reader.rawPeople(tileGrid, whole),
    technologies: init.technologies,
    params: init.params,
  };
}

/**
 * One tile of a streamed run, from its inputs to its sums: planned and read as a tile package, then predicted
 * from that package exactly as a worker on another machine does.
 */
export async function computeStreamTile(
  work: StreamTileWork,
  tile: RunTile,
  isCancelled: () => boolean,
): Promise<WindowTileOutcome> {
  return computeTilePackage(await planStreamTile(work, tile), work.scratch, isCancelled);
}
