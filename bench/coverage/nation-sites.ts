/**
 * Masts of three operators over the synthetic Vietnam, as sites CSV rows: three sectors a mast, one row
 * per sector and technology. Every mast carries 4G (1,800 MHz), about 70 % also 2G (900 MHz), and about
 * 10 % — all in towns — also 5G (3,500 MHz). Close to half the masts stand in towns (picked by the square
 * root of their size, as buildSites does), the rest anywhere on the land.
 */
import { mulberry32 } from '../../src/engines/coverage/sweep/synthetic-dem.js';
import type { Environment } from '../../src/domain/coverage/site-record.js';
import type { Technology } from '../../src/domain/coverage/technology.js';
import type { SiteCsvRow } from './sites-csv.js';
import type { NationTown } from './nation-units.js';

const KM_PER_DEGREE = 111.32;
const SHARE_IN_TOWNS = 0.45;
const SHARE_2G = 0.7;
const SHARE_5G = 0.1;
/** Main operator first; shares of the masts. */
const OPERATORS: readonly [code: string, share: number][] = [
  ['VTL', 0.5],
  ['MBF', 0.27],
  ['VNP', 0.23],
];
const BANDS: Record<'2G' | '4G' | '5G', number> = { '2G': 900, '4G': 1800, '5G': 3500 };

export interface MastPlan {
  masts: number;
  towns: readonly NationTown[];
  /** A point anywhere on the land, near enough uniform, drawn with `rand`. */
  landPoint: (rand: () => number) => [number, number];
  onLand: (lon: number, lat: number) => boolean;
  /** People per km² around a point. */
  density: (lon: number, lat: number) => number;
}

export function buildNationSites(plan: MastPlan, seed: number): SiteCsvRow[] {
  const rand = mulberry32(seed ^ 0x5175);
  const weights = plan.towns.map((t) => Math.sqrt(t.weight));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const pickTown = () => {
    let r = rand() * weightSum;
    for (let i = 0; i < plan.towns.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return plan.towns[i]!;
    }
    return plan.towns.at(-1)!;
  };
  const pickOperator = () => {
    let r = rand();
    for (const [code, share] of OPERATORS) {
      r -= share;
      if (r <= 0) return code;
    }
    return OPERATORS[0]![0];
  };
  const pick = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const numbers = new Map<string, number>();
  const rows: SiteCsvRow[] = [];
  for (let m = 0; m < plan.masts; m++) {
    const inTown = plan.towns.length > 0 && rand() < SHARE_IN_TOWNS;
    let position: [number, number] | null = null;
    for (let tries = 0; inTown && tries < 100 && position === null; tries++) {
      const town = pickTown();
      const angle = rand() * 2 * Math.PI;
      const r = town.sigmaKm * 1.5 * Math.sqrt(rand());
      const lat = town.lat + (r * Math.sin(angle)) / KM_PER_DEGREE;
      const lon = town.lon + (r * Math.cos(angle)) / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
      if (plan.onLand(lon, lat)) position = [lon, lat];
    }
    const [lon, lat] = position ?? plan.landPoint(rand);
    const operator = pickOperator();
    const number = (numbers.get(operator) ?? 0) + 1;
    numbers.set(operator, number);
    const technologies: Technology[] = ['4G'];
    if (rand() < SHARE_2G) technologies.unshift('2G');
    if (position !== null && rand() < SHARE_5G / SHARE_IN_TOWNS) technologies.push('5G');
    const people = plan.density(lon, lat);
    const environment: Environment = people >= 5000 ? 'urban' : people >= 1000 ? 'suburban' : 'rural';
    const rotation = rand() * 120;
    const txPowerDbm = pick(43, 46);
    const antennaGainDbi = pick(15, 18);
    const antennaHeightM = pick(30, 40);
    for (let s = 0; s < 3; s++) {
      const mechanicalTiltDeg = pick(0, 2);
      const electricalTiltDeg = pick(2, 6);
      for (const technology of technologies) {
        rows.push({
          siteCode: `${operator}-${String(number).padStart(5, '0')}`,
          sector: s + 1,
          lon,
          lat,
          radio: {
            technology,
            bandMhz: BANDS[technology as keyof typeof BANDS],
            antennaHeightM,
            azimuthDeg: (rotation + 120 * s) % 360,
            mechanicalTiltDeg,
            electricalTiltDeg,
            hBeamwidthDeg: 65,
            vBeamwidthDeg: 7,
            txPowerDbm,
            antennaGainDbi,
            cableLossDb: 2,
            environment,
            operator,
          },
        });
      }
    }
  }
  return rows;
}
