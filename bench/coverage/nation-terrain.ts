/**
 * Terrain of the synthetic Vietnam on a global 3″ lattice (1,200 samples a degree from 100°E, 25°N):
 * mountains in the north and along the western border, the Central Highlands plateau, lowland deltas
 * of the Red River and the Mekong, a flat coastal strip, 0 m at sea. The noise is value noise whose
 * lattice values are hashed from their global indices, so any window (an SRTM tile, the population
 * grid) gets the same heights where windows overlap, and neighbouring tiles agree on their shared edge.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { noise } from '../seeded-hash.js';
import { landSpanAt } from './nation-layout.js';

/** Samples a degree (3 arc-seconds). */
export const SAMPLES_PER_DEGREE = 1200;
/** Global sample (0, 0) is at this longitude and latitude. */
const LON0 = 100;
const LAT0 = 25;
const HGT_SIDE = SAMPLES_PER_DEGREE + 1;
const KM_PER_DEGREE = 111.32;
const FULL_OCTAVES = 8;
/** The coarsest octave's wavelength, samples (about 46 km). */
const LARGEST_WAVELENGTH = 512;

const smoothstep = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};
const smooth = (t: number) => t * t * (3 - 2 * t);

/** The land's span on a parallel as landform needs it (north of the land, the northernmost span); null south of it. */
function parallel(lat: number): { west: number; east: number; cosLat: number } | null {
  const span = lat < 8.6 ? null : landSpanAt(Math.min(lat, 23.4));
  return span && { ...span, cosLat: Math.cos((lat * Math.PI) / 180) };
}

/** The large-scale landform at a point: a base height and the amplitude of the noise on it, metres; null at sea. */
function landform(
  lon: number,
  lat: number,
  span: { west: number; east: number; cosLat: number } | null,
): { baseM: number; reliefM: number } | null {
  if (span === null) return null;
  const u = (lon - span.west) / (span.east - span.west); // 0 on the western border, 1 on the coast
  if (u > 1 && lat <= 23.4) return null; // the South China Sea
  if (u < 0 && lat < 10.5) return null; // the Gulf of Thailand
  const coastKm = (span.east - lon) * KM_PER_DEGREE * span.cosLat;
  const north = smoothstep(20.2, 22, lat);
  const west = 0.85 * (1 - smoothstep(0.1, 0.65, u));
  const redRiver = Math.exp(-(((lon - 106.1) / 0.8) ** 2) - ((lat - 20.7) / 0.6) ** 2);
  const mekong = 1 - smoothstep(10.3, 11.6, lat);
  const mountains = Math.max(north, west) * (1 - 0.95 * redRiver) * (1 - mekong) * smoothstep(0, 25, coastKm);
  const highlands = smoothstep(11.3, 12.2, lat) * (1 - smoothstep(14.3, 15.2, lat)) * (1 - smoothstep(0.45, 0.75, u));
  return {
    baseM: (5 + 1300 * mountains + 550 * highlands * (1 - mountains)) * smoothstep(0, 3, coastKm),
    reliefM: (15 + 1100 * mountains + 300 * highlands) * smoothstep(0, 3, coastKm),
  };
}

/**
 * Heights (m, ≥ 0, row-major, north-up) of the samples x0 + i, y0 + j of the global lattice, 0 ≤ i < width,
 * 0 ≤ j < height (x0, y0 may be fractional: pixel centres). Fewer octaves give the same landform, smoother.
 */
