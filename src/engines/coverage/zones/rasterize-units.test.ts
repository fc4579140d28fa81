import { describe, expect, it } from 'vitest';
import { rasterizeUnits, zonalSums, type GridPolygon } from './rasterize-units.js';

const square = (x0: number, y0: number, x1: number, y1: number): GridPolygon => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ],
];

describe('rasterizeUnits', () => {
  it('gives whole cells to the unit they lie in', () => {
    const zones = rasterizeUnits([[square(0, 0, 2, 2)], [square(2, 0, 4, 2)]], 4, 2);
    expect([...zones.whole]).toEqual([0, 0, 1, 1, 0, 0, 1, 1]);
    expect(zones.partial.cell).toHaveLength(0);
  });

  it('splits a cell cut by a boundary by area, not by its centre', () => {
    // The boundary runs down x = 1.3: cell 1 is 30 % in unit 0 and 70 % in unit 1.
    const zones = rasterizeUnits([[square(0, 0, 1.3, 1)], [square(1.3, 0, 3, 1)]], 3, 1);
    const shares = [...zones.partial.cell].map((cell, i) => [cell, zones.partial.unit[i], zones.partial.share[i]]);
    expect(shares).toEqual([
      [1, 0, expect.closeTo(0.3, 6)],
      [1, 1, expect.closeTo(0.7, 6)],
    ]);
    const people = zonalSums(zones, new Float32Array([100, 100, 100]), null, 2);
    expect([...people.population]).toEqual([expect.closeTo(130, 4), expect.closeTo(170, 4)]);
  });

  it('is exact for a diagonal cut through a cell', () => {
    const triangle: GridPolygon = [
      [
        [0, 0],
        [1, 0],
        [0, 1],
      ],
    ];
    const zones = rasterizeUnits([[triangle]], 1, 1);
    expect(zones.partial.share[0]).toBeCloseTo(0.5, 6);
  });

  it('leaves holes out', () => {
    const withHole: GridPolygon = [...square(0, 0, 3, 3), ...square(1, 1, 2, 2)];
    const zones = rasterizeUnits([[withHole]], 3, 3);
    expect(zones.whole[4]).toBe(-1);
    expect([...zones.whole].filter((u) => u === 0)).toHaveLength(8);
  });

  it('conserves people across units that tile an area with ragged shared edges', () => {
    const left: GridPolygon = [
      [
        [0, 0],
        [5.37, 0],
        [4.11, 2.5],
        [6.02, 6],
        [0, 6],
      ],
    ];
    const right: GridPolygon = [
      [
        [5.37, 0],
        [8, 0],
        [8, 6],
        [6.02, 6],
        [4.11, 2.5],
      ],
    ];
    const zones = rasterizeUnits([[left], [right]], 8, 6);
    const population = new Float32Array(48).fill(10);
    const sums = zonalSums(zones, population, null, 2);
    expect(sums.population[0]! + sums.population[1]!).toBeCloseTo(480, 3);
  });
});

describe('zonalSums', () => {
  it('gives 50.00 % ± 0.05 pp for a uniform population square half covered by a disc', () => {
    // A disc of half the square's area, centred in it: half the people are covered.
    const size = 250;
    const zones = rasterizeUnits([[square(0, 0, size, size)]], size, size);
    const radius = size / Math.sqrt(2 * Math.PI);
    const covered = new Uint8Array(size * size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const dx = x + 0.5 - size / 2;
        const dy = y + 0.5 - size / 2;
        if (dx * dx + dy * dy <= radius * radius) covered[y * size + x] = 1;
      }
    }
    const sums = zonalSums(zones, new Float32Array(size * size).fill(7), covered, 1);
    const percent = (100 * sums.covered[0]!) / sums.population[0]!;
    expect(Math.abs(percent - 50)).toBeLessThan(0.05);
  });
});
