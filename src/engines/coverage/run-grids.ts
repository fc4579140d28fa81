import type { GridSpec } from './raster/raster.js';
import { transformer, utmWgs84, utmZoneFor, WGS84 } from './raster/crs.js';
import { boundsOf, type GeoJsonArea } from './analysis-grid.js';
import type { TileSpec } from './predict/predict-tile.js';

/** A unit of the run's area: a commune (or the lowest unit) with its boundary and the province it belongs to. */
export interface AreaUnit {
  code: string;
  /** Units of one province always share a grid, so a province's own run uses the same grid as the nation's. */
  province: string;
  boundary: GeoJsonArea;
}

/** A tile of one of the run's grids; `index` orders every tile of the run (grid by grid, row by row). */
export interface RunTile extends TileSpec {
  grid: number;
  /** Indices (into the run's units) of the units whose bounds touch the tile, ascending. */
  units: number[];
}

/** One grid of a run: a UTM zone's lattice cut to the tiles its units touch. */
export interface RunGrid {
  /** Names the grid's output files, e.g. "utm48". */
  name: string;
  spec: GridSpec;
  /** Indices of the run's units on this grid, ascending. */
  units: number[];
}

export interface RunPlan {
  grids: RunGrid[];
  tiles: RunTile[];
}

/**
 * The grids a run computes on, following the land rather than one bounding box: one grid per UTM zone
 * (the zone of each province's centre, so no province is cut in two), on a lattice anchored at the zone's
 * own origin in whole tiles, so the same place always falls in the same cell and tile whatever the run's
 * extent. Only tiles that some unit's bounds touch are computed. Each unit lies on exactly one grid, so
 * the national figure of one run is the sum of its provinces' runs, with no gap and no double counting.
 */
export function planRunGrids(units: readonly AreaUnit[], cellSizeM: number, tileCells: number): RunPlan {
  const zoneOfProvince = new Map<string, number>();
  const byProvince = new Map<string, GeoJsonArea[]>();
  for (const unit of units) {
    const list = byProvince.get(unit.province) ?? [];
    list.push(unit.boundary);
    byProvince.set(unit.province, list);
  }
  for (const [province, boundaries] of byProvince) {
    const [west, south, east, north] = boundsOf(boundaries);
    zoneOfProvince.set(province, utmZoneFor((west + east) / 2) * ((south + north) / 2 < 0 ? -1 : 1));
  }
  const zones = [...new Set(zoneOfProvince.values())].sort((a, b) => a - b);
  const tileM = cellSizeM * tileCells;
  const grids: RunGrid[] = [];
  const tiles: RunTile[] = [];
  for (const zone of zones) {
    const crs = utmWgs84(Math.abs(zone), zone < 0);
    const toGrid = transformer(WGS84, crs);
    const members = units.flatMap((unit, i) => (zoneOfProvince.get(unit.province) === zone ? [i] : []));
    const extents = members.map((i) => projectedBounds(units[i]!.boundary, toGrid.forward));
    const minX = Math.min(...extents.map((e) => e.minX));
    const maxX = Math.max(...extents.map((e) => e.maxX));
    const minY = Math.min(...extents.map((e) => e.minY));
    const maxY = Math.max(...extents.map((e) => e.maxY));
    // Whole tiles of the zone's lattice (a tile's corner at a multiple of the tile size from the zone origin).
    const originX = Math.floor(minX / tileM) * tileM;
    const originY = Math.ceil(maxY / tileM) * tileM;
    const across = Math.max(1, Math.ceil((maxX - originX) / tileM));
    const down = Math.max(1, Math.ceil((originY - minY) / tileM));
    const spec: GridSpec = { crs, originX, originY, cellSizeM, width: across * tileCells, height: down * tileCells };
    const gridIndex = grids.length;
    grids.push({ name: `utm${Math.abs(zone)}${zone < 0 ? 's' : ''}`, spec, units: members });
    for (let ty = 0; ty < down; ty++) {
      for (let tx = 0; tx < across; tx++) {
        const x0 = originX + tx * tileM;
        const y1 = originY - ty * tileM;
        const touching = members.filter((_, k) => {
          const e = extents[k]!;
          return e.maxX > x0 && e.minX < x0 + tileM && e.maxY > y1 - tileM && e.minY < y1;
        });
        if (touching.length === 0) continue;
        tiles.push({
          index: tiles.length,
          grid: gridIndex,
          x0: tx * tileCells,
          y0: ty * tileCells,
          width: tileCells,
          height: tileCells,
          units: touching,
        });
      }
    }
  }
  return { grids, tiles };
}

function projectedBounds(boundary: GeoJsonArea, forward: (lon: number, lat: number) => [number, number]) {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0]!) {
      const [x, y] = forward(lon!, lat!);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return { minX, minY, maxX, maxY };
}
