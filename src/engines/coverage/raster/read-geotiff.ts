/**
 * Reads one band of a GeoTIFF (striped or tiled) into a Float32Array with its north-up
 * georeferencing. Decodes what geotiff.js decodes in Node: none, LZW, Deflate (with predictors),
 * PackBits, LERC, Zstd and JPEG, all checked against GDAL 3.6 output; WebP needs browser APIs and
 * fails as raster.unreadable. geotiff.js helpers are bypassed where they are unsafe (see comments).
 */
import { fromArrayBuffer, fromFile, type GeoTIFFImage } from 'geotiff';
import { Invalid } from '../../../domain/errors.js';
import { crsFromGeoKeys } from './crs.js';
import type { GeoTransform, Raster, SampleFormat } from './raster.js';

export interface ReadGeoTiffOptions {
  /** 1-based, as GDAL and QGIS number bands. */
  band?: number;
}

function sampleFormatOf(image: GeoTIFFImage, sample: number): SampleFormat | null {
  const bits = image.getBitsPerSample(sample);
  const kind = { 1: 'uint', 2: 'int', 3: 'float' }[image.getSampleFormat(sample)];
  const format = `${kind}${bits}`;
  const known: readonly string[] = ['uint8', 'int8', 'uint16', 'int16', 'uint32', 'int32', 'float32', 'float64'];
  return known.includes(format) ? (format as SampleFormat) : null;
}

/** GDAL_NODATA is ASCII ("-9999", "nan", "-3.4028234663852886e+38"); geotiff.js's getGDALNoData() chops the last
 * character on the assumption it is a NUL, so parse the tag ourselves. */
