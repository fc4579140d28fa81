import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coveredShare, pixelAreaFractionInside, type PlanarPolygon, type PlanarRing } from './coverage-share.js';

it('weights cells by population, not by count', () => {
  expect(
    coveredShare([
      { population: 900, covered: true },
      { population: 100, covered: false },
    ]),
  ).toBeCloseTo(0.9);
});
it('has no share for a unit with no residents', () => expect(coveredShare([])).toBeNull());

const rect = (x0: number, y0: number, x1: number, y1: number): PlanarRing => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];
const pixel = rect(0, 0, 100, 100); // a 100 m pixel

describe('pixelAreaFractionInside', () => {
  it('is 1 inside, 0 outside and 0.5 for a pixel half inside', () => {
    expect(pixelAreaFractionInside(pixel, [[rect(-500, -500, 500, 500)]])).toBe(1);
    expect(pixelAreaFractionInside(pixel, [[rect(200, 0, 300, 100)]])).toBe(0);
    expect(pixelAreaFractionInside(pixel, [[rect(50, -500, 500, 500)]])).toBeCloseTo(0.5, 12);
  });

  it('is 0.5 for a pixel cut along its diagonal, whatever the windings', () => {
    const below: PlanarRing = [
      [-1000, -1000],
      [1000, -1000],
      [1000, 1000],
    ];
    expect(pixelAreaFractionInside(pixel, [[below]])).toBeCloseTo(0.5, 12);
    expect(pixelAreaFractionInside([...pixel].reverse(), [[[...below].reverse()]])).toBeCloseTo(0.5, 12);
  });

  it('subtracts holes', () => {
    const withHole: PlanarPolygon = [rect(-500, -500, 500, 500), rect(0, 0, 50, 50)];
    expect(pixelAreaFractionInside(pixel, [withHole])).toBeCloseTo(0.75, 12);
  });

  it('handles a concave unit and several parts', () => {
    // A U open at the top: its notch x 30–70, y 20–200 takes 40·80 m² out of the pixel.
    const u: PlanarRing = [
      [-100, -100],
      [200, -100],
      [200, 200],
      [70, 200],
      [70, 20],
      [30, 20],
      [30, 200],
      [-100, 200],
    ];
    expect(pixelAreaFractionInside(pixel, [[u]])).toBeCloseTo(1 - (40 * 80) / 10_000, 12);
    expect(pixelAreaFractionInside(pixel, [[rect(0, 0, 50, 50)], [rect(50, 50, 100, 100)]])).toBeCloseTo(0.5, 12);
  });

  it('equals the overlap of two rectangles', () => {
    const coord = fc.double({ min: -200, max: 300, noNaN: true });
    fc.assert(
      fc.property(coord, coord, coord, coord, (a, b, c, d) => {
        const [x0, x1] = [Math.min(a, b), Math.max(a, b)];
        const [y0, y1] = [Math.min(c, d), Math.max(c, d)];
        const overlap =
          Math.max(0, Math.min(x1, 100) - Math.max(x0, 0)) * Math.max(0, Math.min(y1, 100) - Math.max(y0, 0));
        expect(pixelAreaFractionInside(pixel, [[rect(x0, y0, x1, y1)]])).toBeCloseTo(overlap / 10_000, 9);
      }),
    );
  });
});
