import { mkdtempSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import GeoTIFF from 'geotiff';
import { openCogStream } from './cog-stream.js';
import { readLayerLevel, readLayerLevelOfFile } from './read-layer-level.js';
import { writeGeoTiffFile } from './write-geotiff.js';

const dir = mkdtempSync(join(tmpdir(), 'layer-level-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAND = {
  crs: 32648,
  transform: { originX: 440000, originY: 1540090, pixelWidth: 30, pixelHeight: -30 },
  noData: Number.NaN,
  description: 'RSRP',
  unit: 'dBm',
} as const;

/** A level that varies from pixel to pixel (so its tiles do not compress to nothing), with holes. */
const levelAt = (x: number, y: number) => ((x * 7 + y * 13) % 97 === 0 ? Number.NaN : -130 + ((x * 31 + y * 17) % 90));

// 16,384 × 4,096 Float32 pixels: 256 MiB at full resolution; the layer's level is 2,048 × 512 (4 MiB).
const WIDTH = 16_384;
const HEIGHT = 4096;
const BLOCK = 2048;
const big = join(dir, 'signal-4G-utm48.tif');

beforeAll(async () => {
  const writer = openCogStream(big, {
    ...BAND,
    width: WIDTH,
    height: HEIGHT,
    sampleType: 'float32',
    blockCells: BLOCK,
  });
  const block = new Float32Array(BLOCK * BLOCK);
  for (let by = 0; by < HEIGHT / BLOCK; by++) {
    for (let bx = 0; bx < WIDTH / BLOCK; bx++) {
      for (let i = 0; i < block.length; i++)
        block[i] = levelAt(bx * BLOCK + (i % BLOCK), by * BLOCK + Math.floor(i / BLOCK));
      await writer.writeBlock(bx, by, block);
    }
  }
  await writer.finish();
}, 60_000);

/** The file opened through a source that counts the bytes it reads from disk. */
async function countingOpen(path: string) {
  const fd = openSync(path, 'r');
  const counter = { bytes: 0 };
  const source = {
    fileSize: statSync(path).size,
    async fetch(slices: { offset: number; length: number }[]) {
      return slices.map((slice) => this.fetchSlice(slice).data);
    },
    fetchSlice(slice: { offset: number; length: number }) {
      const data = new Uint8Array(slice.length);
      counter.bytes += readSync(fd, data, 0, slice.length, slice.offset);
      return { data: data.buffer, offset: slice.offset, length: slice.length };
    },
    async close() {
      closeSync(fd);
    },
  };
  const tiff = await GeoTIFF.fromSource(source as never);
  return { tiff, counter, close: () => source.close() };
}

it('reads only the overview of a large file, never its full level', async () => {
  const { tiff, counter, close } = await countingOpen(big);
  try {
    const layer = await readLayerLevel(tiff, 'signal-4G-utm48.tif');
    expect(layer.level).toBe(3);
    expect([layer.width, layer.height]).toEqual([2048, 512]);
    expect(layer.data).toHaveLength(2048 * 512);
    expect(layer.levels[0]).toEqual({ width: WIDTH, height: HEIGHT });
    // The full level holds 64 times the overview's pixels: reading it would fetch most of the file.
    const size = statSync(big).size;
    expect(counter.bytes).toBeLessThan(size / 16);
  } finally {
    await close();
  }
});

/** A pixel of overview `level` as the writer makes it: each halving the mean of a 2 × 2 block's valid pixels. */
function overviewAt(level: number, x: number, y: number): number {
  if (level === 0) return levelAt(x, y);
  const valid = [0, 1, 2, 3]
    .map((k) => overviewAt(level - 1, x * 2 + (k % 2), y * 2 + Math.floor(k / 2)))
    .filter((v) => !Number.isNaN(v));
  return valid.length ? Math.fround(valid.reduce((s, v) => s + v, 0) / valid.length) : Number.NaN;
}

it("gives the overview's own pixels", async () => {
  const layer = await readLayerLevelOfFile(big, 'signal-4G-utm48.tif');
  for (const [x, y] of [
    [0, 0],
    [1000, 300],
    [2047, 511],
  ] as const) {
    expect(layer.data[y * layer.width + x]).toBeCloseTo(overviewAt(layer.level, x, y), 4);
  }
});

it('reads the full level of a raster smaller than the layer', async () => {
  const path = join(dir, 'signal-4G.tif');
  const data = new Float32Array(600 * 400).map((_, i) => levelAt(i % 600, Math.floor(i / 600)));
  writeGeoTiffFile(path, { ...BAND, width: 600, height: 400, data });
  const layer = await readLayerLevelOfFile(path, 'signal-4G.tif');
  expect([layer.level, layer.width, layer.height]).toEqual([0, 600, 400]);
  expect(Array.from(layer.data.subarray(0, 50))).toEqual(Array.from(data.subarray(0, 50)));
});

it('refuses a file that is not a GeoTIFF, naming it', async () => {
  const path = join(dir, 'broken.tif');
  const fd = openSync(path, 'w');
  closeSync(fd);
  await expect(readLayerLevelOfFile(path, 'broken.tif')).rejects.toThrow(/broken\.tif/);
});
