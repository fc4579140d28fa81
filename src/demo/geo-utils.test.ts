import { expect, it } from 'vitest';
import {
  LocalProjection,
  boundaryToLinesDistance,
  geodesicAreaKm2,
  pointInMultiPolygon,
  ringSignedArea,
  segmentSegmentDistance,
  toGeoJsonGeometry,
  type MultiPoly,
  type Pt,
} from './geo-utils.js';

const square: Pt[] = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
  [0, 0],
];
const hole: Pt[] = [
  [0.5, 0.5],
  [1, 0.5],
  [1, 1],
  [0.5, 1],
  [0.5, 0.5],
];

it('signs ring areas by winding', () => {
  expect(ringSignedArea(square)).toBe(4);
  expect(ringSignedArea([...square].reverse())).toBe(-4);
});

it('tests points against polygons with holes', () => {
  const mp: MultiPoly = [[square, hole]];
  expect(pointInMultiPolygon([1.5, 1.5], mp)).toBe(true);
  expect(pointInMultiPolygon([0.75, 0.75], mp)).toBe(false);
  expect(pointInMultiPolygon([3, 1], mp)).toBe(false);
});

it('measures segment distances and line distances', () => {
  expect(segmentSegmentDistance([0, 0], [2, 2], [0, 2], [2, 0])).toBe(0);
  expect(segmentSegmentDistance([0, 0], [1, 0], [0, 1], [1, 1])).toBe(1);
  expect(segmentSegmentDistance([0, 0], [1, 0], [2, 1], [3, 1])).toBeCloseTo(Math.SQRT2, 12);
  expect(
    boundaryToLinesDistance(
      [[square]],
      [
        [
          [3, 0],
          [3, 2],
        ],
      ],
    ),
  ).toBe(1);
  expect(
    boundaryToLinesDistance(
      [[square]],
      [
        [
          [2, 1],
          [5, 1],
        ],
      ],
    ),
  ).toBe(0);
});

it('writes RFC 7946 rings: rounded, closed, outer counter-clockwise, holes clockwise', () => {
  const geom = toGeoJsonGeometry(
    [[[...square].reverse(), [...hole]]].map((p) => p.map((r) => r.map(([x, y]) => [x + 1e-7, y] as Pt))),
  );
  expect(geom.type).toBe('Polygon');
  const [outer, inner] = geom.coordinates as [number, number][][];
  expect(ringSignedArea(outer! as Pt[])).toBeGreaterThan(0);
  expect(ringSignedArea(inner! as Pt[])).toBeLessThan(0);
  expect(outer![0]).toEqual(outer![outer!.length - 1]);
  expect(outer!.flat().every((x) => x === Math.round(x * 1e5) / 1e5)).toBe(true);
  expect(outer![0]![0]).toBe(2);
  const multi = toGeoJsonGeometry([[square], [square.map(([x, y]) => [x + 5, y] as Pt)]]);
  expect(multi.type).toBe('MultiPolygon');
});

it('computes geodesic areas whatever the winding', () => {
  const proj = new LocalProjection(0, 0);
  expect(proj.unproject(proj.project([1, 2]))[0]).toBeCloseTo(1, 12);
  const cell: Pt[] = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
    [0, 0],
  ];
  const ccw = geodesicAreaKm2({ type: 'Polygon', coordinates: [cell] });
  const cw = geodesicAreaKm2({ type: 'Polygon', coordinates: [[...cell].reverse()] });
  // A 1°×1° cell at the equator is about 12,364 km² on a 6371 km sphere.
  expect(ccw).toBeGreaterThan(12_300);
  expect(ccw).toBeLessThan(12_400);
  expect(cw).toBeCloseTo(ccw, 6);
});
