import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { monthPeriod, type Period } from '../src/domain/periods.js';
import { indicatorSpecs, type IndicatorSpec } from './indicator-specs.js';
import { noise } from './seeded-hash.js';

/**
 * The national dataset: Vietnam's 34 provinces and 3,321 communes (real names, bench/data), 60
 * commune indicators and one value per indicator, commune and month — 14.3 million values at full
 * scale. Everything but the names is synthetic and deterministic.
 */

export const SEED = 20250701;
export const NATION_CODE = 'VN';
export const SOURCE = 'vn-provinces-wards 1.0.2';

/** Centrally-run cities after the 2025 reform; the other 28 are provinces. */
const CITIES = new Set(['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế']);
const COMMUNE_TYPES = { xa: 'commune', phuong: 'ward', dac_khu: 'special_zone' } as const;

export interface ProvinceSpec {
  code: string;
  nameVi: string;
  unitType: 'province' | 'city';
}

export interface CommuneSpec {
  /** Position in the dataset: the key of its synthetic values. */
  index: number;
  code: string;
  provinceCode: string;
  nameVi: string;
  unitType: 'commune' | 'ward' | 'special_zone';
  population: number;
  /** 0–1: how far along its digital transformation the commune is (drives every indicator). */
  readiness: number;
}

export interface Scale {
  name: 'full' | 'small';
  /** null: all 34. */
  provinces: string[] | null;
  firstMonth: Period;
  months: number;
  /** Rows per import file: the per-file limit (MAX_ROWS) at full scale. */
  importRows: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  full: { name: 'full', provinces: null, firstMonth: monthPeriod(2020, 1), months: 72, importRows: 200_000 },
  // Gia Lai (135 communes) and Huế (40): enough to exercise every path in seconds.
  small: { name: 'small', provinces: ['24', '20'], firstMonth: monthPeriod(2025, 7), months: 6, importRows: 20_000 },
};

export interface NationalDataset {
  scale: Scale;
  provinces: ProvinceSpec[];
  communes: CommuneSpec[];
  indicators: IndicatorSpec[];
  /** The loaded months, oldest first. */
  months: Period[];
}

interface CsvRow {
  province_code: string;
  province_name: string;
  unit_code: string;
  unit_name: string;
  unit_type: keyof typeof COMMUNE_TYPES;
}

const UNITS_CSV = new URL('./data/vn-admin-units-2025.csv', import.meta.url);

/** The `count` months from `first` on. */
export function monthsFrom(first: Period, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => {
    const m = first.index - 1 + i;
    return monthPeriod(first.year + Math.floor(m / 12), (m % 12) + 1);
  });
}

export function buildDataset(scale: Scale, months = scale.months): NationalDataset {
  const rows = parse(readFileSync(UNITS_CSV, 'utf8'), { columns: true, skip_empty_lines: true }) as CsvRow[];
  const wanted = rows.filter((row) => scale.provinces === null || scale.provinces.includes(row.province_code));
  const provinces = new Map<string, ProvinceSpec>();
  for (const row of wanted) {
    if (!provinces.has(row.province_code)) {
      const unitType = CITIES.has(row.province_name) ? 'city' : 'province';
      provinces.set(row.province_code, { code: row.province_code, nameVi: row.province_name, unitType });
    }
  }
  // Sorted by code so that a commune's index, and with it every value, does not depend on file order.
  const communes = wanted
    .sort((a, b) => (a.unit_code < b.unit_code ? -1 : a.unit_code > b.unit_code ? 1 : 0))
    .map((row, index): CommuneSpec => {
      const unitType = COMMUNE_TYPES[row.unit_type];
      const size = noise(SEED, 1, Number(row.unit_code));
      const base = unitType === 'ward' ? 18_000 : unitType === 'special_zone' ? 6_000 : 9_000;
      return {
        index,
        code: row.unit_code,
        provinceCode: row.province_code,
        nameVi: row.unit_name,
        unitType,
        population: Math.round(base * (0.4 + 2.2 * size)),
        readiness: 0.15 + 0.8 * noise(SEED, 2, Number(row.unit_code)),
      };
    });
  return {
    scale,
    provinces: [...provinces.values()].sort((a, b) => (a.code < b.code ? -1 : 1)),
    communes,
    indicators: indicatorSpecs(),
    months: monthsFrom(scale.firstMonth, months),
  };
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/** Months since January 2020: the time axis of every synthetic series (72 = January 2026). */
export const monthNumber = (period: Period) => (period.year - 2020) * 12 + period.index - 1;

/**
 * The value of indicator `i` (position in the dataset) for a commune in month `t` (monthNumber):
 * a trend that grows with the commune's readiness and with time, plus noise; always valid for
 * the indicator's type (percent 0–100, whole counts, yes/no 0 or 1).
 */
export function valueOf(spec: IndicatorSpec, i: number, commune: CommuneSpec, t: number): number {
  const r = noise(SEED, 3, i, commune.index, t);
  const progress = t / 72;
  const a = commune.readiness;
  const pop = commune.population;
  switch (spec.model) {
    case 'stock-count':
      return Math.round((pop / 4) * clamp(0.15 + 0.5 * a + 0.3 * progress, 0, 1) * (0.97 + 0.06 * r));
    case 'flow-count':
      return Math.round((pop / 40) * (0.3 + a + progress) * (0.5 + r));
    case 'percent':
      return round(clamp(100 * (0.3 + 0.4 * a + 0.25 * progress) + 16 * (r - 0.5), 0, 100), 1);
    case 'yes-no':
      return r < 0.1 + 0.5 * a + 0.4 * progress ? 1 : 0;
    case 'speed':
      return round(20 + 400 * a * (0.4 + progress) + 60 * r, 2);
    case 'revenue':
      return round((pop / 900) * (0.5 + a + progress) * (0.6 + 0.8 * r), 2);
    case 'index':
      return round(clamp(10 * (0.2 + 0.5 * a + 0.3 * progress) + 2 * (r - 0.5), 0, 10), 2);
    case 'outage':
      return round(30 * r * (1.2 - a) * (1.1 - 0.5 * progress), 1);
  }
}

export const valueCount = (dataset: NationalDataset) =>
  dataset.communes.length * dataset.indicators.length * dataset.months.length;
