import { describe, expect, it } from 'vitest';
import { SMALL_PLAN_GRID, squareArea } from '../../../test/fixtures/planner-grid.js';
import { seededRandom } from './seeded-random.js';
import { excludedCells, squaredDistanceToMarked } from './excluded-areas.js';

const grid = SMALL_PLAN_GRID; // 40 × 40 cells of 100 m

const square = (x0: number, y0: number, x1: number, y1: number) => squareArea(grid, x0, y0, x1, y1);

describe('excluded areas', () => {
  it('gives each cell its exact squared distance to the nearest marked cell', () => {
    const random = seededRandom(7);
    const [width, height] = [23, 17];
    const marked = Uint8Array.from({ length: width * height }, () => (random() < 0.03 ? 1 : 0));
    const d = squaredDistanceToMarked(marked, width, height);
    for (let cell = 0; cell < marked.length; cell++) {
      let best = Infinity;
      for (let other = 0; other < marked.length; other++)
        if (marked[other])
          best = Math.min(
            best,
            ((cell % width) - (other % width)) ** 2 + (Math.floor(cell / width) - Math.floor(other / width)) ** 2,
          );
      expect(d[cell]).toBe(best);
    }
  });

  it('excludes the cells inside an area, and with a margin those within it', () => {
    const forest = square(10, 10, 14, 14);
    const inside = excludedCells(grid, [forest], 0);
    const at = (mask: Uint8Array, x: number, y: number) => mask[y * grid.width + x];
    expect(at(inside, 12, 12)).toBe(1);
    expect(at(inside, 10, 14)).toBe(1);
    expect(at(inside, 16, 12)).toBe(0);
    const withMargin = excludedCells(grid, [forest], 250); // 2.5 cells
    expect(at(withMargin, 16, 12)).toBe(1); // 2 cells east of the area
    expect(at(withMargin, 17, 12)).toBe(0); // 3 cells
    expect(at(withMargin, 16, 16)).toBe(0); // √8 ≈ 2.83 cells from the corner cell
    expect(at(withMargin, 15, 16)).toBe(1); // √5 ≈ 2.24 cells
  });
});
