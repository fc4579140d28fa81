import { allocateWholeNumbers } from '../domain/indicators/allocate.js';
import { mulberry32, uniform } from './seeded-random.js';
import type { DemoProvinceGeometry, DemoUnitInput } from './province-geometry.js';

/** An organisation unit as the seed writes it. */
export interface DemoUnit {
  code: string;
  parentCode: string | null;
  level: 'nation' | 'province' | 'commune';
  unitType: 'nation' | 'province' | 'city' | 'commune' | 'ward' | 'special_zone';
  nameVi: string;
  nameEn: string;
  source: string;
  population: number;
  areaKm2: number;
  isBorder: boolean;
  isEconomicZone: boolean;
  boundary: unknown;
  isDemo: boolean;
  /** Longitude of the centroid: the demo makes the eastern coastal plain denser than the highlands. */
  lon: number;
}

/** Population of Gia Lai in 2025 (secondary source, to confirm against the statistics office). */
export const GIA_LAI_POPULATION = 3_583_693;
export const GIA_LAI_CODE = '24';

/**
 * Communes in the two economic zones (Nhơn Hội EZ on the coast; Đức Cơ border-gate EZ at Lệ Thanh).
 * Which post-merger units they cover is to be confirmed; the flag stays editable.
 */
const ECONOMIC_ZONE_UNITS = new Set(['Phường Quy Nhơn Đông', 'Xã Cát Tiến', 'Xã Đức Cơ', 'Xã Ia Dom']);

export function englishName(nameVi: string): string {
  const match = /^(Xã|Phường|Đặc khu) (.+)$/.exec(nameVi);
  if (!match) return nameVi;
  const kind = match[1] === 'Xã' ? 'Commune' : match[1] === 'Phường' ? 'Ward' : 'Special Zone';
  return `${match[2]} ${kind}`;
}

/**
 * The demo province: Vietnam, Gia Lai and its communes with the synthetic geometry and a population
 * split so that wards and the coastal plain are denser and the total is the province's.
 */
export function buildDemoUnits(
  inputs: readonly DemoUnitInput[],
  geometry: DemoProvinceGeometry,
  seed = 2025,
): DemoUnit[] {
  const random = mulberry32(seed);
  const byCode = new Map(geometry.units.map((g) => [g.code, g]));
  const shapes = inputs.map((input) => {
    const shape = byCode.get(input.code);
    if (!shape) throw new Error(`demo geometry has no polygon for unit ${input.code} (${input.nameVi})`);
    return shape;
  });
  const densities = inputs.map((input, i) => {
    const ward = input.unitType === 'ward' ? 9 : 1;
    const coastalPlain = shapes[i]!.centroid[0] > 108.75 ? 2.2 : 1;
    return shapes[i]!.areaKm2 * ward * coastalPlain * uniform(random, 0.6, 1.4);
  });
  const populations = allocateWholeNumbers(GIA_LAI_POPULATION, densities);
  const source = 'vn-provinces-wards 1.0.2; geometry and population synthetic (demo)';
  const nation: DemoUnit = {
    code: 'VN',
    parentCode: null,
    level: 'nation',
    unitType: 'nation',
    nameVi: 'Việt Nam',
    nameEn: 'Viet Nam',
    source: 'national',
    population: GIA_LAI_POPULATION, // the demo holds one province
    areaKm2: geometry.areaKm2,
    isBorder: false,
    isEconomicZone: false,
    boundary: null,
    isDemo: true,
    lon: 106,
  };
  const province: DemoUnit = {
    code: GIA_LAI_CODE,
    parentCode: 'VN',
    level: 'province',
    unitType: 'province',
    nameVi: 'Tỉnh Gia Lai',
    nameEn: 'Gia Lai Province',
    source,
    population: GIA_LAI_POPULATION,
    areaKm2: geometry.areaKm2,
    isBorder: true,
    isEconomicZone: true,
    boundary: geometry.outline,
    isDemo: true,
    lon: 108.4,
  };
  const communes = inputs.map<DemoUnit>((input, i) => ({
    code: input.code,
    parentCode: GIA_LAI_CODE,
    level: 'commune',
    unitType: input.unitType,
    nameVi: input.nameVi,
    nameEn: englishName(input.nameVi),
    source,
    population: populations[i]!,
    areaKm2: shapes[i]!.areaKm2,
    isBorder: shapes[i]!.isBorder,
    isEconomicZone: ECONOMIC_ZONE_UNITS.has(input.nameVi),
    boundary: shapes[i]!.geometry,
    isDemo: true,
    lon: shapes[i]!.centroid[0],
  }));
  return [nation, province, ...communes];
}
