import { requirePositive } from './radio-input.js';

/**
 * 3GPP TR 38.901 Table 7.4.1-1 path loss, RMa and UMa (fc GHz, distances and heights m). The direct
 * functions follow the table line by line; the `make…` factories fold every distance-free term once per
 * site so a grid cell costs one sqrt and one log10. The tests check one against the other.
 */

/** Table 7.4.1-1 note 1: c = 3.0×10⁸ m/s in the breakpoint distances (not 299 792 458). */
const C_M_PER_S = 3.0e8;

/** UMa effective environment height hE = 1 m, its value whenever hUT < 13 m (Table 7.4.1-1 note 1). */
const UMA_EFFECTIVE_ENVIRONMENT_HEIGHT_M = 1;

export interface Tr38901RmaInput {
  frequencyGhz: number;
  distance2dM: number;
  baseHeightM: number;
  ueHeightM: number;
  los: boolean;
  /** Average building height h, 5–50 m; default 5 m (Table 7.4.1-1). */
  buildingHeightM?: number;
  /** Average street width W, 5–50 m; default 20 m (Table 7.4.1-1). */
  streetWidthM?: number;
}

export type Tr38901UmaInput = Omit<Tr38901RmaInput, 'buildingHeightM' | 'streetWidthM'>;

type Range = readonly [min: number, max: number];

/** RMa applicability (Table 7.4.1-1). The formula is given to 30 GHz but validated only to 7 GHz (note 5). */
export const RMA_RANGE = {
  frequencyGhz: [0.5, 7],
  distance2dLosM: [10, 10_000],
  distance2dNlosM: [10, 5_000],
  baseHeightM: [10, 150],
  ueHeightM: [1, 10],
  buildingHeightM: [5, 50],
  streetWidthM: [5, 50],
} as const satisfies Record<string, Range>;

/** UMa applicability (Table 7.4.1-1): hBS is a fixed 25 m in the table, not a range. */
export const UMA_RANGE = {
  frequencyGhz: [0.5, 100],
  distance2dM: [10, 5_000],
  baseHeightM: [25, 25],
  ueHeightM: [1.5, 22.5],
} as const satisfies Record<string, Range>;

/** RMa breakpoint dBP = 2π·hBS·hUT·fc/c (fc in Hz). */
export function rmaBreakpointM(frequencyGhz: number, baseHeightM: number, ueHeightM: number): number {
  return (2 * Math.PI * baseHeightM * ueHeightM * frequencyGhz * 1e9) / C_M_PER_S;
}

/** UMa breakpoint d′BP = 4·h′BS·h′UT·fc/c with h′ = h − hE, hE = 1 m. */
export function umaBreakpointM(frequencyGhz: number, baseHeightM: number, ueHeightM: number): number {
  const hE = UMA_EFFECTIVE_ENVIRONMENT_HEIGHT_M;
  return (4 * (baseHeightM - hE) * (ueHeightM - hE) * frequencyGhz * 1e9) / C_M_PER_S;
}

function rmaPl1Db(distance3dM: number, frequencyGhz: number, buildingHeightM: number): number {
  const hPow = buildingHeightM ** 1.72;
  return (
    20 * Math.log10((40 * Math.PI * distance3dM * frequencyGhz) / 3) +
    Math.min(0.03 * hPow, 10) * Math.log10(distance3dM) -
    Math.min(0.044 * hPow, 14.77) +
    0.002 * Math.log10(buildingHeightM) * distance3dM
  );
}

/** RMa loss (dB): LOS PL1 up to dBP then PL1(dBP) + 40·log10(d3D/dBP); NLOS = max(LOS, PL′NLOS). */
export function tr38901RmaLossDb(input: Tr38901RmaInput): number {
  const { frequencyGhz: fc, distance2dM, baseHeightM: hBs, ueHeightM: hUt } = input;
  const h = input.buildingHeightM ?? 5;
  const w = input.streetWidthM ?? 20;
  requirePositive({
    frequencyGhz: fc,
    distance2dM,
    baseHeightM: hBs,
    ueHeightM: hUt,
    buildingHeightM: h,
    streetWidthM: w,
  });
  const d3d = Math.hypot(distance2dM, hBs - hUt);
  const dBp = rmaBreakpointM(fc, hBs, hUt);
  // PL2 evaluates PL1 at d = dBP, as the table writes it; the step at the breakpoint is < 0.01 dB.
  const los = distance2dM <= dBp ? rmaPl1Db(d3d, fc, h) : rmaPl1Db(dBp, fc, h) + 40 * Math.log10(d3d / dBp);
  if (input.los) return los;
  const nlos =
    161.04 -
    7.1 * Math.log10(w) +
    7.5 * Math.log10(h) -
    (24.37 - 3.7 * (h / hBs) ** 2) * Math.log10(hBs) +
    (43.42 - 3.1 * Math.log10(hBs)) * (Math.log10(d3d) - 3) +
    20 * Math.log10(fc) -
    (3.2 * Math.log10(11.75 * hUt) ** 2 - 4.97);
  return Math.max(los, nlos);
}

