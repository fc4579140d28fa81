/**
 * Population rasters must hold people per pixel (WorldPop "ppp", GHS-POP, census grids), never
 * people per km²: summing a density over cells gives nonsense, and it cannot be told apart from
 * counts by looking at one value. PopulationCountCheck applies three heuristics (documented at
 * each check), to a raster in memory (assertPopulationCounts) or a file strip by strip
 * (assertPopulationSourceCounts); resampleCounts moves the people onto the analysis grid keeping the total.
 */
import { Invalid } from '../../../domain/errors.js';
import { isGeographic, transformer } from './crs.js';
import { projectLattice } from './project-lattice.js';
import { assertGrid, isNoData, type GridSpec, type Raster } from './raster.js';
import type { PixelWindow, RasterHeader } from './read-geotiff.js';

export interface CountCheckLimits {
  /** Mean over populated cells (people / populated area); Manila, the densest city proper, averages ~43,000. */
  maxMeanPerKm2: number;
  /** Any single cell; the densest slums are quoted at a few hundred thousand per km². */
  maxCellPerKm2: number;
}

export const DEFAULT_COUNT_LIMITS: CountCheckLimits = { maxMeanPerKm2: 100_000, maxCellPerKm2: 1_000_000 };

/** Words that mark a density: WorldPop "_pd_", GPW "population_density", "per km²", Vietnamese "mật độ". */
const DENSITY_WORDS =
  /density|m[ậa]t [đd][ộo]|(?:people|persons?|inhabitants?|pop)\s*(?:per|\/)\s*(?:sq\.?\s*|square\s*)?(?:km|kilomet)|per[\s_-]?(?:sq[\s_-]?)?km|\/\s*km(?:2|²|\^2)|(?:^|[^a-z])(?:pd|ppkm2?)(?:[^a-z]|$)/i;

const EARTH_AUTHALIC_RADIUS_M = 6371007.2;

/** Area in km² of one pixel in each row (all rows alike for a projected CRS in metres). */
function rowAreasKm2(raster: Raster): Float64Array {
  const { originY, pixelWidth, pixelHeight } = raster.transform;
  const areas = new Float64Array(raster.height);
  for (let row = 0; row < raster.height; row++) {
    if (isGeographic(raster.crs)) {
      // Exact on the authalic sphere: R² · Δλ · |sin φ₁ − sin φ₂|.
      const top = ((originY + row * pixelHeight) * Math.PI) / 180;
      const bottom = ((originY + (row + 1) * pixelHeight) * Math.PI) / 180;
      const dLon = (Math.abs(pixelWidth) * Math.PI) / 180;
      areas[row] = (EARTH_AUTHALIC_RADIUS_M ** 2 * dLon * Math.abs(Math.sin(top) - Math.sin(bottom))) / 1e6;
    } else areas[row] = Math.abs(pixelWidth * pixelHeight) / 1e6;
  }
  return areas;
}

export interface CountSummary {
  total: number;
  populatedCells: number;
  populatedAreaKm2: number;
  meanPerKm2: number;
}

/**
 * The three heuristics over a raster given in parts (the whole of it, or strips of rows read one at a time):
 * the name and metadata are checked at once, the pixels as each part is added, the totals at the end.
 */
export class PopulationCountCheck {
  private total = 0;
  private area = 0;
  private populated = 0;
  private negative = 0;
  private lowest = 0;
  private densest = 0;

  constructor(
    private readonly header: RasterHeader,
    private readonly limits: CountCheckLimits = DEFAULT_COUNT_LIMITS,
  ) {
    // 1. The name or GDAL metadata (DESCRIPTION, UNITTYPE, …) says density.
    const labels = [header.name, ...Object.entries(header.metadata).flat()].join(' \n ');
    const word = DENSITY_WORDS.exec(labels);
    if (word) this.refuse(`its name or metadata says "${word[0].trim()}" (a density); supply people per pixel`);
  }

  private refuse(reason: string): never {
    throw new Invalid('population.not_counts', `${this.header.name}: not a population count raster: ${reason}`);
  }

  /** Some rows of the raster, georeferenced where they lie (their own transform gives their pixels' areas). */
  add(part: Raster): void {
    const areas = rowAreasKm2(part);
    for (let row = 0; row < part.height; row++) {
      for (let col = 0; col < part.width; col++) {
        const value = part.data[row * part.width + col]!;
        if (isNoData(value, part.noData)) continue;
        if (value < 0) {
          this.negative++;
          this.lowest = Math.min(this.lowest, value);
        } else if (value > 0) {
          this.total += value;
          this.area += areas[row]!;
          this.populated++;
          this.densest = Math.max(this.densest, value / areas[row]!);
        }
      }
    }
  }

