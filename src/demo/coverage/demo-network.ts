/**
 * DEMO ONLY — the synthetic mobile network of the demo province: candidate masts, their radio set-up
 * per technology as `SiteRecord`s (the shape the sites importer gives), and loading the calibrated
 * result from demo-sites.json. Not Viettel's network: positions and parameters are made up (plausible
 * values), then calibrated by calibrate-demo-network.ts to the reported coverage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellCentreLonLat } from '../../engines/coverage/analysis-grid.js';
import type { Environment, SiteRecord } from '../../domain/coverage/site-record.js';
import type { Technology } from '../../domain/coverage/technology.js';
import type { GridSpec } from '../../engines/coverage/raster/raster.js';
import type { ZoneMap } from '../../engines/coverage/zones/rasterize-units.js';
import { packageRoot } from '../../package-root.js';
import { mulberry32, uniform, type Random } from '../seeded-random.js';

export const DEMO_NETWORK_SEED = 72;
export const DEMO_SITES_FILE = join('src', 'demo', 'coverage', 'demo-sites.json');

/** A place a mast could stand, with the mast's fixed hardware. */
export interface MastCandidate {
  /** Grid cell (column, row) of the mast. */
  x: number;
  y: number;
  lon: number;
  lat: number;
  /** Index of the commune it stands in (zone-map order). */
  unit: number;
  environment: Environment;
  /** A small rural site with one omni antenna instead of three sectors. */
  omni: boolean;
  heightM: number;
  /** Sector antenna gain; an omni antenna has 10 dBi. */
  gainDbi: number;
  cableLossDb: number;
  /** 4G band: 1800 MHz, or 2600 MHz for some urban masts. */
  band4gMhz: number;
  /** Nominal transmit powers per sector before calibration, dBm. */
  power4gDbm: number;
  power2gDbm: number;
}

/** One technology on one mast as calibrated: what demo-sites.json stores per mast and technology. */
export interface MastLayer {
  code: string;
  mast: MastCandidate;
  technology: Technology;
  bandMhz: number;
  txPowerDbm: number;
}

export interface DemoSitesFile {
  isDemo: true;
  note: string;
  cellSizeM: number;
  generatedBy: string;
  targets: Record<string, number>;
  computed: Record<string, number>;
  counts: Record<string, number>;
  sites: SiteRecord[];
}

const round = (x: number, step: number) => Math.round(x / step) * step;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Sector layout of every multi-sector site: three 65° sectors at 0/120/240°. */
export const SECTOR_AZIMUTHS = [0, 120, 240] as const;

/**
 * Candidate masts on two jittered lattices: every `urbanSpacingKm` in wards and every `ruralSpacingKm`
 * in rural communes, each moved to the highest cell within ~400 m (masts go on local high ground).
 * Only cells wholly inside one commune qualify. Hardware is drawn per mast from plausible ranges.
 */
export function mastCandidates(
  grid: GridSpec,
  dem: Float32Array,
  zones: ZoneMap,
  isWard: readonly boolean[],
  options: { urbanSpacingKm: number; ruralSpacingKm: number; seed?: number },
): MastCandidate[] {
  const random = mulberry32(options.seed ?? DEMO_NETWORK_SEED);
  const out: MastCandidate[] = [];
  const taken = new Set<number>();
  const lattice = (spacingKm: number, urban: boolean) => {
    const step = (spacingKm * 1000) / grid.cellSizeM;
    for (let gy = step / 2; gy < grid.height; gy += step) {
      for (let gx = step / 2; gx < grid.width; gx += step) {
        const x0 = Math.round(gx + uniform(random, -0.3, 0.3) * step);
        const y0 = Math.round(gy + uniform(random, -0.3, 0.3) * step);
        const cell = highestNear(dem, grid, x0, y0, Math.round(400 / grid.cellSizeM));
        if (cell < 0 || taken.has(cell)) continue;
        const unit = zones.whole[cell]!;
        if (unit < 0 || isWard[unit] !== urban) continue;
        taken.add(cell);
        out.push(candidate(cell % grid.width, Math.floor(cell / grid.width), unit, urban, grid, random));
      }
    }
  };
  lattice(options.urbanSpacingKm, true);
  lattice(options.ruralSpacingKm, false);
  return out;
}

function highestNear(dem: Float32Array, grid: GridSpec, x0: number, y0: number, r: number): number {
  let best = -1;
  for (let y = Math.max(0, y0 - r); y <= Math.min(grid.height - 1, y0 + r); y++) {
    for (let x = Math.max(0, x0 - r); x <= Math.min(grid.width - 1, x0 + r); x++) {
      if ((x - x0) ** 2 + (y - y0) ** 2 > r * r) continue;
      const cell = y * grid.width + x;
      if (best < 0 || dem[cell]! > dem[best]!) best = cell;
    }
  }
  return best;
}

function candidate(x: number, y: number, unit: number, urban: boolean, grid: GridSpec, random: Random) {
  const [lon, lat] = cellCentreLonLat(x, y, grid);
  const omni = !urban && random() < 0.2;
  return {
    x,
    y,
    lon: Math.round(lon * 1e6) / 1e6,
    lat: Math.round(lat * 1e6) / 1e6,
    unit,
    environment: urban ? 'urban' : 'rural',
    omni,
    heightM: Math.round(uniform(random, 30, 45)),
    gainDbi: round(uniform(random, 15, 18), 0.5),
    cableLossDb: round(uniform(random, 1, 3), 0.5),
    band4gMhz: urban && random() < 0.25 ? 2600 : 1800,
    power4gDbm: round2(uniform(random, 44, 45)),
    power2gDbm: round2(uniform(random, 41, 42)),
  } satisfies MastCandidate;
}

/** The sectors (or the one omni cell) of one technology on one mast, as site records. */
export function layerRecords(layer: MastLayer): SiteRecord[] {
  const { mast } = layer;
  const urban = mast.environment === 'urban';
  const omni = mast.omni && layer.technology !== '5G';
  const azimuths: (number | null)[] = omni ? [null] : [...SECTOR_AZIMUTHS];
  return azimuths.map((azimuthDeg, i) => ({
    rowNumber: 0, // numbered when the list is complete
    siteCode: layer.code,
    sector: String(i + 1),
    technology: layer.technology,
    bandMhz: layer.bandMhz,
    lat: mast.lat,
    lon: mast.lon,
    antennaHeightM: mast.heightM,
    azimuthDeg,
    mechanicalTiltDeg: 0,
    electricalTiltDeg: urban ? 4 : 2,
    hBeamwidthDeg: azimuthDeg === null ? null : 65,
    vBeamwidthDeg: 10,
    txPowerDbm: round2(layer.txPowerDbm),
    antennaGainDbi: omni ? 10 : mast.gainDbi,
    cableLossDb: mast.cableLossDb,
    environment: mast.environment,
  }));
}

/** The calibrated demo network (demo-sites.json). */
export function loadDemoSitesFile(): DemoSitesFile {
  const file = join(packageRoot(), DEMO_SITES_FILE);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as DemoSitesFile;
  if (parsed.isDemo !== true || !Array.isArray(parsed.sites)) throw new Error(`${file}: not a demo sites file`);
  return parsed;
}

export function loadDemoSites(): SiteRecord[] {
  return loadDemoSitesFile().sites;
}
