import { Invalid } from '../../domain/errors.js';
import { MAX_ROWS } from '../uploaded-table.js';
import type { SiteError } from './site-error.js';
import type { SiteRow, SiteTable } from './site-table.js';

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * True when the bytes are a JSON object, whatever the file is called: a GeoJSON FeatureCollection, or JSON
 * that readGeoJson refuses as not one (a CSV or XLSX never starts with `{`).
 */
export function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  while (i < bytes.length && SPACE.has(bytes[i]!)) i++;
  return bytes[i] === 0x7b;
}

/** True when a legacy `crs` name means WGS 84 longitude/latitude: CRS84, EPSG:4326 (in any URN form). */
export function isWgs84Name(name: string): boolean {
  const n = name.trim().toUpperCase();
  return /(^|:)CRS84$/.test(n) || (n.includes('EPSG') && /(^|:)4326$/.test(n)) || n === 'WGS84';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a GeoJSON FeatureCollection of Points into a table whose header is every property name (in order
 * of first use). Unusable features and geometries come back as errors; their rows still have their cells
 * checked. Throws Invalid for a file that is not a FeatureCollection, or names a CRS other than WGS 84
 * when no `toWgs84` is given.
 */
export function readGeoJson(
  name: string,
  bytes: Uint8Array,
  canReproject: boolean,
): { table: SiteTable; errors: SiteError[] } {
  let root: unknown;
  try {
    root = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new Invalid('sites.geojson', `${name} is not valid UTF-8 JSON: ${(error as Error).message}`);
  }
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    const type = isObject(root) && typeof root.type === 'string' ? ` (its type is "${root.type}")` : '';
    throw new Invalid(
      'sites.geojson',
      `${name} is JSON but not a GeoJSON FeatureCollection with a "features" array${type}: export the sites as a FeatureCollection of Point features`,
    );
  }
  if (root.features.length > MAX_ROWS) {
    throw new Invalid('sites.geojson', `${name} has more than ${MAX_ROWS.toLocaleString('en-US')} features`);
  }
  const crs = root.crs;
  const crsName = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
  const projected = crs !== undefined && crs !== null && !(typeof crsName === 'string' && isWgs84Name(crsName));
  if (projected && !canReproject) {
    const named = typeof crsName === 'string' ? `"${crsName}"` : JSON.stringify(crs);
    throw new Invalid(
      'sites.crs',
      `${name} declares the coordinate system ${named}: only WGS 84 longitude/latitude (EPSG:4326, CRS84) can be read as is; export it as WGS 84 (RFC 7946) or choose the file's CRS`,
    );
  }

  const errors: SiteError[] = [];
  const report = (row: number, column: string, value: string, reason: string) =>
    errors.push({
      file: name,
      sheet: null,
      row,
      column,
      field: column ? 'value' : 'row',
      value,
      reason,
      location: 'feature',
    });
  const header: string[] = [];
  const indexOf = new Map<string, number>();
  const rows: SiteRow[] = root.features.map((feature, i) => {
    const rowNumber = i + 1;
    if (!isObject(feature) || feature.type !== 'Feature') {
      report(rowNumber, '', '', 'is not a GeoJSON Feature');
      return { rowNumber, cells: [], numeric: [], point: null, unusable: true };
    }
    const cells: string[] = [];
    const numeric: boolean[] = [];
    const properties = isObject(feature.properties) ? feature.properties : {};
    for (const [key, value] of Object.entries(properties)) {
      let index = indexOf.get(key);
      if (index === undefined) indexOf.set(key, (index = header.push(key) - 1));
      cells[index] = value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      numeric[index] = typeof value === 'number';
    }
    return {
      rowNumber,
      cells,
      numeric,
      point: pointOf(feature.geometry, (reason, value) => report(rowNumber, 'geometry', value, reason)),
    };
  });
  for (const row of rows) {
    for (let c = 0; c < header.length; c++) {
      row.cells[c] ??= '';
      row.numeric![c] ??= false;
    }
  }
  return { table: { format: 'geojson', file: name, sheet: null, header, rows, projected }, errors };
}

function pointOf(geometry: Json | undefined, fail: (reason: string, value: string) => void): [number, number] | null {
  if (!isObject(geometry)) {
    fail('is missing: each site must be a Point feature', '');
    return null;
  }
  if (geometry.type !== 'Point') {
    fail('is not a Point: each site must be a Point feature', String(geometry.type));
    return null;
  }
  const c = geometry.coordinates;
  if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number') {
    fail('has no [longitude, latitude] coordinates', JSON.stringify(c ?? null));
    return null;
  }
  return [c[0], c[1]];
}
