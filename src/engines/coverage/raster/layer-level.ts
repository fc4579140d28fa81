/**
 * Which level of a COG pyramid the map layer draws: enough pixels for a screen, never a national grid's
 * full resolution. Levels are the full resolution first, then each overview halving the last (rounding up),
 * as cog-tiles.ts writes them.
 */

export interface LevelSize {
  width: number;
  height: number;
}

/** The layer's least larger side, in pixels: sharp on a large screen, a few MB to decode. */
export const LAYER_MIN_SIDE_PX = 2048;

/**
 * The index of the level whose larger side is the smallest at least `minSidePx`, or 0 (the full
 * resolution) when even that one is smaller. The chosen level's larger side is below 2 · minSidePx whenever
 * the next overview exists, so what is decoded does not grow with the file.
 */
export function layerLevelIndex(levels: readonly LevelSize[], minSidePx = LAYER_MIN_SIDE_PX): number {
  if (levels.length === 0) throw new Error('layerLevelIndex: a pyramid has at least its full level');
  let chosen = 0;
  levels.forEach((level, i) => {
    if (Math.max(level.width, level.height) >= minSidePx) chosen = i;
  });
  return chosen;
}

/**
 * How many full-resolution cells across and down the level's pixels span: a level halving an odd size
 * rounds up, so its last pixel reaches past the raster's edge, and the layer's corners must follow it.
 */
export function levelSpanCells(levels: readonly LevelSize[], index: number): LevelSize {
  const level = levels[index];
  if (!level) throw new Error(`levelSpanCells: no level ${index} among ${levels.length}`);
  const scale = 2 ** index;
  return { width: level.width * scale, height: level.height * scale };
}
