/** Mean Earth radius (km) used for the effective-earth construction (ITU-R P.452/P.526 use 6371 km). */
export const EARTH_RADIUS_KM = 6371;

/** Median effective earth-radius factor for a standard atmosphere (ITU-R P.453, P.526). */
export const STANDARD_K_FACTOR = 4 / 3;

/**
 * Height (m) by which the curved earth rises above the chord between two ends, at d1 km from one end and
 * d2 km from the other: d1·d2/(2kR). With k = 4/3 this is ≈ d1·d2/17 m (DOMAIN.md §2).
 */
export function earthBulgeM(d1Km: number, d2Km: number, k: number = STANDARD_K_FACTOR): number {
  return (d1Km * d2Km * 1000) / (2 * k * EARTH_RADIUS_KM); // km² / km = km, × 1000 for metres
}

/**
 * First Fresnel-zone radius (m) at d1, d2 km from the ends, f in GHz: 17.32·√(d1·d2/(f·d)) (ITU-R P.530).
 * 17.32 ≈ √(c · 10⁻⁹ · 10³) = √299.8 folds the units (λ in m from GHz, d in km).
 */
export function fresnelRadiusM(d1Km: number, d2Km: number, frequencyGhz: number): number {
  return 17.32 * Math.sqrt((d1Km * d2Km) / (frequencyGhz * (d1Km + d2Km)));
}
