/**
 * Reads the one level of a COG the map layer draws (layer-level.ts): only that level's tiles are fetched
 * and decoded, so a national file of tens of thousands of pixels a side costs what a screen-sized image does.
 */
import { fromFile, type GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { Invalid } from '../../../domain/errors.js';
import { LAYER_MIN_SIDE_PX, layerLevelIndex, type LevelSize } from './layer-level.js';

/** NewSubfileType's transparency-mask bit: a mask is not a level of the band. */
const MASK_SUBFILE = 4;

export interface LayerLevel {
  /** Index of the level read: 0 is the full resolution, each overview halves the one before. */
  level: number;
  /** Every level of the file, full resolution first. */
  levels: LevelSize[];
  width: number;
  height: number;
  /** Band 1 of that level, row-major (no-data as the file stores it). */
  data: Float32Array;
}

/** The images of the band's pyramid, full resolution first (masks left out). */
async function pyramidOf(tiff: GeoTIFF): Promise<GeoTIFFImage[]> {
  const count = await tiff.getImageCount();
  const images: GeoTIFFImage[] = [];
  for (let i = 0; i < count; i++) {
    const image = await tiff.getImage(i);
    const subfile = Number(image.getFileDirectory().getValue('NewSubfileType') ?? 0);
    if ((subfile & MASK_SUBFILE) === 0) images.push(image);
  }
  return images;
}

/**
 * The level of an open GeoTIFF whose larger side is the smallest at least `minSidePx` (the full level
 * when smaller). Refuses a file with no overview small enough rather than decode a huge full level.
 */
export async function readLayerLevel(tiff: GeoTIFF, name: string, minSidePx = LAYER_MIN_SIDE_PX): Promise<LayerLevel> {
  let images: GeoTIFFImage[];
  try {
    images = await pyramidOf(tiff);
  } catch (error) {
    throw new Invalid('raster.unreadable', `${name}: not a readable GeoTIFF (${(error as Error).message})`);
  }
  if (images.length === 0) throw new Invalid('raster.unreadable', `${name}: no image in the file`);
  const levels = images.map((image) => ({ width: image.getWidth(), height: image.getHeight() }));
  const level = layerLevelIndex(levels, minSidePx);
  const { width, height } = levels[level]!;
  if (Math.max(width, height) >= 2 * minSidePx) {
    throw new Invalid(
      'raster.size_invalid',
      `${name}: ${width} × ${height} pixels and no overview under ${2 * minSidePx} a side to draw the layer from`,
    );
  }
  let data: Float32Array;
  try {
    const rasters = await images[level]!.readRasters({ samples: [0], interleave: false });
    const band = (rasters as unknown as ArrayLike<number>[])[0]!;
    data = band instanceof Float32Array ? band : Float32Array.from(band);
  } catch (error) {
    throw new Invalid('raster.unreadable', `${name}: cannot decode level ${level} (${(error as Error).message})`);
  }
  return { level, levels, width, height, data };
}

/** Opens a GeoTIFF file, reads the layer's level (readLayerLevel) and closes it. */
export async function readLayerLevelOfFile(path: string, name: string): Promise<LayerLevel> {
  let tiff: GeoTIFF;
  try {
    tiff = await fromFile(path);
  } catch (error) {
    throw new Invalid('raster.unreadable', `${name}: not a readable GeoTIFF (${(error as Error).message})`);
  }
  try {
    return await readLayerLevel(tiff, name);
  } finally {
    await tiff.close();
  }
}
