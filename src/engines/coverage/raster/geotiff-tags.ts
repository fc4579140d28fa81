/**
 * The tags of a one-band GeoTIFF pyramid, shared by the whole-band writer (write-geotiff.ts) and the
 * block-streaming writer (cog-stream.ts) so both write the same bytes: georeferencing (GeoKeys, pixel
 * scale, tie point), sample type, no-data, GDAL_METADATA (band description and unit), tiling and
 * DEFLATE compression.
 *
 * CRS keys: a CRS with an EPSG code (WGS 84, UTM, VN-2000, VN-2000 UTM and the TM-3 meridians EPSG
 * lists) is written as that code. A TM-3 meridian without a code is written as a user-defined
 * transverse Mercator on the WGS 84 ellipsoid with GeogTOWGS84GeoKey, which GDAL and readGeoTiff
 * both understand.
 */
import { Invalid } from '../../../domain/errors.js';
import { TIFF_ASCII, TIFF_DOUBLE, TIFF_LONG, TIFF_SHORT, type TiffTag } from './cog-layout.js';
import type { OverviewResampling, SampleType } from './cog-tiles.js';
import { crsFromEpsg, epsgOf, VN2000_TOWGS84, vn2000Tm3Meridian } from './crs.js';
import type { GeoTransform } from './raster.js';

