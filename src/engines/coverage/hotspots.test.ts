import { expect, it } from 'vitest';
import { uncoveredHotspots } from './hotspots.js';
import { rasterizeUnits } from './zones/rasterize-units.js';

it('finds the block where most uncovered people live, per unit', () => {
  const size = 20;
  const grid = {
    crs: '+proj=utm +zone=49 +datum=WGS84 +units=m +no_defs',
    originX: 400_000,
    originY: 1_550_000,
    cellSizeM: 100,
    width: size,
    height: size,
  };
  const zones = rasterizeUnits(
    [
      [
        [
          [
            [0, 0],
            [20, 0],
            [20, 20],
            [0, 20],
          ],
        ],
      ],
    ],
    size,
    size,
  );
  const population = new Float32Array(size * size).fill(1);
  for (let y = 12; y < 15; y++) for (let x = 2; x < 5; x++) population[y * size + x] = 50; // a village in the south-west
  const covered = (cell: number) => cell % size >= 10; // the east half is covered
  const [top] = uncoveredHotspots(grid, population, zones, ['U'], covered, { blockM: 500, perUnit: 2 });
  expect(top!.unit).toBe('U');
  expect(top!.people).toBe(9 * 50 + 16); // the 5 × 5-cell block holding the village
  expect(top!.lat).toBeLessThan(14.02);
});
