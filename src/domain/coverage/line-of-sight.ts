import { STANDARD_K_FACTOR } from './earth-curvature.js';
import { pathGeometry, type TerrainProfile } from './terrain-profile.js';

export interface LineOfSight {
  /** No sample pokes above the ray between the antenna tops (grazing counts as visible). */
  visible: boolean;
  /** Least height of the ray above terrain + bulge over the interior samples; < 0 when blocked; Infinity with none. */
  clearanceM: number;
  /** Sample where that least clearance occurs; −1 with no interior samples. */
  criticalIndex: number;
}

/**
 * Optical line of sight over a DEM profile for an effective earth k. Equivalent to gdal_viewshed with
 * `-cc 1/k` (0.75 for k = 4/3): lowering the terrain by d²/(2kR) from the observer and adding the bulge
 * d1·d2/(2kR) to the chord differ only by a straight line, which does not change what is visible.
 */
export function lineOfSight(
  profile: TerrainProfile,
  txHeightM: number,
  rxHeightM: number,
  k: number = STANDARD_K_FACTOR,
): LineOfSight {
  const { x, z, lengthM } = pathGeometry(profile, txHeightM, rxHeightM, k);
  const n = x.length;
  let clearanceM = Infinity;
  let criticalIndex = -1;
  for (let i = 1; i < n - 1; i++) {
    const rayZ = z[0]! + ((z[n - 1]! - z[0]!) * x[i]!) / lengthM;
    const c = rayZ - z[i]!;
    if (c < clearanceM) {
      clearanceM = c;
      criticalIndex = i;
    }
  }
  return { visible: clearanceM >= 0, clearanceM, criticalIndex };
}
