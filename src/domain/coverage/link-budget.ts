import { Invalid } from '../errors.js';
import type { Technology } from './technology.js';

export interface TransmitChain {
  txPowerDbm: number;
  cableLossDb: number;
  antennaGainDbi: number;
}

/** EIRP = Ptx − L_cable + G_ant (DOMAIN.md §2). */
export function eirpDbm({ txPowerDbm, cableLossDb, antennaGainDbi }: TransmitChain): number {
  return txPowerDbm - cableLossDb + antennaGainDbi;
}

/**
 * Prx = EIRP + A(φ,θ) − PL − L_diffraction − L_indoor (DOMAIN.md §2), the UE at 0 dBi. `patternDb` is the
 * pattern's attenuation (≤ 0, from `antennaAttenuationDb`) since EIRP already holds the peak gain.
 */
export function receivedPowerDbm(
  eirpDbm: number,
  patternDb: number,
  pathLossDb: number,
  diffractionDb = 0,
  indoorLossDb = 0,
): number {
  return eirpDbm + patternDb - pathLossDb - diffractionDb - indoorLossDb;
}

/** RSRP is power per resource element: total carrier power spread over 12 subcarriers × N_RB (3GPP TS 36.214). */
export function rsrpFromTotalPowerDbm(totalDbm: number, resourceBlocks: number): number {
  if (!(Number.isInteger(resourceBlocks) && resourceBlocks > 0)) {
    const message = `resourceBlocks must be a positive integer, got ${resourceBlocks}`;
    throw new Invalid('radio.input', message, [{ path: 'resourceBlocks', message }]);
  }
  return totalDbm - 10 * Math.log10(12 * resourceBlocks);
}

export type CoverageGrade = 'good' | 'basic';

export interface CoverageThreshold {
  metric: 'RSSI' | 'RSCP' | 'RSRP' | 'SS-RSRP';
  goodDbm: number;
  /** Same as `goodDbm` where DOMAIN.md gives a single level. */
  basicDbm: number;
  source: string;
}

const SOURCE = 'DOMAIN.md §1 default, outdoor at 1.5 m (Ofcom Connected Nations grid method)';

/** Default levels (outdoor, 1.5 m); each run stores the thresholds it used. All (to confirm). */
export const COVERAGE_THRESHOLDS_DBM: Readonly<Record<Technology, CoverageThreshold>> = {
  '2G': { metric: 'RSSI', goodDbm: -95, basicDbm: -105, source: `${SOURCE}; "basic" −105 dBm (to confirm)` },
  '3G': { metric: 'RSCP', goodDbm: -100, basicDbm: -100, source: `${SOURCE}; single level (to confirm)` },
  '4G': { metric: 'RSRP', goodDbm: -105, basicDbm: -115, source: `${SOURCE}; "good" −105, "basic" −115 (to confirm)` },
  '5G': { metric: 'SS-RSRP', goodDbm: -105, basicDbm: -105, source: `${SOURCE}; single level (to confirm)` },
};

/** Covered when the predicted level reaches the threshold (≥, as Ofcom's grid method counts it). */
export function isCovered(
  levelDbm: number,
  technology: Technology,
  grade: CoverageGrade = 'good',
  thresholds: Readonly<Record<Technology, CoverageThreshold>> = COVERAGE_THRESHOLDS_DBM,
): boolean {
  const threshold = thresholds[technology];
  return levelDbm >= (grade === 'good' ? threshold.goodDbm : threshold.basicDbm);
}
