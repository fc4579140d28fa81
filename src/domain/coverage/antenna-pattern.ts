/**
 * Sector antenna pattern of 3GPP TR 38.901 Table 7.3-1, in dB relative to the boresight gain (≤ 0).
 * Defaults are the table's: 65° beamwidths, Am = SLAv = 30 dB (TR 36.942 uses Am = 20 dB).
 */
export const TR38901_BEAMWIDTH_DEG = 65;
export const TR38901_MAX_ATTENUATION_DB = 30;
export const TR38901_SIDE_LOBE_DB = 30;
export const TR36942_MAX_ATTENUATION_DB = 20;

export interface SectorAntenna {
  /** Boresight bearing, degrees clockwise from north. */
  azimuthDeg: number;
  /** Down-tilt positive. Mechanical tilt tips the pattern plane, so it fades off boresight (see below). */
  mechanicalTiltDeg: number;
  electricalTiltDeg: number;
  /** Null for an omnidirectional antenna: no horizontal term. */
  hBeamwidthDeg: number | null;
  vBeamwidthDeg: number;
  maxGainDbi: number;
  /** Front-to-back ratio: the pattern's floor Am. */
  frontToBackDb: number;
  /** SLAv; default 30 dB (Table 7.3-1). */
  verticalSideLobeDb?: number;
}

/** Angle in (−180°, 180]. */
export function wrapAngleDeg(angleDeg: number): number {
  const a = angleDeg % 360; // in (−360, 360)
  if (a > 180) return a - 360;
  if (a <= -180) return a + 360;
  return a;
}

/** A_H(φ) = −min(12(φ/φ3dB)², Am), φ from boresight. 0 − x rather than −x: no −0 at boresight. */
export function horizontalAttenuationDb(
  phiDeg: number,
  beamwidthDeg: number = TR38901_BEAMWIDTH_DEG,
  maxAttenuationDb: number = TR38901_MAX_ATTENUATION_DB,
): number {
  const r = wrapAngleDeg(phiDeg) / beamwidthDeg;
  return 0 - Math.min(12 * r * r, maxAttenuationDb);
}

/**
 * A_V(θ) = −min(12((θ − 90° − tilt)/θ3dB)², SLAv) with θ the zenith angle (90° = horizon, > 90° below it)
 * and tilt the down-tilt, so the beam peaks at tilt degrees below the horizon.
 */
export function verticalAttenuationDb(
  thetaDeg: number,
  tiltDeg = 0,
  beamwidthDeg: number = TR38901_BEAMWIDTH_DEG,
  sideLobeDb: number = TR38901_SIDE_LOBE_DB,
): number {
  const r = (thetaDeg - 90 - tiltDeg) / beamwidthDeg;
  return 0 - Math.min(12 * r * r, sideLobeDb);
}

/**
 * A = −min(−(A_H + A_V), Am) toward a point at `bearingDeg` (clockwise from north) and `elevationDeg`
 * (above the horizontal as seen from the antenna; negative below). Electrical tilt is the same all
 * round; mechanical tilt β counts as β·cos φ, the first-order effect of tipping the pattern (TR 38.901
 * §7.1 rotation): full on boresight, none abeam, tilting the back lobe up. Omni: mechanical + electrical.
 */
export function antennaAttenuationDb(antenna: SectorAntenna, bearingDeg: number, elevationDeg: number): number {
  const thetaDeg = 90 - elevationDeg;
  const sideLobeDb = antenna.verticalSideLobeDb ?? TR38901_SIDE_LOBE_DB;
  if (antenna.hBeamwidthDeg === null) {
    const tiltDeg = antenna.electricalTiltDeg + antenna.mechanicalTiltDeg;
    return Math.max(
      verticalAttenuationDb(thetaDeg, tiltDeg, antenna.vBeamwidthDeg, sideLobeDb),
      -antenna.frontToBackDb,
    );
  }
  const phiDeg = wrapAngleDeg(bearingDeg - antenna.azimuthDeg);
  const tiltDeg = antenna.electricalTiltDeg + antenna.mechanicalTiltDeg * Math.cos((phiDeg * Math.PI) / 180);
  const horizontalDb = horizontalAttenuationDb(phiDeg, antenna.hBeamwidthDeg, antenna.frontToBackDb);
  const verticalDb = verticalAttenuationDb(thetaDeg, tiltDeg, antenna.vBeamwidthDeg, sideLobeDb);
  return Math.max(horizontalDb + verticalDb, -antenna.frontToBackDb);
}

/** Gain (dBi) toward a point: maximum gain − min(−(A_H + A_V), Am). */
export function antennaGainDb(antenna: SectorAntenna, bearingDeg: number, elevationDeg: number): number {
  return antenna.maxGainDbi + antennaAttenuationDb(antenna, bearingDeg, elevationDeg);
}
