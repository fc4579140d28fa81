import { gunzipSync, gzipSync } from 'node:zlib';
import type { Technology } from '../domain/coverage/technology.js';
import type { GridSpec } from '../engines/coverage/raster/raster.js';
import type { GridSite } from '../engines/coverage/predict/site-signal.js';
import type { CoverageParams } from '../engines/coverage/predict/coverage-params.js';
import type { TileSpec } from '../engines/coverage/predict/predict-tile.js';

/** What a worker on another machine needs to predict any tile of a run. */
export interface WorkPackage {
  grid: GridSpec;
  dem: Float32Array;
  sites: GridSite[];
  params: CoverageParams;
  technologies: Technology[];
}

// Layout: 4-byte header length, JSON header, then the DEM's float32 bytes; all gzipped.
export function packWork(work: WorkPackage): Buffer {
  const header = Buffer.from(
    JSON.stringify({ grid: work.grid, sites: work.sites, params: work.params, technologies: work.technologies }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return gzipSync(
    Buffer.concat([length, header, Buffer.from(work.dem.buffer, work.dem.byteOffset, work.dem.byteLength)]),
    { level: 1 },
  );
}

export function unpackWork(bytes: Uint8Array): WorkPackage {
  const raw = gunzipSync(bytes);
  const headerLength = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString()) as Omit<WorkPackage, 'dem'>;
  const demBytes = raw.subarray(4 + headerLength);
  const dem = new Float32Array(demBytes.length / 4);
  new Uint8Array(dem.buffer).set(demBytes);
  return { ...header, params: { ...header.params, kFactor: header.params.kFactor ?? Infinity }, dem };
}

/**
 * A tile's result for the database: per technology its levels then its best servers, then per technology
 * its operator bits (one byte a cell), gzipped.
 */
export function packTile(
  technologies: readonly Technology[],
  level: Partial<Record<Technology, Float32Array>>,
  server: Partial<Record<Technology, Int32Array>>,
  cells: number,
  masks: Partial<Record<Technology, Uint8Array>> = {},
): Buffer {
  const parts: Buffer[] = [];
  for (const tech of technologies) {
    const l = level[tech] ?? new Float32Array(cells).fill(Number.NaN);
    const s = server[tech] ?? new Int32Array(cells).fill(-1);
    parts.push(Buffer.from(l.buffer, l.byteOffset, l.byteLength), Buffer.from(s.buffer, s.byteOffset, s.byteLength));
  }
  for (const tech of technologies) {
    const m = masks[tech] ?? new Uint8Array(cells);
    parts.push(Buffer.from(m.buffer, m.byteOffset, m.byteLength));
  }
  return gzipSync(Buffer.concat(parts), { level: 1 });
}

export function unpackTile(bytes: Uint8Array, technologies: readonly Technology[], tile: TileSpec) {
  const raw = gunzipSync(bytes);
  const cells = tile.width * tile.height;
  const level: Partial<Record<Technology, Float32Array>> = {};
  const server: Partial<Record<Technology, Int32Array>> = {};
  const mask: Partial<Record<Technology, Uint8Array>> = {};
  const masksAt = technologies.length * cells * 8;
  technologies.forEach((tech, i) => {
    const at = i * cells * 8;
    level[tech] = new Float32Array(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + cells * 4));
    server[tech] = new Int32Array(raw.buffer.slice(raw.byteOffset + at + cells * 4, raw.byteOffset + at + cells * 8));
    const from = raw.byteOffset + masksAt + i * cells;
    mask[tech] = new Uint8Array(raw.buffer.slice(from, from + cells));
  });
  return { level, server, mask };
}