export function elevationWindow(
  seed: number,
  x0: number,
  y0: number,
  width: number,
  height: number,
  octaves = FULL_OCTAVES,
): Float32Array {
  const n = new Float32Array(width * height);
  let wavelength = LARGEST_WAVELENGTH;
  let amplitude = 1;
  let amplitudeSum = 0;
  const column = new Int32Array(width);
  const fraction = new Float32Array(width);
  for (let o = 0; o < octaves; o++) {
    const lx0 = Math.floor(x0 / wavelength);
    const ly0 = Math.floor(y0 / wavelength);
    const lw = Math.floor((x0 + width - 1) / wavelength) - lx0 + 2;
    const lh = Math.floor((y0 + height - 1) / wavelength) - ly0 + 2;
    const lattice = new Float32Array(lw * lh);
    for (let j = 0; j < lh; j++) {
      for (let i = 0; i < lw; i++) lattice[j * lw + i] = 2 * noise(seed, o, lx0 + i, ly0 + j) - 1;
    }
    for (let i = 0; i < width; i++) {
      const g = (x0 + i) / wavelength;
      column[i] = Math.floor(g) - lx0;
      fraction[i] = smooth(g - Math.floor(g));
    }
    for (let j = 0; j < height; j++) {
      const g = (y0 + j) / wavelength;
      const row = (Math.floor(g) - ly0) * lw;
      const fy = smooth(g - Math.floor(g));
      for (let i = 0; i < width; i++) {
        const k = row + column[i]!;
        const fx = fraction[i]!;
        const top = lattice[k]! + (lattice[k + 1]! - lattice[k]!) * fx;
        const bottom = lattice[k + lw]! + (lattice[k + lw + 1]! - lattice[k + lw]!) * fx;
        n[j * width + i] = n[j * width + i]! + amplitude * (top + (bottom - top) * fy);
      }
    }
    amplitudeSum += amplitude;
    amplitude *= 0.5;
    wavelength /= 2;
  }
  for (let j = 0; j < height; j++) {
    const lat = LAT0 - (y0 + j) / SAMPLES_PER_DEGREE;
    const span = parallel(lat);
    for (let i = 0; i < width; i++) {
      const form = landform(LON0 + (x0 + i) / SAMPLES_PER_DEGREE, lat, span);
      const k = j * width + i;
      n[k] = form === null ? 0 : Math.max(form.baseM > 0.5 ? 1 : 0, form.baseM + (form.reliefM * n[k]!) / amplitudeSum);
    }
  }
  return n;
}

/** The global lattice position of a longitude and latitude (sample units; integers on the 3″ lattice). */
export const latticeX = (lon: number) => (lon - LON0) * SAMPLES_PER_DEGREE;
export const latticeY = (lat: number) => (LAT0 - lat) * SAMPLES_PER_DEGREE;

/** SRTM name of the tile whose south-west corner is (lat, lon): N16E107.hgt. */
export const hgtName = (lat: number, lon: number) =>
  `${lat >= 0 ? 'N' : 'S'}${String(Math.abs(lat)).padStart(2, '0')}${lon >= 0 ? 'E' : 'W'}${String(Math.abs(lon)).padStart(3, '0')}.hgt`;

/**
 * The 1° tiles (south-west corners) within `marginKm` of a point where `onLand` holds: each tile's
 * square, widened by the margin, is probed on a 0.02° mesh.
 */
export function tilesNear(
  onLand: (lon: number, lat: number) => boolean,
  bounds: { west: number; south: number; east: number; north: number },
  marginKm: number,
): { lat: number; lon: number }[] {
  const tiles: { lat: number; lon: number }[] = [];
  const dLat = marginKm / KM_PER_DEGREE;
  for (let lat = Math.floor(bounds.south - dLat); lat <= Math.floor(bounds.north + dLat); lat++) {
    const dLon = dLat / Math.cos((Math.min(Math.abs(lat), Math.abs(lat + 1)) * Math.PI) / 180);
    for (let lon = Math.floor(bounds.west - dLon); lon <= Math.floor(bounds.east + dLon); lon++) {
      let near = false;
      for (let y = lat - dLat; y <= lat + 1 + dLat && !near; y += 0.02) {
        for (let x = lon - dLon; x <= lon + 1 + dLon && !near; x += 0.02) near = onLand(x, y);
      }
      if (near) tiles.push({ lat, lon });
    }
  }
  return tiles;
}

/** Writes one 3″ SRTM tile (1201 × 1201 big-endian int16, north row first); returns its path. */
export function writeHgtTile(folder: string, seed: number, tile: { lat: number; lon: number }): string {
  const heights = elevationWindow(seed, latticeX(tile.lon), latticeY(tile.lat + 1), HGT_SIDE, HGT_SIDE);
  const bytes = Buffer.alloc(HGT_SIDE * HGT_SIDE * 2);
  for (let i = 0; i < heights.length; i++) bytes.writeInt16BE(Math.round(heights[i]!), i * 2);
  const path = join(folder, hgtName(tile.lat, tile.lon));
  writeFileSync(path, bytes);
  return path;
}
