import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earthBulgeM } from './earth-curvature.js';
import {
  bullingtonLossDb,
  deygoutLossDb,
  epsteinPetersonLossDb,
  fresnelKirchhoffV,
  knifeEdgeLossDb,
  wavelengthM,
  type TerrainProfile,
} from './diffraction.js';

describe('knifeEdgeLossDb (ITU-R P.526 J(ν))', () => {
  it('matches the formula at known points', () => {
    expect(knifeEdgeLossDb(0)).toBeCloseTo(6.9 + 20 * Math.log10(Math.sqrt(1.01) - 0.1), 9);
    expect(Math.abs(knifeEdgeLossDb(0) - 6.0)).toBeLessThan(0.05); // the classic 6 dB at grazing
    expect(knifeEdgeLossDb(-1)).toBe(0);
    expect(knifeEdgeLossDb(-0.78)).toBe(0);
    expect(knifeEdgeLossDb(1)).toBeCloseTo(13.93, 2); // 6.9 + 20·log10(√1.81 + 0.9)
    // 6.9 + 20·log10(√6.29 + 2.3) = 20.54 dB, as read off P.526's curve; the issue's "≈ 20.9" does not fit the formula.
    expect(knifeEdgeLossDb(2.4)).toBeCloseTo(20.54, 2);
  });

  it('rises monotonically above ν = −0.78 and is never negative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.78, max: 50, noNaN: true }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        (v, dv) => {
          expect(knifeEdgeLossDb(v + dv)).toBeGreaterThan(knifeEdgeLossDb(v));
          expect(knifeEdgeLossDb(v)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('computes ν = h·√(2d/(λ·d1·d2))', () => {
    expect(fresnelKirchhoffV(10, 1000, 1000, 0.5)).toBeCloseTo(10 * Math.sqrt(4000 / (0.5 * 1e6)), 12);
    expect(fresnelKirchhoffV(-10, 1000, 1000, 0.5)).toBeLessThan(0);
  });
});

/** 10 km at 100 m spacing, flat ground at 0 m except the given ridges. */
function profileWith(ridges: Record<number, number>): TerrainProfile {
  const distanceM = Array.from({ length: 101 }, (_, i) => i * 100);
  return { distanceM, heightM: distanceM.map((d) => ridges[d] ?? 0) };
}

const methods = [bullingtonLossDb, deygoutLossDb, epsteinPetersonLossDb];

describe('terrain diffraction', () => {
  it('adds nothing when the path clears the first Fresnel zone', () => {
    for (const method of methods) expect(method(profileWith({}), 30, 10, 900)).toBe(0);
  });

  it('gives the single knife edge for one ridge, by every method', () => {
    // Ridge 100 m high at 4 km; tx 30 m, rx 10 m. The ray passes 30 − 20·0.4 = 22 m above the foot of the
    // ridge, whose top the earth lifts by 4·6/17 ≈ 1.41 m: h = 100 + bulge − 22.
    const h = 100 + earthBulgeM(4, 6) - 22;
    const expected = knifeEdgeLossDb(fresnelKirchhoffV(h, 4000, 6000, wavelengthM(900)));
    expect(expected).toBeCloseTo(24.8, 1);
    for (const method of methods) expect(method(profileWith({ 4000: 100 }), 30, 10, 900)).toBeCloseTo(expected, 9);
  });

  it('gives 6.03 dB for a ridge grazing the ray over a flat earth', () => {
    for (const method of methods) {
      expect(method(profileWith({ 5000: 30 }), 30, 30, 900, Infinity)).toBeCloseTo(knifeEdgeLossDb(0), 9);
    }
  });

  it('counts a ridge inside the Fresnel zone but below the ray, by less than 6 dB', () => {
    const loss = bullingtonLossDb(profileWith({ 5000: 20 }), 30, 30, 900, Infinity);
    expect(loss).toBeGreaterThan(0);
    expect(loss).toBeLessThan(6);
    expect(deygoutLossDb(profileWith({ 5000: 20 }), 30, 30, 900, Infinity)).toBeCloseTo(loss, 9);
  });

  it('ranks two ridges Deygout ≥ Bullington (pessimistic against optimistic)', () => {
    const twoRidges = profileWith({ 3000: 80, 7000: 70 });
    const bullington = bullingtonLossDb(twoRidges, 30, 10, 900);
    const deygout = deygoutLossDb(twoRidges, 30, 10, 900);
    const single = deygoutLossDb(twoRidges, 30, 10, 900, 4 / 3, 1);
    expect(deygout).toBeGreaterThan(bullington);
    expect(deygout).toBeGreaterThan(single); // the second ridge adds its own loss
    expect(bullington).toBeGreaterThan(single); // the equivalent edge is higher than either ridge
    expect(epsteinPetersonLossDb(twoRidges, 30, 10, 900)).toBeGreaterThan(single);
  });

  it('stops at maxEdges', () => {
    const threeRidges = profileWith({ 2000: 60, 5000: 90, 8000: 60 });
    expect(deygoutLossDb(threeRidges, 30, 10, 900, 4 / 3, 2)).toBeLessThan(deygoutLossDb(threeRidges, 30, 10, 900));
  });

  it('rejects a profile whose distances do not increase', () => {
    expect(() => deygoutLossDb({ distanceM: [0, 100, 100], heightM: [0, 0, 0] }, 30, 10, 900)).toThrow(/increase/);
  });
});