  /** Refuses the raster once all of it has been added, or sums it up. */
  finish(): CountSummary {
    const { limits } = this;
    // 2. Counts cannot be negative.
    if (this.negative > 0)
      this.refuse(`${this.negative} pixel(s) are negative (lowest ${this.lowest}) and are not no-data`);
    // 3. Read as counts, a density on a fine grid gives absurd people per km² (20,000/km² on 100 m cells reads as
    //    2,000,000/km²), so the mean over populated cells and the densest cell are capped. This cannot catch a
    //    density on a ~1 km grid, whose numbers look like counts: there only heuristic 1 helps.
    const meanPerKm2 = this.area > 0 ? this.total / this.area : 0;
    const format = (n: number): string => Math.round(n).toLocaleString('en');
    if (meanPerKm2 > limits.maxMeanPerKm2) {
      this.refuse(
        `${format(meanPerKm2)} people/km² on average over populated pixels (limit ${format(limits.maxMeanPerKm2)}); is it a density?`,
      );
    }
    if (this.densest > limits.maxCellPerKm2) {
      this.refuse(
        `a pixel holds ${format(this.densest)} people/km² (limit ${format(limits.maxCellPerKm2)}); is it a density?`,
      );
    }
    return { total: this.total, populatedCells: this.populated, populatedAreaKm2: this.area, meanPerKm2 };
  }
}

/** Checks a raster held whole in memory. */
export function assertPopulationCounts(raster: Raster, limits: CountCheckLimits = DEFAULT_COUNT_LIMITS): CountSummary {
  const check = new PopulationCountCheck(raster, limits);
  check.add(raster);
  return check.finish();
}

/** Pixels per strip when a file is checked by strips: 16 MB of float32 at a time, whatever the raster's size. */
const STRIP_PIXELS = 1 << 22;

/**
 * Checks an opened raster (a file, read by window) strip by strip of whole rows, so memory holds one strip
 * however large the file: the same heuristics and refusals as assertPopulationCounts.
 */
export async function assertPopulationSourceCounts(
  source: { header: RasterHeader; read(window: PixelWindow): Promise<Raster> },
  limits: CountCheckLimits = DEFAULT_COUNT_LIMITS,
  stripPixels = STRIP_PIXELS,
): Promise<CountSummary> {
  const { header } = source;
  const check = new PopulationCountCheck(header, limits);
  const rows = Math.max(1, Math.floor(stripPixels / header.width));
  for (let y0 = 0; y0 < header.height; y0 += rows) {
    check.add(await source.read({ x0: 0, y0, width: header.width, height: Math.min(rows, header.height - y0) }));
  }
  return check.finish();
}

/** Source pixels whose footprint can reach the target grid, with a margin of two pixels. */
function sourceWindow(source: Raster, target: GridSpec): { col0: number; row0: number; col1: number; row1: number } {
  const { forward } = transformer(target.crs, source.crs);
  const right = target.originX + target.width * target.cellSizeM;
  const bottom = target.originY - target.height * target.cellSizeM;
  const xs: number[] = [];
  const ys: number[] = [];
  const steps = 64;
  for (let s = 0; s <= steps; s++) {
    const f = s / steps;
    const x = target.originX + f * (right - target.originX);
    const y = target.originY + f * (bottom - target.originY);
    for (const [px, py] of [
      forward(x, target.originY),
      forward(x, bottom),
      forward(target.originX, y),
      forward(right, y),
    ]) {
      xs.push(px);
      ys.push(py);
    }
  }
  const all = { col0: 0, row0: 0, col1: source.width, row1: source.height };
  if (![...xs, ...ys].every(Number.isFinite)) return all;
  const { originX, originY, pixelWidth, pixelHeight } = source.transform;
  const cols = xs.map((x) => (x - originX) / pixelWidth);
  const rows = ys.map((y) => (y - originY) / pixelHeight);
  return {
    col0: Math.max(0, Math.floor(Math.min(...cols)) - 2),
    col1: Math.min(source.width, Math.ceil(Math.max(...cols)) + 2),
    row0: Math.max(0, Math.floor(Math.min(...rows)) - 2),
    row1: Math.min(source.height, Math.ceil(Math.max(...rows)) + 2),
  };
}

/** Clips polygon (xs, ys)[0..n) to one side of an axis-parallel line; returns the new vertex count (Sutherland–Hodgman). */
function clip(
  xs: Float64Array,
  ys: Float64Array,
  n: number,
  outX: Float64Array,
  outY: Float64Array,
  onX: boolean,
  bound: number,
  keepAbove: boolean,
): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const a = onX ? xs[i]! : ys[i]!;
    const b = onX ? xs[j]! : ys[j]!;
    const aIn = keepAbove ? a >= bound : a <= bound;
    const bIn = keepAbove ? b >= bound : b <= bound;
    if (aIn) {
      outX[m] = xs[i]!;
      outY[m++] = ys[i]!;
    }
    if (aIn !== bIn) {
      const t = (bound - a) / (b - a);
      outX[m] = xs[i]! + t * (xs[j]! - xs[i]!);
      outY[m++] = ys[i]! + t * (ys[j]! - ys[i]!);
    }
  }
  return m;
}

