import { makeLossFunction, resolvePathLossModel } from '../../../domain/coverage/path-loss.js';
import { antennaAttenuationDb, type SectorAntenna } from '../../../domain/coverage/antenna-pattern.js';
import { knifeEdgeLossDb, wavelengthM } from '../../../domain/coverage/diffraction.js';
import type { SiteRecord } from '../../../domain/coverage/site-record.js';
import { radialSweep, type SweepBuffers, type SweepDem, type SweepWindow } from '../sweep/radial-sweep.js';
import { referenceSignalOffsetDb, type CoverageParams } from './coverage-params.js';

/** A site placed on the analysis grid: position in cells (integer = cell centre), with its radio fields. */
export type GridSite = Omit<SiteRecord, 'rowNumber' | 'siteCode' | 'sector' | 'lat' | 'lon'> & {
  index: number;
  x: number;
  y: number;
};

export interface SiteModel {
  eirpDbm: number;
  /** Subtracted from received power to get the reported level (RSRP per resource element for 4G/5G). */
  levelOffsetDb: number;
  loss: (distanceKm: number, los: boolean) => number;
  /** TR 38.901 already separates LOS from NLOS; terrain diffraction is added only to the Hata and free-space models. */
  addsDiffraction: boolean;
  antenna: SectorAntenna;
  radiusM: number;
  note: string | null;
}

/** Everything about a site that does not depend on the cell, computed once. */
export function siteModel(site: GridSite, params: CoverageParams): SiteModel {
  const pathParams = {
    frequencyMhz: site.bandMhz,
    baseHeightM: site.antennaHeightM,
    mobileHeightM: params.receiverHeightM,
    environment: site.environment,
  };
  const { model, note } = resolvePathLossModel(params.model, pathParams);
  const loss = makeLossFunction(model, pathParams);
  const eirpDbm = site.txPowerDbm + site.antennaGainDbi - site.cableLossDb;
  const levelOffsetDb = referenceSignalOffsetDb(site.technology, params) + params.indoorLossDb;
  const threshold = params.thresholdsDbm[site.technology];
  // The farthest any cell could reach the threshold: line of sight on boresight. Bisection on the loss.
  const reaches = (km: number) => eirpDbm - levelOffsetDb - loss(km, true) >= threshold;
  let radiusKm = params.maxRadiusKm;
  if (!reaches(radiusKm)) {
    let near = 0.01;
    let far = params.maxRadiusKm;
    for (let i = 0; i < 40; i++) {
      const mid = (near + far) / 2;
      if (reaches(mid)) near = mid;
      else far = mid;
    }
    radiusKm = far;
  }
  return {
    eirpDbm,
    levelOffsetDb,
    loss,
    addsDiffraction: model !== 'tr38901_rma' && model !== 'tr38901_uma',
    antenna: {
      azimuthDeg: site.azimuthDeg ?? 0,
      mechanicalTiltDeg: site.mechanicalTiltDeg,
      electricalTiltDeg: site.electricalTiltDeg,
      hBeamwidthDeg: site.azimuthDeg === null ? null : site.hBeamwidthDeg,
      vBeamwidthDeg: site.vBeamwidthDeg,
      maxGainDbi: site.antennaGainDbi,
      frontToBackDb: 30,
    },
    radiusM: radiusKm * 1000,
    note,
  };
}

const DEG = 180 / Math.PI;

/**
 * What the path takes away from the level (dB, ≤ 0 in practice): path loss, plus one knife edge at the
 * dominant obstacle (height `excessM` above the Tx→Rx line at `obstacleM` from Tx) when the cell is out of
 * sight and the model does not already account for it.
 */
export function pathLevelDb(
  model: Pick<SiteModel, 'loss' | 'addsDiffraction'>,
  lambdaM: number,
  distanceM: number,
  los: boolean,
  excessM: number,
  obstacleM: number,
): number {
  let level = -model.loss(distanceM / 1000, los);
  if (model.addsDiffraction && !los && excessM > 0 && obstacleM > 0 && obstacleM < distanceM) {
    level -= knifeEdgeLossDb(excessM * Math.sqrt((2 * distanceM) / (lambdaM * obstacleM * (distanceM - obstacleM))));
  }
  return level;
}

/**
 * Predicted level (dBm) at every cell within a site's radius: EIRP + antenna pattern − path loss −
 * terrain diffraction (one knife edge at the dominant obstacle seen from the site) − the level offset.
 * Writes into `signal` over the sweep window (NaN outside the radius) and returns the window.
 */
export function predictSiteSignal(
  dem: SweepDem,
  site: GridSite,
  model: SiteModel,
  params: CoverageParams,
  buffers: SweepBuffers,
  signal: Float32Array,
  /** Only cells inside this rectangle (grid cells) get a level; a tile needs no more. Default: the whole window. */
  clip?: SweepWindow,
): SweepWindow {
  const result = radialSweep(
    dem,
    { x: site.x, y: site.y, antennaHeightM: site.antennaHeightM },
    { radiusM: model.radiusM, receiverHeightM: params.receiverHeightM, k: params.kFactor },
    buffers,
  );
  const { x0, y0, width, height } = result;
  const { heights, width: demWidth, cellSizeM } = dem;
  const siteGround = heights[Math.round(site.y) * demWidth + Math.round(site.x)]!;
  const txZ = (Number.isNaN(siteGround) ? 0 : siteGround) + site.antennaHeightM;
  const lambda = wavelengthM(site.bandMhz);
  const base = model.eirpDbm - model.levelOffsetDb;
  const antenna = model.antenna;
  // The sweep must cover the whole radius (the horizon builds up from the site), but the level, which costs
  // most per cell, is only needed where the caller will read it.
  const rowFrom = clip ? Math.max(0, clip.y0 - y0) : 0;
  const rowTo = clip ? Math.min(height, clip.y0 + clip.height - y0) : height;
  const colFrom = clip ? Math.max(0, clip.x0 - x0) : 0;
  const colTo = clip ? Math.min(width, clip.x0 + clip.width - x0) : width;
  for (let row = rowFrom; row < rowTo; row++) {
    for (let col = colFrom; col < colTo; col++) {
      const i = row * width + col;
      const d = result.distanceM[i]!;
      if (!(d >= 0)) {
        signal[i] = Number.NaN;
        continue;
      }
      const gx = x0 + col;
      const gy = y0 + row;
      const ground = heights[gy * demWidth + gx]!;
      if (Number.isNaN(ground)) {
        signal[i] = Number.NaN;
        continue;
      }
      const los = result.visible[i] === 1;
      let level = base + pathLevelDb(model, lambda, d, los, result.obstacleExcessM[i]!, result.obstacleDistanceM[i]!);
      if (d > 0) {
        const bearingDeg = Math.atan2((gx - site.x) * cellSizeM, (site.y - gy) * cellSizeM) * DEG;
        const elevationDeg = Math.atan2(ground + params.receiverHeightM - txZ, d) * DEG;
        // EIRP already holds the peak gain; the pattern only takes away from it.
        level += antennaAttenuationDb(antenna, bearingDeg, elevationDeg);
      }
      signal[i] = level;
    }
  }
  return { x0, y0, width, height };
}
