import {
  compilePattern,
  horizontalAttenuationDb,
  TR38901_SIDE_LOBE_DB,
  verticalAttenuationDb,
  wrapAngleDeg,
  type CompiledPattern,
  type SectorAntenna,
} from '../../../domain/coverage/antenna-pattern.js';
import { wavelengthM } from '../../../domain/coverage/diffraction.js';
import type { Technology } from '../../../domain/coverage/technology.js';
import type { SweepWindow } from '../sweep/radial-sweep.js';
import type { GridSite, SiteModel } from './site-signal.js';

/** One sector of a mast: what its level adds to the path's. */
export interface MastSector {
  /** Index of the site record (the best-server value). */
  siteIndex: number;
  /** EIRP − level offset, dBm. */
  baseDbm: number;
  antenna: SectorAntenna;
  pattern: CompiledPattern;
  radiusM: number;
}

/**
 * The sectors of a mast with one technology and one path-loss model (same band and environment): path
 * loss and diffraction are worked out once per cell for all of them.
 */
export interface MastLink {
  technology: Technology;
  model: Pick<SiteModel, 'loss' | 'addsDiffraction'>;
  lambdaM: number;
  radiusM: number;
  /** Line-of-sight path loss at the near edge of each one-cell distance ring: no cell in the ring loses less. */
  minLossDb: Float32Array;
  sectors: MastSector[];
}

/** Sectors at the same position and antenna height see the same terrain: one sweep serves them all. */
export interface Mast {
  /** Bit of the mast's operator in the covered masks (0 = the run's main operator). */
  operator: number;
  x: number;
  y: number;
  antennaHeightM: number;
  radiusM: number;
  links: MastLink[];
}

/**
 * Groups sector records into masts (same operator, grid position and antenna height) and, within a mast,
 * into links (same technology, band and environment). Order follows the first sector of each. Operators
 * sharing a tower get a mast each: their networks are predicted apart.
 */
export function groupIntoMasts(
  sites: readonly GridSite[],
  models: readonly SiteModel[],
  cellSizeM: number,
  operatorBitOf: (site: GridSite) => number = () => 0,
): Mast[] {
  const masts = new Map<string, Mast>();
  const links = new Map<string, MastLink>();
  sites.forEach((site, i) => {
    const model = models[i]!;
    const operator = operatorBitOf(site);
    const mastKey = `${operator}|${site.x}|${site.y}|${site.antennaHeightM}`;
    let mast = masts.get(mastKey);
    if (!mast) {
      mast = { operator, x: site.x, y: site.y, antennaHeightM: site.antennaHeightM, radiusM: 0, links: [] };
      masts.set(mastKey, mast);
    }
    const linkKey = `${mastKey}|${site.technology}|${site.bandMhz}|${site.environment}`;
    let link = links.get(linkKey);
    if (!link) {
      link = {
        technology: site.technology,
        model,
        lambdaM: wavelengthM(site.bandMhz),
        radiusM: 0,
        minLossDb: new Float32Array(0),
        sectors: [],
      };
      links.set(linkKey, link);
      mast.links.push(link);
    }
    link.sectors.push({
      siteIndex: site.index,
      baseDbm: model.eirpDbm - model.levelOffsetDb,
      antenna: model.antenna,
      pattern: compilePattern(model.antenna),
      radiusM: model.radiusM,
    });
    link.radiusM = Math.max(link.radiusM, model.radiusM);
    mast.radiusM = Math.max(mast.radiusM, model.radiusM);
  });
  for (const link of links.values()) {
    // Every path-loss model here grows with distance, so the loss at a ring's near edge bounds the ring.
    const rings = Math.ceil(link.radiusM / cellSizeM) + 2;
    link.minLossDb = new Float32Array(rings);
    for (let r = 0; r < rings; r++) link.minLossDb[r] = link.model.loss((r * cellSizeM) / 1000, true);
  }
  return [...masts.values()];
}

/** Where a mast stands against a rectangle of cells, and what the cells' heights span. */
export interface TileView {
  /** Cell centres of the rectangle, grid cells. */
  rect: SweepWindow;
  groundMinM: number;
  groundMaxM: number;
  cellSizeM: number;
  receiverHeightM: number;
}

