/**
 * The outline of a synthetic Vietnam and where its 34 provinces lie in it. The land is a chain of
 * trapezoids between parallels (sections, north to south), each a row of provinces from the western
 * border to the coast: an S-shaped band, broad in the north, narrow around 16–17°N, broad again in
 * the south. Inside a row a point has coordinates (u, v) ∈ [0, 1]²: u from the western edge to the
 * eastern, v from the northern parallel to the southern. The map (u, v) → (lon, lat) is bilinear, so
 * lines of constant u or v are straight, and every province is the quadrilateral of a u-interval.
 */

/** A parallel and the land's western and eastern longitudes on it. */
interface Section {
  lat: number;
  west: number;
  east: number;
}

const SECTIONS: readonly Section[] = [
  { lat: 23.4, west: 104.4, east: 106.3 },
  { lat: 22.3, west: 103.1, east: 107.0 },
  { lat: 21.4, west: 103.45, east: 107.9 },
  { lat: 20.6, west: 104.15, east: 106.9 },
  { lat: 19.4, west: 104.5, east: 106.0 },
  { lat: 18.4, west: 105.1, east: 106.2 },
  { lat: 17.7, west: 105.7, east: 106.7 },
  { lat: 16.6, west: 106.6, east: 107.6 },
  { lat: 15.9, west: 107.3, east: 108.4 },
  { lat: 15.2, west: 107.55, east: 108.9 },
  { lat: 14.3, west: 107.7, east: 109.1 },
  { lat: 13.0, west: 107.7, east: 109.3 },
  { lat: 12.1, west: 107.55, east: 109.3 },
  { lat: 11.3, west: 106.5, east: 109.0 },
  { lat: 10.5, west: 105.4, east: 107.4 },
  { lat: 9.7, west: 104.85, east: 106.7 },
  { lat: 8.6, west: 104.9, east: 105.3 },
];

/**
 * Province codes (bench/data) west to east in each row between consecutive sections, with the share
 * of the row's width each takes (relative). Chosen so that Hà Nội holds 21.0°N 105.8°E and Hồ Chí
 * Minh 10.8°N 106.7°E.
 */
const ROWS: readonly (readonly [code: string, weight: number][])[] = [
  [
    ['14', 1],
    ['09', 1.2],
    ['08', 1.2],
    ['07', 0.8],
  ],
  [
    ['13', 1],
    ['15', 1.2],
    ['10', 0.9],
    ['11', 0.8],
    ['03', 0.8],
  ],
  [
    ['12', 3],
    ['01', 1],
    ['02', 0.8],
    ['04', 0.9],
  ],
  [
    ['16', 2],
    ['06', 1],
    ['05', 0.8],
  ],
  [['17', 1]],
  [['18', 1]],
  [['19', 1]],
  [['20', 1]],
  [['21', 1]],
  [['22', 1]],
  [['24', 1]],
  [['25', 1]],
  [
    ['26', 1.4],
    ['23', 1],
  ],
  [
    ['27', 1.2],
    ['29', 1],
    ['28', 1.2],
  ],
  [
    ['32', 1.2],
    ['31', 1],
    ['30', 1.1],
  ],
  [
    ['34', 1],
    ['33', 1.1],
  ],
];

export const WGS84_AUTHALIC_RADIUS_KM = 6371.0072;

export interface ProvinceCell {
  code: string;
  /** Index of the row (0 = northernmost). */
  row: number;
  /** The province's u-interval within its row. */
  u0: number;
  u1: number;
}

export interface NationLayout {
  sections: readonly Section[];
  provinces: ProvinceCell[];
}

/** The layout of all 34 provinces (codes as in bench/data). */
export function nationLayout(): NationLayout {
  const provinces: ProvinceCell[] = [];
  ROWS.forEach((row, r) => {
    const total = row.reduce((a, [, w]) => a + w, 0);
    let at = 0;
    for (const [code, weight] of row) {
      const u0 = at / total;
      at += weight;
      provinces.push({ code, row: r, u0, u1: at / total });
    }
  });
  return { sections: SECTIONS, provinces };
}

/** (u, v) in row `row` → [lon, lat]. */
export function rowPoint(row: number, u: number, v: number): [number, number] {
  const a = SECTIONS[row]!;
  const b = SECTIONS[row + 1]!;
  const west = a.west + v * (b.west - a.west);
  const east = a.east + v * (b.east - a.east);
  return [west + u * (east - west), a.lat + v * (b.lat - a.lat)];
}

/** The land's western and eastern longitudes on a parallel, or null north or south of the land. */
export function landSpanAt(lat: number): { west: number; east: number } | null {
  for (let r = 0; r + 1 < SECTIONS.length; r++) {
    const a = SECTIONS[r]!;
    const b = SECTIONS[r + 1]!;
    if (lat <= a.lat && lat >= b.lat) {
      const v = (a.lat - lat) / (a.lat - b.lat);
      return { west: a.west + v * (b.west - a.west), east: a.east + v * (b.east - a.east) };
    }
  }
  return null;
}

/** Row and (u, v) of a point, or null off the land. */
export function locate(lon: number, lat: number): { row: number; u: number; v: number } | null {
  for (let r = 0; r + 1 < SECTIONS.length; r++) {
    const a = SECTIONS[r]!;
    const b = SECTIONS[r + 1]!;
    if (lat > a.lat || lat < b.lat) continue;
    const v = (a.lat - lat) / (a.lat - b.lat);
    const west = a.west + v * (b.west - a.west);
    const east = a.east + v * (b.east - a.east);
    const u = (lon - west) / (east - west);
    return u >= 0 && u <= 1 ? { row: r, u, v } : null;
  }
  return null;
}

/** The province's outline, a closed ring [lon, lat] (north-west corner first, clockwise on the map). */
export function provinceRing(cell: ProvinceCell): number[][] {
  return [
    rowPoint(cell.row, cell.u0, 0),
    rowPoint(cell.row, cell.u1, 0),
    rowPoint(cell.row, cell.u1, 1),
    rowPoint(cell.row, cell.u0, 1),
    rowPoint(cell.row, cell.u0, 0),
  ];
}

/** The nation's outline: down the western border, up the coast; a closed ring. */
export function nationRing(): number[][] {
  const ring = [...SECTIONS.map((s) => [s.west, s.lat]), ...[...SECTIONS].reverse().map((s) => [s.east, s.lat])];
  return [...ring, ring[0]!];
}

/**
 * A ring's area on the sphere of WGS 84's authalic radius, km², its edges straight in lon/lat (as the
 * layout draws them). Exact for such edges (R²·∮ sin φ dλ, integrated along each edge), so areas add up:
 * the communes of a province sum to the province.
 */
export function ringAreaKm2(ring: readonly (readonly number[])[]): number {
  const rad = Math.PI / 180;
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [lon1, lat1] = ring[i]!;
    const [lon2, lat2] = ring[i + 1]!;
    const half = ((lat2! - lat1!) * rad) / 2;
    const sinc = Math.abs(half) < 1e-8 ? 1 : Math.sin(half) / half;
    // ∫ sin φ dλ with φ linear in λ: Δλ · sin(mean φ) · sinc(Δφ / 2).
    sum += (lon2! - lon1!) * rad * Math.sin(((lat1! + lat2!) / 2) * rad) * sinc;
  }
  return Math.abs(sum) * WGS84_AUTHALIC_RADIUS_KM * WGS84_AUTHALIC_RADIUS_KM;
}
