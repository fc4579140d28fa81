import { compiledAttenuationDb, compilePattern } from '../../domain/coverage/antenna-pattern.js';
import { wavelengthM } from '../../domain/coverage/diffraction.js';
import { requiredMarginDb, type CoverageCriterion } from '../../domain/coverage/location-variability.js';
import type { Technology } from '../../domain/coverage/technology.js';
import type { CoverageParams } from '../coverage/predict/coverage-params.js';
import { pathLevelDb, siteModel, type GridSite } from '../coverage/predict/site-signal.js';
import {
  allocateSweepBuffers,
  radialSweep,
  SweepCells,
  type SweepBuffers,
  type SweepDem,
} from '../coverage/sweep/radial-sweep.js';

const DEG = 180 / Math.PI;

/** The sectors of one mast on the analysis grid (one position; one or more antennas of one technology). */
export interface MastSectors {
  technology: Technology;
  sectors: readonly GridSite[];
}

/**
 * The cells one mast covers: window-relative so that the same terrain and the same antennas give the same
 * answer wherever they stand (what the cache keys on), and the window's place in the grid.
 */
export interface MastCoverage {
  /** The sweep window in grid cells. */
  x0: number;
  y0: number;
  width: number;
  /** Covered cells as offsets into the window (row · width + col), ascending. */
  cells: Uint32Array;
}

/** Per worker: sweep buffers and the sweep's cell list, grown to the largest window met and reused. */
export class MastCoverageScratch {
  buffers: SweepBuffers = allocateSweepBuffers(0);
  level = new Float32Array(0);
  readonly cells = new SweepCells();

  reserve(cells: number): void {
    if (this.level.length >= cells) return;
    this.buffers = allocateSweepBuffers(cells);
    this.level = new Float32Array(cells);
  }
}

/** Sectors on one mast usually share band, height and environment, hence one path level per cell for all. */
function sharePathModel(sectors: readonly GridSite[]): boolean {
  const [first, ...rest] = sectors;
  return rest.every(
    (s) =>
      s.bandMhz === first!.bandMhz &&
      s.antennaHeightM === first!.antennaHeightM &&
      s.environment === first!.environment,
  );
}

/**
 * The cells where the mast's strongest sector clears the technology's threshold by the criterion's margin
 * (0 for the median criterion), on the coverage engine's model: one radial sweep for all the mast's sectors
 * (they share the position and the height), then each sector's level as predictSiteSignal gives it.
 */
export function mastCoverage(
  dem: SweepDem,
  mast: MastSectors,
  params: CoverageParams,
  scratch: MastCoverageScratch = new MastCoverageScratch(),
): MastCoverage {
  const first = mast.sectors[0];
  if (!first) throw new Error('mastCoverage: a mast needs at least one sector');
  if (mast.sectors.some((s) => s.x !== first.x || s.y !== first.y || s.antennaHeightM !== first.antennaHeightM))
    throw new Error('mastCoverage: the sectors of a mast must share its position and antenna height');
  const models = mast.sectors.map((sector) => siteModel(sector, params));
  const patterns = models.map((model) => compilePattern(model.antenna));
  const bases = models.map((model) => model.eirpDbm - model.levelOffsetDb);
  const lambdas = mast.sectors.map((sector) => wavelengthM(sector.bandMhz));
  const shared = sharePathModel(mast.sectors);
  const radiusM = Math.max(...models.map((model) => model.radiusM));
  const side = 2 * Math.ceil(radiusM / dem.cellSizeM) + 3;
  scratch.reserve(side * side);
  const sweep = radialSweep(
    dem,
    { x: first.x, y: first.y, antennaHeightM: first.antennaHeightM },
    { radiusM, receiverHeightM: params.receiverHeightM, k: params.kFactor },
    scratch.buffers,
    scratch.cells,
  );
  const { x0, y0, width, height } = sweep;
  const level = scratch.level.subarray(0, width * height).fill(-Infinity);
  const { heights, width: demWidth, cellSizeM } = dem;
  const siteGround = heights[Math.round(first.y) * demWidth + Math.round(first.x)]!;
  const txZ = (Number.isNaN(siteGround) ? 0 : siteGround) + first.antennaHeightM;
  const rx = params.receiverHeightM;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const i = row * width + col;
      const d = sweep.distanceM[i]!;
      if (!(d >= 0)) continue;
      const gx = x0 + col;
      const gy = y0 + row;
      const ground = heights[gy * demWidth + gx]!;
      if (Number.isNaN(ground)) continue;
      const los = sweep.visible[i] === 1;
      const excess = sweep.obstacleExcessM[i]!;
      const obstacle = sweep.obstacleDistanceM[i]!;
      const east = (gx - first.x) * cellSizeM;
      const north = (first.y - gy) * cellSizeM;
      const across = Math.sqrt(east * east + north * north);
      const bearingDeg = Math.atan2(east, north) * DEG;
      const elevationDeg = Math.atan2(ground + rx - txZ, d) * DEG;
      let path = Number.NaN;
      let best = -Infinity;
      for (let s = 0; s < models.length; s++) {
        const model = models[s]!;
        if (d > model.radiusM) continue;
        if (!shared || path !== path) path = pathLevelDb(model, lambdas[s]!, d, los, excess, obstacle);
        // EIRP holds the peak gain; the pattern only takes away from it.
        const dbm =
          bases[s]! +
          path +
          (d > 0 ? compiledAttenuationDb(patterns[s]!, bearingDeg, east / across, north / across, elevationDeg) : 0);
        if (dbm > best) best = dbm;
      }
      level[i] = best;
    }
  }
  const threshold = params.thresholdsDbm[mast.technology] + coverMarginDb(params.coverageCriterion, first);
  let count = 0;
  for (let i = 0; i < level.length; i++) if (level[i]! >= threshold) count++;
  const cells = new Uint32Array(count);
  for (let i = 0, n = 0; i < level.length; i++) if (level[i]! >= threshold) cells[n++] = i;
  return { x0, y0, width, cells };
}

function coverMarginDb(criterion: CoverageCriterion, site: GridSite): number {
  return requiredMarginDb(criterion, site.environment);
}

/** A mast's covered cells as indices of the grid (`gridWidth` columns), ascending. */
export function coveredGridCells(coverage: MastCoverage, gridWidth: number): Uint32Array {
  const { x0, y0, width, cells } = coverage;
  const out = new Uint32Array(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const offset = cells[k]!;
    const col = offset % width;
    out[k] = (y0 + (offset - col) / width) * gridWidth + x0 + col;
  }
  return out;
}
