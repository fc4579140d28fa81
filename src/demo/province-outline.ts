/**
 * Synthetic outline of the demo province (Gia Lai after the July 2025 merger): Vietnam's mainland
 * polygon from Natural Earth (world-atlas countries-10m) cut by a slanted band whose width is found by
 * bisection so that the geodesic area matches the official figure. Its western edge is therefore the
 * real Vietnam–Cambodia border and its eastern edge the real coast; north and south edges are made up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import polygonClipping from 'polygon-clipping';
import { feature, mesh } from 'topojson-client';
import type { MultiLineString, Polygon as GeoPolygon } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { geodesicAreaKm2, multiPolygonPlanarArea, type MultiPoly, type Poly, type Pt } from './geo-utils.js';

export const GIA_LAI_AREA_KM2 = 21_576.53;
const VIETNAM_ID = '704';
const CAMBODIA_ID = '116';

/**
 * The band: two parallel lines lat = centreLat + slope·(lon − refLon) ± halfHeight. The slant follows the
 * real province, which reaches further north on the coast (Tam Quan) than inland (Ia Grai).
 */
export interface Band {
  refLon: number;
  centreLat: number;
  slope: number;
  halfHeight: number;
}

export const BAND_SHAPE: Omit<Band, 'halfHeight'> = { refLon: 108.35, centreLat: 13.84, slope: 0.28 };
/** Longitudes the band polygon spans (wider than the province, narrower than anything that matters). */
const BAND_LON: [number, number] = [106.9, 109.9];
/** Band edges get a vertex every this many degrees so d3-geo's great-circle edges follow the lines. */
const BAND_STEP_DEG = 0.02;
/** Bisection bracket for the half-height, degrees of latitude. */
const MIN_HALF_HEIGHT = 0.05;
const MAX_HALF_HEIGHT = 1.5;

export function northLat(band: Band, lon: number): number {
  return band.centreLat + band.slope * (lon - band.refLon) + band.halfHeight;
}
export function southLat(band: Band, lon: number): number {
  return band.centreLat + band.slope * (lon - band.refLon) - band.halfHeight;
}

export interface ProvinceOutline {
  /** Largest mainland piece, lon/lat, polygon-clipping layout (not rounded). */
  outline: Poly;
  areaKm2: number;
  band: Band;
  /** Vietnam–Cambodia border inside the band, lon/lat polylines. */
  cambodiaBorder: Pt[][];
}

interface AtlasData {
  /** Vietnam's mainland, pre-cut to the widest band the bisection may try (keeps each clip cheap). */
  vietnamMainland: MultiPoly;
  vietnamCambodiaBorder: Pt[][];
}

let atlasCache: AtlasData | undefined;

function loadAtlas(): AtlasData {
  if (atlasCache) return atlasCache;
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-10m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const countries = topology.objects.countries;
  const vietnam = countries.geometries.find((g) => g.id === VIETNAM_ID);
  if (!vietnam) throw new Error(`world-atlas countries-10m has no geometry with id ${VIETNAM_ID} (Vietnam)`);
  const vnFeature = feature(topology, vietnam as GeometryObject);
  const vnGeometry = 'geometry' in vnFeature ? vnFeature.geometry : undefined;
  if (vnGeometry?.type !== 'Polygon' && vnGeometry?.type !== 'MultiPolygon') {
    throw new Error(`world-atlas countries-10m: Vietnam (${VIETNAM_ID}) is not a polygon`);
  }
  const parts = (vnGeometry.type === 'Polygon' ? [vnGeometry.coordinates] : vnGeometry.coordinates) as Poly[];
  // The mainland is by far the largest part; islands are dropped.
  let mainland = parts[0]!;
  for (const part of parts) if (multiPolygonPlanarArea([part]) > multiPolygonPlanarArea([mainland])) mainland = part;
  const isPair = (a: GeometryObject, b: GeometryObject, x: string, y: string) =>
    (a.id === x && b.id === y) || (a.id === y && b.id === x);
  const border = mesh(topology, countries, (a, b) => isPair(a, b, VIETNAM_ID, CAMBODIA_ID)) as MultiLineString;
  const widest = bandPolygon({ ...BAND_SHAPE, halfHeight: MAX_HALF_HEIGHT });
  atlasCache = {
    vietnamMainland: polygonClipping.intersection(mainland, widest),
    vietnamCambodiaBorder: border.coordinates as Pt[][],
  };
  return atlasCache;
}

