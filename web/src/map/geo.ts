/** Geometry helpers for the map: bounding boxes and the corners of an image overlay. Pure functions. */
import type { BoundaryCollection, PolygonGeometry, Position } from '../api/types.js';

/** [west, south, east, north]. */
export type BBox = [number, number, number, number];

function isLonLat(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

function ringsOf(geometry: PolygonGeometry | null): Position[][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

/** The bounding box of every polygon of the collection; null when it has no coordinates. */
export function bboxOf(collection: BoundaryCollection): BBox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of collection.features) {
    for (const ring of ringsOf(feature.geometry)) {
      for (const p of ring) {
        if (!isLonLat(p)) continue;
        if (p[0] < west) west = p[0];
        if (p[0] > east) east = p[0];
        if (p[1] < south) south = p[1];
        if (p[1] > north) north = p[1];
      }
    }
  }
  return west <= east && south <= north ? [west, south, east, north] : null;
}

/** The bounding box of some points; null when none is a valid longitude/latitude. */
export function bboxOfPoints(points: readonly unknown[]): BBox | null {
  const valid = points.filter(isLonLat);
  if (valid.length === 0) return null;
  const lons = valid.map((p) => p[0]);
  const lats = valid.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

export type Corners = [topLeft: Position, topRight: Position, bottomRight: Position, bottomLeft: Position];

/**
 * The four corners of a raster in the order a MapLibre image source wants them — top-left, top-right,
 * bottom-right, bottom-left — whatever order they come in: the two northernmost are the top (west one first),
 * the other two the bottom. Works for the slightly rotated quadrilateral a projected (UTM) grid makes in
 * longitude/latitude. Null unless there are exactly four distinct valid points.
 */
export function orderCorners(corners: readonly unknown[] | null | undefined): Corners | null {
  if (!corners || corners.length !== 4 || !corners.every(isLonLat)) return null;
  const points = (corners as Position[]).map((p) => [p[0], p[1]] as Position);
  const keys = new Set(points.map((p) => `${p[0]},${p[1]}`));
  if (keys.size !== 4) return null;
  const byLat = [...points].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const [t1, t2, b1, b2] = byLat as [Position, Position, Position, Position];
  const [topLeft, topRight] = t1[0] <= t2[0] ? [t1, t2] : [t2, t1];
  const [bottomLeft, bottomRight] = b1[0] <= b2[0] ? [b1, b2] : [b2, b1];
  if (topLeft[0] === topRight[0] || bottomLeft[0] === bottomRight[0]) return null;
  return [topLeft, topRight, bottomRight, bottomLeft];
}
