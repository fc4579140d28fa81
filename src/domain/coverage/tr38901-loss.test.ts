import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rmaBreakpointM, tr38901RmaLossDb, tr38901UmaLossDb, umaBreakpointM } from './tr38901-loss.js';

// Table 7.4.1-1 written out again here, apart from the code under test.
const lg = Math.log10;
function rmaReference(fGhz: number, d2: number, hBs: number, hUt: number, los: boolean, h = 5, w = 20): number {
  const d3 = Math.sqrt(d2 ** 2 + (hBs - hUt) ** 2);
  const dBp = (2 * Math.PI * hBs * hUt * fGhz * 1e9) / 3e8;
  const pl1 = (d: number) =>
    20 * lg((40 * Math.PI * d * fGhz) / 3) +
    Math.min(0.03 * h ** 1.72, 10) * lg(d) -
    Math.min(0.044 * h ** 1.72, 14.77) +
    0.002 * lg(h) * d;
  const pLos = d2 <= dBp ? pl1(d3) : pl1(dBp) + 40 * lg(d3 / dBp);
  const pNlos =
    161.04 -
    7.1 * lg(w) +
    7.5 * lg(h) -
    (24.37 - 3.7 * (h / hBs) ** 2) * lg(hBs) +
    (43.42 - 3.1 * lg(hBs)) * (lg(d3) - 3) +
    20 * lg(fGhz) -
    (3.2 * lg(11.75 * hUt) ** 2 - 4.97);
  return los ? pLos : Math.max(pLos, pNlos);
}

const rma = (frequencyGhz: number, distance2dM: number, los: boolean) =>
  tr38901RmaLossDb({ frequencyGhz, distance2dM, baseHeightM: 35, ueHeightM: 1.5, los });
const uma = (frequencyGhz: number, distance2dM: number, los: boolean) =>
  tr38901UmaLossDb({ frequencyGhz, distance2dM, baseHeightM: 25, ueHeightM: 1.5, los });

describe('tr38901RmaLossDb', () => {
  it('matches the table at 2.6 GHz, hBS 35 m, hUT 1.5 m (values also from a separate Python check)', () => {
    expect(rma(2.6, 1000, true)).toBeCloseTo(102.8778, 3);
    expect(rma(2.6, 1000, false)).toBeCloseTo(127.8424, 3);
    expect(rma(2.6, 5000, true)).toBeCloseTo(124.5239, 3); // beyond dBP = 2859 m
    expect(rma(2.6, 4000, false)).toBeCloseTo(151.0932, 3);
    for (const d of [10, 250, 2000, 3000, 9000]) {
      expect(rma(0.7, d, true)).toBeCloseTo(rmaReference(0.7, d, 35, 1.5, true), 9);
      expect(rma(0.7, d, false)).toBeCloseTo(rmaReference(0.7, d, 35, 1.5, false), 9);
    }
  });

  it('has dBP = 2π·hBS·hUT·fc/c and is continuous there within 0.01 dB', () => {
    expect(rmaBreakpointM(2.6, 35, 1.5)).toBeCloseTo(2858.85, 1);
    for (const fGhz of [0.7, 2.6, 3.5]) {
      const dBp = rmaBreakpointM(fGhz, 35, 1.5);
      expect(Math.abs(rma(fGhz, dBp * (1 + 1e-9), true) - rma(fGhz, dBp, true))).toBeLessThan(0.01);
    }
  });

  it('never gives less loss in NLOS than in LOS', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 10_000, noNaN: true }),
        fc.double({ min: 0.5, max: 7, noNaN: true }),
        (d, f) => {
          expect(rma(f, d, false)).toBeGreaterThanOrEqual(rma(f, d, true));
        },
      ),
    );
  });
});

describe('tr38901UmaLossDb', () => {
  it('matches the table at 3.5 GHz, hBS 25 m, hUT 1.5 m', () => {
    // d′BP = 4·24·0.5·3.5e9/3e8 = 560 m.
    expect(umaBreakpointM(3.5, 25, 1.5)).toBeCloseTo(560, 6);
    const d3At200 = Math.sqrt(200 ** 2 + 23.5 ** 2);
    expect(uma(3.5, 200, true)).toBeCloseTo(28 + 22 * lg(d3At200) + 20 * lg(3.5), 9); // 89.5695
    const d3At1000 = Math.sqrt(1000 ** 2 + 23.5 ** 2);
    const far = 28 + 40 * lg(d3At1000) + 20 * lg(3.5) - 9 * lg(560 ** 2 + 23.5 ** 2);
    expect(uma(3.5, 1000, true)).toBeCloseTo(far, 9);
    expect(uma(3.5, 1000, true)).toBeCloseTo(109.4119, 3);
    expect(uma(3.5, 1000, false)).toBeCloseTo(13.54 + 39.08 * lg(d3At1000) + 20 * lg(3.5), 9); // 141.666
  });

  it('is continuous at d′BP and never lower in NLOS', () => {
    const dBp = umaBreakpointM(2.6, 25, 1.5);
    expect(Math.abs(uma(2.6, dBp * (1 + 1e-9), true) - uma(2.6, dBp, true))).toBeLessThan(0.01);
    fc.assert(
      fc.property(fc.double({ min: 10, max: 5000, noNaN: true }), (d) => {
        expect(uma(2.6, d, false)).toBeGreaterThanOrEqual(uma(2.6, d, true));
      }),
    );
  });
});
