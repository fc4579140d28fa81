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
    const rings = members.map((i) => projectedRings(units[i]!.boundary, toGrid.forward));
    const extents = rings.map(boundsOfRings);
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
        const rect = { minX: x0, maxX: x0 + tileM, minY: y1 - tileM, maxY: y1 };
        const touching = members.filter((_, k) => {
          const e = extents[k]!;
          if (!(e.maxX > rect.minX && e.minX < rect.maxX && e.maxY > rect.minY && e.minY < rect.maxY)) return false;
          // Its bounds meet the tile; does the unit itself? (Long, thin or diagonal units span many tiles they never enter.)
          return rings[k]!.some((ring) => clippedArea(ring, rect) > 0);
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

type Ring = [number, number][];
type Rect = { minX: number; minY: number; maxX: number; maxY: number };

/** Each polygon's outer ring in the grid's CRS. */
function projectedRings(boundary: GeoJsonArea, forward: (lon: number, lat: number) => [number, number]): Ring[] {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  return polygons.map((polygon) => polygon[0]!.map(([lon, lat]) => forward(lon!, lat!)));
}

function boundsOfRings(rings: readonly Ring[]): Rect {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return { minX, minY, maxX, maxY };
}

/** Area of a ring clipped to a rectangle (Sutherland–Hodgman against its four sides). */
export function clippedArea(ring: readonly (readonly [number, number])[], rect: Rect): number {
  let points = ring.map(([x, y]) => [x, y] as [number, number]);
  const sides: [0 | 1, number, boolean][] = [
    [0, rect.minX, true],
    [0, rect.maxX, false],
    [1, rect.minY, true],
    [1, rect.maxY, false],
  ];
  for (const [axis, bound, keepAbove] of sides) {
    const kept: [number, number][] = [];
    for (let i = 0; i < points.length; i++) {
      const a = points[i]!;
      const b = points[(i + 1) % points.length]!;
      const aIn = keepAbove ? a[axis] >= bound : a[axis] <= bound;
      const bIn = keepAbove ? b[axis] >= bound : b[axis] <= bound;
      if (aIn) kept.push(a);
      if (aIn !== bIn) {
        const t = (bound - a[axis]) / (b[axis] - a[axis]);
        kept.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
      }
    }
    points = kept;
    if (points.length < 3) return 0;
  }
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[(i + 1) % points.length]!;
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}
