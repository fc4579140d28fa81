/**
 * Synthetic but plausible commune-level geometry for the demo province (Gia Lai, merged July 2025).
 *
 * The outline follows real geography on its edges (Cambodian border on the west, coast on the east, see
 * province-outline.ts); the units inside are a Voronoi tessellation of deterministic seed points: wards
 * clustered around the real town centres, communes spread evenly (best-candidate sampling, then Lloyd
 * relaxation), and the communes known to lie on the Cambodian border placed along it. Which units are
 * "border" ones is then measured on the geometry, not hard-coded.
 */
import { Delaunay } from 'd3-delaunay';
import polygonClipping from 'polygon-clipping';
import type { MultiLineString, MultiPolygon, Polygon } from 'geojson';
import {
  LocalProjection,
  boundaryToLinesDistance,
  boundingBox,
  geodesicAreaKm2,
  geodesicCentroid,
  pointInMultiPolygon,
  pointSegmentDistance,
  toGeoJsonGeometry,
  type MultiPoly,
  type Pt,
} from './geo-utils.js';
import { GIA_LAI_AREA_KM2, buildProvinceOutline } from './province-outline.js';
import { mulberry32, randomIndex, uniform, type Random } from './seeded-random.js';

export interface DemoUnitInput {
  code: string;
  nameVi: string;
  unitType: 'commune' | 'ward' | 'special_zone';
}

export interface DemoUnitGeometry {
  code: string;
  geometry: Polygon | MultiPolygon;
  areaKm2: number;
  centroid: [number, number];
  isBorder: boolean;
}

export interface DemoProvinceGeometry {
  outline: Polygon | MultiPolygon;
  areaKm2: number;
  cambodiaBorder: MultiLineString;
  units: DemoUnitGeometry[];
}

export interface GenerateOptions {
  seed?: number;
  targetAreaKm2?: number;
  borderBufferKm?: number;
}

export const DEFAULT_SEED = 20250701;

/** Real town centres [lon, lat]; wards cluster around the ones inside the outline. */
export const TOWN_CENTRES: readonly { name: string; lonLat: Pt }[] = [
  { name: 'Quy Nhơn', lonLat: [109.22, 13.77] },
  { name: 'Pleiku', lonLat: [108.0, 13.98] },
  { name: 'An Khê', lonLat: [108.66, 13.96] },
  { name: 'An Nhơn', lonLat: [109.11, 13.89] },
  { name: 'Ayun Pa', lonLat: [108.44, 13.39] },
  { name: 'Hoài Nhơn', lonLat: [109.02, 14.44] },
];

/** Communes that really lie on the Cambodian border, north to south. */
export const BORDER_COMMUNE_NAMES: readonly string[] = [
  'Ia O',
  'Ia Chia',
  'Ia Dom',
  'Ia Nan',
  'Ia Pnôn',
  'Ia Púch',
  'Ia Mơ',
];

const WARD_SPACING_KM = 4;
const BORDER_OFFSET_KM = 5;
const SAMPLE_SPACING_KM = 1.5;
const BEST_CANDIDATES = 12;
const LLOYD_ITERATIONS = 4;
const MIN_SEED_GAP_KM = 1;

/** Name without its "Xã "/"Phường "/"Đặc khu " prefix, NFC-normalised. */
function bareName(nameVi: string): string {
  return nameVi
    .normalize('NFC')
    .trim()
    .replace(/^(Xã|Phường|Đặc khu)\s+/u, '');
}

function containsWords(haystack: string, words: string): boolean {
  return ` ${haystack.replace(/\s+/gu, ' ')} `.includes(` ${words.normalize('NFC')} `);
}

interface Seeds {
  points: Pt[];
  fixed: boolean[];
}

function nearestDistance(p: Pt, points: readonly Pt[]): number {
  let best = Infinity;
  for (const q of points) best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]));
  return best;
}

/** Wards grouped around town centres on a sunflower spiral (the ward named after the town in the middle). */
function placeWards(
  wards: readonly number[],
  units: readonly DemoUnitInput[],
  outline: MultiPoly,
  proj: LocalProjection,
  random: Random,
  seeds: Seeds,
  placed: Map<number, number>,
): void {
  const centres = TOWN_CENTRES.map((c) => ({ name: c.name, at: proj.project(c.lonLat) })).filter((c) =>
    pointInMultiPolygon(c.at, outline),
  );
  if (centres.length === 0) return;
  const members: number[][] = centres.map(() => []);
  const unmatched: number[] = [];
  for (const i of wards) {
    const name = bareName(units[i]!.nameVi);
    let match = -1;
    centres.forEach((c, k) => {
      if (containsWords(name, c.name) && (match < 0 || c.name.length > centres[match]!.name.length)) match = k;
    });
    if (match >= 0) members[match]!.push(i);
    else unmatched.push(i);
  }
  // Balanced round-robin: each unmatched ward goes to the town with the fewest wards so far.
  for (const i of unmatched) {
    let k = 0;
    members.forEach((m, j) => {
      if (m.length < members[k]!.length) k = j;
    });
    members[k]!.push(i);
  }
  const golden = Math.PI * (3 - Math.sqrt(5));
  centres.forEach((centre, k) => {
    const list = [...members[k]!].sort(
      (a, b) => Number(bareName(units[b]!.nameVi) === centre.name) - Number(bareName(units[a]!.nameVi) === centre.name),
    );
    const phase = uniform(random, 0, 2 * Math.PI);
    let slot = 0;
    for (const i of list) {
      for (; slot < 400; slot++) {
        const r = WARD_SPACING_KM * Math.sqrt(slot) * (slot === 0 ? 0 : uniform(random, 0.9, 1.1));
        const angle = phase + slot * golden;
        const p: Pt = [centre.at[0] + r * Math.cos(angle), centre.at[1] + r * Math.sin(angle)];
        if (pointInMultiPolygon(p, outline) && nearestDistance(p, seeds.points) >= MIN_SEED_GAP_KM * 2) {
          placed.set(i, seeds.points.length);
          seeds.points.push(p);
          seeds.fixed.push(true);
          slot++;
          break;
        }
      }
    }
  });
}

