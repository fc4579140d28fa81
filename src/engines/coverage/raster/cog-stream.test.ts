import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCogStream, cogStreamResidentBytes, type CogStreamOptions } from './cog-stream.js';
import { bandArray, sampleTypeOf, type BandArray } from './cog-tiles.js';
import { readGeoTiff } from './read-geotiff.js';
import { writeGeoTiffFile, type WriteGeoTiffInput } from './write-geotiff.js';

const hasGdal = spawnSync('gdalinfo', ['--version'], { stdio: 'ignore' }).status === 0;

const dir = () => mkdtempSync(join(tmpdir(), 'cog-stream-'));

/** A deterministic pseudo-random sequence (mulberry32), so a failing order can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Measurements with holes (Float32, NaN no-data) or categories with holes (Uint16, 65535 no-data). */
function band(kind: 'float32' | 'uint16', width: number, height: number, seed: number): WriteGeoTiffInput {
  const next = random(seed);
  const data = bandArray(kind, width * height);
  for (let i = 0; i < data.length; i++) {
    const hole = next() < 0.05;
    const x = i % width;
    data[i] = kind === 'float32' ? (hole ? NaN : -120 + x / 10 + next()) : hole ? 65535 : Math.floor(next() * 40);
  }
  return {
    width,
    height,
    data,
    crs: 32648,
    transform: { originX: 440000, originY: 1540090, pixelWidth: 30, pixelHeight: -30 },
    noData: kind === 'float32' ? NaN : 65535,
    overviews: kind === 'float32' ? 'average' : 'nearest',
    description: kind === 'float32' ? 'RSRP' : 'best server',
    unit: kind === 'float32' ? 'dBm' : '',
    metadata: { TECHNOLOGY: '4G' },
  };
}

/** The pixels of block (bx, by) of a whole band. */
function blockOf(input: WriteGeoTiffInput, bx: number, by: number, blockCells: number): BandArray {
  const x0 = bx * blockCells;
  const y0 = by * blockCells;
  const w = Math.min(blockCells, input.width - x0);
  const h = Math.min(blockCells, input.height - y0);
  const out = bandArray(sampleTypeOf(input.data), w * h);
  for (let r = 0; r < h; r++) {
    const from = (y0 + r) * input.width + x0;
    out.set(input.data.subarray(from, from + w), r * w);
  }
  return out;
}

function blocks(input: WriteGeoTiffInput, blockCells: number): [number, number][] {
  const all: [number, number][] = [];
  for (let by = 0; by < Math.ceil(input.height / blockCells); by++) {
    for (let bx = 0; bx < Math.ceil(input.width / blockCells); bx++) all.push([bx, by]);
  }
  return all;
}

function optionsOf(input: WriteGeoTiffInput, extra: Partial<CogStreamOptions> = {}): CogStreamOptions {
  const { data, ...rest } = input;
  return { ...rest, sampleType: sampleTypeOf(data), ...extra };
}

async function streamed(path: string, input: WriteGeoTiffInput, blockCells: number, seed: number, extra = {}) {
  const writer = openCogStream(path, optionsOf(input, { blockCells, ...extra }));
  for (const [bx, by] of shuffled(blocks(input, blockCells), seed)) {
    await writer.writeBlock(bx, by, blockOf(input, bx, by, blockCells));
  }
  await writer.finish();
}

async function expectSameBytes(input: WriteGeoTiffInput, blockCells: number, seed: number, extra = {}) {
  const at = dir();
  writeGeoTiffFile(join(at, 'whole.tif'), { ...input, ...extra });
  await streamed(join(at, 'stream.tif'), input, blockCells, seed, extra);
  const whole = readFileSync(join(at, 'whole.tif'));
  const stream = readFileSync(join(at, 'stream.tif'));
  expect(stream.length).toBe(whole.length);
  expect(Buffer.compare(stream, whole)).toBe(0);
}