function noDataOf(image: GeoTIFFImage): number | null {
  const fd = image.getFileDirectory();
  if (!fd.hasTag('GDAL_NODATA')) return null;
  const text = String(fd.getValue('GDAL_NODATA')).replace(/\0/g, '').trim();
  if (text === '') return null;
  const value = /^[+-]?nan$/i.test(text) ? NaN : Number(text.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity'));
  return Number.isNaN(value) && !/nan/i.test(text) ? null : Math.fround(value); // data are Float32
}

function transformOf(image: GeoTIFFImage, name: string): GeoTransform {
  const fd = image.getFileDirectory();
  const tiepoints = fd.getValue('ModelTiepoint') as ArrayLike<number> | undefined;
  const scale = fd.getValue('ModelPixelScale') as ArrayLike<number> | undefined;
  const matrix = fd.getValue('ModelTransformation') as ArrayLike<number> | undefined;
  let t: GeoTransform;
  if (matrix && matrix.length >= 8) {
    const [a = NaN, b = NaN, , d = NaN, e = NaN, f = NaN, , h = NaN] = Array.from(matrix);
    if (b !== 0 || e !== 0 || !(f < 0)) {
      throw new Invalid(
        'raster.not_north_up',
        `${name}: the raster is rotated, sheared or south-up (ModelTransformation ${[a, b, d, e, f, h].join(', ')}); warp it to a north-up grid first (gdalwarp)`,
      );
    }
    t = { originX: d, originY: h, pixelWidth: a, pixelHeight: f };
  } else if (tiepoints && tiepoints.length === 6 && scale && scale.length >= 2) {
    // geotiff.js getOrigin() ignores the tie point's raster position (I, J); use it.
    const [i = 0, j = 0, , x = NaN, y = NaN] = Array.from(tiepoints);
    const [sx = NaN, sy = NaN] = Array.from(scale);
    if (!(sx > 0) || !(sy > 0)) {
      throw new Invalid(
        'raster.not_north_up',
        `${name}: pixel scale ${sx} × ${sy} is not positive (south-up or flipped)`,
      );
    }
    t = { originX: x - i * sx, originY: y + j * sy, pixelWidth: sx, pixelHeight: -sy };
  } else if (tiepoints && tiepoints.length > 6) {
    throw new Invalid(
      'raster.not_georeferenced',
      `${name}: georeferenced by ${tiepoints.length / 6} ground control points, not a grid; warp it first (gdalwarp)`,
    );
  } else {
    throw new Invalid(
      'raster.not_georeferenced',
      `${name}: no georeferencing (no ModelTiepoint/ModelPixelScale or ModelTransformation)`,
    );
  }
  if (![t.originX, t.originY, t.pixelWidth, t.pixelHeight].every(Number.isFinite)) {
    throw new Invalid('raster.not_georeferenced', `${name}: georeferencing is not finite`);
  }
  // GDAL's convention: a PixelIsPoint tie point is the centre of the top-left pixel.
  if (image.getGeoKeys()?.GTRasterTypeGeoKey === 2) {
    t.originX -= t.pixelWidth / 2;
    t.originY -= t.pixelHeight / 2;
  }
  return t;
}

async function metadataOf(image: GeoTIFFImage, sample: number): Promise<Record<string, string>> {
  const metadata: Record<string, string> = {};
  const add = (items: Record<string, unknown> | null): void => {
    for (const [key, value] of Object.entries(items ?? {})) metadata[key] = String(value);
  };
  add(await image.getGDALMetadata(null));
  add(await image.getGDALMetadata(sample));
  const fd = image.getFileDirectory();
  if (fd.hasTag('ImageDescription')) {
    const description = String((await fd.loadValue('ImageDescription')) ?? '').replace(/\0/g, '');
    if (description !== '') metadata.ImageDescription = description;
  }
  return metadata;
}

export async function readGeoTiff(bytes: Uint8Array, name: string, options: ReadGeoTiffOptions = {}): Promise<Raster> {
  let image: GeoTIFFImage;
  try {
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    // geotiff.js reads from offset 0; copy with new Uint8Array (a Node Buffer's slice() is a view of its pool).
    const buffer = (whole ? bytes.buffer : new Uint8Array(bytes).buffer) as ArrayBuffer;
    image = await (await fromArrayBuffer(buffer)).getImage(0);
  } catch (error) {
    throw new Invalid('raster.unreadable', `${name}: not a readable GeoTIFF (${(error as Error).message})`);
  }
  const header = await headerOf(image, name, options.band ?? 1);
  return readPixels(image, header, null);
}

/** A raster's description without its pixels: what a windowed read needs to choose its window. */
export type RasterHeader = Omit<Raster, 'data'>;

/** Pixels x0 ≤ x < x0 + width, y0 ≤ y < y0 + height of a raster (top row 0). */
export interface PixelWindow {
  x0: number;
  y0: number;
  width: number;
  height: number;
}

/**
 * Opens a GeoTIFF file without reading its pixels: `header` describes it, and `read(window)` decodes only the
 * strips or tiles a window touches (the whole raster without one), so a site's neighbourhood costs what it
 * covers, not the whole file. The window is clipped to the raster; one entirely outside it is refused.
 */
export async function openGeoTiffFile(
  path: string,
  name: string,
  options: ReadGeoTiffOptions = {},
): Promise<{
  header: RasterHeader;
  read: (window: PixelWindow | null) => Promise<Raster>;
  close: () => Promise<void>;
}> {
  let tiff: Awaited<ReturnType<typeof fromFile>>;
  let image: GeoTIFFImage;
  try {
    tiff = await fromFile(path);
    image = await tiff.getImage(0);
  } catch (error) {
    throw new Invalid('raster.unreadable', `${name}: not a readable GeoTIFF (${(error as Error).message})`);
  }
  const header = await headerOf(image, name, options.band ?? 1);
  return {
    header,
    read: (window) => readPixels(image, header, window),
    close: async () => {
      await tiff.close();
    },
  };
}

async function headerOf(image: GeoTIFFImage, name: string, band: number): Promise<RasterHeader & { sample: number }> {
  const width = image.getWidth();
  const height = image.getHeight();
  const bandCount = image.getSamplesPerPixel();
  if (width < 1 || height < 1) {
    throw new Invalid('raster.empty', `${name}: the raster has no pixels (${width} × ${height})`);
  }
  if (!Number.isInteger(band) || band < 1 || band > bandCount) {
    throw new Invalid(
      'raster.band_missing',
      `${name}: band ${band} does not exist (the file has ${bandCount} band(s))`,
    );
  }
  const sample = band - 1;
  const sampleFormat = sampleFormatOf(image, sample);
  if (sampleFormat === null) {
    throw new Invalid(
      'raster.sample_format',
      `${name} band ${band}: unsupported sample type (format ${image.getSampleFormat(sample)}, ${image.getBitsPerSample(sample)} bits)`,
    );
  }
  const transform = transformOf(image, name);
  const geoKeys = image.getGeoKeys();
  if (!geoKeys) throw new Invalid('raster.not_georeferenced', `${name}: no CRS (no GeoKeyDirectory)`);
  const crs = crsFromGeoKeys(geoKeys, name);
  const noData = noDataOf(image);
  const metadata = await metadataOf(image, sample);
  return { name, width, height, crs, transform, noData, bandCount, sampleFormat, metadata, sample };
}

async function readPixels(
  image: GeoTIFFImage,
  header: RasterHeader & { sample: number },
  window: PixelWindow | null,
): Promise<Raster> {
  const { name, sample, noData, metadata } = header;
  const band = sample + 1;
  const x0 = Math.max(0, window?.x0 ?? 0);
  const y0 = Math.max(0, window?.y0 ?? 0);
  const x1 = Math.min(header.width, window ? window.x0 + window.width : header.width);
  const y1 = Math.min(header.height, window ? window.y0 + window.height : header.height);
  if (!(x1 > x0 && y1 > y0)) {
    throw new Invalid('raster.window_outside', `${name}: the area asked for lies outside the raster`);
  }
  let raw: ArrayLike<number>;
  try {
    const rasters = await image.readRasters({ samples: [sample], interleave: false, window: [x0, y0, x1, y1] });
    raw = (rasters as unknown as ArrayLike<number>[])[0]!;
  } catch (error) {
    throw new Invalid(
      'raster.unreadable',
      `${name} band ${band}: cannot decode the pixels (${(error as Error).message})`,
    );
  }
  const data = raw instanceof Float32Array ? raw : Float32Array.from(raw);
  // GDAL stores a band's scale and offset as metadata; apply them so values are in real units.
  const scale = Number.isFinite(Number(metadata.SCALE)) ? Number(metadata.SCALE) : 1;
  const offset = Number.isFinite(Number(metadata.OFFSET)) ? Number(metadata.OFFSET) : 0;
  let valid = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (Number.isNaN(v) || v === noData) continue;
    valid++;
    if (scale !== 1 || offset !== 0) data[i] = v * scale + offset;
  }
  if (valid === 0) throw new Invalid('raster.empty', `${name} band ${band}: every pixel is no-data`);
  const { sample: _sample, ...described } = header;
  const t = header.transform;
  return {
    ...described,
    width: x1 - x0,
    height: y1 - y0,
    transform: { ...t, originX: t.originX + x0 * t.pixelWidth, originY: t.originY + y0 * t.pixelHeight },
    data,
  };
}
