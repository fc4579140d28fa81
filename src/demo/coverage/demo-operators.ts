/**
 * DEMO ONLY — two other (made-up) operators beside the calibrated demo network, so a demo run shows
 * per-operator figures, their maximum (ITU 9.c.1) and the union. Each takes a fixed share of the demo
 * network's masts, chosen and moved by a seeded generator: near, not on, those masts (operators seldom
 * share every tower), with their own hardware draw. Not calibrated to anything; the agreement's figure
 * stays the main operator's (the calibrated network).
 */
import type { SiteRecord } from '../../domain/coverage/site-record.js';
import { mulberry32, uniform, type Random } from '../seeded-random.js';

export interface DemoOperator {
  code: string;
  /** Site-code prefix of its masts. */
  prefix: string;
  /** Its masts as a share of the main network's. */
  share: number;
  seed: number;
}

export const DEMO_OTHER_OPERATORS: readonly DemoOperator[] = [
  { code: 'MBF', prefix: 'MB', share: 0.6, seed: 91 },
  { code: 'VNP', prefix: 'VN', share: 0.3, seed: 92 },
];

const METRES_PER_DEGREE = 111_320;
const round2 = (x: number) => Math.round(x * 100) / 100;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The demo's other operators' sectors, from the main network's (grouped by mast, in the file's order). */
export function demoOtherOperatorSites(main: readonly SiteRecord[]): SiteRecord[] {
  const masts = new Map<string, SiteRecord[]>();
  for (const site of main) masts.set(site.siteCode, [...(masts.get(site.siteCode) ?? []), site]);
  const codes = [...masts.keys()];
  const out: SiteRecord[] = [];
  for (const operator of DEMO_OTHER_OPERATORS) {
    const random = mulberry32(operator.seed);
    const chosen = pickShare(codes, operator.share, random);
    chosen.forEach((code, n) => {
      const sectors = masts.get(code)!;
      // 300–900 m off the main operator's mast, in a random direction.
      const bearing = uniform(random, 0, 2 * Math.PI);
      const distanceM = uniform(random, 300, 900);
      const { lat, lon } = sectors[0]!;
      const dLat = (distanceM * Math.cos(bearing)) / METRES_PER_DEGREE;
      const dLon = (distanceM * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
      const heightM = Math.round(uniform(random, 30, 45));
      const rotation = Math.round(uniform(random, 0, 120));
      const powerOffsetDb = uniform(random, -1.5, 0.5);
      for (const sector of sectors) {
        out.push({
          ...sector,
          operator: operator.code,
          siteCode: `${operator.prefix}-${String(n + 1).padStart(4, '0')}`,
          lat: round6(lat + dLat),
          lon: round6(lon + dLon),
          antennaHeightM: heightM,
          azimuthDeg: sector.azimuthDeg === null ? null : (sector.azimuthDeg + rotation) % 360,
          txPowerDbm: round2(sector.txPowerDbm + powerOffsetDb),
        });
      }
    });
  }
  return out.map((site, i) => ({ ...site, rowNumber: main.length + i + 1 }));
}

/** round(share · n) of `items`, drawn without replacement, kept in their original order. */
function pickShare(items: readonly string[], share: number, random: Random): string[] {
  const order = items.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order
    .slice(0, Math.round(share * items.length))
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}