describe('CogStreamWriter', () => {
  it('writes the bytes writeGeoTiffFile writes, whatever the block order (256 tiles)', async () => {
    const cases: [kind: 'float32' | 'uint16', width: number, height: number, blockCells: number][] = [
      ['float32', 600, 500, 256], // blocks of one tile: the coarse raster is the full resolution
      ['float32', 1000, 700, 512],
      ['float32', 2100, 1300, 2048], // two blocks, one level beyond them
      ['uint16', 1500, 1100, 512],
      ['uint16', 2049, 1025, 1024], // one-pixel columns of blocks at the right
      ['uint16', 100, 80, 2048], // smaller than one block and one tile
    ];
    for (const [i, [kind, width, height, blockCells]] of cases.entries()) {
      await expectSameBytes(band(kind, width, height, i + 1), blockCells, 100 + i);
    }
  }, 60_000);

  it('writes the same bytes for edge sizes and many overview levels (16-pixel tiles)', async () => {
    const sizes: [number, number][] = [
      [1, 1],
      [1, 300],
      [300, 1],
      [17, 33],
      [129, 65],
      [257, 300],
      [64, 64],
      [65, 64],
    ];
    for (const [i, [width, height]] of sizes.entries()) {
      for (const kind of ['float32', 'uint16'] as const) {
        for (const blockCells of [16, 32, 128]) {
          for (const seed of [1, 2]) {
            await expectSameBytes(band(kind, width, height, i), blockCells, seed * 31 + i, { tileSize: 16 });
          }
        }
      }
    }
  }, 60_000);

  it('writes BigTIFF when forced, byte for byte as writeGeoTiffFile, readable by readGeoTiff', async () => {
    const input = band('float32', 700, 300, 9);
    await expectSameBytes(input, 256, 4, { bigTiff: true });
    const path = join(dir(), 'big.tif');
    await streamed(path, input, 256, 5, { bigTiff: true });
    const bytes = readFileSync(path);
    expect(bytes.readUInt16LE(2)).toBe(43);
    const raster = await readGeoTiff(new Uint8Array(bytes), 'big.tif');
    expect([...raster.data]).toEqual([...input.data]);
    const classic = join(dir(), 'classic.tif');
    await streamed(classic, input, 256, 5);
    expect(readFileSync(classic).readUInt16LE(2)).toBe(42);
  });

  it.skipIf(!hasGdal)('BigTIFF from the stream opens in GDAL', async () => {
    const path = join(dir(), 'big.tif');
    await streamed(path, band('uint16', 600, 520, 3), 256, 7, { bigTiff: true });
    const info = JSON.parse(execFileSync('gdalinfo', ['-json', path], { encoding: 'utf8' })) as {
      size: number[];
      metadata: Record<string, Record<string, string>>;
    };
    expect(info.size).toEqual([600, 520]);
    expect(info.metadata.IMAGE_STRUCTURE).toMatchObject({ LAYOUT: 'COG' });
  });

  it('reads back, blocks in random order, with the same pixels', async () => {
    const input = band('float32', 2500, 2200, 11);
    const path = join(dir(), 'rsrp.tif');
    await streamed(path, input, 2048, 12);
    const raster = await readGeoTiff(new Uint8Array(readFileSync(path)), 'rsrp.tif');
    expect(raster).toMatchObject({ width: 2500, height: 2200, transform: input.transform });
    expect(raster.noData).toBeNaN();
    const differing = input.data.filter((v, i) => !Object.is(v, raster.data[i])).length;
    expect(differing).toBe(0);
    expect(existsSync(`${path}.spool`) || existsSync(`${path}.part`)).toBe(false);
  }, 30_000);

  it.skipIf(!hasGdal)(
    'is a COG to GDAL: size, overviews, description, unit, no-data, 256 tiles, DEFLATE',
    async () => {
      const input = band('float32', 2500, 2200, 13);
      const path = join(dir(), 'rsrp.tif');
      await streamed(path, input, 1024, 14);
      const info = JSON.parse(execFileSync('gdalinfo', ['-json', path], { encoding: 'utf8' })) as {
        size: number[];
        metadata: Record<string, Record<string, string>>;
        bands: {
          block: number[];
          noDataValue: unknown;
          description: string;
          unit: string;
          overviews: { size: number[] }[];
        }[];
      };
      expect(info.size).toEqual([2500, 2200]);
      expect(info.metadata.IMAGE_STRUCTURE).toMatchObject({ LAYOUT: 'COG', COMPRESSION: 'DEFLATE' });
      expect(info.metadata['']).toMatchObject({ TECHNOLOGY: '4G' });
      const [b] = info.bands;
      expect(b).toMatchObject({ block: [256, 256], noDataValue: 'NaN', description: 'RSRP', unit: 'dBm' });
      expect(b!.overviews.map((o) => o.size)).toEqual([
        [1250, 1100],
        [625, 550],
        [313, 275],
        [157, 138],
      ]);
      const value = execFileSync('gdallocationinfo', ['-valonly', path, '2499', '2100'], { encoding: 'utf8' });
      const expected = input.data[2100 * 2500 + 2499]!;
      if (Number.isNaN(expected)) expect(value.trim()).toMatch(/nan/i);
      else expect(Number(value)).toBeCloseTo(expected, 4);
    },
    30_000,
  );

  it('keeps in memory only the coarse raster and the tile index, of the size the module comment states', () => {
    const shape = { width: 5000, height: 3000, blockCells: 2048, tileSize: 256, sampleType: 'float32' } as const;
    // Levels 5000 × 3000, 2500 × 1500, 1250 × 750, 625 × 375 come from blocks; 625 × 375 Float32 stays in memory.
    const claimed = cogStreamResidentBytes(shape);
    expect(claimed.coarseRaster).toBe(625 * 375 * 4);
    // Tiles: 20 × 12 + 10 × 6 + 5 × 3 + 3 × 2 + 2 × 1 + 1 = 324, each 12 bytes.
    expect(claimed.tileIndex).toBe(324 * 12);
    expect(claimed.blockFlags).toBe(3 * 2);
    const at = join(dir(), 'x.tif');
    const writer = openCogStream(at, { ...optionsOf(band('float32', 1, 1, 1)), ...shape });
    expect(writer.residentBytes).toEqual(claimed);
    void writer.abort();
    const small = cogStreamResidentBytes({ ...shape, width: 2000, height: 2000 }); // every level within one block
    expect(small.coarseRaster).toBe(0);
  });

  it('sends the tiles of each block to the spool file as it comes', async () => {
    const input = band('uint16', 1100, 600, 21);
    const path = join(dir(), 'spooled.tif');
    const writer = openCogStream(path, optionsOf(input, { blockCells: 512 }));
    const sizes: number[] = [];
    for (const [bx, by] of blocks(input, 512)) {
      await writer.writeBlock(bx, by, blockOf(input, bx, by, 512));
      sizes.push(statSync(`${path}.spool`).size);
    }
    expect(sizes[0]).toBeGreaterThan(0);
    expect(sizes.every((s, i) => i === 0 || s > sizes[i - 1]!)).toBe(true);
    await writer.finish();
    expect(existsSync(`${path}.spool`)).toBe(false);
  });

  it('refuses a missing block, naming it, and finishes once it comes', async () => {
    const input = band('uint16', 600, 300, 5);
    const path = join(dir(), 'gap.tif');
    const writer = openCogStream(path, optionsOf(input, { blockCells: 256 }));
    for (const [bx, by] of blocks(input, 256).filter(([x, y]) => !(x === 2 && y === 1) && !(x === 0 && y === 0))) {
      await writer.writeBlock(bx, by, blockOf(input, bx, by, 256));
    }
    await expect(writer.finish()).rejects.toThrowError(/2 blocks not written: \(0, 0\), \(2, 1\)/);
    expect(existsSync(path)).toBe(false);
    await writer.writeBlock(0, 0, blockOf(input, 0, 0, 256));
    await writer.writeBlock(2, 1, blockOf(input, 2, 1, 256));
    await writer.finish();
    const raster = await readGeoTiff(new Uint8Array(readFileSync(path)), 'gap.tif');
    expect([...raster.data]).toEqual([...input.data]);
  });

  it('refuses blocks it cannot place and options it cannot write', async () => {
    const input = band('uint16', 600, 300, 5);
    const path = join(dir(), 'bad.tif');
    const writer = openCogStream(path, optionsOf(input, { blockCells: 256 }));
    await expect(writer.writeBlock(3, 0, new Uint16Array(1))).rejects.toThrowError(/outside the 3 × 2 blocks/);
    await expect(writer.writeBlock(2, 1, new Uint16Array(88 * 256))).rejects.toThrowError(
      /needs 88 × 44 uint16 values, not 22528 uint16/,
    );
    await expect(writer.writeBlock(2, 1, new Float32Array(88 * 44))).rejects.toThrowError(/not 3872 float32/);
    await writer.writeBlock(2, 1, new Uint16Array(88 * 44));
    await expect(writer.writeBlock(2, 1, new Uint16Array(88 * 44))).rejects.toThrowError(/already written/);
    await writer.abort();
    expect(() => openCogStream(path, optionsOf(input, { blockCells: 768 }))).toThrowError(/times a power of two/);
    expect(() => openCogStream(path, optionsOf(input, { blockCells: 128 }))).toThrowError(/times a power of two/);
    expect(() => openCogStream(path, optionsOf(input, { crs: 2154 }))).toThrowError(/EPSG:2154/);
    expect(() => openCogStream(path, optionsOf(input, { noData: -1 }))).toThrowError(/no-data -1 cannot be stored/);
  });

  it('abort removes the spool and the partial file', async () => {
    const input = band('float32', 700, 300, 8);
    const path = join(dir(), 'aborted.tif');
    const writer = openCogStream(path, optionsOf(input, { blockCells: 256 }));
    await writer.writeBlock(1, 0, blockOf(input, 1, 0, 256));
    expect(existsSync(`${path}.spool`)).toBe(true);
    await writer.abort();
    expect([path, `${path}.spool`, `${path}.part`].some((p) => existsSync(p))).toBe(false);
    await expect(writer.writeBlock(0, 0, blockOf(input, 0, 0, 256))).rejects.toThrowError(/aborted/);
  });
});