function bandPolygon(band: Band): Poly {
  const n = Math.ceil((BAND_LON[1] - BAND_LON[0]) / BAND_STEP_DEG);
  const north: Pt[] = [];
  const south: Pt[] = [];
  for (let i = 0; i <= n; i++) {
    const lon = BAND_LON[0] + ((BAND_LON[1] - BAND_LON[0]) * i) / n;
    south.push([lon, southLat(band, lon)]);
    north.push([lon, northLat(band, lon)]);
  }
  const ring = [...south, ...north.reverse()];
  ring.push(ring[0]!);
  return [ring];
}

function largestPiece(mp: MultiPoly): Poly | undefined {
  let best: Poly | undefined;
  let bestArea = -Infinity;
  for (const poly of mp) {
    const area = multiPolygonPlanarArea([poly]);
    if (area > bestArea) {
      best = poly;
      bestArea = area;
    }
  }
  return best;
}

function asGeoJson(poly: Poly): GeoPolygon {
  return { type: 'Polygon', coordinates: poly };
}

/** Mainland ∩ band, largest piece, and its geodesic area. */
export function clipToBand(band: Band): { outline: Poly; areaKm2: number } {
  const { vietnamMainland } = loadAtlas();
  const outline = largestPiece(polygonClipping.intersection(vietnamMainland, bandPolygon(band)));
  if (!outline) return { outline: [], areaKm2: 0 };
  return { outline, areaKm2: geodesicAreaKm2(asGeoJson(outline)) };
}

/** Keeps the parts of polylines lying between the band's two lines (both linear in lon/lat). */
export function clipLinesToBand(lines: readonly Pt[][], band: Band): Pt[][] {
  const constraints = [(p: Pt) => northLat(band, p[0]) - p[1], (p: Pt) => p[1] - southLat(band, p[0])];
  const out: Pt[][] = [];
  for (const line of lines) {
    let current: Pt[] = [];
    const flush = () => {
      if (current.length >= 2) out.push(current);
      current = [];
    };
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i]!;
      const b = line[i + 1]!;
      let t0 = 0;
      let t1 = 1;
      for (const f of constraints) {
        const fa = f(a);
        const fb = f(b);
        if (fa < 0 && fb < 0) {
          t0 = 1;
          t1 = 0;
        } else if (fa < 0) t0 = Math.max(t0, fa / (fa - fb));
        else if (fb < 0) t1 = Math.min(t1, fa / (fa - fb));
      }
      if (t0 > t1) {
        flush();
        continue;
      }
      const at = (t: number): Pt => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      const start = t0 === 0 ? a : at(t0);
      const end = t1 === 1 ? b : at(t1);
      const last = current[current.length - 1];
      if (!last || last[0] !== start[0] || last[1] !== start[1]) {
        flush();
        current.push(start);
      }
      current.push(end);
      if (t1 < 1) flush();
    }
    flush();
  }
  return out;
}

/**
 * Finds the band half-height by bisection so that the outline's geodesic area is within `tolerance`
 * (relative) of the target.
 */
export function buildProvinceOutline(targetAreaKm2 = GIA_LAI_AREA_KM2, tolerance = 1e-4): ProvinceOutline {
  let lo = MIN_HALF_HEIGHT;
  let hi = MAX_HALF_HEIGHT;
  let best: { band: Band; outline: Poly; areaKm2: number } | undefined;
  for (let iteration = 0; iteration < 60; iteration++) {
    const band: Band = { ...BAND_SHAPE, halfHeight: (lo + hi) / 2 };
    const { outline, areaKm2 } = clipToBand(band);
    if (!best || Math.abs(areaKm2 - targetAreaKm2) < Math.abs(best.areaKm2 - targetAreaKm2)) {
      best = { band, outline, areaKm2 };
    }
    if (Math.abs(areaKm2 - targetAreaKm2) <= tolerance * targetAreaKm2) break;
    if (areaKm2 < targetAreaKm2) lo = band.halfHeight;
    else hi = band.halfHeight;
  }
  if (!best || Math.abs(best.areaKm2 - targetAreaKm2) > 0.005 * targetAreaKm2) {
    throw new Error(`cannot cut an outline of ${targetAreaKm2} km² out of Vietnam's mainland (best ${best?.areaKm2})`);
  }
  const cambodiaBorder = clipLinesToBand(loadAtlas().vietnamCambodiaBorder, best.band);
  return { ...best, cambodiaBorder };
}
