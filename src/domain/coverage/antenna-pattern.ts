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

/** A sector's pattern with its constants worked out once, to evaluate it at many cells. */
export interface CompiledPattern {
  omni: boolean;
  /** Boresight in (−180°, 180°], and its sine and cosine. */
  azimuthDeg: number;
  sinAzimuth: number;
  cosAzimuth: number;
  /** 12 / φ3dB² and 12 / θ3dB² (per degree²). */
  horizontalScale: number;
  verticalScale: number;
  frontToBackDb: number;
  sideLobeDb: number;
  electricalTiltDeg: number;
  mechanicalTiltDeg: number;
}

export function compilePattern(antenna: SectorAntenna): CompiledPattern {
  const azimuthDeg = wrapAngleDeg(antenna.azimuthDeg);
  const azimuthRad = (azimuthDeg * Math.PI) / 180;
  return {
    omni: antenna.hBeamwidthDeg === null,
    azimuthDeg,
    sinAzimuth: Math.sin(azimuthRad),
    cosAzimuth: Math.cos(azimuthRad),
    horizontalScale: antenna.hBeamwidthDeg === null ? 0 : 12 / (antenna.hBeamwidthDeg * antenna.hBeamwidthDeg),
    verticalScale: 12 / (antenna.vBeamwidthDeg * antenna.vBeamwidthDeg),
    frontToBackDb: antenna.frontToBackDb,
    sideLobeDb: antenna.verticalSideLobeDb ?? TR38901_SIDE_LOBE_DB,
    electricalTiltDeg: antenna.electricalTiltDeg,
    mechanicalTiltDeg: antenna.mechanicalTiltDeg,
  };
}

/**
 * `antennaAttenuationDb` for a compiled pattern, toward a point whose bearing (degrees, in (−180°, 180°])
 * and its sine and cosine the caller already has (one bearing serves every sector of a mast): no
 * trigonometry per sector, and cos φ from the angle-difference identity.
 */
export function compiledAttenuationDb(
  p: CompiledPattern,
  bearingDeg: number,
  sinBearing: number,
  cosBearing: number,
  elevationDeg: number,
): number {
  if (p.omni) {
    const r = -elevationDeg - p.electricalTiltDeg - p.mechanicalTiltDeg;
    const verticalDb = -Math.min(p.verticalScale * r * r, p.sideLobeDb);
    return verticalDb > -p.frontToBackDb ? verticalDb : -p.frontToBackDb;
  }
  let phi = bearingDeg - p.azimuthDeg; // in (−360°, 360°)
  if (phi > 180) phi -= 360;
  else if (phi <= -180) phi += 360;
  const cosPhi = cosBearing * p.cosAzimuth + sinBearing * p.sinAzimuth;
  const tiltDeg = p.electricalTiltDeg + p.mechanicalTiltDeg * cosPhi;
  const horizontalDb = -Math.min(p.horizontalScale * phi * phi, p.frontToBackDb);
  const r = -elevationDeg - tiltDeg;
  const verticalDb = -Math.min(p.verticalScale * r * r, p.sideLobeDb);
  const total = horizontalDb + verticalDb;
  return total > -p.frontToBackDb ? total : -p.frontToBackDb;
}
