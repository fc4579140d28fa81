import { describe, expect, it } from 'vitest';
import { cogHead, cogTileOrder, TIFF_LONG, type CogImageLayout } from './cog-layout.js';

/** A one-level image of `tiles` tiles of `length` bytes: the head needs only their lengths, not their bytes. */
const image = (tiles: number, length: number): CogImageLayout[] => [
  { tags: [{ tag: 256, type: TIFF_LONG, values: [256] }], tileLengths: new Array<number>(tiles).fill(length) },
];

describe('cogHead', () => {
  it('picks BigTIFF only when a classic TIFF would pass 4 GiB', () => {
    const tile = 2 ** 20; // 1 MiB tiles: 4095 fit in 4 GiB with their head and frames, 4096 do not
    const under = cogHead(image(4095, tile), 'auto');
    expect(under.bigTiff).toBe(false);
    expect(under.fileSize).toBeLessThan(2 ** 32);
    expect(new DataView(under.head.buffer).getUint16(2, true)).toBe(42);
    const over = cogHead(image(4096, tile), 'auto');
    expect(over.bigTiff).toBe(true);
    expect(over.fileSize).toBeGreaterThan(2 ** 32);
    expect(new DataView(over.head.buffer).getUint16(2, true)).toBe(43);
    expect(() => cogHead(image(4096, tile), false)).toThrowError(RangeError);
    expect(cogHead(image(1, 100), true).bigTiff).toBe(true);
  });

  it('orders tile data from the smallest overview to the full resolution', () => {
    expect([...cogTileOrder([2, 1, 3])]).toEqual([
      [2, 0],
      [2, 1],
      [2, 2],
      [1, 0],
      [0, 0],
      [0, 1],
    ]);
  });
});
