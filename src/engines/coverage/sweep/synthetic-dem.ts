/**
 * Deterministic synthetic terrain for tests and benchmarks: a sum of octaves of value noise
 * (smoothstep-interpolated lattice values from a seeded PRNG), scaled to a plateau with
 * relief of a few hundred metres, like the Central Highlands around Pleiku.
 */
import { mulberry32 } from '../../../domain/seeded-random.js';

export { mulberry32 };

export interface SyntheticDemOptions {
  width: number;
  height: number;
  seed?: number;
  /** Mean elevation, metres (default 700). */
  baseM?: number;
  /** Peak-to-trough relief, roughly, metres (default 400). */
  reliefM?: number;
  /** Wavelength of the coarsest octave, in cells (default 256). */
  largestWavelengthCells?: number;
  /** Octaves (default 6): each halves the wavelength and multiplies the amplitude by `persistence`. */
  octaves?: number;
  /** Default 0.5. */
  persistence?: number;
}

/** Row-major Float32Array of width × height heights, metres. Same options → same terrain. */
export function syntheticDem(options: SyntheticDemOptions): Float32Array {
  const { width, height } = options;
  const rand = mulberry32(options.seed ?? 20250701);
  const octaves = options.octaves ?? 6;
  const persistence = options.persistence ?? 0.5;
  const noise = new Float32Array(width * height);
  let wavelength = options.largestWavelengthCells ?? 256;
  let amplitude = 1;
  let amplitudeSum = 0;
  for (let o = 0; o < octaves && wavelength >= 1; o++) {
    const lw = Math.ceil(width / wavelength) + 2;
    const lh = Math.ceil(height / wavelength) + 2;
    const lattice = new Float32Array(lw * lh);
    for (let i = 0; i < lattice.length; i++) lattice[i] = rand() * 2 - 1;
    for (let y = 0; y < height; y++) {
      const gy = y / wavelength;
      const iy = Math.floor(gy);
      const fy = smooth(gy - iy);
      for (let x = 0; x < width; x++) {
        const gx = x / wavelength;
        const ix = Math.floor(gx);
        const fx = smooth(gx - ix);
        const a = lattice[iy * lw + ix]!;
        const b = lattice[iy * lw + ix + 1]!;
        const c = lattice[(iy + 1) * lw + ix]!;
        const d = lattice[(iy + 1) * lw + ix + 1]!;
        const top = a + (b - a) * fx;
        const bottom = c + (d - c) * fx;
        const i = y * width + x;
        noise[i] = noise[i]! + amplitude * (top + (bottom - top) * fy);
      }
    }
    amplitudeSum += amplitude;
    amplitude *= persistence;
    wavelength /= 2;
  }
  const base = options.baseM ?? 700;
  const scale = (options.reliefM ?? 400) / amplitudeSum;
  for (let i = 0; i < noise.length; i++) noise[i] = base + scale * noise[i]!;
  return noise;
}

const smooth = (t: number) => t * t * (3 - 2 * t);
