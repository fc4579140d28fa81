import { expect, it } from 'vitest';
import { ringSignedArea, type Pt } from './geo-utils.js';
import { loadGiaLaiUnits } from './gia-lai-units.js';
import { GIA_LAI_AREA_KM2 } from './province-outline.js';
import { BORDER_COMMUNE_NAMES, generateProvinceGeometry, type DemoUnitGeometry } from './province-geometry.js';

const units = loadGiaLaiUnits();
const byCode = new Map(units.map((u) => [u.code, u]));
const result = generateProvinceGeometry(units);
const nameOf = (u: DemoUnitGeometry) => byCode.get(u.code)!.nameVi;
const unitNamed = (name: string) => result.units.find((u) => nameOf(u) === name)!;

it('is deterministic and depends on the seed', () => {
  expect(generateProvinceGeometry(units)).toEqual(result);
  const other = generateProvinceGeometry(units, { seed: 7 });
  expect(other.outline).toEqual(result.outline);
  expect(other.units.map((u) => u.centroid)).not.toEqual(result.units.map((u) => u.centroid));
});

it('has an outline of the official area whose western edge is the Cambodian border', () => {
  expect(Math.abs(result.areaKm2 - GIA_LAI_AREA_KM2) / GIA_LAI_AREA_KM2).toBeLessThan(0.005);
  expect(result.cambodiaBorder.type).toBe('MultiLineString');
  const borderLons = result.cambodiaBorder.coordinates.flat().map((p) => p[0]!);
  const outlineLons = (
    result.outline.type === 'Polygon' ? result.outline.coordinates : result.outline.coordinates.flat()
  ).flatMap((ring) => ring.map((p) => p[0]!));
  expect(Math.abs(Math.min(...outlineLons) - Math.min(...borderLons))).toBeLessThan(0.1);
  // ~1 km per 0.009° of latitude: the border inside the band is well over 100 km long.
  const borderLats = result.cambodiaBorder.coordinates.flat().map((p) => p[1]!);
  expect((Math.max(...borderLats) - Math.min(...borderLats)) * 111).toBeGreaterThan(100);
});

it('gives every unit one non-empty polygon, and the polygons tile the outline', () => {
  expect(result.units).toHaveLength(135);
  expect(result.units.map((u) => u.code)).toEqual(units.map((u) => u.code));
  for (const unit of result.units) {
    expect(['Polygon', 'MultiPolygon']).toContain(unit.geometry.type);
    expect(unit.areaKm2).toBeGreaterThan(0);
    const polygons = unit.geometry.type === 'Polygon' ? [unit.geometry.coordinates] : unit.geometry.coordinates;
    expect(polygons.length).toBeGreaterThan(0);
    for (const polygon of polygons) {
      polygon.forEach((ring, i) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(ringSignedArea(ring as Pt[]) > 0).toBe(i === 0);
        for (const [lon, lat] of ring as Pt[]) {
          expect(lon).toBe(Math.round(lon * 1e5) / 1e5);
          expect(lat).toBe(Math.round(lat * 1e5) / 1e5);
        }
      });
    }
    const [lon, lat] = unit.centroid;
    expect(lon).toBeGreaterThan(107.2);
    expect(lon).toBeLessThan(109.5);
    expect(lat).toBeGreaterThan(12.5);
    expect(lat).toBeLessThan(14.8);
  }
  const sum = result.units.reduce((s, u) => s + u.areaKm2, 0);
  expect(Math.abs(sum - result.areaKm2) / result.areaKm2).toBeLessThan(0.001);
});

it('flags the communes along the Cambodian border, and only a few', () => {
  const flagged = result.units.filter((u) => u.isBorder);
  expect(flagged.length).toBeGreaterThanOrEqual(3);
  expect(flagged.length).toBeLessThanOrEqual(20);
  for (const name of BORDER_COMMUNE_NAMES) {
    const unit = unitNamed(`Xã ${name}`);
    expect(unit, name).toBeDefined();
    expect(unit.isBorder, name).toBe(true);
  }
  const easternmost = [...result.units].sort((a, b) => b.centroid[0] - a.centroid[0])[0]!;
  expect(easternmost.isBorder).toBe(false);
  // Flagged units are in the west.
  for (const unit of flagged) expect(unit.centroid[0]).toBeLessThan(107.9);
});

it('flags by geometry: a wide buffer flags more units, a zero buffer still the border ones', () => {
  const wide = generateProvinceGeometry(units, { borderBufferKm: 15 });
  const narrow = generateProvinceGeometry(units, { borderBufferKm: 0 });
  const count = (r: typeof result) => r.units.filter((u) => u.isBorder).length;
  expect(count(wide)).toBeGreaterThan(count(result));
  expect(count(narrow)).toBeLessThanOrEqual(count(result));
  expect(count(narrow)).toBeGreaterThanOrEqual(BORDER_COMMUNE_NAMES.length);
});

it('clusters wards around their towns, smaller than communes', () => {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const wards = result.units.filter((u) => byCode.get(u.code)!.unitType === 'ward');
  const communes = result.units.filter((u) => byCode.get(u.code)!.unitType === 'commune');
  expect(wards).toHaveLength(25);
  expect(mean(wards.map((u) => u.areaKm2))).toBeLessThan(mean(communes.map((u) => u.areaKm2)));
  const near = (u: DemoUnitGeometry, lon: number, lat: number, km: number) =>
    Math.hypot((u.centroid[0] - lon) * 108, (u.centroid[1] - lat) * 111) < km;
  expect(near(unitNamed('Phường Pleiku'), 108.0, 13.98, 5)).toBe(true);
  expect(near(unitNamed('Phường Quy Nhơn'), 109.22, 13.77, 8)).toBe(true);
  expect(near(unitNamed('Phường An Nhơn Bắc'), 109.11, 13.89, 15)).toBe(true);
  expect(near(unitNamed('Phường Hoài Nhơn Tây'), 109.02, 14.44, 15)).toBe(true);
});

it('handles a list without wards or border communes', () => {
  const few = generateProvinceGeometry(
    Array.from({ length: 12 }, (_, i) => ({ code: String(i), nameVi: `Xã Thử ${i}`, unitType: 'commune' as const })),
  );
  expect(few.units).toHaveLength(12);
  const sum = few.units.reduce((s, u) => s + u.areaKm2, 0);
  expect(Math.abs(sum - few.areaKm2) / few.areaKm2).toBeLessThan(0.001);
});
