/**
 * Where each grid's map layer goes: the layer route draws one level of the grid's signal COG
 * (layer-level.ts), and the corners follow that level, which may reach a little past the grid's right and
 * bottom edges when halving rounded its size up.
 */
import { gridCornersLonLat } from '../engines/coverage/analysis-grid.js';
import { levelSizes } from '../engines/coverage/raster/cog-tiles.js';
import { layerLevelIndex, levelSpanCells } from '../engines/coverage/raster/layer-level.js';
import type { GridSpec } from '../engines/coverage/raster/raster.js';
import type { CoverageMapLayer } from '../domain/coverage/coverage-run-contract.js';

/** One layer per grid; `cogTileSize` is the tile side the run's COGs were written with (it sets their levels). */
export function mapLayers(grids: readonly { name: string; spec: GridSpec }[], cogTileSize: number): CoverageMapLayer[] {
  return grids.map(({ name, spec }) => {
    const levels = levelSizes(spec.width, spec.height, cogTileSize);
    const span = levelSpanCells(levels, layerLevelIndex(levels));
    return { grid: grids.length > 1 ? name : null, corners: gridCornersLonLat({ ...spec, ...span }) };
  });
}

/** The layer of a run on one grid (its files keep the plain names). */
export const oneGridLayers = (spec: GridSpec, cogTileSize: number): CoverageMapLayer[] =>
  mapLayers([{ name: '', spec }], cogTileSize);
