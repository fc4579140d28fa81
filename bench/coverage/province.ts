/**
 * A deterministic synthetic province for the coverage benchmark, shaped like Gia Lai after its 2025
 * merger with Bình Định (about 21,500 km², 3.6 million people, 135 communes): a highland plateau in
 * the west, a mountain belt, then lowlands down to the sea in the east. Everything comes from seeded
 * PRNGs, so the same size and seed give the same DEM, people, communes and sites.
 */
import { Delaunay } from 'd3-delaunay';
import { mulberry32, syntheticDem } from '../../src/engines/coverage/sweep/synthetic-dem.js';
import type { GridPolygon, GridRing } from '../../src/engines/coverage/zones/rasterize-units.js';
import type { GridSite } from '../../src/engines/coverage/predict/site-signal.js';

export interface Town {
  x: number;
  y: number;
  /** Gaussian spread, cells. */
  sigma: number;
  people: number;
}

export interface Province {
  width: number;
  height: number;
  /** Metres, row-major, north-up; 0 m at sea. */
  dem: Float32Array;
  /** People per cell. */
  population: Float32Array;
  towns: Town[];
  /** Column of the coastline per row: cells at or east of it are sea (0 m, nobody). */
  coastX: Int32Array;
}

const smoothstep = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/**
 * Terrain: a plateau at about 750 m in the west (value noise of ±300 m on it), a mountain belt
 * reaching 1,500 m around 60 % of the width, and lowlands falling to the coast at about 92 %.
 */
export function buildTerrain(width: number, height: number, seed: number): { dem: Float32Array; coastX: Int32Array } {
  const dem = syntheticDem({
    width,
    height,
    seed,
    baseM: 0,
    reliefM: 700,
    largestWavelengthCells: Math.max(64, Math.round(width / 5)),
    octaves: 8,
  });
  const rand = mulberry32(seed ^ 0x5eed);
  const coastX = new Int32Array(height);
  // A wobbling coastline: two sine waves of random phase.
  const p1 = rand() * 2 * Math.PI;
  const p2 = rand() * 2 * Math.PI;
  for (let y = 0; y < height; y++) {
    const v = y / height;
    coastX[y] = Math.round(
      width * (0.92 + 0.025 * Math.sin(2 * Math.PI * 1.3 * v + p1) + 0.01 * Math.sin(11 * v + p2)),
    );
  }
  for (let y = 0; y < height; y++) {
    const coast = coastX[y]!;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (x >= coast) {
        dem[i] = 0;
        continue;
      }
      const u = x / width;
      const toCoast = (coast - x) / width; // 0 at the coast
      const plateau = 750 * (1 - smoothstep(0.5, 0.85, u)) + 20;
      const belt = 900 * Math.exp(-(((u - 0.6) / 0.06) ** 2));
      const roughness = 0.25 + 0.75 * smoothstep(0, 0.25, toCoast); // flatter lowland near the sea
      const h = (plateau + belt + roughness * dem[i]!) * smoothstep(0, 0.03, toCoast);
      dem[i] = h > 0 ? h : 0;
    }
  }
  return { dem, coastX };
}

/** Per raster row, the land's columns: from[y] ≤ x < to[y] (one interval a row). */
export interface RowSpans {
  from: Int32Array;
  to: Int32Array;
}

/** Adds a Gaussian of `people` people centred on (x, y), truncated at 3σ and to land, renormalised to the truncation. */
function addGaussian(pop: Float64Array, width: number, height: number, town: Town, land: RowSpans): void {
  const r = Math.ceil(3 * town.sigma);
  const x0 = Math.max(0, Math.floor(town.x) - r);
  const x1 = Math.min(width - 1, Math.floor(town.x) + r);
  const y0 = Math.max(0, Math.floor(town.y) - r);
  const y1 = Math.min(height - 1, Math.floor(town.y) + r);
  const k = -1 / (2 * town.sigma * town.sigma);
  let sum = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = Math.max(x0, land.from[y]!); x < Math.min(x1 + 1, land.to[y]!); x++)
      sum += Math.exp(k * ((x - town.x) ** 2 + (y - town.y) ** 2));
  }
  if (sum === 0) return;
  const scale = town.people / sum;
  for (let y = y0; y <= y1; y++) {
    for (let x = Math.max(x0, land.from[y]!); x < Math.min(x1 + 1, land.to[y]!); x++) {
      pop[y * width + x]! += scale * Math.exp(k * ((x - town.x) ** 2 + (y - town.y) ** 2));
    }
  }
}

