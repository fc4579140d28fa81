/**
 * The synthetic Vietnam's units and towns: the provinces of the layout (nation-layout.ts) with their
 * real names and codes (bench/data), each tiled by its real number of communes. Communes are made by
 * buildCommunes in the province's own kilometre frame (so cells are not stretched), then carried into
 * the province's quadrilateral; their shared edges are the same polylines, and edges on the province's
 * sides lie on its straight sides, so communes tile provinces and provinces tile the land.
 */
import { buildDataset, SCALES as DATASET_SCALES, type CommuneSpec, type ProvinceSpec } from '../national-dataset.js';
import { noise } from '../seeded-hash.js';
import { mulberry32 } from '../../src/engines/coverage/sweep/synthetic-dem.js';
import { nationLayout, provinceRing, ringAreaKm2, rowPoint, type ProvinceCell } from './nation-layout.js';
import { buildCommunes, type Town } from './province.js';

const KM_PER_DEGREE = 111.32;

/** A town in lon/lat; `weight` is relative (spreadPopulation turns weights into people). */
export interface NationTown {
  provinceCode: string;
  lon: number;
  lat: number;
  sigmaKm: number;
  weight: number;
}

export interface NationProvince {
  spec: ProvinceSpec;
  cell: ProvinceCell;
  /** Closed ring [lon, lat]. */
  ring: number[][];
  areaKm2: number;
}

export interface NationCommune {
  spec: CommuneSpec;
  /** Closed ring [lon, lat]. */
  ring: number[][];
  areaKm2: number;
}

export interface NationUnits {
  provinces: NationProvince[];
  communes: NationCommune[];
  towns: NationTown[];
}

/** Where the two big cities are (their provinces must hold them: nation-layout.ts). */
const CITIES: Record<string, { lon: number; lat: number; sigmaKm: number; weight: number }> = {
  '01': { lon: 105.8, lat: 21.0, sigmaKm: 8, weight: 8.5 }, // Hà Nội
  '29': { lon: 106.7, lat: 10.8, sigmaKm: 10, weight: 9.5 }, // Hồ Chí Minh
};

/** The province's frame: its size in km and the map from frame km to [lon, lat]. */
function provinceFrame(cell: ProvinceCell): {
  widthKm: number;
  heightKm: number;
  toLonLat: (x: number, y: number) => number[];
} {
  const [westTop, latTop] = rowPoint(cell.row, cell.u0, 0);
  const [eastTop] = rowPoint(cell.row, cell.u1, 0);
  const [westBottom, latBottom] = rowPoint(cell.row, cell.u0, 1);
  const [eastBottom] = rowPoint(cell.row, cell.u1, 1);
  const midLat = ((latTop + latBottom) / 2) * (Math.PI / 180);
  const widthKm = ((eastTop - westTop + eastBottom - westBottom) / 2) * KM_PER_DEGREE * Math.cos(midLat);
  const heightKm = (latTop - latBottom) * KM_PER_DEGREE;
  const clamp01 = (t: number) => Math.min(1, Math.max(0, t));
  return {
    widthKm,
    heightKm,
    // Clamped: a ragged edge ending on a side must not leave the province.
    toLonLat: (x, y) => rowPoint(cell.row, cell.u0 + clamp01(x / widthKm) * (cell.u1 - cell.u0), clamp01(y / heightKm)),
  };
}

/** A capital (a big city where CITIES says), 3 district towns and one village a commune, in the frame (km). */
function provinceTowns(code: string, communes: number, frame: { widthKm: number; heightKm: number }, seed: number) {
  const rand = mulberry32(seed ^ 0x70e);
  const inside = () => ({ x: (0.1 + 0.8 * rand()) * frame.widthKm, y: (0.1 + 0.8 * rand()) * frame.heightKm });
  const towns: { x: number; y: number; sigmaKm: number; weight: number; city: boolean }[] = [];
  towns.push({ ...inside(), sigmaKm: 2.5 + 1.5 * rand(), weight: 0.2 + 0.6 * rand(), city: code in CITIES });
  for (let i = 0; i < 3; i++)
    towns.push({ ...inside(), sigmaKm: 1 + rand(), weight: 0.06 + 0.12 * rand(), city: false });
  for (let i = 0; i < communes; i++)
    towns.push({ ...inside(), sigmaKm: 0.25 + 0.55 * rand(), weight: 0.008 * (0.3 + 1.4 * rand()), city: false });
  return towns;
}