function area(xs: Float64Array, ys: Float64Array, n: number): number {
  let twice = 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    twice += xs[i]! * ys[j]! - xs[j]! * ys[i]!;
  }
  return Math.abs(twice) / 2;
}

/**
 * People per target cell, by exact area overlap: each populated source pixel's four corners go
 * through proj4 (projectLattice: millimetre-exact), its footprint is taken as the quadrilateral
 * between them (a reprojected 100 m edge bows by < 0.1 mm, a 1 km edge by ~5 mm), and its
 * people are shared among the target cells in proportion to the area of the footprint each holds
 * (polygon clipping, exact up to float rounding). Sampling each pixel with n × n points was tried
 * first and rejected: at n = 14 a 30 m cell inside a 100 m pixel got 82–128 people instead of 90.
 * People of a pixel partly outside the grid are kept in proportion to the part inside, so the
 * result sums to the source total within the target extent (all of it when the grid covers the
 * source). Cells accumulate in float32 and the total in float64; the rounding difference is put
 * back on the largest cell so the cells' sum matches the total to float32 precision.
 */
export function resampleCounts(source: Raster, target: GridSpec): Float32Array {
  assertGrid(target, `resampling ${source.name}`);
  const { width, height, cellSizeM } = target;
  // Float32 accumulation is enough per cell (a cell gets a few pixels' shares); the total is kept in float64.
  const out = new Float32Array(width * height);
  let total = 0;
  const win = sourceWindow(source, target);
  if (win.col0 >= win.col1 || win.row0 >= win.row1) return out;
  const { originX, originY, pixelWidth, pixelHeight } = source.transform;
  const nx = win.col1 - win.col0 + 1; // corners
  const { xs, ys } = projectLattice(source.crs, target.crs, {
    x0: originX + win.col0 * pixelWidth,
    y0: originY + win.row0 * pixelHeight,
    dx: pixelWidth,
    dy: pixelHeight,
    nx,
    ny: win.row1 - win.row0 + 1,
  });
  // Target coordinates in cell units, y growing downwards: cell (c, r) is [c, c+1] × [r, r+1].
  const quadX = new Float64Array(4);
  const quadY = new Float64Array(4);
  const buffer = (): Float64Array => new Float64Array(8); // a quadrilateral clipped by 4 lines has ≤ 8 vertices
  const [bandX, bandY, tmpX, tmpY, cellX, cellY] = [buffer(), buffer(), buffer(), buffer(), buffer(), buffer()];

  for (let r = win.row0; r < win.row1; r++) {
    for (let c = win.col0; c < win.col1; c++) {
      const people = source.data[r * source.width + c]!;
      if (isNoData(people, source.noData) || people === 0) continue;
      if (people < 0) {
        throw new Invalid('population.not_counts', `${source.name}: pixel (${c}, ${r}) holds ${people} people`);
      }
      const k = (r - win.row0) * nx + (c - win.col0);
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      for (let i = 0; i < 4; i++) {
        const corner = k + (i === 1 || i === 2 ? 1 : 0) + (i >= 2 ? nx : 0); // clockwise from top-left
        const x = (xs[corner]! - target.originX) / cellSizeM;
        const y = (target.originY - ys[corner]!) / cellSizeM;
        quadX[i] = x;
        quadY[i] = y;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
      const footprint = area(quadX, quadY, 4);
      if (!(footprint > 0)) continue; // not projectable
      const col0 = Math.max(0, Math.floor(minX));
      const col1 = Math.min(width - 1, Math.ceil(maxX) - 1);
      const row0 = Math.max(0, Math.floor(minY));
      const row1 = Math.min(height - 1, Math.ceil(maxY) - 1);
      if (col0 > col1 || row0 > row1) continue; // wholly outside the grid
      if (col0 === col1 && row0 === row1 && minX >= col0 && maxX <= col0 + 1 && minY >= row0 && maxY <= row0 + 1) {
        out[row0 * width + col0] = out[row0 * width + col0]! + people; // the whole footprint is in one cell
        total += people;
        continue;
      }
      const perArea = people / footprint;
      for (let row = row0; row <= row1; row++) {
        let n = clip(quadX, quadY, 4, tmpX, tmpY, false, row, true);
        n = clip(tmpX, tmpY, n, bandX, bandY, false, row + 1, false);
        if (n < 3) continue;
        for (let col = col0; col <= col1; col++) {
          let m = clip(bandX, bandY, n, tmpX, tmpY, true, col, true);
          m = clip(tmpX, tmpY, m, cellX, cellY, true, col + 1, false);
          if (m < 3) continue;
          const share = perArea * area(cellX, cellY, m);
          out[row * width + col] = out[row * width + col]! + share;
          total += share;
        }
      }
    }
  }

  let rounded = 0;
  let largest = 0;
  for (let i = 0; i < out.length; i++) {
    rounded += out[i]!;
    if (out[i]! > out[largest]!) largest = i;
  }
  out[largest] = out[largest]! + (total - rounded);
  return out;
}
