import { describe, expect, it } from 'vitest';
import type { BoundaryCollection } from '../api/types.js';
import { bboxOf, bboxOfPoints, orderCorners } from './geo.js';

const feature = (geometry: BoundaryCollection['features'][number]['geometry']) =>
  ({ type: 'Feature', properties: {} as never, geometry }) as const;

describe('bboxOf', () => {
  it('covers polygons and multipolygons, skipping missing geometry', () => {
    const fc: BoundaryCollection = {
      type: 'FeatureCollection',
      features: [
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [108, 14],
              [108.5, 14],
              [108.5, 14.5],
              [108, 14],
            ],
          ],
        }),
        feature({
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [107.3, 13.1],
                [107.4, 13.1],
                [107.4, 13.2],
                [107.3, 13.1],
              ],
            ],
            [
              [
                [109.3, 14.6],
                [109.35, 14.6],
                [109.3, 14.62],
                [109.3, 14.6],
              ],
            ],
          ],
        }),
        feature(null),
      ],
    };
    expect(bboxOf(fc)).toEqual([107.3, 13.1, 109.35, 14.62]);
  });

  it('is null without coordinates', () => {
    expect(bboxOf({ type: 'FeatureCollection', features: [] })).toBeNull();
    expect(bboxOf({ type: 'FeatureCollection', features: [feature(null)] })).toBeNull();
  });
});

describe('bboxOfPoints', () => {
  it('ignores invalid points', () => {
    expect(bboxOfPoints([[108, 14], [109, 13], [Number.NaN, 5], [200, 10], 'x'])).toEqual([108, 13, 109, 14]);
    expect(bboxOfPoints([])).toBeNull();
  });
});

describe('orderCorners', () => {
  // The demo run's corners: a UTM grid, slightly rotated in longitude/latitude.
  const tl: [number, number] = [107.30360434011311, 14.57899549828612];
  const tr: [number, number] = [109.32895484944305, 14.602288628894378];
  const br: [number, number] = [109.33993667137992, 13.05855121786758];
  const bl: [number, number] = [107.3278433406504, 13.0378095544854];

  it('keeps corners that are already top-left, top-right, bottom-right, bottom-left', () => {
    expect(orderCorners([tl, tr, br, bl])).toEqual([tl, tr, br, bl]);
  });

  it('reorders corners given in any other order', () => {
    expect(orderCorners([bl, br, tr, tl])).toEqual([tl, tr, br, bl]);
    expect(orderCorners([br, tl, bl, tr])).toEqual([tl, tr, br, bl]);
    expect(orderCorners([tr, bl, tl, br])).toEqual([tl, tr, br, bl]);
  });

  it('refuses anything but four distinct valid points', () => {
    expect(orderCorners(undefined)).toBeNull();
    expect(orderCorners([tl, tr, br])).toBeNull();
    expect(orderCorners([tl, tl, br, bl])).toBeNull();
    expect(orderCorners([tl, tr, br, [Number.NaN, 1]])).toBeNull();
    expect(orderCorners([tl, tr, br, [181, 13]])).toBeNull();
    expect(
      orderCorners([
        [1, 4],
        [1, 3],
        [1, 2],
        [1, 1],
      ]),
    ).toBeNull();
  });
});