/** UMa loss (dB): LOS 28 + 22·log d3D + 20·log fc, 40·log d3D beyond d′BP; NLOS = max(LOS, PL′NLOS). */
export function tr38901UmaLossDb(input: Tr38901UmaInput): number {
  const { frequencyGhz: fc, distance2dM, baseHeightM: hBs, ueHeightM: hUt } = input;
  requirePositive({ frequencyGhz: fc, distance2dM, baseHeightM: hBs, ueHeightM: hUt });
  const d3d = Math.hypot(distance2dM, hBs - hUt);
  const dBp = umaBreakpointM(fc, hBs, hUt);
  const los =
    distance2dM <= dBp
      ? 28.0 + 22 * Math.log10(d3d) + 20 * Math.log10(fc)
      : 28.0 + 40 * Math.log10(d3d) + 20 * Math.log10(fc) - 9 * Math.log10(dBp ** 2 + (hBs - hUt) ** 2);
  if (input.los) return los;
  const nlos = 13.54 + 39.08 * Math.log10(d3d) + 20 * Math.log10(fc) - 0.6 * (hUt - 1.5);
  return Math.max(los, nlos);
}

export type Tr38901Fixed = Omit<Tr38901RmaInput, 'distance2dM' | 'los'>;
export type DistanceLoss = (distance2dM: number, los: boolean) => number;

/** RMa for one site: per call one sqrt, one log10. No validation per call: validate the fixed part once. */
export function makeRmaLoss(fixed: Tr38901Fixed): DistanceLoss {
  const { frequencyGhz: fc, baseHeightM: hBs, ueHeightM: hUt } = fixed;
  const h = fixed.buildingHeightM ?? 5;
  const w = fixed.streetWidthM ?? 20;
  const dh2 = (hBs - hUt) ** 2;
  const dBp = (2 * Math.PI * hBs * hUt * fc * 1e9) / C_M_PER_S;
  const logDbp = Math.log10(dBp);
  const hPow = h ** 1.72;
  const pl1Const = 20 * Math.log10((40 * Math.PI * fc) / 3) - Math.min(0.044 * hPow, 14.77);
  const pl1Slope = 20 + Math.min(0.03 * hPow, 10);
  const pl1PerM = 0.002 * Math.log10(h);
  const pl1AtBp = pl1Const + pl1Slope * logDbp + pl1PerM * dBp;
  const logHbs = Math.log10(hBs);
  const nlosSlope = 43.42 - 3.1 * logHbs;
  const nlosConst =
    161.04 -
    7.1 * Math.log10(w) +
    7.5 * Math.log10(h) -
    (24.37 - 3.7 * (h / hBs) ** 2) * logHbs -
    3 * nlosSlope +
    20 * Math.log10(fc) -
    (3.2 * Math.log10(11.75 * hUt) ** 2 - 4.97);
  return (distance2dM, los) => {
    const d3d = Math.sqrt(distance2dM * distance2dM + dh2);
    const logD = Math.log10(d3d);
    const losDb = distance2dM <= dBp ? pl1Const + pl1Slope * logD + pl1PerM * d3d : pl1AtBp + 40 * (logD - logDbp);
    if (los) return losDb;
    const nlosDb = nlosConst + nlosSlope * logD;
    return nlosDb > losDb ? nlosDb : losDb;
  };
}

/** UMa for one site: per call one sqrt, one log10. */
export function makeUmaLoss(fixed: Tr38901Fixed): DistanceLoss {
  const { frequencyGhz: fc, baseHeightM: hBs, ueHeightM: hUt } = fixed;
  const dh2 = (hBs - hUt) ** 2;
  const dBp = (4 * (hBs - 1) * (hUt - 1) * fc * 1e9) / C_M_PER_S;
  const log20Fc = 20 * Math.log10(fc);
  const farConst = 28.0 + log20Fc - 9 * Math.log10(dBp * dBp + dh2);
  const nlosConst = 13.54 + log20Fc - 0.6 * (hUt - 1.5);
  return (distance2dM, los) => {
    const logD = Math.log10(Math.sqrt(distance2dM * distance2dM + dh2));
    const losDb = distance2dM <= dBp ? 28.0 + log20Fc + 22 * logD : farConst + 40 * logD;
    if (los) return losDb;
    const nlosDb = nlosConst + 39.08 * logD;
    return nlosDb > losDb ? nlosDb : losDb;
  };
}
