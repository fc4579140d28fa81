import { describe, expect, it } from 'vitest';
import { levelSizes } from './cog-tiles.js';
import { layerLevelIndex, levelSpanCells } from './layer-level.js';

describe('layerLevelIndex', () => {
  it('takes the smallest overview whose larger side is at least 2,048 pixels', () => {
    // A national grid at 30 m: 37,500 × 50,000 → 25,000, 12,500, 6,250, 3,125, 1,563 … on the larger side.
    const levels = levelSizes(37_500, 50_000, 256);
    const index = layerLevelIndex(levels);
    expect(levels[index]).toEqual({ width: 2344, height: 3125 });
    expect(Math.max(levels[index + 1]!.width, levels[index + 1]!.height)).toBeLessThan(2048);
  });

  it('takes a level of exactly 2,048 pixels rather than the next one down', () => {
    expect(layerLevelIndex(levelSizes(8192, 1000, 256))).toBe(2);
  });

  it('draws the full level of a raster smaller than 2,048 pixels, or one whose first overview is', () => {
    expect(layerLevelIndex(levelSizes(1500, 900, 256))).toBe(0);
    expect(layerLevelIndex(levelSizes(4000, 3000, 256))).toBe(0);
    expect(layerLevelIndex([{ width: 300, height: 200 }])).toBe(0);
  });

  it('decides on the larger side, whichever it is', () => {
    expect(layerLevelIndex(levelSizes(100, 9000, 256))).toBe(2);
  });
});

describe('levelSpanCells', () => {
  it('counts the cells an overview spans, past the edge when halving rounded up', () => {
    const levels = levelSizes(5001, 4097, 256);
    expect(levels[1]).toEqual({ width: 2501, height: 2049 });
    expect(levelSpanCells(levels, 1)).toEqual({ width: 5002, height: 4098 });
    expect(levelSpanCells(levels, 0)).toEqual({ width: 5001, height: 4097 });
  });
});
