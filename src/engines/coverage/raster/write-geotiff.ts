/**
 * Writes one band as a single-strip, uncompressed, big-endian GeoTIFF that GDAL (so QGIS) opens with
 * its size, geotransform, CRS and no-data value, via geotiff.js's writeArrayBuffer.
 *
 * CRS keys: a CRS with an EPSG code (WGS 84, UTM, VN-2000, VN-2000 UTM and the TM-3 meridians EPSG
 * lists) is written as that code. A TM-3 meridian without a code is written as a user-defined
 * transverse Mercator on the WGS 84 ellipsoid with GeogTOWGS84GeoKey, which GDAL and readGeoTiff
 * both understand. We build the GeoKeyDirectory ourselves because geotiff.js only knows the types
 * of a few geokeys and silently drops the rest.
 */
import { writeArrayBuffer, type GeotiffWriterMetadata } from 'geotiff';
import { Invalid } from '../../../domain/errors.js';
import { crsFromEpsg, epsgOf, VN2000_TOWGS84, vn2000Tm3Meridian } from './crs.js';
import type { GeoTransform } from './raster.js';

export interface WriteGeoTiffInput {
  width: number;
  height: number;
  data: Float32Array | Uint8Array | Int16Array | Uint16Array;
  /** An EPSG code, or a canonical CRS string from crs.ts. */
  crs: number | string;
  transform: GeoTransform;
  noData: number | null;
}

type KeyValue = { short: number } | { doubles: readonly number[] } | { ascii: string };

const GEO_DOUBLE_PARAMS = 34736;
const GEO_ASCII_PARAMS = 34737;

function geoKeysFor(crs: number | string): Map<number, KeyValue> {
  const code = typeof crs === 'number' ? crs : epsgOf(crs);
  if (code !== null) {
    const definition = crsFromEpsg(code, 'writeGeoTiff'); // refuses codes we cannot read back
    if (definition.startsWith('+proj=longlat')) {
      return new Map<number, KeyValue>([
        [1024, { short: 2 }], // GTModelType: geographic
        [1025, { short: 1 }], // GTRasterType: PixelIsArea
        [2048, { short: code }], // GeographicType
        [2054, { short: 9102 }], // angular unit: degree
      ]);
    }
    return new Map<number, KeyValue>([
      [1024, { short: 1 }], // projected
      [1025, { short: 1 }],
      [3072, { short: code }], // ProjectedCSType
      [3076, { short: 9001 }], // linear unit: metre
    ]);
  }
  const lon0 = typeof crs === 'string' ? vn2000Tm3Meridian(crs) : null;
  if (lon0 === null) {
    throw new Invalid(
      'raster.crs_unwritable',
      `writeGeoTiff: cannot write GeoTIFF keys for "${crs}"; use an EPSG code or a CRS from crs.ts`,
    );
  }
  return new Map<number, KeyValue>([
    [1024, { short: 1 }],
    [1025, { short: 1 }],
    [1026, { ascii: `VN-2000 / TM-3 ${lon0}` }], // GTCitation
    [2048, { short: 32767 }], // user-defined geographic CRS …
    [2049, { ascii: 'VN-2000' }],
    [2050, { short: 32767 }], // … and datum,
    [2054, { short: 9102 }],
    [2056, { short: 7030 }], // on the WGS 84 ellipsoid
    [2062, { doubles: VN2000_TOWGS84.split(',').map(Number) }], // GeogTOWGS84 (position vector, as proj4)
    [3072, { short: 32767 }], // user-defined projected CRS
    [3074, { short: 32767 }], // user-defined projection
    [3075, { short: 1 }], // ProjCoordTrans: transverse Mercator
    [3076, { short: 9001 }],
    [3080, { doubles: [lon0] }], // natural origin longitude
    [3081, { doubles: [0] }], // natural origin latitude
    [3082, { doubles: [500000] }], // false easting
    [3083, { doubles: [0] }], // false northing
    [3092, { doubles: [0.9999] }], // scale at natural origin
  ]);
}