/** The units of the given provinces (null: all 34) and their towns. Same seed, same units. */
export function buildNationUnits(provinceCodes: readonly string[] | null, seed: number): NationUnits {
  const dataset = buildDataset({ ...DATASET_SCALES.full, provinces: provinceCodes ? [...provinceCodes] : null }, 0);
  const cells = new Map(nationLayout().provinces.map((cell) => [cell.code, cell]));
  const provinces: NationProvince[] = [];
  const communes: NationCommune[] = [];
  const towns: NationTown[] = [];
  for (const spec of dataset.provinces) {
    const cell = cells.get(spec.code);
    if (!cell) throw new Error(`province ${spec.code} (${spec.nameVi}) has no place in the layout`);
    const ring = provinceRing(cell);
    provinces.push({ spec, cell, ring, areaKm2: ringAreaKm2(ring) });
    const own = dataset.communes.filter((c) => c.provinceCode === spec.code); // in code order
    const frame = provinceFrame(cell);
    const provinceSeed = Math.floor(noise(seed, 11, Number(spec.code)) * 2 ** 32);
    const local = provinceTowns(spec.code, own.length, frame, provinceSeed);
    const city = CITIES[spec.code];
    const localTowns: Town[] = local.map((t) => ({ x: t.x, y: t.y, sigma: t.sigmaKm, people: t.weight }));
    for (const [i, t] of local.entries()) {
      const [lon, lat] = t.city && city ? [city.lon, city.lat] : frame.toLonLat(t.x, t.y);
      if (t.city && city) Object.assign(localTowns[i]!, framePoint(cell, frame, city.lon, city.lat));
      towns.push({
        provinceCode: spec.code,
        lon: lon!,
        lat: lat!,
        sigmaKm: t.city && city ? city.sigmaKm : t.sigmaKm,
        weight: t.city && city ? city.weight : t.weight,
      });
    }
    communes.push(...tileProvince(own, frame, localTowns, provinceSeed, ringAreaKm2(ring)));
  }
  return { provinces, communes, towns };
}

/**
 * The province's communes from buildCommunes. A ragged edge can, rarely, fold a thin cell over itself; the
 * areas then no longer add up to the province's, and the next seed is tried.
 */
function tileProvince(
  own: readonly CommuneSpec[],
  frame: ReturnType<typeof provinceFrame>,
  towns: Town[],
  seed: number,
  provinceKm2: number,
): NationCommune[] {
  for (let attempt = 0; attempt < 20; attempt++) {
    const polygons = buildCommunes({ width: frame.widthKm, height: frame.heightKm, towns }, own.length, seed + attempt);
    const communes = own.map((spec, i) => {
      const outer = polygons[i]?.[0]?.[0] ?? [];
      const ring = outer.map(([x, y]) => frame.toLonLat(x, y));
      if (ring.length > 0) ring.push([...ring[0]!]);
      return { spec, ring, areaKm2: ringAreaKm2(ring) };
    });
    const total = communes.reduce((a, c) => a + c.areaKm2, 0);
    if (communes.every((c) => c.ring.length >= 4) && Math.abs(total / provinceKm2 - 1) < 1e-9) return communes;
  }
  throw new Error(`province of commune ${own[0]?.code}: no seed gave communes that tile it`);
}

/** A lon/lat inside a province as a point of its frame (km); the row's map is bilinear, so solved per axis. */
function framePoint(cell: ProvinceCell, frame: { widthKm: number; heightKm: number }, lon: number, lat: number) {
  const [, latTop] = rowPoint(cell.row, 0, 0);
  const [, latBottom] = rowPoint(cell.row, 0, 1);
  const v = (latTop - lat) / (latTop - latBottom);
  const [west] = rowPoint(cell.row, 0, v);
  const [east] = rowPoint(cell.row, 1, v);
  const u = (lon - west) / (east - west);
  return { x: ((u - cell.u0) / (cell.u1 - cell.u0)) * frame.widthKm, y: v * frame.heightKm };
}
