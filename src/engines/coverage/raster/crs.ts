/**
 * The coordinate reference systems the coverage engine reads and writes, as canonical proj4 strings
 * (so two rasters share a CRS exactly when their strings are equal), and point transforms between them.
 *
 * VN-2000 datum shift (DOMAIN.md §5 asks to check the rotation signs against a control point): the
 * seven parameters are those of EPSG:6960 "VN-2000 to WGS 84 (2)" (DoSM, Decision 05/2007/QĐ-BTNMT),
 * which EPSG publishes in the *coordinate frame* convention. proj4's +towgs84 is *position vector*, so
 * the three rotations change sign here: +0.00928836,−0.01975479,+0.00427372. This is also what PROJ
 * itself exports for EPSG:9218 and EPSG:3405. The string in DOMAIN.md keeps the published signs and
 * lands ~0.6 m away in Gia Lai; crs.test.ts pins a control point computed by PROJ 9.1 from EPSG:6960.
 */
import proj4 from 'proj4';
import { Invalid } from '../../../domain/errors.js';

export const VN2000_TOWGS84 = '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

export const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';
export const VN2000_GEOGRAPHIC = `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`;

export function utmWgs84(zone: number, south = false): string {
  if (!Number.isInteger(zone) || zone < 1 || zone > 60) {
    throw new Invalid('crs.utm_zone', `UTM zone ${zone} is not 1–60`);
  }
  return `+proj=utm +zone=${zone}${south ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`;
}
export const UTM_48N = utmWgs84(48);
export const UTM_49N = utmWgs84(49);

function vn2000Utm(zone: 48 | 49): string {
  return `+proj=utm +zone=${zone} +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`;
}

/** VN-2000 provincial TM-3 grid for a central meridian in degrees (108.5 = 108°30′, old Gia Lai). */
export function VN2000_TM3(lon0Deg: number): string {
  if (!(lon0Deg >= 100 && lon0Deg <= 112)) {
    throw new Invalid('crs.meridian_out_of_range', `VN-2000 TM-3 central meridian ${lon0Deg}° is outside 100–112°E`);
  }
  return `+proj=tmerc +lat_0=0 +lon_0=${lon0Deg} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`;
}

/** EPSG codes of the VN-2000 TM-3 grids, by central meridian (EPSG dataset v10). */
export const VN2000_TM3_EPSG: ReadonlyMap<number, number> = new Map([
  [102, 5896],
  [103, 9205],
  [104, 9206],
  [104.5, 9207],
  [104.75, 9208],
  [105, 5897],
  [105.5, 9209],
  [105.75, 9210],
  [106, 9211],
  [106.25, 9212],
  [106.5, 9213],
  [107, 9214],
  [107.25, 9215],
  [107.5, 9216],
  [107.75, 5899],
  [108, 5898],
  [108.25, 9217],
  [108.5, 9218],
]);

const NAMED_EPSG: ReadonlyMap<number, string> = new Map([
  [4326, WGS84],
  [4756, VN2000_GEOGRAPHIC],
  [3405, vn2000Utm(48)],
  [3406, vn2000Utm(49)],
  ...[...VN2000_TM3_EPSG].map(([lon0, code]): [number, string] => [code, VN2000_TM3(lon0)]),
]);

/** proj4 string for a supported EPSG code, or null. */
export function knownEpsg(code: number): string | null {
  if (code >= 32601 && code <= 32660) return utmWgs84(code - 32600);
  if (code >= 32701 && code <= 32760) return utmWgs84(code - 32700, true);
  return NAMED_EPSG.get(code) ?? null;
}

export const SUPPORTED_CRS =
  'WGS 84 (EPSG:4326), WGS 84 / UTM (EPSG:326xx, 327xx), VN-2000 (EPSG:4756), VN-2000 / UTM 48N, 49N (EPSG:3405, 3406), VN-2000 / TM-3 (EPSG:5896–5899, 9205–9218, or user-defined)';

export function crsFromEpsg(code: number, source = 'CRS'): string {
  const crs = knownEpsg(code);
  if (crs === null) {
    throw new Invalid(
      'raster.crs_unknown',
      `${source}: EPSG:${code} is not a supported CRS (supported: ${SUPPORTED_CRS})`,
    );
  }
  return crs;
}