/**
 * People: 60 % in towns and villages (two cities, district towns, 600 villages: Gaussian clusters),
 * 40 % spread over the land (spreadPopulation).
 */
export function buildPopulation(
  width: number,
  height: number,
  dem: Float32Array,
  coastX: Int32Array,
  totalPeople: number,
  seed: number,
): { population: Float32Array; towns: Town[] } {
  const rand = mulberry32(seed ^ 0x9e0);
  const s = width / 5000; // sizes below are for the 5,000-cell province
  const towns: Town[] = [
    { x: 0.33 * width, y: 0.42 * height, sigma: 70 * s, people: 0.12 }, // the highland city (Pleiku-like)
    { x: 0.87 * width, y: 0.62 * height, sigma: 60 * s, people: 0.1 }, // the coastal city (Quy Nhơn-like)
  ];
  const landPoint = (): [number, number] => {
    for (;;) {
      const x = rand() * width;
      const y = rand() * height;
      if (x < coastX[Math.floor(y)]! - 5 * s) return [x, y];
    }
  };
  for (let i = 0; i < 20; i++) {
    const [x, y] = landPoint();
    towns.push({ x, y, sigma: (15 + 25 * rand()) * s, people: 0.11 / 20 });
  }
  for (let i = 0; i < 600; i++) {
    const [x, y] = landPoint();
    towns.push({ x, y, sigma: (3 + 7 * rand()) * s, people: (0.27 / 600) * (0.3 + 1.4 * rand()) });
  }
  const land = { from: new Int32Array(height), to: coastX };
  return { population: spreadPopulation(width, height, dem, land, towns, totalPeople, seed), towns };
}

/**
 * Spreads `totalPeople` over the land: 60 % in the towns (Gaussian clusters; their `people` are relative
 * weights, rescaled here in place to head counts), 40 % over the land with a density that falls with
 * altitude and follows a low-frequency noise field. Scaled to `totalPeople` exactly (in float64 before the
 * float32 raster); 0 off the land.
 */
export function spreadPopulation(
  width: number,
  height: number,
  dem: Float32Array,
  land: RowSpans,
  towns: Town[],
  totalPeople: number,
  seed: number,
): Float32Array {
  const clustered = 0.6;
  const clusterSum = towns.reduce((a, t) => a + t.people, 0);
  for (const town of towns) town.people = (town.people / clusterSum) * clustered * totalPeople;

  const pop = new Float64Array(width * height);
  for (const town of towns) addGaussian(pop, width, height, town, land);
  // Rural background: a 3-octave noise field, thinned with altitude.
  const field = syntheticDem({
    width,
    height,
    seed: seed ^ 0xbac,
    baseM: 0,
    reliefM: 2,
    largestWavelengthCells: Math.max(32, Math.round(width / 12)),
    octaves: 3,
  });
  let weightSum = 0;
  for (let y = 0; y < height; y++) {
    const from = land.from[y]!;
    const to = land.to[y]!;
    for (let x = 0; x < from; x++) field[y * width + x] = 0;
    for (let x = from; x < to; x++) {
      const i = y * width + x;
      const w = Math.max(0, field[i]! + 0.4) * (1 - smoothstep(300, 1300, dem[i]!) * 0.85);
      field[i] = w;
      weightSum += w;
    }
    for (let x = Math.max(from, to); x < width; x++) field[y * width + x] = 0;
  }
  const rural = ((1 - clustered) * totalPeople) / weightSum;
  let total = 0;
  for (let i = 0; i < pop.length; i++) {
    pop[i] = pop[i]! + rural * field[i]!;
    total += pop[i]!;
  }
  const population = new Float32Array(width * height);
  const fix = totalPeople / total;
  for (let i = 0; i < pop.length; i++) population[i] = pop[i]! * fix;
  return population;
}

export function buildProvince(width: number, height: number, totalPeople: number, seed: number): Province {
  const { dem, coastX } = buildTerrain(width, height, seed);
  const { population, towns } = buildPopulation(width, height, dem, coastX, totalPeople, seed);
  return { width, height, dem, population, towns, coastX };
}

