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
      mastsSwept: number;
      levelsComputed: number;
      levelsSkipped: number;
    }
  | { kind: 'tile'; id: number; ok: false; error: WireError };

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