/** The EPSG code of a canonical CRS string, or null (e.g. a TM-3 meridian EPSG has no code for). */
export function epsgOf(crs: string): number | null {
  const utm = /^\+proj=utm \+zone=(\d+)( \+south)? \+datum=WGS84 \+units=m \+no_defs$/.exec(crs);
  if (utm) return (utm[2] ? 32700 : 32600) + Number(utm[1]);
  for (const [code, definition] of NAMED_EPSG) if (definition === crs) return code;
  return null;
}

/** Central meridian of a canonical VN-2000 TM-3 string, or null. */
export function vn2000Tm3Meridian(crs: string): number | null {
  const match = /^\+proj=tmerc \+lat_0=0 \+lon_0=([\d.]+) /.exec(crs);
  if (!match) return null;
  const lon0 = Number(match[1]);
  return VN2000_TM3(lon0) === crs ? lon0 : null;
}

export function isGeographic(crs: string): boolean {
  return crs.startsWith('+proj=longlat');
}

export interface PointTransformer {
  forward(x: number, y: number): [number, number];
  inverse(x: number, y: number): [number, number];
}

const transformers = new Map<string, PointTransformer>();

/** Point transform between two proj4 CRSs; geographic coordinates are (longitude, latitude) in degrees. */
export function transformer(fromCrs: string, toCrs: string): PointTransformer {
  const key = `${fromCrs}\n${toCrs}`;
  let found = transformers.get(key);
  if (!found) {
    if (fromCrs === toCrs) {
      found = { forward: (x, y) => [x, y], inverse: (x, y) => [x, y] };
    } else {
      const converter = proj4(fromCrs, toCrs); // parses both definitions once
      found = {
        forward: (x, y) => converter.forward([x, y]) as [number, number],
        inverse: (x, y) => converter.inverse([x, y]) as [number, number],
      };
    }
    transformers.set(key, found);
  }
  return found;
}

/** UTM zone of a longitude (no Norway/Svalbard exceptions; Vietnam is in 48 and 49). */
export function utmZoneFor(lonDeg: number): number {
  const wrapped = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  return Math.min(60, Math.floor((wrapped + 180) / 6) + 1);
}

/** A metric CRS for analysing a region given as a WGS 84 [west, south, east, north] box: the UTM zone of its centre. */
export function analysisCrsFor(bbox: readonly [number, number, number, number]): string {
  const [west, south, east, north] = bbox;
  if (![west, south, east, north].every(Number.isFinite) || south > north || west > east) {
    throw new Invalid('crs.bbox_invalid', `bounding box [${bbox.join(', ')}] is not [west, south, east, north]`);
  }
  return utmWgs84(utmZoneFor((west + east) / 2), (south + north) / 2 < 0);
}

/** GeoTIFF keys as geotiff.js returns them (name → number, string or array). */
export type GeoKeys = Readonly<Record<string, unknown>>;

const USER_DEFINED = 32767;

function numberKey(keys: GeoKeys, name: string): number | undefined {
  const value = keys[name];
  if (typeof value === 'number') return value;
  if (ArrayBuffer.isView(value) || Array.isArray(value)) return Number((value as ArrayLike<number>)[0]);
  return undefined;
}

function citationOf(keys: GeoKeys): string {
  const text = [keys.GTCitationGeoKey, keys.PCSCitationGeoKey, keys.GeogCitationGeoKey]
    .filter((value) => typeof value === 'string' && value !== '' && value !== 'unknown')
    .join('; ');
  return text === '' ? '' : ` ("${text.slice(0, 160)}")`;
}

/** Datum of a user-defined geographic CRS: WGS 84 ellipsoid, and a TOWGS84 of zero or VN-2000's shift. */
function datumOf(keys: GeoKeys): 'wgs84' | 'vn2000' | null {
  const geographic = numberKey(keys, 'GeographicTypeGeoKey');
  const datum = numberKey(keys, 'GeogGeodeticDatumGeoKey');
  if (geographic === 4326 || datum === 6326) return 'wgs84';
  if (geographic === 4756 || datum === 6756) return 'vn2000';
  const ellipsoid = numberKey(keys, 'GeogEllipsoidGeoKey');
  const a = numberKey(keys, 'GeogSemiMajorAxisGeoKey');
  const invF = numberKey(keys, 'GeogInvFlatteningGeoKey');
  const wgs84Ellipsoid =
    ellipsoid === 7030 || (a === 6378137 && invF !== undefined && Math.abs(invF - 298.257223563) < 1e-6);
  const shift = keys.GeogTOWGS84GeoKey as ArrayLike<number> | undefined;
  if (!wgs84Ellipsoid || !shift || shift.length < 3) return null;
  const [dx = NaN, dy = NaN, dz = NaN] = Array.from(shift);
  if (Array.from(shift).every((v) => v === 0)) return 'wgs84';
  // Matched on the translations alone: files carry the rotations with either sign (see the header).
  const vn = VN2000_TOWGS84.split(',').map(Number);
  return Math.hypot(dx - vn[0]!, dy - vn[1]!, dz - vn[2]!) < 1 ? 'vn2000' : null;
}