/** Everything about a band but its pixels. */
export interface GeoTiffBand {
  width: number;
  height: number;
  /** An EPSG code, or a canonical CRS string from crs.ts. */
  crs: number | string;
  transform: GeoTransform;
  noData: number | null;
  /** The band's description as GDAL shows it (e.g. "RSRP"). */
  description?: string;
  /** The band's unit (e.g. "dBm"). */
  unit?: string;
  /** Dataset metadata items (GDAL's default domain). */
  metadata?: Readonly<Record<string, string>>;
  /** How overviews are made: 'nearest' for categories (the default for integer bands), 'average' for measurements. */
  overviews?: OverviewResampling;
  /** Tile side in pixels, a multiple of 16 (default 256). */
  tileSize?: number;
  /** true forces BigTIFF; 'auto' (default) uses it only when a classic TIFF would pass 4 GiB. */
  bigTiff?: boolean | 'auto';
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
function geoKeyTags(keys: Map<number, KeyValue>): TiffTag[] {
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
  return [
    { tag: 34735, type: TIFF_SHORT, values: directory },
    ...(doubles.length > 0 ? [{ tag: GEO_DOUBLE_PARAMS, type: TIFF_DOUBLE, values: doubles } as const] : []),
    ...(ascii !== '' ? [{ tag: GEO_ASCII_PARAMS, type: TIFF_ASCII, values: ascii } as const] : []),
  ];
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GDAL_METADATA: dataset items, and the band's description and unit in the roles GDAL reads them from. */
function gdalMetadata(input: GeoTiffBand): string | null {
  const items = Object.entries(input.metadata ?? {}).map(([k, v]) => `<Item name="${xml(k)}">${xml(v)}</Item>`);
  if (input.description)
    items.push(`<Item name="DESCRIPTION" sample="0" role="description">${xml(input.description)}</Item>`);
  if (input.unit) items.push(`<Item name="UNITTYPE" sample="0" role="unittype">${xml(input.unit)}</Item>`);
  return items.length === 0 ? null : `<GDALMetadata>\n  ${items.join('\n  ')}\n</GDALMetadata>\n`;
}

function noDataText(noData: number, sampleType: SampleType): string {
  if (Number.isNaN(noData)) {
    if (sampleType === 'float32') return 'nan';
  } else if (sampleType === 'float32') {
    return String(noData);
  } else {
    const [min, max] = ({ uint8: [0, 255], int16: [-32768, 32767], uint16: [0, 65535] } as const)[sampleType];
    if (Number.isInteger(noData) && noData >= min && noData <= max) return String(noData);
  }
  const arrayName = { float32: 'Float32Array', uint8: 'Uint8Array', int16: 'Int16Array', uint16: 'Uint16Array' };
  throw new Invalid(
    'raster.nodata_invalid',
    `writeGeoTiff: no-data ${noData} cannot be stored in ${arrayName[sampleType]}`,
  );
}

function sampleTags(sampleType: SampleType): TiffTag[] {
  const [bits, format] = ({ float32: [32, 3], int16: [16, 2], uint16: [16, 1], uint8: [8, 1] } as const)[sampleType];
  return [
    { tag: 258, type: TIFF_SHORT, values: [bits] }, // BitsPerSample
    { tag: 339, type: TIFF_SHORT, values: [format] }, // SampleFormat: 1 unsigned, 2 signed, 3 float
  ];
}

/** The side of a COG tile when a band names none. */
export const DEFAULT_TILE_SIZE = 256;

/** Checks the size, transform and tile size; returns the tile size. */
export function checkBand(band: GeoTiffBand): number {
  const { width, height, transform } = band;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    width > 2 ** 31 ||
    height > 2 ** 31
  ) {
    throw new Invalid('raster.size_invalid', `writeGeoTiff: size ${width} × ${height} must be whole and positive`);
  }
  const { originX, originY, pixelWidth, pixelHeight } = transform;
  if (![originX, originY, pixelWidth, pixelHeight].every(Number.isFinite) || !(pixelWidth > 0) || !(pixelHeight < 0)) {
    throw new Invalid('raster.not_north_up', `writeGeoTiff: transform must be north-up with finite values`);
  }
  const tileSize = band.tileSize ?? DEFAULT_TILE_SIZE;
  if (!Number.isInteger(tileSize) || tileSize < 16 || tileSize % 16 !== 0) {
    throw new Invalid('raster.size_invalid', `writeGeoTiff: tile size ${tileSize} must be a multiple of 16`);
  }
  return tileSize;
}

/** The resampling a band's overviews use: as asked, else average for Float32 and nearest for integers. */
export const resamplingOf = (band: GeoTiffBand, sampleType: SampleType): OverviewResampling =>
  band.overviews ?? (sampleType === 'float32' ? 'average' : 'nearest');

/**
 * The tags of every image of the pyramid (full resolution first), without tile offsets and byte counts.
 * Refuses a CRS or no-data value it cannot write, so call it before any pixel work.
 */
export function pyramidTags(
  band: GeoTiffBand,
  sampleType: SampleType,
  levels: readonly { width: number; height: number }[],
  tileSize: number,
): TiffTag[][] {
  const { transform, noData } = band;
  const geoTags = geoKeyTags(geoKeysFor(band.crs));
  const noDataTag: TiffTag[] =
    noData === null ? [] : [{ tag: 42113, type: TIFF_ASCII, values: noDataText(noData, sampleType) }];
  const metadata = gdalMetadata(band);
  return levels.map(
    (level, i) =>
      [
        ...(i > 0 ? [{ tag: 254, type: TIFF_LONG, values: [1] } as const] : []), // NewSubfileType: reduced resolution
        { tag: 256, type: TIFF_LONG, values: [level.width] },
        { tag: 257, type: TIFF_LONG, values: [level.height] },
        { tag: 259, type: TIFF_SHORT, values: [8] }, // Compression: Deflate
        { tag: 262, type: TIFF_SHORT, values: [1] }, // Photometric: min is black
        { tag: 277, type: TIFF_SHORT, values: [1] }, // SamplesPerPixel
        { tag: 284, type: TIFF_SHORT, values: [1] }, // PlanarConfiguration: contiguous
        { tag: 322, type: TIFF_SHORT, values: [tileSize] },
        { tag: 323, type: TIFF_SHORT, values: [tileSize] },
        ...sampleTags(sampleType),
        ...(i === 0
          ? [
              { tag: 33550, type: TIFF_DOUBLE, values: [transform.pixelWidth, -transform.pixelHeight, 0] }, // ModelPixelScale
              { tag: 33922, type: TIFF_DOUBLE, values: [0, 0, 0, transform.originX, transform.originY, 0] }, // ModelTiepoint
              ...geoTags,
              ...(metadata ? [{ tag: 42112, type: TIFF_ASCII, values: metadata } as const] : []),
            ]
          : []),
        ...noDataTag,
      ] as TiffTag[],
  );
}
