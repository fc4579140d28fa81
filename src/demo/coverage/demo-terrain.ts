/**
 * DEMO ONLY — synthetic terrain for the demo province's coverage scenario; not a real DEM.
 *
 * A regional profile sketched from the real relief of Gia Lai (merged 2025): the Pleiku basalt plateau
 * (~700–800 m) in the west, the Kon Ka Kinh massif in the north-west (peaks to ~1,500 m), the Ayun Pa
 * basin in the south, the An Khê pass area (~400–700 m) between, and the coastal plain of the former
 * Bình Định (0–50 m near the coast, east of ~108.9° E) with the Bình Định hills behind it. On top,
 * octaves of value noise (smooth hills) and ridged noise (sharp ridges and valleys that shadow radio),
 * with relief proportional to the local height so the plains stay flat. Deterministic: same grid, same
 * heights.
 */
import { cellCentreLonLat } from '../../engines/coverage/analysis-grid.js';
import type { GridSpec } from '../../engines/coverage/raster/raster.js';
import { mulberry32, type Random } from '../seeded-random.js';

export const DEMO_TERRAIN_SEED = 1500;

/** Mean height across the province by longitude (west → east), metres. Piecewise linear. */
const LONGITUDE_PROFILE: readonly (readonly [number, number])[] = [
  [107.3, 430], // Cambodian border lowland edge (Ia O, Ia Chia)
  [107.6, 600],
  [107.9, 760], // Pleiku plateau
  [108.15, 780],
  [108.4, 680],
  [108.55, 620], // Mang Yang pass
  [108.68, 430], // An Khê basin
  [108.78, 560], // An Khê pass
  [108.86, 260],
  [108.92, 60], // foot of the hills: the coastal plain begins
  [109.05, 25],
  [109.2, 8],
  [109.4, 0],
];

/** Gaussian bumps (massifs) and dips (basins): centre lon/lat, radius in degrees, height in metres. */
const FEATURES: readonly { lon: number; lat: number; radiusDeg: number; heightM: number }[] = [
  { lon: 108.38, lat: 14.3, radiusDeg: 0.2, heightM: 620 }, // Kon Ka Kinh
  { lon: 108.15, lat: 14.45, radiusDeg: 0.2, heightM: 300 }, // Kon Chư Răng uplands
  { lon: 108.75, lat: 14.35, radiusDeg: 0.14, heightM: 450 }, // An Lão – Vĩnh Thạnh hills
  { lon: 108.88, lat: 13.6, radiusDeg: 0.1, heightM: 380 }, // Vân Canh hills
  { lon: 108.45, lat: 13.38, radiusDeg: 0.2, heightM: -430 }, // Ayun Pa basin
  { lon: 108.02, lat: 13.55, radiusDeg: 0.15, heightM: -150 }, // Chư Prông – Ia Mơ slopes
];

function profileAt(lon: number): number {
  const p = LONGITUDE_PROFILE;
  if (lon <= p[0]![0]) return p[0]![1];
  for (let i = 1; i < p.length; i++) {
    const [x1, y1] = p[i]!;
    if (lon <= x1) {
      const [x0, y0] = p[i - 1]!;
      return y0 + ((y1 - y0) * (lon - x0)) / (x1 - x0);
    }
  }
  return p[p.length - 1]![1];
}

/** The smooth regional height at a position (no noise), metres. */
export function regionalHeightM(lon: number, lat: number): number {
  let h = profileAt(lon);
  for (const f of FEATURES) {
    const d2 = ((lon - f.lon) ** 2 + (lat - f.lat) ** 2) / (f.radiusDeg * f.radiusDeg);
    h += f.heightM * Math.exp(-d2);
  }
  return Math.max(0, h);
}

const smooth = (t: number) => t * t * (3 - 2 * t);

/** A lattice value in [−1, 1] for integer (ix, iy): an integer hash of the coordinates and a seed. */
function latticeValue(ix: number, iy: number, seed: number): number {
  let h = Math.imul(ix, 0x27d4eb2d) ^ Math.imul(iy, 0x165667b1) ^ seed;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (((h ^ (h >>> 16)) >>> 0) / 4294967296) * 2 - 1;
}

/**
 * One octave of value noise: seeded lattice values every `wavelengthKm`, smoothstep between. Each octave
 * is turned by its own angle so the lattice axes of the octaves do not line up into a visible grain.
 */
