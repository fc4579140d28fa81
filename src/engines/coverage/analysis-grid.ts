import type { GridSpec } from './raster/raster.js';
import { analysisCrsFor, transformer, WGS84 } from './raster/crs.js';
import type { GridPolygon } from './zones/rasterize-units.js';
import { Invalid } from '../../domain/errors.js';

type Position = readonly number[];
export type GeoJsonArea =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

function polygonsOf(geometry: GeoJsonArea): Position[][][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Invalid(
    'coverage.boundary',
    `a unit boundary must be a Polygon or MultiPolygon, not ${(geometry as { type: string }).type}`,
  );
}

/** WGS 84 [west, south, east, north] of some boundaries. */
export function boundsOf(geometries: readonly GeoJsonArea[]): [number, number, number, number] {
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity;
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      for (const [lon, lat] of polygon[0]!) {
        west = Math.min(west, lon!);
        east = Math.max(east, lon!);
        south = Math.min(south, lat!);
        north = Math.max(north, lat!);
      }
    }
  }
  if (!Number.isFinite(west)) throw new Invalid('coverage.boundary', 'no unit has a boundary to compute coverage over');
  return [west, south, east, north];
}

/**
 * A north-up grid in the UTM zone of the area's centre covering the boundaries plus a margin (so sites
 * just outside still count), snapped to whole cells.
 */
export function analysisGridFor(geometries: readonly GeoJsonArea[], cellSizeM: number, marginM = 0): GridSpec {
  const bounds = boundsOf(geometries);
  const crs = analysisCrsFor(bounds);
  const toGrid = transformer(WGS84, crs);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      for (const [lon, lat] of polygon[0]!) {
        const [x, y] = toGrid.forward(lon!, lat!);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  }
  const originX = Math.floor((minX - marginM) / cellSizeM) * cellSizeM;
  const originY = Math.ceil((maxY + marginM) / cellSizeM) * cellSizeM;
  const width = Math.ceil((maxX + marginM - originX) / cellSizeM);
  const height = Math.ceil((originY - (minY - marginM)) / cellSizeM);
  return { crs, originX, originY, cellSizeM, width, height };
}

/** A WGS 84 boundary in grid coordinates (cells from the top-left corner), for rasterizeUnits. */
export function toGridPolygons(geometry: GeoJsonArea, grid: GridSpec): GridPolygon[] {
  const toGrid = transformer(WGS84, grid.crs);
  return polygonsOf(geometry).map((polygon) =>
    polygon.map((ring) =>
      ring.map(([lon, lat]) => {
        const [x, y] = toGrid.forward(lon!, lat!);
        return [(x - grid.originX) / grid.cellSizeM, (grid.originY - y) / grid.cellSizeM] as const;
      }),
    ),
  );
}

/** A WGS 84 point as the sweep wants it: cells, integer at cell centres. */
export function toGridCell(lon: number, lat: number, grid: GridSpec): { x: number; y: number } {
  const [x, y] = transformer(WGS84, grid.crs).forward(lon, lat);
  return { x: (x - grid.originX) / grid.cellSizeM - 0.5, y: (grid.originY - y) / grid.cellSizeM - 0.5 };
}

/** The WGS 84 position of a grid cell's centre. */
export function cellCentreLonLat(x: number, y: number, grid: GridSpec): [number, number] {
  return transformer(WGS84, grid.crs).inverse(
    grid.originX + (x + 0.5) * grid.cellSizeM,
    grid.originY - (y + 0.5) * grid.cellSizeM,
  );
}

/** WGS 84 corners of the grid (top-left, top-right, bottom-right, bottom-left), to place a raster on a map. */
export function gridCornersLonLat(grid: GridSpec): [number, number][] {
  const edges: [number, number][] = [
    [-0.5, -0.5],
    [grid.width - 0.5, -0.5],
    [grid.width - 0.5, grid.height - 0.5],
    [-0.5, grid.height - 0.5],
  ];
  return edges.map(([x, y]) => cellCentreLonLat(x, y, grid));
}
