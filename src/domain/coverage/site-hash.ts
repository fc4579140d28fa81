import { createHash } from 'node:crypto';
import type { SiteRecord } from './site-record.js';

/** The fields that define a run's input, in a fixed order; rowNumber is where a site sat, not what it is. */
const FIELDS = [
  'siteCode', 'sector', 'technology', 'bandMhz', 'lat', 'lon', 'antennaHeightM', 'azimuthDeg',
  'mechanicalTiltDeg', 'electricalTiltDeg', 'hBeamwidthDeg', 'vBeamwidthDeg', 'txPowerDbm',
  'antennaGainDbi', 'cableLossDb', 'environment',
] as const satisfies readonly (keyof SiteRecord)[]; // prettier-ignore

const canonical = (value: string | number | null) =>
  typeof value === 'number' ? Math.round(value * 1e6) / 1e6 + 0 : value; // + 0 turns −0 into 0

/**
 * SHA-256 (hex) of the sites in a canonical form: independent of row order and of rowNumber, with numbers
 * rounded to 1e-6, so the same site list gives the same run input hash however the file was laid out.
 */
export function siteSetHash(sites: readonly SiteRecord[]): string {
  // The operator is appended only when a site names one, so a one-operator list keeps the hash it had.
  const lines = sites.map((site) =>
    JSON.stringify([...FIELDS.map((field) => canonical(site[field])), ...(site.operator ? [site.operator] : [])]),
  );
  // Sorting the serialised lines orders by siteCode, sector, technology (the first fields), then the rest.
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(`sites/v1\n${lines.join('\n')}`)
    .digest('hex');
}
