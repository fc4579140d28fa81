/**
 * Writes one band as a Cloud-Optimised GeoTIFF that GDAL (so QGIS) opens with its size, geotransform,
 * CRS, no-data value, band description and unit: 256 × 256 DEFLATE tiles, internal overviews down to
 * one tile, GDAL's COG layout (cog-layout.ts), BigTIFF when the file would pass 4 GiB. The whole band is
 * in memory; cog-stream.ts writes the same bytes block by block for bands too large for that.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { Invalid } from '../../../domain/errors.js';
import { assembleCog } from './cog-layout.js';
import { compressTiles, levelSizes, pyramid, sampleTypeOf, type BandArray } from './cog-tiles.js';
import { checkBand, pyramidTags, resamplingOf, type GeoTiffBand } from './geotiff-tags.js';

export interface WriteGeoTiffInput extends GeoTiffBand {
  data: BandArray;
}

/** The file as chunks in write order (head, then tile by tile), so a caller can stream it to disk. */
export function geoTiffChunks(input: WriteGeoTiffInput): Uint8Array[] {
  const tileSize = checkBand(input);
  const { width, height, data, noData } = input;
  if (data.length !== width * height) {
    throw new Invalid('raster.size_invalid', `writeGeoTiff: ${data.length} values for ${width} × ${height} pixels`);
  }
  const sampleType = sampleTypeOf(data);
  // Tags first: they refuse a CRS or no-data value they cannot write before any pixel work.
  const tags = pyramidTags(input, sampleType, levelSizes(width, height, tileSize), tileSize);
  const levels = pyramid({ width, height, data }, tileSize, resamplingOf(input, sampleType), noData);
  const images = levels.map((level, i) => ({ tags: tags[i]!, tiles: compressTiles(level, tileSize, noData) }));
  return assembleCog(images, input.bigTiff ?? 'auto');
}

export function writeGeoTiff(input: WriteGeoTiffInput): ArrayBuffer {
  const chunks = geoTiffChunks(input);
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out.buffer;
}

/** Writes the file chunk by chunk, never holding it whole in one buffer. */
export function writeGeoTiffFile(path: string, input: WriteGeoTiffInput): void {
  const chunks = geoTiffChunks(input);
  const fd = openSync(path, 'w');
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}
