import { describe, expect, it } from 'vitest';
import type { SiteRecord } from './site-record.js';
import { siteSetHash } from './site-hash.js';

const site = (siteCode: string, sector: string, rowNumber: number): SiteRecord => ({
  rowNumber, siteCode, sector, technology: '4G', bandMhz: 1800, lat: 14.1, lon: 108.2, antennaHeightM: 30,
  azimuthDeg: 120, mechanicalTiltDeg: 0, electricalTiltDeg: 4, hBeamwidthDeg: 65, vBeamwidthDeg: 10,
  txPowerDbm: 43, antennaGainDbi: 17, cableLossDb: 2, environment: 'urban',
}); // prettier-ignore

describe('siteSetHash', () => {
  const sites = [site('A', '1', 2), site('A', '2', 3), site('B', '1', 4)];
  const hash = siteSetHash(sites);

  it('is a SHA-256 independent of row order and row numbers', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const shuffled = [sites[2]!, sites[0]!, sites[1]!].map((s, i) => ({ ...s, rowNumber: 10 + i }));
    expect(siteSetHash(shuffled)).toBe(hash);
    // Below the 1e-6 rounding, and −0, are the same input.
    expect(siteSetHash(sites.map((s) => ({ ...s, lat: s.lat + 1e-8, mechanicalTiltDeg: -0 })))).toBe(hash);
  });

  it('changes with any value', () => {
    const changes: Partial<SiteRecord>[] = [
      { siteCode: 'C' }, { sector: '3' }, { technology: '5G' }, { bandMhz: 2100 }, { lat: 14.100001 },
      { lon: 108.3 }, { antennaHeightM: 31 }, { azimuthDeg: null }, { mechanicalTiltDeg: 1 },
      { electricalTiltDeg: 5 }, { hBeamwidthDeg: null }, { vBeamwidthDeg: 7 }, { txPowerDbm: 46 },
      { antennaGainDbi: 18 }, { cableLossDb: 3 }, { environment: 'rural' }, { operator: 'MBF' },
    ]; // prettier-ignore
    const hashes = changes.map((change) => siteSetHash([{ ...sites[0]!, ...change }, sites[1]!, sites[2]!]));
    expect(new Set([hash, ...hashes]).size).toBe(changes.length + 1);
    expect(siteSetHash(sites.slice(1))).not.toBe(hash);
  });
});