/** Polylines as one north-to-south path with cumulative lengths. */
function borderPath(border: readonly Pt[][]): { pts: Pt[]; cum: number[] } {
  const pieces = border
    .filter((l) => l.length >= 2)
    .map((l) => (l[0]![1] >= l[l.length - 1]![1] ? [...l] : [...l].reverse()))
    .sort((a, b) => b[0]![1] - a[0]![1]);
  const pts = pieces.flat();
  const cum = [0];
  for (let i = 1; i < pts.length; i++) {
    cum.push(cum[i - 1]! + Math.hypot(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]));
  }
  return { pts, cum };
}

function pointAlong(path: { pts: Pt[]; cum: number[] }, s: number): Pt {
  const { pts, cum } = path;
  const total = cum[cum.length - 1]!;
  const target = Math.max(0, Math.min(total, s));
  let i = 1;
  while (i < cum.length - 1 && cum[i]! < target) i++;
  const a = pts[i - 1]!;
  const b = pts[i]!;
  const span = cum[i]! - cum[i - 1]!;
  const t = span === 0 ? 0 : (target - cum[i - 1]!) / span;
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

function distanceToLines(p: Pt, lines: readonly Pt[][]): number {
  let best = Infinity;
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) best = Math.min(best, pointSegmentDistance(p, line[i]!, line[i + 1]!));
  }
  return best;
}

/** The named border communes, evenly along the border, a few km inside. */
function placeBorderCommunes(
  borderUnits: readonly number[],
  borderKm: readonly Pt[][],
  outline: MultiPoly,
  seeds: Seeds,
  placed: Map<number, number>,
): void {
  const path = borderPath(borderKm);
  const total = path.cum[path.cum.length - 1] ?? 0;
  if (borderUnits.length === 0 || total === 0) return;
  borderUnits.forEach((i, k) => {
    const s = ((k + 0.5) / borderUnits.length) * total;
    const on = pointAlong(path, s);
    const before = pointAlong(path, s - 4);
    const after = pointAlong(path, s + 4);
    const len = Math.hypot(after[0] - before[0], after[1] - before[1]) || 1;
    const normal: Pt = [-(after[1] - before[1]) / len, (after[0] - before[0]) / len];
    for (const offset of [BORDER_OFFSET_KM, BORDER_OFFSET_KM * 0.6, BORDER_OFFSET_KM * 0.3]) {
      const candidates: Pt[] = [1, -1].map((sign) => [
        on[0] + sign * offset * normal[0],
        on[1] + sign * offset * normal[1],
      ]);
      const p = candidates.find(
        (c) =>
          pointInMultiPolygon(c, outline) &&
          distanceToLines(c, borderKm) >= offset * 0.5 &&
          nearestDistance(c, seeds.points) >= MIN_SEED_GAP_KM,
      );
      if (p) {
        placed.set(i, seeds.points.length);
        seeds.points.push(p);
        seeds.fixed.push(true);
        return;
      }
    }
  });
}

/** Regular grid of sample points inside the outline (for seeding and Lloyd relaxation). */
function samplePoints(outline: MultiPoly): Pt[] {
  const box = boundingBox(outline.flat().flat());
  const samples: Pt[] = [];
  const rings = outline.flat();
  for (let y = box.minY + SAMPLE_SPACING_KM / 2; y < box.maxY; y += SAMPLE_SPACING_KM) {
    // Scanline: the row is inside between successive crossings (even-odd, holes included).
    const crossings: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    crossings.sort((a, b) => a - b);
    let k = 0;
    for (let x = box.minX + SAMPLE_SPACING_KM / 2; x < box.maxX; x += SAMPLE_SPACING_KM) {
      while (k < crossings.length && crossings[k]! <= x) k++;
      if (k % 2 === 1) samples.push([x, y]);
    }
  }
  return samples;
}

