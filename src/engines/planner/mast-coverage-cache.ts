import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoverageParams } from '../coverage/predict/coverage-params.js';
import { sweepWindow, type SweepDem } from '../coverage/sweep/radial-sweep.js';
import { siteModel } from '../coverage/predict/site-signal.js';
import { mastCoverage, type MastCoverage, type MastCoverageScratch, type MastSectors } from './mast-coverage.js';

/**
 * Bumped whenever the prediction or the coverage test changes, so that cached answers of an older model are
 * never served (they stay on disk under their old keys until the folder is cleared).
 */
export const MAST_COVERAGE_MODEL_VERSION = 1;

/** What the answer depends on besides the terrain and the antennas. */
function paramsKey(params: CoverageParams, mast: MastSectors): unknown {
  return {
    cellSizeM: params.cellSizeM,
    receiverHeightM: params.receiverHeightM,
    kFactor: params.kFactor,
    model: params.model,
    threshold: params.thresholdsDbm[mast.technology],
    indoorLossDb: params.indoorLossDb,
    resourceBlocks: params.resourceBlocks[mast.technology],
    maxRadiusKm: params.maxRadiusKm,
    criterion: params.coverageCriterion,
  };
}

/**
 * The cache key of a mast's coverage: the model version, the parameters that matter, each sector's radio
 * fields with its position inside its window, and the bytes of the terrain the sweep reads. Two masts on
 * identical terrain with identical antennas share an answer; moving one cell, or any height under its disc,
 * changes the key.
 */
export function mastCoverageKey(dem: SweepDem, mast: MastSectors, params: CoverageParams): string {
  const window = mastWindow(dem, mast, params);
  const hash = createHash('sha256');
  const sectors = mast.sectors.map(({ index: _index, x, y, operator: _operator, ...radio }) => ({
    ...radio,
    x: x - window.x0,
    y: y - window.y0,
  }));
  hash.update(
    JSON.stringify({
      version: MAST_COVERAGE_MODEL_VERSION,
      technology: mast.technology,
      params: paramsKey(params, mast),
      window: { width: window.width, height: window.height },
      sectors,
    }),
  );
  const { heights, width } = dem;
  for (let row = window.y0; row < window.y0 + window.height; row++) {
    const from = row * width + window.x0;
    const strip = heights.subarray(from, from + window.width);
    hash.update(new Uint8Array(strip.buffer, strip.byteOffset, strip.byteLength));
  }
  return hash.digest('hex');
}

/** The window a mast's sweep covers (as radialSweep clips it to the terrain). */
function mastWindow(dem: SweepDem, mast: MastSectors, params: CoverageParams) {
  const radiusM = Math.max(...mast.sectors.map((sector) => siteModel(sector, params).radiusM));
  return sweepWindow(dem, mast.sectors[0]!, radiusM);
}

/** How often the cache answered: what the planner reports beside its timings. */
export interface CacheCounts {
  hits: number;
  misses: number;
}

/**
 * Mast coverages cached by their inputs (mastCoverageKey), in memory and optionally in a folder on disk
 * (one small file per key, written whole then renamed, so a killed process leaves no half file), so that a
 * re-plan with other weights or another budget does not predict a single mast again.
 */
export class MastCoverageCache {
  readonly counts: CacheCounts = { hits: 0, misses: 0 };
  private readonly memory = new Map<string, MastCoverage>();

  /**
   * `memory: false` keeps nothing in memory (answers come from the folder): for a thread that predicts each mast
   * once and hands its cells on, where a second copy would only double the memory.
   */
  constructor(
    private readonly folder?: string,
    private readonly options: { memory?: boolean } = {},
  ) {
    if (folder) mkdirSync(folder, { recursive: true });
  }

  private remember(key: string, coverage: MastCoverage): void {
    if (this.options.memory !== false) this.memory.set(key, coverage);
  }

  coverage(dem: SweepDem, mast: MastSectors, params: CoverageParams, scratch?: MastCoverageScratch): MastCoverage {
    const key = mastCoverageKey(dem, mast, params);
    const known = this.memory.get(key) ?? this.fromDisk(key);
    if (known) {
      this.counts.hits++;
      this.remember(key, known);
      // The key holds the terrain and antennas relative to the window, not where it stands: place it here.
      const { x0, y0 } = mastWindow(dem, mast, params);
      return { ...known, x0, y0 };
    }
    this.counts.misses++;
    const computed = mastCoverage(dem, mast, params, scratch);
    this.remember(key, computed);
    this.toDisk(key, computed);
    return computed;
  }

  private fromDisk(key: string): MastCoverage | undefined {
    if (!this.folder) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.folder, `${key}.bin`));
    } catch {
      return undefined;
    }
    return decodeMastCoverage(bytes);
  }

  private toDisk(key: string, coverage: MastCoverage): void {
    if (!this.folder) return;
    const path = join(this.folder, `${key}.bin`);
    writeFileSync(`${path}.part`, encodeMastCoverage(coverage));
    renameSync(`${path}.part`, path);
  }
}

/** Window origin and width, the cell count, then the cells (all uint32, little-endian). */
export function encodeMastCoverage(coverage: MastCoverage): Buffer {
  const head = new Int32Array([coverage.x0, coverage.y0, coverage.width, coverage.cells.length]);
  return Buffer.concat([
    Buffer.from(head.buffer),
    Buffer.from(coverage.cells.buffer, coverage.cells.byteOffset, coverage.cells.byteLength),
  ]);
}

export function decodeMastCoverage(bytes: Buffer): MastCoverage | undefined {
  if (bytes.length < 16) return undefined;
  const copy = new Uint8Array(bytes); // aligned
  const head = new Int32Array(copy.buffer, 0, 4);
  const count = head[3]!;
  if (bytes.length !== 16 + 4 * count) return undefined; // not ours or cut short: recomputed
  return { x0: head[0]!, y0: head[1]!, width: head[2]!, cells: new Uint32Array(copy.buffer, 16, count) };
}
