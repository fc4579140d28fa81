import { expect, it } from 'vitest';
import { COVERAGE_THRESHOLDS_DBM, eirpDbm, isCovered, receivedPowerDbm, rsrpFromTotalPowerDbm } from './link-budget.js';

it('adds up the link budget', () => {
  const eirp = eirpDbm({ txPowerDbm: 46, cableLossDb: 3, antennaGainDbi: 17 });
  expect(eirp).toBe(60);
  expect(receivedPowerDbm(eirp, -3, 130, 6, 15)).toBe(-94);
  expect(receivedPowerDbm(eirp, 0, 130)).toBe(-70);
});

it('spreads carrier power over 12 subcarriers per resource block for RSRP', () => {
  // 20 MHz LTE: 100 RB → 10·log10(1200) = 30.79 dB.
  expect(rsrpFromTotalPowerDbm(-70, 100)).toBeCloseTo(-100.792, 3);
  expect(() => rsrpFromTotalPowerDbm(-70, 0)).toThrow(/resourceBlocks/);
});

it('holds the DOMAIN.md §1 thresholds, each with its source and a to-confirm mark', () => {
  expect(COVERAGE_THRESHOLDS_DBM['2G']).toMatchObject({ metric: 'RSSI', goodDbm: -95, basicDbm: -105 });
  expect(COVERAGE_THRESHOLDS_DBM['3G']).toMatchObject({ metric: 'RSCP', goodDbm: -100 });
  expect(COVERAGE_THRESHOLDS_DBM['4G']).toMatchObject({ metric: 'RSRP', goodDbm: -105, basicDbm: -115 });
  expect(COVERAGE_THRESHOLDS_DBM['5G']).toMatchObject({ metric: 'SS-RSRP', goodDbm: -105 });
  for (const threshold of Object.values(COVERAGE_THRESHOLDS_DBM))
    expect(threshold.source).toMatch(/DOMAIN\.md.*to confirm/);
});

it('counts a cell covered at or above the threshold of the grade', () => {
  expect(isCovered(-105, '4G')).toBe(true);
  expect(isCovered(-105.01, '4G')).toBe(false);
  expect(isCovered(-110, '4G', 'basic')).toBe(true);
  expect(isCovered(-100, '2G', 'good')).toBe(false);
  expect(isCovered(-100, '2G', 'basic')).toBe(true);
});
