import { expect, it } from 'vitest';
import { LocalProjection, boundaryToLinesDistance, geodesicLengthKm, type Pt } from './geo-utils.js';
import { GIA_LAI_AREA_KM2, buildProvinceOutline, clipLinesToBand, northLat, southLat } from './province-outline.js';

const province = buildProvinceOutline();

it('cuts an outline of the target area out of Vietnam', () => {
  expect(Math.abs(province.areaKm2 - GIA_LAI_AREA_KM2) / GIA_LAI_AREA_KM2).toBeLessThan(0.005);
  const lons = province.outline.flat().map((p) => p[0]);
  const lats = province.outline.flat().map((p) => p[1]);
  // Roughly where the real merged province lies.
  expect(Math.min(...lons)).toBeGreaterThan(107.2);
  expect(Math.max(...lons)).toBeLessThan(109.5);
  expect(Math.min(...lats)).toBeGreaterThan(12.5);
  expect(Math.max(...lats)).toBeLessThan(14.8);
  // Pleiku and Quy Nhơn are inside the band.
  expect(southLat(province.band, 108.0)).toBeLessThan(13.98);
  expect(northLat(province.band, 108.0)).toBeGreaterThan(13.98);
  expect(southLat(province.band, 109.22)).toBeLessThan(13.77);
});

it('hits a different area when asked', () => {
  const smaller = buildProvinceOutline(15_000);
  expect(Math.abs(smaller.areaKm2 - 15_000) / 15_000).toBeLessThan(0.005);
  expect(smaller.band.halfHeight).toBeLessThan(province.band.halfHeight);
});

it('runs its western edge along the real Cambodian border', () => {
  const lengthKm = geodesicLengthKm({ type: 'MultiLineString', coordinates: province.cambodiaBorder });
  expect(lengthKm).toBeGreaterThan(100);
  const proj = new LocalProjection(108, 14);
  const outlineKm = proj.projectMulti([province.outline]);
  // Every border vertex lies on the outline's boundary.
  for (const line of province.cambodiaBorder) {
    for (const p of line) {
      expect(boundaryToLinesDistance(outlineKm, [[proj.project(p), proj.project(p)]])).toBeLessThan(0.01);
    }
  }
  // The outline's westernmost point is on the border (within 0.1°).
  const westOutline = Math.min(...province.outline.flat().map((p) => p[0]));
  const westBorder = Math.min(...province.cambodiaBorder.flat().map((p) => p[0]));
  expect(Math.abs(westOutline - westBorder)).toBeLessThan(0.1);
});

it('clips polylines to the band', () => {
  const band = { refLon: 0, centreLat: 0, slope: 0, halfHeight: 1 };
  const line: Pt[] = [
    [0, -2],
    [0, 2],
    [1, 2],
    [1, 0],
  ];
  expect(clipLinesToBand([line], band)).toEqual([
    [
      [0, -1],
      [0, 1],
    ],
    [
      [1, 1],
      [1, 0],
    ],
  ]);
  expect(
    clipLinesToBand(
      [
        [
          [0, 3],
          [1, 4],
        ],
      ],
      band,
    ),
  ).toEqual([]);
});