class ValueNoise {
  private readonly seed: number;
  private readonly cos: number;
  private readonly sin: number;
  constructor(
    random: Random,
    private readonly wavelengthKm: number,
  ) {
    this.seed = Math.floor(random() * 4294967296) | 0;
    const angle = random() * Math.PI;
    this.cos = Math.cos(angle);
    this.sin = Math.sin(angle);
  }
  at(xKm: number, yKm: number): number {
    const gx = (xKm * this.cos - yKm * this.sin) / this.wavelengthKm;
    const gy = (xKm * this.sin + yKm * this.cos) / this.wavelengthKm;
    const ix = Math.floor(gx);
    const iy = Math.floor(gy);
    const fx = smooth(gx - ix);
    const fy = smooth(gy - iy);
    const s = this.seed;
    const a = latticeValue(ix, iy, s);
    const b = latticeValue(ix + 1, iy, s);
    const c = latticeValue(ix, iy + 1, s);
    const d = latticeValue(ix + 1, iy + 1, s);
    const top = a + (b - a) * fx;
    return top + (c + (d - c) * fx - top) * fy;
  }
}

/** Weighted sum of octaves, each `persistence` times the one before, normalised to the first's range. */
function fractal(octaves: readonly ValueNoise[], persistence: number, shape: (v: number) => number) {
  return (x: number, y: number): number => {
    let sum = 0;
    let amplitude = 1;
    let norm = 0;
    for (const octave of octaves) {
      sum += amplitude * shape(octave.at(x, y));
      norm += amplitude;
      amplitude *= persistence;
    }
    return sum / norm;
  };
}

/**
 * `hills`: smooth fractal noise (≈ −1…1); `ridges`: ridged noise (0…1, 1 on a crest), sharp crests and
 * narrow valleys; `knolls`: coarse noise whose peaks make isolated hills on the plain.
 */
function noiseOctaves(random: Random) {
  const make = (wavelengths: number[]) => wavelengths.map((w) => new ValueNoise(random, w));
  return {
    hills: fractal(make([48, 24, 12, 6, 3, 1.5, 0.75]), 0.55, (v) => v),
    ridges: fractal(make([20, 10, 5, 2.5]), 0.5, (v) => (1 - Math.abs(v)) ** 2),
    knolls: fractal(make([9, 4.5]), 0.5, (v) => v),
  };
}

/** Lon/lat of cell centres, computed exactly every `step` cells and interpolated between (UTM is smooth). */
function lonLatSampler(grid: GridSpec, step = 8) {
  const cols = Math.ceil((grid.width - 1) / step) + 1;
  const rows = Math.ceil((grid.height - 1) / step) + 1;
  const lon = new Float64Array(cols * rows);
  const lat = new Float64Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [x, y] = cellCentreLonLat(c * step, r * step, grid);
      lon[r * cols + c] = x;
      lat[r * cols + c] = y;
    }
  }
  return (x: number, y: number): [number, number] => {
    const c = Math.min(cols - 2, Math.floor(x / step));
    const r = Math.min(rows - 2, Math.floor(y / step));
    const fx = x / step - c;
    const fy = y / step - r;
    const i = r * cols + c;
    const mix = (a: Float64Array) =>
      (a[i]! * (1 - fx) + a[i + 1]! * fx) * (1 - fy) + (a[i + cols]! * (1 - fx) + a[i + cols + 1]! * fx) * fy;
    return [mix(lon), mix(lat)];
  };
}

/**
 * Ground height (metres) of every cell of `grid`, row-major, north-up; never below 0 (the sea beyond
 * the coast tapers to 0). Relief grows with the regional height: ±10 m on the coastal plain (with a
 * few isolated knolls), a few hundred metres in the highlands, ridges in the mountains.
 */
export function demoTerrain(grid: GridSpec, seed = DEMO_TERRAIN_SEED): Float32Array {
  const cellKm = grid.cellSizeM / 1000;
  const noise = noiseOctaves(mulberry32(seed));
  const lonLat = lonLatSampler(grid);
  const heights = new Float32Array(grid.width * grid.height);
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      const [lon, lat] = lonLat(x, y);
      const base = regionalHeightM(lon, lat);
      const xKm = (x + 0.5) * cellKm;
      const yKm = (y + 0.5) * cellKm;
      // Highland share 0 (plain) … 1 (≥ 600 m): scales both kinds of relief.
      const highland = Math.min(1, base / 600);
      const hills = noise.hills(xKm, yKm) * (12 + 260 * highland);
      const ridges = (noise.ridges(xKm, yKm) - 0.45) * 420 * highland * highland;
      // Isolated granite knolls on the plain and the lower slopes (Bình Định's coastal hills).
      const knolls = Math.max(0, noise.knolls(xKm, yKm) - 0.3) * 900 * (1 - highland);
      heights[y * grid.width + x] = Math.max(0, base + hills + ridges + knolls);
    }
  }
  return heights;
}
