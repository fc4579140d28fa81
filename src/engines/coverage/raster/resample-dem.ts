import { Invalid } from '../../../domain/errors.js';
import { projectLattice } from './project-lattice.js';
import { assertGrid, isNoData, type GridSpec, type Raster } from './raster.js';

/**
 * Elevation at each target cell centre, interpolated bilinearly between the four nearest source
 * samples. Missing samples (no-data, or off the raster) drop out and the remaining weights are
 * renormalised, so a void shrinks rather than dragging heights towards −32768; a cell with no valid
 * neighbour is NaN.
 */
export function resampleElevation(source: Raster, target: GridSpec): Float32Array {
  assertGrid(target, `resampling ${source.name}`);
  const { width, height, cellSizeM } = target;
  const { xs, ys } = projectLattice(target.crs, source.crs, {
    x0: target.originX + cellSizeM / 2,
    y0: target.originY - cellSizeM / 2,
    dx: cellSizeM,
    dy: -cellSizeM,
    nx: width,
    ny: height,
  });
  const { originX, originY, pixelWidth, pixelHeight } = source.transform;
  const { data, noData } = source;
  const out = new Float32Array(width * height);
  for (let k = 0; k < out.length; k++) {
    // Position in pixel-centre units: sample (i, j) sits at (i, j).
    const fx = (xs[k]! - originX) / pixelWidth - 0.5;
    const fy = (ys[k]! - originY) / pixelHeight - 0.5;
    const i0 = Math.floor(fx);
    const j0 = Math.floor(fy);
    if (!(i0 >= -1 && i0 < source.width && j0 >= -1 && j0 < source.height)) {
      out[k] = NaN; // off the raster, or not projectable
      continue;
    }
    const u = fx - i0;
    const v = fy - j0;
    let sum = 0;
    let weights = 0;
    for (let dj = 0; dj < 2; dj++) {
      const j = j0 + dj;
      if (j < 0 || j >= source.height) continue;
      for (let di = 0; di < 2; di++) {
        const i = i0 + di;
        if (i < 0 || i >= source.width) continue;
        const value = data[j * source.width + i]!;
        if (isNoData(value, noData)) continue;
        const w = (di === 1 ? u : 1 - u) * (dj === 1 ? v : 1 - v);
        sum += w * value;
        weights += w;
      }
    }
    out[k] = weights > 0 ? sum / weights : NaN;
  }
  return out;
}

/** Why `r` cannot share `first`'s grid, or null. */
function misfit(first: Raster, r: Raster): string | null {
  const a = first.transform;
  const t = r.transform;
  const wholePixels = (d: number): boolean => Math.abs(d - Math.round(d)) <= 1e-6;
  if (r.crs !== first.crs) return `its CRS differs from ${first.name}'s`;
  if (Math.abs(t.pixelWidth / a.pixelWidth - 1) > 1e-9 || Math.abs(t.pixelHeight / a.pixelHeight - 1) > 1e-9) {
    return `its pixel size ${t.pixelWidth} × ${t.pixelHeight} differs from ${first.name}'s ${a.pixelWidth} × ${a.pixelHeight}`;
  }
  if (!wholePixels((t.originX - a.originX) / a.pixelWidth) || !wholePixels((t.originY - a.originY) / a.pixelHeight)) {
    return `its pixels are not aligned with ${first.name}'s`;
  }
  return null;
}

const MAX_MOSAIC_CELLS = 200_000_000; // 800 MB of Float32

/**
 * Joins tiles on one grid (same CRS and pixel size, origins a whole number of pixels apart), e.g.
 * neighbouring .hgt tiles, whose shared edge rows overlap exactly. Where tiles overlap the first valid
 * value wins; gaps take the tiles' common no-data value, or NaN if they have none in common.
 */
export function mosaic(rasters: readonly Raster[]): Raster {
  const first = rasters[0];
  if (!first) throw new Invalid('raster.mosaic_empty', 'mosaic: no rasters given');
  const { pixelWidth, pixelHeight } = first.transform;
  let left = Infinity;
  let top = -Infinity;
  let right = -Infinity;
  let bottom = Infinity;
  for (const r of rasters) {
    const t = r.transform;
    const problem = misfit(first, r);
    if (problem) throw new Invalid('raster.mosaic_misaligned', `mosaic: ${r.name} cannot join the mosaic: ${problem}`);
    left = Math.min(left, t.originX);
    top = Math.max(top, t.originY);
    right = Math.max(right, t.originX + r.width * pixelWidth);
    bottom = Math.min(bottom, t.originY + r.height * pixelHeight);
  }
  const width = Math.round((right - left) / pixelWidth);
  const height = Math.round((bottom - top) / pixelHeight);
  if (width * height > MAX_MOSAIC_CELLS) {
    throw new Invalid(
      'raster.mosaic_too_large',
      `mosaic: ${width} × ${height} pixels is too large; crop the tiles first`,
    );
  }
  const commonNoData = rasters.every((r) => Object.is(r.noData, first.noData)) ? first.noData : null;
  const gap = commonNoData ?? NaN;
  const data = new Float32Array(width * height).fill(gap);
  for (const r of rasters) {
    const col0 = Math.round((r.transform.originX - left) / pixelWidth);
    const row0 = Math.round((r.transform.originY - top) / pixelHeight);
    for (let row = 0; row < r.height; row++) {
      const out = (row0 + row) * width + col0;
      for (let col = 0; col < r.width; col++) {
        const value = r.data[row * r.width + col]!;
        if (!isNoData(value, r.noData) && isNoData(data[out + col]!, gap)) data[out + col] = value;
      }
    }
  }
  const formats = new Set(rasters.map((r) => r.sampleFormat));
  return {
    name: rasters.map((r) => r.name).join('+'),
    width,
    height,
    crs: first.crs,
    transform: { originX: left, originY: top, pixelWidth, pixelHeight },
    noData: commonNoData,
    data,
    bandCount: 1,
    sampleFormat: formats.size === 1 ? first.sampleFormat : 'float32',
    metadata: {},
  };
}