/** A user-defined projected CRS, understood only when it is a transverse Mercator we know. */
function userDefinedProjected(keys: GeoKeys): string | null {
  const units = numberKey(keys, 'ProjLinearUnitsGeoKey');
  if (numberKey(keys, 'ProjCoordTransGeoKey') !== 1 || (units !== undefined && units !== 9001)) return null;
  const lon0 = numberKey(keys, 'ProjNatOriginLongGeoKey');
  const lat0 = numberKey(keys, 'ProjNatOriginLatGeoKey') ?? 0;
  const k = numberKey(keys, 'ProjScaleAtNatOriginGeoKey');
  const falseEasting = numberKey(keys, 'ProjFalseEastingGeoKey');
  const falseNorthing = numberKey(keys, 'ProjFalseNorthingGeoKey') ?? 0;
  if (lon0 === undefined || lat0 !== 0 || falseEasting !== 500000 || falseNorthing !== 0) return null;
  const datum = datumOf(keys);
  const near = (a: number | undefined, b: number): boolean => a !== undefined && Math.abs(a - b) < 1e-9;
  const utmZone = Math.round((lon0 + 183) / 6);
  const utmMeridian = near(lon0, utmZone * 6 - 183);
  if (datum === 'vn2000' && near(k, 0.9999) && lon0 >= 100 && lon0 <= 112) return VN2000_TM3(lon0);
  if (datum === 'vn2000' && near(k, 0.9996) && utmMeridian && (utmZone === 48 || utmZone === 49))
    return vn2000Utm(utmZone);
  if (datum === 'wgs84' && near(k, 0.9996) && utmMeridian) return utmWgs84(utmZone);
  return null;
}

/** proj4 string for a GeoTIFF's keys; `source` (the file name) goes into the error message. */
export function crsFromGeoKeys(geoKeys: GeoKeys | null, source = 'raster'): string {
  const keys = geoKeys ?? {};
  const projected = numberKey(keys, 'ProjectedCSTypeGeoKey');
  const geographic = numberKey(keys, 'GeographicTypeGeoKey');
  const model = numberKey(keys, 'GTModelTypeGeoKey');
  const refuse = (what: string, path: string): never => {
    throw new Invalid(
      'raster.crs_unknown',
      `${source}: ${what}${citationOf(keys)} is not a supported CRS; reproject to one of: ${SUPPORTED_CRS}`,
      [{ path: `${source} ${path}`, message: what }],
    );
  };
  if (projected !== undefined && projected !== USER_DEFINED) {
    const crs = knownEpsg(projected);
    return crs && !isGeographic(crs) ? crs : refuse(`EPSG:${projected}`, 'ProjectedCSTypeGeoKey');
  }
  if (projected === USER_DEFINED) {
    return userDefinedProjected(keys) ?? refuse('a user-defined projection', 'ProjectedCSTypeGeoKey');
  }
  if (model === 1) return refuse('a projected CRS without a code', 'GTModelTypeGeoKey');
  if (model === 3) return refuse('a geocentric CRS', 'GTModelTypeGeoKey');
  if (geographic !== undefined && geographic !== USER_DEFINED) {
    return (
      (geographic === 4326 || geographic === 4756 ? knownEpsg(geographic) : null) ??
      refuse(`EPSG:${geographic}`, 'GeographicTypeGeoKey')
    );
  }
  if (geographic === USER_DEFINED) {
    const datum = datumOf(keys);
    if (datum) return datum === 'wgs84' ? WGS84 : VN2000_GEOGRAPHIC;
    return refuse('a user-defined geographic CRS', 'GeographicTypeGeoKey');
  }
  throw new Invalid('raster.crs_unknown', `${source}: no CRS in the GeoTIFF keys; assign one (gdal_edit.py -a_srs)`, [
    { path: `${source} GeoKeyDirectory`, message: 'no CRS' },
  ]);
}
