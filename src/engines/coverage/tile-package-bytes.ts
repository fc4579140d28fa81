/**
 * A tile package and a tile's outcome as bytes, to cross the database between the coordinator and a worker:
 * a 4-byte header length, a JSON header, then the arrays' bytes one after another; all gzipped (level 1:
 * terrain compresses well enough, and speed matters more). Numbers JSON cannot hold (NaN, ±Infinity, −0)
 * are written as {"$n": "…"}, so the header comes back to the same floats.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Technology } from '../../domain/coverage/technology.js';
import type { Hotspot } from './hotspots.js';
import type { WindowTileOutcome } from './predict/window-tile.js';
import type { Raster } from './raster/raster.js';
import type { TilePackage } from './tile-package.js';

type Typed = Float32Array | Float64Array | Int32Array;

const replacer = (_key: string, value: unknown) =>
  typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? { $n: String(value) } : value;

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$n') return Number((value as { $n: string }).$n);
  }
  return value;
}

function pack(header: object, arrays: readonly Typed[]): Buffer {
  const json = Buffer.from(JSON.stringify(header, replacer));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const parts = arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  return gzipSync(Buffer.concat([length, json, ...parts]), { level: 1 });
}

/** The header, and a reader handing out the arrays in the order they were packed (copied, so aligned). */
function unpack<H>(bytes: Uint8Array): {
  header: H;
  next: <T extends Typed>(kind: new (b: ArrayBuffer) => T, count: number) => T;
} {
  const raw = gunzipSync(bytes);
  const headerLength = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString(), reviver) as H;
  let at = 4 + headerLength;
  const next = <T extends Typed>(kind: new (b: ArrayBuffer) => T, count: number): T => {
    const size = count * (kind as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    if (at + size > raw.length) throw new Error('tile bytes: shorter than their header says');
    const array = new kind(raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + size));
    at += size;
    return array;
  };
  return { header, next };
}

type RasterHead = Omit<Raster, 'data'>;
interface PackageHeader extends Omit<TilePackage, 'terrain' | 'population'> {
  terrain: RasterHead | null;
  population: RasterHead[];
}

const headOf = ({ data: _data, ...head }: Raster): RasterHead => head;

export function packTilePackage(pkg: TilePackage): Buffer {
  const header: PackageHeader = {
    ...pkg,
    terrain: pkg.terrain ? headOf(pkg.terrain) : null,
    population: pkg.population.map(headOf),
  };
  const rasters = [...(pkg.terrain ? [pkg.terrain] : []), ...pkg.population];
  return pack(
    header,
    rasters.map((r) => r.data),
  );
}

export function unpackTilePackage(bytes: Uint8Array): TilePackage {
  const { header, next } = unpack<PackageHeader>(bytes);
  const read = (head: RasterHead): Raster => ({ ...head, data: next(Float32Array, head.width * head.height) });
  const terrain = header.terrain ? read(header.terrain) : null;
  return { ...header, terrain, population: header.population.map(read) };
}

interface OutcomeHeader {
  technologies: Technology[];
  cells: number;
  units: number;
  /** Per technology: whether it has levels and servers, and its sums' length. */
  present: { level: boolean; server: boolean; sums: number }[];
  hotspots: Partial<Record<Technology, Hotspot[]>>;
  uncovered: Partial<Record<Technology, Hotspot[]>>;
  mastsSwept: number;
  levelsComputed: number;
  levelsSkipped: number;
}

export function packTileOutcome(
  outcome: WindowTileOutcome,
  technologies: readonly Technology[],
  cells: number,
): Buffer {
  const arrays: Typed[] = [outcome.population];
  const present = technologies.map((tech) => {
    const level = outcome.bestSignalDbm[tech];
    const server = outcome.bestServer[tech];
    const sums = outcome.sums[tech] ?? new Float64Array(0);
    arrays.push(...(level ? [level] : []), ...(server ? [server] : []), sums);
    return { level: Boolean(level), server: Boolean(server), sums: sums.length };
  });
  const header: OutcomeHeader = {
    technologies: [...technologies],
    cells,
    units: outcome.population.length,
    present,
    hotspots: outcome.hotspots,
    uncovered: outcome.uncovered,
    mastsSwept: outcome.mastsSwept,
    levelsComputed: outcome.levelsComputed,
    levelsSkipped: outcome.levelsSkipped,
  };
  return pack(header, arrays);
}

export function unpackTileOutcome(bytes: Uint8Array): WindowTileOutcome {
  const { header, next } = unpack<OutcomeHeader>(bytes);
  const population = next(Float64Array, header.units);
  const outcome: WindowTileOutcome = {
    bestSignalDbm: {},
    bestServer: {},
    population,
    sums: {},
    hotspots: header.hotspots,
    uncovered: header.uncovered,
    mastsSwept: header.mastsSwept,
    levelsComputed: header.levelsComputed,
    levelsSkipped: header.levelsSkipped,
  };
  header.technologies.forEach((tech, i) => {
    const present = header.present[i]!;
    if (present.level) outcome.bestSignalDbm[tech] = next(Float32Array, header.cells);
    if (present.server) outcome.bestServer[tech] = next(Int32Array, header.cells);
    outcome.sums[tech] = next(Float64Array, present.sums);
  });
  return outcome;
}