/** GeoKeyDirectory, GeoDoubleParams and GeoAsciiParams tags for a key set (GeoTIFF 1.0, '|'-terminated ASCII). */
function geoKeyTags(keys: Map<number, KeyValue>): GeotiffWriterMetadata {
  const directory = [1, 1, 0, keys.size];
  const doubles: number[] = [];
  let ascii = '';
  for (const id of [...keys.keys()].sort((a, b) => a - b)) {
    const value = keys.get(id)!;
    if ('short' in value) directory.push(id, 0, 1, value.short);
    else if ('doubles' in value) {
      directory.push(id, GEO_DOUBLE_PARAMS, value.doubles.length, doubles.length);
      doubles.push(...value.doubles);
    } else {
      directory.push(id, GEO_ASCII_PARAMS, value.ascii.length + 1, ascii.length);
      ascii += `${value.ascii}|`;
    }
  }
  return {
    GeoKeyDirectory: directory,
    ...(doubles.length > 0 ? { GeoDoubleParams: doubles } : {}),
    ...(ascii !== '' ? { GeoAsciiParams: ascii } : {}),
  };
}

function isGeographicModel(keys: Map<number, KeyValue>): boolean {
  const model = keys.get(1024);
  return model !== undefined && 'short' in model && model.short === 2;
}

function noDataText(noData: number, data: WriteGeoTiffInput['data']): string {
  if (Number.isNaN(noData)) {
    if (data instanceof Float32Array) return 'nan';
  } else if (data instanceof Float32Array) {
    return String(noData);
  } else {
    const [min, max] =
      data instanceof Uint8Array ? [0, 255] : data instanceof Int16Array ? [-32768, 32767] : [0, 65535];
    if (Number.isInteger(noData) && noData >= min && noData <= max) return String(noData);
  }
  throw new Invalid(
    'raster.nodata_invalid',
    `writeGeoTiff: no-data ${noData} cannot be stored in ${data.constructor.name}`,
  );
}

export function writeGeoTiff(input: WriteGeoTiffInput): ArrayBuffer {
  const { width, height, data, transform, noData } = input;
  // geotiff.js writes ImageWidth/ImageLength as SHORT and the whole image as one strip.
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    width > 65535 ||
    height > 65535
  ) {
    throw new Invalid('raster.size_invalid', `writeGeoTiff: size ${width} × ${height} must be 1–65535 on each side`);
  }
  if (data.length !== width * height) {
    throw new Invalid('raster.size_invalid', `writeGeoTiff: ${data.length} values for ${width} × ${height} pixels`);
  }
  const { originX, originY, pixelWidth, pixelHeight } = transform;
  if (![originX, originY, pixelWidth, pixelHeight].every(Number.isFinite) || !(pixelWidth > 0) || !(pixelHeight < 0)) {
    throw new Invalid('raster.not_north_up', `writeGeoTiff: transform must be north-up with finite values`);
  }
  const keys = geoKeysFor(input.crs);
  const metadata: GeotiffWriterMetadata = {
    width,
    height,
    ModelPixelScale: [pixelWidth, -pixelHeight, 0],
    ModelTiepoint: [0, 0, 0, originX, originY, 0],
    ...geoKeyTags(keys),
    // Without a *TypeGeoKey property geotiff.js assumes a whole-globe WGS 84 image and overwrites
    // ModelTiepoint; with our own GeoKeyDirectory present it only deletes this property again.
    ...(isGeographicModel(keys) ? { GeographicTypeGeoKey: 0 } : { ProjectedCSTypeGeoKey: 0 }),
  };
  if (noData !== null) metadata.GDAL_NODATA = noDataText(noData, data);
  let values: Float32Array | Uint8Array | Uint16Array;
  if (data instanceof Int16Array) {
    // geotiff.js encodes Int16Array one byte per value; hand it the same bits as Uint16 and say "signed".
    values = new Uint16Array(data.buffer, data.byteOffset, data.length);
    metadata.SampleFormat = [2];
  } else values = data;
  return writeArrayBuffer(values, metadata);
}
