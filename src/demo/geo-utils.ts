/**
 * Small planar / spherical helpers for the synthetic demo geometry.
 *
 * Internal shapes use polygon-clipping's layout: a polygon is a list of rings (first the outer one,
 * then holes), a ring a list of [x, y] pairs. Planar work happens in a local equirectangular plane in
 * kilometres (affine in lon/lat, so straight lines and clipping results are the same in both).
 */
import { geoArea, geoCentroid, geoLength } from 'd3-geo';
import type { MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export type Pt = [number, number];
export type Ring = Pt[];
export type Poly = Ring[];
export type MultiPoly = Poly[];

/** IUGG mean Earth radius. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Local equirectangular projection to kilometres around (lon0, lat0). */
export class LocalProjection {
  readonly kx: number;
  readonly ky: number;
  constructor(
    readonly lon0: number,
    readonly lat0: number,
  ) {
    const kmPerDegree = (Math.PI / 180) * EARTH_RADIUS_KM;
    this.kx = kmPerDegree * Math.cos((lat0 * Math.PI) / 180);
    this.ky = kmPerDegree;
  }
  project(p: readonly [number, number] | Position): Pt {
    return [(p[0]! - this.lon0) * this.kx, (p[1]! - this.lat0) * this.ky];
  }
  unproject(p: readonly [number, number]): Pt {
    return [p[0] / this.kx + this.lon0, p[1] / this.ky + this.lat0];
  }
  projectMulti(mp: MultiPoly): MultiPoly {
    return mp.map((poly) => poly.map((ring) => ring.map((p) => this.project(p))));
  }
  unprojectMulti(mp: MultiPoly): MultiPoly {
    return mp.map((poly) => poly.map((ring) => ring.map((p) => this.unproject(p))));
  }
}

/** Shoelace area; positive when the ring runs counter-clockwise (x right, y up). Closed or open rings. */
export function ringSignedArea(ring: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** Planar area of a multipolygon (outer rings minus holes), winding-independent. */
export function multiPolygonPlanarArea(mp: MultiPoly): number {
  let area = 0;
  for (const poly of mp) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      area += i === 0 ? a : -a;
    });
  }
  return area;
}

/** Even-odd point-in-polygon over every ring (holes included). */
export function pointInMultiPolygon(p: readonly [number, number], mp: MultiPoly): boolean {
  const [x, y] = p;
  let inside = false;
  for (const poly of mp) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

export function pointSegmentDistance(p: readonly [number, number], a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function cross(o: Pt, a: Pt, b: Pt): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Minimum distance between segments ab and cd (0 when they cross or touch). */
export function segmentSegmentDistance(a: Pt, b: Pt, c: Pt, d: Pt): number {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
  return Math.min(
    pointSegmentDistance(a, c, d),
    pointSegmentDistance(b, c, d),
    pointSegmentDistance(c, a, b),
    pointSegmentDistance(d, a, b),
  );
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boundingBox(points: Iterable<readonly [number, number]>): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of points) {
    if (x < box.minX) box.minX = x;
    if (y < box.minY) box.minY = y;
    if (x > box.maxX) box.maxX = x;
    if (y > box.maxY) box.maxY = y;
  }
  return box;
}

function boxGap(a: Box, b: Box): number {
  const dx = Math.max(0, a.minX - b.maxX, b.minX - a.maxX);
  const dy = Math.max(0, a.minY - b.maxY, b.minY - a.maxY);
  return Math.hypot(dx, dy);
}

/** Minimum planar distance from a multipolygon's boundary to a set of polylines. */
export function boundaryToLinesDistance(mp: MultiPoly, lines: readonly Pt[][]): number {
  const rings = mp.flat();
  const polyBox = boundingBox(rings.flat());
  let best = Infinity;
  for (const line of lines) {
    for (let j = 0; j + 1 < line.length; j++) {
      const c = line[j]!;
      const d = line[j + 1]!;
      const segBox = boundingBox([c, d]);
      if (boxGap(polyBox, segBox) >= best) continue;
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const dist = segmentSegmentDistance(ring[i]!, ring[i + 1]!, c, d);
          if (dist < best) best = dist;
          if (best === 0) return 0;
        }
      }
    }
  }
  return best;
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/**
 * Rounds coordinates, drops repeated points and degenerate rings, closes rings and winds them per
 * RFC 7946 (outer counter-clockwise, holes clockwise). Returns a Polygon for one part, else a MultiPolygon.
 */
export function toGeoJsonGeometry(mp: MultiPoly, decimals = 5): Polygon | MultiPolygon {
  const polygons: Position[][][] = [];
  for (const poly of mp) {
    const rings: Position[][] = [];
    poly.forEach((ring, index) => {
      const pts: Pt[] = [];
      for (const p of ring) {
        const q: Pt = [roundTo(p[0], decimals), roundTo(p[1], decimals)];
        const last = pts[pts.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) pts.push(q);
      }
      while (pts.length > 1 && pts[0]![0] === pts[pts.length - 1]![0] && pts[0]![1] === pts[pts.length - 1]![1]) {
        pts.pop();
      }
      if (pts.length < 3 || ringSignedArea(pts) === 0) return;
      const ccw = ringSignedArea(pts) > 0;
      if ((index === 0) !== ccw) pts.reverse();
      pts.push([pts[0]![0], pts[0]![1]]);
      if (index === 0) rings.push(pts);
      else if (rings.length > 0) rings.push(pts);
    });
    if (rings.length > 0) polygons.push(rings);
  }
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0]! };
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** Same geometry wound the way d3-geo wants (outer rings clockwise in lon/lat, holes counter-clockwise). */
export function windForD3(geom: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const wind = (poly: Position[][]): Position[][] =>
    poly.map((ring, index) => {
      const ccw = ringSignedArea(ring as Pt[]) > 0;
      return (index === 0) === ccw ? [...ring].reverse() : ring;
    });
  return geom.type === 'Polygon'
    ? { type: 'Polygon', coordinates: wind(geom.coordinates) }
    : { type: 'MultiPolygon', coordinates: geom.coordinates.map(wind) };
}

/** Geodesic (spherical) area in km², whatever the input winding. */
export function geodesicAreaKm2(geom: Polygon | MultiPolygon): number {
  let steradians = geoArea(windForD3(geom));
  if (steradians > 2 * Math.PI) steradians = 4 * Math.PI - steradians;
  return steradians * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
}

export function geodesicCentroid(geom: Polygon | MultiPolygon): [number, number] {
  const [lon, lat] = geoCentroid(windForD3(geom));
  return [lon, lat];
}

export function geodesicLengthKm(lines: MultiLineString): number {
  return geoLength(lines) * EARTH_RADIUS_KM;
}
