import { isErrorCode, type ErrorCode } from '../../domain/error-codes.js';
import type { Technology } from '../../domain/coverage/technology.js';
import type { CoverageParams } from './predict/coverage-params.js';
import type { GridSite } from './predict/site-signal.js';
import type { TileSpec } from './predict/predict-tile.js';

/** Sent once to each worker: the DEM in shared memory (not copied) and the sites. */
export interface InitMessage {
  kind: 'init';
  dem: { heights: SharedArrayBuffer; width: number; height: number; cellSizeM: number };
  sites: GridSite[];
  params: CoverageParams;
}

/**
 * The init message as the pool sends it: with the worker's own cancel flag, one Int32 the pool sets to the
 * id of the tile to give up. The worker reads it between masts of a tile, so a cancelled tile stops midway.
 */
export interface WorkerInit extends InitMessage {
  cancel: SharedArrayBuffer;
}

export interface TileJob {
  kind: 'tile';
  id: number;
  tile: TileSpec;
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
