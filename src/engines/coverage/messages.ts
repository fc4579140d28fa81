import { isErrorCode, type ErrorCode } from '../../domain/error-codes.js';
import type { Technology } from '../../domain/coverage/technology.js';
import type { CoverageParams } from './predict/coverage-params.js';
import type { GridSite } from './predict/site-signal.js';
import type { TileSpec } from './predict/predict-tile.js';
import type { GridSpec } from './raster/raster.js';
import type { GeoJsonArea } from './analysis-grid.js';
import type { RasterSourceRef } from './raster/raster-source.js';
import type { RunTile } from './run-grids.js';
import type { ProjectedSite, WindowTileOutcome } from './predict/window-tile.js';

/** Sent once to each worker: the DEM in shared memory (not copied) and the sites. */
export interface InitMessage {
  kind: 'init';
  dem: { heights: SharedArrayBuffer; width: number; height: number; cellSizeM: number };
  sites: GridSite[];
  params: CoverageParams;
}

/**
 * Sent once to each worker of a streamed run: where the inputs are (each tile reads its own window of them),
 * the grids, the sites placed on each grid and the units' boundaries. No raster of the run's size.
 */
export interface StreamInitMessage {
  kind: 'init-stream';
  grids: GridSpec[];
  /** Per grid, every site in its CRS (index = the site's index in the run). */
  sitesByGrid: ProjectedSite[][];
  /** Every unit of the run (index = the unit's index in the run). */
  units: { code: string; boundary: GeoJsonArea }[];
  dem: RasterSourceRef[];
  population: RasterSourceRef[];
  technologies: Technology[];
  params: CoverageParams;
}

/**
 * Sent once to each worker thread of a `dx-compact worker`: no inputs at all, each tile comes with its own
 * package (see tile-package.ts).
 */
export interface PackageInitMessage {
  kind: 'init-packages';
}

/**
 * The init message as the pool sends it: with the worker's own cancel flag, one Int32 the pool sets to the
 * id of the tile to give up. The worker reads it between masts of a tile, so a cancelled tile stops midway.
 */
export type WorkerInit = (InitMessage | StreamInitMessage | PackageInitMessage) & { cancel: SharedArrayBuffer };

export interface TileJob {
  kind: 'tile';
  id: number;
  /** A RunTile for a streamed run. */
  tile: TileSpec;
  /** The tile's package as bytes (tile-package-bytes.ts), for a worker started with init-packages. */
  package?: Uint8Array;
}

/** A streamed run's answer for one tile: its rasters and its sums per unit. */
export interface StreamTileDone {
  kind: 'tile';
  id: number;
  ok: true;
  tile: RunTile;
  outcome: WindowTileOutcome;
}

export type WireError = { code: ErrorCode; message: string };

/** Posted instead of throwing when a worker cannot use its init message: every tile on it is refused. */
export interface InitFailed {
  kind: 'init';
  ok: false;
  error: WireError;
}

export type TileReply =
  | {
      kind: 'tile';
      id: number;
      ok: true;
      tile: TileSpec;
      bestSignalDbm: Partial<Record<Technology, Float32Array>>;
      bestServer: Partial<Record<Technology, Int32Array>>;
      /** Bit o set where operator o covers the cell (bit 0 = the main operator). */
      coveredMask: Partial<Record<Technology, Uint8Array>>;
      mastsSwept: number;
      levelsComputed: number;
      levelsSkipped: number;
    }
  | StreamTileDone
  | { kind: 'tile'; id: number; ok: false; error: WireError }
  /** The pool set the cancel flag to this tile's id before the worker finished it. */
  | { kind: 'tile'; id: number; ok: false; cancelled: true };

/** Everything a worker posts. */
export type WorkerReply = InitFailed | TileReply;

/** A worker's error as it crosses the thread boundary; an unknown code becomes coverage.worker. */
export function toWireError(error: unknown): WireError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: isErrorCode(code) ? code : 'coverage.worker', message: error.message };
  }
  return { code: 'coverage.worker', message: String(error) };
}