/** Distance (cells) from a point to the nearest and farthest cell centre of the rectangle. */
export function rectDistanceCells(x: number, y: number, rect: SweepWindow): { near: number; far: number } {
  const x1 = rect.x0 + rect.width - 1;
  const y1 = rect.y0 + rect.height - 1;
  const dx = Math.max(rect.x0 - x, 0, x - x1);
  const dy = Math.max(rect.y0 - y, 0, y - y1);
  const fx = Math.max(Math.abs(x - rect.x0), Math.abs(x - x1));
  const fy = Math.max(Math.abs(y - rect.y0), Math.abs(y - y1));
  return { near: Math.hypot(dx, dy), far: Math.hypot(fx, fy) };
}

const DEG = 180 / Math.PI;

/** Distance between the intervals [a0, a1] and [b0, b1] (0 when they overlap). */
const gap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, b0 - a1, a0 - b1);

/**
 * The most a sector's pattern can give (dB, ≤ 0) toward any cell of the rectangle: the smallest
 * horizontal angle off boresight over the bearings the rectangle spans, and the smallest vertical angle off
 * the (tilted) beam over the elevations its distances and ground heights allow. A far tile seen at the edge
 * of a sector, or far below its down-tilted beam, gets a bound well under the peak gain.
 */
export function attenuationBoundDb(antenna: SectorAntenna, mast: Mast, txZ: number, view: TileView): number {
  const { rect } = view;
  const sideLobeDb = antenna.verticalSideLobeDb ?? TR38901_SIDE_LOBE_DB;
  const { near, far } = rectDistanceCells(mast.x, mast.y, rect);
  const nearM = near * view.cellSizeM;
  const farM = far * view.cellSizeM;

  let horizontalDb = 0;
  if (antenna.hBeamwidthDeg !== null && near > 0.75) {
    // Outside the rectangle (and its cells' half-widths): it spans less than 180°.
    const ex0 = rect.x0 - 0.5 - mast.x;
    const ex1 = rect.x0 + rect.width - 0.5 - mast.x;
    const ey0 = mast.y - (rect.y0 - 0.5);
    const ey1 = mast.y - (rect.y0 + rect.height - 0.5);
    const centre = Math.atan2((ex0 + ex1) / 2, (ey0 + ey1) / 2) * DEG;
    let lo = Infinity;
    let hi = -Infinity;
    for (const [ex, ey] of [
      [ex0, ey0],
      [ex1, ey0],
      [ex0, ey1],
      [ex1, ey1],
    ] as const) {
      const rel = wrapAngleDeg(Math.atan2(ex, ey) * DEG - centre);
      lo = Math.min(lo, rel);
      hi = Math.max(hi, rel);
    }
    const boresight = wrapAngleDeg(antenna.azimuthDeg - centre);
    const offDeg =
      boresight >= lo && boresight <= hi
        ? 0
        : Math.min(Math.abs(wrapAngleDeg(boresight - lo)), Math.abs(wrapAngleDeg(boresight - hi)));
    horizontalDb = horizontalAttenuationDb(Math.min(180, offDeg), antenna.hBeamwidthDeg, antenna.frontToBackDb);
  }

  // Elevation of a cell: atan2(ground + receiver − txZ, distance), over the rectangle's ranges.
  const riseLo = view.groundMinM + view.receiverHeightM - txZ;
  const riseHi = view.groundMaxM + view.receiverHeightM - txZ;
  const elevationHi = Math.atan2(riseHi, riseHi >= 0 ? nearM : farM) * DEG;
  const elevationLo = Math.atan2(riseLo, riseLo >= 0 ? farM : nearM) * DEG;
  // The beam points tilt° below the horizon; mechanical tilt counts as β·cos φ for a sector.
  const tilt = antenna.electricalTiltDeg;
  const mech = antenna.mechanicalTiltDeg;
  const [tiltLo, tiltHi] =
    antenna.hBeamwidthDeg === null ? [tilt + mech, tilt + mech] : [tilt - Math.abs(mech), tilt + Math.abs(mech)];
  const offBeamDeg = gap(elevationLo, elevationHi, -tiltHi, -tiltLo);
  const verticalDb = verticalAttenuationDb(90 - offBeamDeg, 0, antenna.vBeamwidthDeg, sideLobeDb);
  return Math.max(horizontalDb + verticalDb, -antenna.frontToBackDb);
}