/** Remaining units by best-candidate sampling (blue noise), then a few Lloyd steps over the samples. */
function placeFreeUnits(
  free: readonly number[],
  outline: MultiPoly,
  samples: readonly Pt[],
  random: Random,
  seeds: Seeds,
  placed: Map<number, number>,
): void {
  for (const i of free) {
    let best: Pt | undefined;
    let bestDistance = -1;
    for (let c = 0; c < BEST_CANDIDATES; c++) {
      const s = samples[randomIndex(random, samples.length)]!;
      const jittered: Pt = [
        s[0] + uniform(random, -0.4, 0.4) * SAMPLE_SPACING_KM,
        s[1] + uniform(random, -0.4, 0.4) * SAMPLE_SPACING_KM,
      ];
      const p = pointInMultiPolygon(jittered, outline) ? jittered : s;
      const d = nearestDistance(p, seeds.points);
      if (d > bestDistance) {
        best = p;
        bestDistance = d;
      }
    }
    placed.set(i, seeds.points.length);
    seeds.points.push(best!);
    seeds.fixed.push(false);
  }
  for (let iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
    const delaunay = Delaunay.from(seeds.points);
    const sums = seeds.points.map(() => [0, 0, 0]);
    let hint = 0;
    for (const s of samples) {
      hint = delaunay.find(s[0], s[1], hint);
      const acc = sums[hint]!;
      acc[0]! += s[0];
      acc[1]! += s[1];
      acc[2]! += 1;
    }
    sums.forEach(([sx, sy, n], i) => {
      if (seeds.fixed[i] || !n) return;
      const p: Pt = [sx! / n, sy! / n];
      const others = seeds.points.filter((_, j) => j !== i);
      if (pointInMultiPolygon(p, outline) && nearestDistance(p, others) >= MIN_SEED_GAP_KM) seeds.points[i] = p;
    });
  }
}

/** Voronoi cells of the seeds, clipped to the outline (all in the km plane). */
function clippedCells(points: readonly Pt[], outline: MultiPoly): MultiPoly[] {
  const box = boundingBox(outline.flat().flat());
  const voronoi = Delaunay.from(points).voronoi([box.minX - 1, box.minY - 1, box.maxX + 1, box.maxY + 1]);
  return points.map((_, i) => {
    const cell = voronoi.cellPolygon(i) as Pt[] | null;
    if (!cell) return [];
    return polygonClipping.intersection([cell], outline);
  });
}

/**
 * Builds the outline, places one seed per unit and returns one clipped Voronoi cell per unit (same order
 * as `units`). Pure and deterministic for given inputs.
 */
export function generateProvinceGeometry(
  units: readonly DemoUnitInput[],
  options: GenerateOptions = {},
): DemoProvinceGeometry {
  const seed = options.seed ?? DEFAULT_SEED;
  const targetAreaKm2 = options.targetAreaKm2 ?? GIA_LAI_AREA_KM2;
  const borderBufferKm = options.borderBufferKm ?? 1;
  const random = mulberry32(seed);

  const province = buildProvinceOutline(targetAreaKm2);
  const [lon0, lat0] = geodesicCentroid({ type: 'Polygon', coordinates: province.outline });
  const proj = new LocalProjection(lon0, lat0);
  const outlineKm = proj.projectMulti([province.outline]);
  const borderKm = province.cambodiaBorder.map((line) => line.map((p) => proj.project(p)));

  const seeds: Seeds = { points: [], fixed: [] };
  const placed = new Map<number, number>();
  const wards: number[] = [];
  const borderUnits: number[] = [];
  units.forEach((unit, i) => {
    if (unit.unitType === 'ward') wards.push(i);
  });
  for (const name of BORDER_COMMUNE_NAMES) {
    units.forEach((unit, i) => {
      if (unit.unitType === 'commune' && !borderUnits.includes(i) && containsWords(bareName(unit.nameVi), name)) {
        borderUnits.push(i);
      }
    });
  }
  placeBorderCommunes(borderUnits, borderKm, outlineKm, seeds, placed);
  placeWards(wards, units, outlineKm, proj, random, seeds, placed);
  const free = units.map((_, i) => i).filter((i) => !placed.has(i));
  placeFreeUnits(free, outlineKm, samplePoints(outlineKm), random, seeds, placed);

  const cells = clippedCells(seeds.points, outlineKm);
  const unitGeometries = units.map((unit, i): DemoUnitGeometry => {
    const cellKm = cells[placed.get(i)!]!;
    const geometry = toGeoJsonGeometry(proj.unprojectMulti(cellKm));
    if (geometry.coordinates.length === 0) throw new Error(`unit ${unit.code} got an empty cell`);
    const [cx, cy] = geodesicCentroid(geometry);
    return {
      code: unit.code,
      geometry,
      areaKm2: round(geodesicAreaKm2(geometry), 2),
      centroid: [round(cx, 5), round(cy, 5)],
      isBorder: boundaryToLinesDistance(cellKm, borderKm) <= borderBufferKm + 1e-9,
    };
  });

  const outline = toGeoJsonGeometry([province.outline]);
  return {
    outline,
    areaKm2: round(geodesicAreaKm2(outline), 2),
    cambodiaBorder: {
      type: 'MultiLineString',
      coordinates: province.cambodiaBorder.map((line) => line.map(([x, y]) => [round(x, 5), round(y, 5)])),
    },
    units: unitGeometries,
  };
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}
