import type { PathLossModel } from '../../../domain/coverage/path-loss.js';
import { COVERAGE_THRESHOLDS_DBM, type CoverageGrade } from '../../../domain/coverage/link-budget.js';
import type { Technology } from '../../../domain/coverage/technology.js';
import { MEDIAN_CRITERION, type CoverageCriterion } from '../../../domain/coverage/location-variability.js';
import { MAIN_OPERATOR } from '../../../domain/coverage/operators.js';

/** Every parameter of a run, stored with its results. Defaults are documented here and in the README. */
export interface CoverageParams {
  /** Analysis grid cell size. 30 m matches SRTM 1″ and the Ofcom-style grid method (which uses 50 m). */
  cellSizeM: number;
  /** Receiver (UE) height above ground, outdoor (DOMAIN.md §2: 1.5 m). */
  receiverHeightM: number;
  /** Effective earth-radius factor for refraction (standard atmosphere k = 4/3). */
  kFactor: number;
  /** Path-loss model; 'auto' picks Hata below 1.5 GHz, COST-231 to 2 GHz, TR 38.901 above. */
  model: PathLossModel;
  /** Outdoor thresholds in dBm per technology (2G RSSI, 4G RSRP, 5G SS-RSRP). */
  thresholdsDbm: Record<Technology, number>;
  grade: CoverageGrade;
  /** Extra loss for indoor coverage (0 = outdoor); DOMAIN.md: 10–20 dB, to confirm. */
  indoorLossDb: number;
  /** RSRP is the power of one resource element: total − 10·log10(12·N_RB). 20 MHz LTE = 100 RB; 100 MHz NR at 30 kHz = 273 RB. */
  resourceBlocks: Record<Technology, number>;
  /** No site is predicted beyond this distance, whatever its power. */
  maxRadiusKm: number;
  /** Tile side in cells: the unit of work shared by workers. */
  tileCells: number;
  /**
   * What 'covered' means: the median level reaches the threshold (default, as before), or it does at the
   * target reliability under log-normal shadowing (the median clears it by σ·z, σ of the serving site's environment).
   */
  coverageCriterion: CoverageCriterion;
  /** The operator of sites that name none, and whose figure is the run's main (agreement) figure. */
  mainOperator: string;
}

export const DEFAULT_COVERAGE_PARAMS: CoverageParams = {
  cellSizeM: 30,
  receiverHeightM: 1.5,
  kFactor: 4 / 3,
  model: 'auto',
  thresholdsDbm: {
    '2G': COVERAGE_THRESHOLDS_DBM['2G'].goodDbm,
    '3G': COVERAGE_THRESHOLDS_DBM['3G'].goodDbm,
    '4G': COVERAGE_THRESHOLDS_DBM['4G'].goodDbm,
    '5G': COVERAGE_THRESHOLDS_DBM['5G'].goodDbm,
  },
  grade: 'good',
  indoorLossDb: 0,
  resourceBlocks: { '2G': 1, '3G': 1, '4G': 100, '5G': 273 },
  maxRadiusKm: 35,
  tileCells: 1024,
  coverageCriterion: MEDIAN_CRITERION,
  mainOperator: MAIN_OPERATOR,
};

/** Level reported for a technology from the total received power: RSSI for 2G/3G, RSRP per resource element for 4G/5G. */
export function referenceSignalOffsetDb(technology: Technology, params: CoverageParams): number {
  return technology === '4G' || technology === '5G' ? 10 * Math.log10(12 * params.resourceBlocks[technology]) : 0;
}
