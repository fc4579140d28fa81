import { Invalid } from '../errors.js';
import { EARTH_RADIUS_KM } from './earth-curvature.js';

/**
 * Ground heights sampled along a path from transmitter (first point) to receiver (last point), as read
 * from the DEM: bare terrain above sea level, WITHOUT earth bulge. The functions that take a profile add
 * the bulge for their k factor, so one profile serves any k (k = Infinity: flat earth).
 */
export interface TerrainProfile {
  /** Distance of each sample along the path, increasing; the first need not be 0. */
  distanceM: ArrayLike<number>;
  heightM: ArrayLike<number>;
}

/**
 * The path in flat-earth-equivalent form: x from the transmitter, z = terrain + bulge d1·d2/(2kR) inside,
 * and the antenna tops at both ends. Straight lines in (x, z) are the refracted rays for that k.
 */
export interface PathGeometry {
  x: Float64Array;
  z: Float64Array;
  lengthM: number;
}

function invalid(message: string): never {
  throw new Invalid('terrain_profile.invalid', message, [{ path: 'profile', message }]);
}

export function pathGeometry(profile: TerrainProfile, txHeightM: number, rxHeightM: number, k: number): PathGeometry {
  const n = profile.distanceM.length;
  if (n < 2 || profile.heightM.length !== n)
    invalid(`need ≥ 2 samples with one height each, got ${n} and ${profile.heightM.length}`);
  if (!(k > 0)) invalid(`k must be positive, got ${k}`);
  const x = new Float64Array(n);
  const z = new Float64Array(n);
  const start = profile.distanceM[0]!;
  for (let i = 0; i < n; i++) {
    x[i] = profile.distanceM[i]! - start;
    if (i > 0 && !(x[i]! > x[i - 1]!)) invalid(`distances must increase: sample ${i} is at ${profile.distanceM[i]} m`);
  }
  const lengthM = x[n - 1]!;
  const twoKRM = 2 * k * EARTH_RADIUS_KM * 1000;
  for (let i = 1; i < n - 1; i++) z[i] = profile.heightM[i]! + (x[i]! * (lengthM - x[i]!)) / twoKRM;
  z[0] = profile.heightM[0]! + txHeightM;
  z[n - 1] = profile.heightM[n - 1]! + rxHeightM;
  return { x, z, lengthM };
}
