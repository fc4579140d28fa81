import type { Environment, SiteRecord } from '../../domain/coverage/site-record.js';
import { MAIN_OPERATOR, operatorOf } from '../../domain/coverage/operators.js';
import { cellCentreLonLat } from '../coverage/analysis-grid.js';
import type { GridSpec } from '../coverage/raster/raster.js';
import type { PlanRadio } from '../../domain/planner/plan-settings.js';

/** Where a candidate comes from: the partner's list, an existing mast that could carry 5G, or high ground found here. */
export type CandidateSource = 'imported' | 'existing-mast' | 'generated';

/** A place a 5G mast could go, with its antennas (site records of one technology, one position) and its cost. */
export interface PlanCandidate {
  code: string;
  source: CandidateSource;
  lon: number;
  lat: number;
  cost: number;
  sectors: SiteRecord[];
}

const AZIMUTHS = [0, 120, 240] as const;

export function templateSectors(
  code: string,
  lon: number,
  lat: number,
  environment: Environment,
  template: PlanRadio,
  antennaHeightM = template.antennaHeightM,
): SiteRecord[] {
  return AZIMUTHS.map((azimuthDeg, i) => ({
    rowNumber: 0,
    siteCode: code,
    sector: String(i + 1),
    technology: '5G',
    bandMhz: template.bandMhz,
    lat,
    lon,
    antennaHeightM,
    azimuthDeg,
    mechanicalTiltDeg: 0,
    electricalTiltDeg: template.tiltDeg,
    hBeamwidthDeg: 65,
    vBeamwidthDeg: 10,
    txPowerDbm: template.txPowerDbm,
    antennaGainDbi: template.antennaGainDbi,
    cableLossDb: template.cableLossDb,
    environment,
  }));
}

/**
 * The operator's masts that carry 4G but no 5G, as candidates for a 5G layer at the same place and height
 * (the cheap upgrade: the tower, power and backhaul are there).
 */
export function existingMastCandidates(
  sites: readonly SiteRecord[],
  options: { operator?: string; mainOperator?: string; template: PlanRadio; cost: number },
): PlanCandidate[] {
  const mainOperator = options.mainOperator ?? MAIN_OPERATOR;
  const operator = options.operator ?? mainOperator;
  const byCode = new Map<string, SiteRecord[]>();
  for (const site of sites) {
    if (operatorOf(site, mainOperator) !== operator) continue;
    const list = byCode.get(site.siteCode) ?? [];
    list.push(site);
    byCode.set(site.siteCode, list);
  }
  const candidates: PlanCandidate[] = [];
  for (const [code, records] of byCode) {
    if (records.some((r) => r.technology === '5G')) continue;
    const carrier = records.find((r) => r.technology === '4G');
    if (!carrier) continue;
    candidates.push({
      code,
      source: 'existing-mast',
      lon: carrier.lon,
      lat: carrier.lat,
      cost: options.cost,
      sectors: templateSectors(
        code,
        carrier.lon,
        carrier.lat,
        carrier.environment,
        options.template,
        carrier.antennaHeightM,
      ),
    });
  }
  return candidates;
}

export interface GeneratedCandidateOptions {
  /** Side of the lattice squares in which the highest allowed cell is taken. */
  latticeKm: number;
  /** No two generated candidates closer than this. */
  minSpacingKm: number;
  template: PlanRadio;
  cost: number;
  /** Prefix of the generated codes (the lattice square's column and row follow). */
  codePrefix: string;
}

/**
 * Candidates on high ground: the highest cell inside the area (and not excluded) of each lattice square, then,
 * highest first, each kept only if it is at least `minSpacingKm` from every one kept before. Deterministic.
 */
export function generatedCandidates(
  grid: GridSpec,
  dem: Float32Array,
  allowed: Uint8Array,
  environmentOf: (cell: number) => Environment,
  options: GeneratedCandidateOptions,
): PlanCandidate[] {
  const step = Math.max(1, Math.round((options.latticeKm * 1000) / grid.cellSizeM));
  const peaks: { cell: number; z: number; code: string }[] = [];
  for (let r0 = 0; r0 < grid.height; r0 += step) {
    for (let c0 = 0; c0 < grid.width; c0 += step) {
      let best = -1;
      let bestZ = -Infinity;
      for (let row = r0; row < Math.min(grid.height, r0 + step); row++) {
        for (let col = c0; col < Math.min(grid.width, c0 + step); col++) {
          const cell = row * grid.width + col;
          const z = dem[cell]!;
          if (allowed[cell] && z > bestZ) {
            bestZ = z;
            best = cell;
          }
        }
      }
      if (best >= 0) peaks.push({ cell: best, z: bestZ, code: `${options.codePrefix}-${c0 / step}-${r0 / step}` });
    }
  }
  peaks.sort((a, b) => b.z - a.z || a.cell - b.cell);
  const minCells2 = ((options.minSpacingKm * 1000) / grid.cellSizeM) ** 2;
  const kept: typeof peaks = [];
  for (const peak of peaks) {
    const x = peak.cell % grid.width;
    const y = (peak.cell - x) / grid.width;
    const clash = kept.some((k) => {
      const kx = k.cell % grid.width;
      const ky = (k.cell - kx) / grid.width;
      return (kx - x) ** 2 + (ky - y) ** 2 < minCells2;
    });
    if (!clash) kept.push(peak);
  }
  kept.sort((a, b) => a.cell - b.cell);
  return kept.map(({ cell, code }) => {
    const x = cell % grid.width;
    const [lon, lat] = cellCentreLonLat(x, (cell - x) / grid.width, grid);
    const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
    return {
      code,
      source: 'generated' as const,
      lon: round6(lon),
      lat: round6(lat),
      cost: options.cost,
      sectors: templateSectors(code, round6(lon), round6(lat), environmentOf(cell), options.template),
    };
  });
}
