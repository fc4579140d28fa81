import { toGridPolygons, type GeoJsonArea } from './analysis-grid.js';
import { resampleCounts } from './raster/population-raster.js';
import { resampleElevation } from './raster/resample-dem.js';
import {
  openRasterSource,
  rasterSource,
  readWindowOf,
  type OpenRaster,
  type RasterSourceRef,
} from './raster/raster-source.js';
import type { GridSpec, Raster } from './raster/raster.js';
import { rasterizeUnits, type ZoneMap } from './zones/rasterize-units.js';
import { subGrid, type CellRect } from './predict/window-tile.js';

/** Rows resampled at once: bounds the projected lattice (16 bytes a cell) to a strip of the window. */
const STRIP_ROWS = 256;

/** A rectangle cut into strips of STRIP_ROWS rows, top to bottom, with each strip's first row in the rectangle. */
function* strips(rect: CellRect): Generator<{ strip: CellRect; row: number }> {
  for (let row = 0; row < rect.height; row += STRIP_ROWS) {
    const height = Math.min(STRIP_ROWS, rect.height - row);
    yield { strip: { x0: rect.x0, y0: rect.y0 + row, width: rect.width, height }, row };
  }
}

/** The run's input files (or in-memory rasters), opened once per process and read by window. */
export class TileInputReader {
  private constructor(
    private readonly dem: OpenRaster[],
    private readonly population: OpenRaster[],
  ) {}

  static async open(refs: { dem: readonly RasterSourceRef[]; population: readonly RasterSourceRef[] }) {
    const dem = await Promise.all(refs.dem.map(openRasterSource));
    const population = await Promise.all(refs.population.map(openRasterSource));
    return new TileInputReader(dem, population);
  }

  /** Rasters already read (a tile's raw windows) in place of the files: read and resampled the same way. */
  static ofRasters(dem: readonly Raster[], population: readonly Raster[]): TileInputReader {
    return new TileInputReader(dem.map(rasterSource), population.map(rasterSource));
  }

  /**
   * The source pixels under a window of the grid, joined from every terrain file reaching it, as they are
   * in the files (null when none reaches). Resampling from these gives what `terrain` gives from the files.
   */
  async rawTerrain(grid: GridSpec, window: CellRect): Promise<Raster | null> {
    return readWindowOf(this.dem, subGrid(grid, window));
  }

  /** Each population file's source pixels under a tile (only the files reaching it). */
  async rawPeople(grid: GridSpec, tile: CellRect): Promise<Raster[]> {
    const target = subGrid(grid, tile);
    const windows: Raster[] = [];
    for (const source of this.population) {
      const window = await readWindowOf([source], target);
      if (window) windows.push(window);
    }
    return windows;
  }

  /** Ground heights over a window of the grid, resampled strip by strip (NaN where no terrain file reaches). */
  async terrain(grid: GridSpec, window: CellRect): Promise<Float32Array> {
    const heights = new Float32Array(window.width * window.height).fill(Number.NaN);
    for (const { strip, row } of strips(window)) {
      const target = subGrid(grid, strip);
      const source = await readWindowOf(this.dem, target);
      if (source) heights.set(resampleElevation(source, target), row * window.width);
    }
    return heights;
  }

  /**
   * People per cell of a tile (by area overlap), strip by strip like the terrain (a pixel cut by a strip's
   * edge is shared by area, as between tiles). The inputs were checked to hold counts, not a density, whole
   * before the run (prepareStreamedRun), so a window is not checked again.
   */
  async people(grid: GridSpec, tile: CellRect): Promise<Float32Array> {
    const people = new Float32Array(tile.width * tile.height);
    for (const { strip, row } of strips(tile)) {
      const target = subGrid(grid, strip);
      const at = row * tile.width;
      for (const source of this.population) {
        const window = await readWindowOf([source], target);
        if (!window) continue;
        const share = resampleCounts(window, target);
        for (let i = 0; i < share.length; i++) people[at + i]! += share[i]!;
      }
    }
    return people;
  }

  async close(): Promise<void> {
    await Promise.all([...this.dem, ...this.population].map((source) => source.close()));
  }
}

/** The units touching a tile burnt into it (unit i of `boundaries` is zone i). */
export function tileZones(grid: GridSpec, tile: CellRect, boundaries: readonly GeoJsonArea[]): ZoneMap {
  const target = subGrid(grid, tile);
  return rasterizeUnits(
    boundaries.map((boundary) => toGridPolygons(boundary, target)),
    tile.width,
    tile.height,
  );
}
