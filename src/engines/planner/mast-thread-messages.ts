import type { MastSectors } from './mast-coverage.js';

/** A batch of masts for one coverage thread (null: off the grid). */
export interface MastThreadRequest {
  masts: { index: number; mast: MastSectors | null }[];
}

/** Each mast's covered grid cells as it is done, then the batch's cache counts (or why it failed). */
export type MastThreadReply =
  | { kind: 'cells'; index: number; cells: Uint32Array }
  | { kind: 'batch-done'; hits: number; misses: number }
  | { kind: 'failed'; message: string };