/**
 * `count` communes: a Voronoi partition of seeded points (a quarter of them near towns, where communes
 * are small), clipped to the grid, with every inner edge made ragged by seeded midpoint displacement
 * (the same polyline for both neighbours, so the units still tile the grid). Grid coordinates.
 */
export function buildCommunes(
  province: Pick<Province, 'width' | 'height' | 'towns'>,
  count: number,
  seed: number,
): GridPolygon[][] {
  const { width, height, towns } = province;
  const rand = mulberry32(seed ^ 0xc0de);
  const points: [number, number][] = [];
  const big = [...towns].sort((a, b) => b.people - a.people).slice(0, 22);
  const nearTowns = big.length > 0 ? Math.round(count / 4) : 0;
  for (let i = 0; i < nearTowns; i++) {
    const t = big[i % big.length]!;
    const angle = rand() * 2 * Math.PI;
    const r = t.sigma * (0.5 + 2 * rand());
    points.push([clamp(t.x + r * Math.cos(angle), 1, width - 1), clamp(t.y + r * Math.sin(angle), 1, height - 1)]);
  }
  while (points.length < count) points.push([1 + rand() * (width - 2), 1 + rand() * (height - 2)]);
  const voronoi = Delaunay.from(points).voronoi([0, 0, width, height]);
  const edges = new Map<string, [number, number][]>();
  const key = (p: readonly [number, number]) => `${p[0].toFixed(4)},${p[1].toFixed(4)}`;
  const onBorder = (a: readonly [number, number], b: readonly [number, number]) =>
    (a[0] <= 1e-6 && b[0] <= 1e-6) ||
    (a[1] <= 1e-6 && b[1] <= 1e-6) ||
    (a[0] >= width - 1e-6 && b[0] >= width - 1e-6) ||
    (a[1] >= height - 1e-6 && b[1] >= height - 1e-6);
  /** Points strictly between a and b, from the canonical end (the smaller key) towards the other. */
  const inner = (a: [number, number], b: [number, number]): [number, number][] => {
    const forward = key(a) < key(b);
    const [p, q] = forward ? [a, b] : [b, a];
    const k = `${key(p)}|${key(q)}`;
    let mids = edges.get(k);
    if (!mids) {
      mids = onBorder(p, q) ? [] : displace(p, q, 4, mulberry32(hashString(k) ^ seed));
      edges.set(k, mids);
    }
    return forward ? mids : [...mids].reverse();
  };
  const units: GridPolygon[][] = [];
  for (let i = 0; i < count; i++) {
    const cell = voronoi.cellPolygon(i) as [number, number][] | null;
    if (!cell) {
      units.push([]);
      continue;
    }
    const ring: [number, number][] = [];
    for (let j = 0; j + 1 < cell.length; j++) {
      const a = cell[j]!;
      const b = cell[j + 1]!;
      ring.push(a, ...inner(a, b));
    }
    units.push([[ring as GridRing]]);
  }
  return units;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** 2^depth − 1 points between p and q, each midpoint moved sideways by up to 12 % of its segment. */
function displace(p: [number, number], q: [number, number], depth: number, rand: () => number): [number, number][] {
  if (depth === 0) return [];
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const off = (rand() - 0.5) * 0.24;
  const m: [number, number] = [(p[0] + q[0]) / 2 - dy * off, (p[1] + q[1]) / 2 + dx * off];
  return [...displace(p, m, depth - 1, rand), m, ...displace(m, q, depth - 1, rand)];
}

export interface SiteMix {
  /** Sector records wanted (3 a mast). */
  sectors: number;
  /** Share of masts carrying 4G (the rest carry 2G). */
  share4g: number;
  /** Share of masts placed near towns and villages (the rest spread over the land). */
  shareInTowns: number;
}

export const DEFAULT_SITE_MIX: SiteMix = { sectors: 3000, share4g: 0.6, shareInTowns: 0.3 };

/**
 * Sector records (GridSite) for `mix.sectors / 3` masts, three sectors each at 120° (random rotation):
 * 4G at 1,800 MHz or 2G at 900 MHz, 43–46 dBm, 15–18 dBi, 30–40 m, 2 dB cable loss, 65° × 7° panels,
 * 2–6° electrical and 0–2° mechanical down-tilt. The environment follows the people around the mast
 * (urban ≥ 5 people a cell, suburban ≥ 1, else rural). Masts come in seeded random order, so any
 * prefix of the list is the same mix.
 */
export function buildSites(
  province: Pick<Province, 'width' | 'height' | 'population' | 'towns' | 'coastX'>,
  mix: SiteMix,
  seed: number,
): GridSite[] {
  const { width, height, population, towns, coastX } = province;
  const rand = mulberry32(seed ^ 0x517e);
  const townWeights = towns.map((t) => Math.sqrt(t.people));
  const weightSum = townWeights.reduce((a, b) => a + b, 0);
  const pickTown = () => {
    let r = rand() * weightSum;
    for (let i = 0; i < towns.length; i++) {
      r -= townWeights[i]!;
      if (r <= 0) return towns[i]!;
    }
    return towns[towns.length - 1]!;
  };
  const onLand = (x: number, y: number) =>
    x >= 0 && x <= width - 1 && y >= 0 && y <= height - 1 && x < coastX[Math.round(y)]! - 1;
  const density = (x: number, y: number) => {
    let sum = 0;
    let n = 0;
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        const cx = Math.round(x) + dx;
        const cy = Math.round(y) + dy;
        if (cx < 0 || cy < 0 || cx >= width || cy >= height) continue;
        sum += population[cy * width + cx]!;
        n++;
      }
    }
    return n > 0 ? sum / n : 0;
  };
  const sites: GridSite[] = [];
  const masts = Math.ceil(mix.sectors / 3);
  const pick = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  for (let m = 0; m < masts && sites.length < mix.sectors; m++) {
    let x: number;
    let y: number;
    let tries = 0;
    do {
      if (rand() < mix.shareInTowns && towns.length > 0) {
        const t = pickTown();
        const angle = rand() * 2 * Math.PI;
        const r = t.sigma * 1.5 * Math.sqrt(rand());
        x = t.x + r * Math.cos(angle);
        y = t.y + r * Math.sin(angle);
      } else {
        x = rand() * (width - 1);
        y = rand() * (height - 1);
      }
      tries++;
    } while (!onLand(x, y) && tries < 1000);
    if (!onLand(x, y)) continue; // a crop with (almost) no land
    const people = density(x, y);
    const environment = people >= 5 ? 'urban' : people >= 1 ? 'suburban' : 'rural';
    const is4g = rand() < mix.share4g;
    const rotation = rand() * 120;
    const txPowerDbm = pick(43, 46);
    const antennaGainDbi = pick(15, 18);
    const antennaHeightM = pick(30, 40);
    for (let s = 0; s < 3 && sites.length < mix.sectors; s++) {
      sites.push({
        index: sites.length,
        technology: is4g ? '4G' : '2G',
        x,
        y,
        bandMhz: is4g ? 1800 : 900,
        antennaHeightM,
        azimuthDeg: (rotation + 120 * s) % 360,
        mechanicalTiltDeg: pick(0, 2),
        electricalTiltDeg: pick(2, 6),
        hBeamwidthDeg: 65,
        vBeamwidthDeg: 7,
        txPowerDbm,
        antennaGainDbi,
        cableLossDb: 2,
        environment,
      });
    }
  }
  return sites;
}

/** A rectangle of the province as a province of its own (views where possible; sites are built afresh). */
export function cropProvince(province: Province, x0: number, y0: number, size: number): Province {
  const { width } = province;
  const dem = new Float32Array(size * size);
  const population = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    const from = (y0 + y) * width + x0;
    dem.set(province.dem.subarray(from, from + size), y * size);
    population.set(province.population.subarray(from, from + size), y * size);
  }
  const coastX = new Int32Array(size);
  for (let y = 0; y < size; y++) coastX[y] = clamp(province.coastX[y0 + y]! - x0, 0, size);
  const towns = province.towns
    .filter((t) => t.x >= x0 && t.x < x0 + size && t.y >= y0 && t.y < y0 + size)
    .map((t) => ({ ...t, x: t.x - x0, y: t.y - y0 }));
  return { width: size, height: size, dem, population, towns, coastX };
}
