import fc from 'fast-check';
import { expect, it } from 'vitest';
import { EARTH_RADIUS_KM } from './earth-curvature.js';
import { lineOfSight } from './line-of-sight.js';

const flat = (lengthM: number, n = 101) => {
  const distanceM = Array.from({ length: n }, (_, i) => (i * lengthM) / (n - 1));
  return { distanceM, heightM: distanceM.map(() => 0) };
};

it('sees over flat ground as far as the radio horizon for k = 4/3', () => {
  // Two 10 m masts see each other to 2·√(2·k·R·h) = 2·√(2·(4/3)·6 371 000·10) ≈ 26.1 km.
  expect(lineOfSight(flat(20_000), 10, 10).visible).toBe(true);
  const far = lineOfSight(flat(30_000), 10, 10);
  expect(far.visible).toBe(false);
  expect(far.criticalIndex).toBe(50);
  expect(far.clearanceM).toBeCloseTo(10 - (15 * 15 * 1000) / (2 * (4 / 3) * EARTH_RADIUS_KM), 6); // 10 − 13.24 m
  expect(lineOfSight(flat(30_000), 10, 10, Infinity).visible).toBe(true); // flat earth
});

it('measures the clearance over a ridge', () => {
  const profile = { distanceM: [0, 500, 1000], heightM: [100, 115, 100] };
  expect(lineOfSight(profile, 20, 20, Infinity)).toEqual({ visible: true, clearanceM: 5, criticalIndex: 1 });
  expect(lineOfSight(profile, 10, 10, Infinity)).toEqual({ visible: false, clearanceM: -5, criticalIndex: 1 });
  expect(lineOfSight({ distanceM: [0, 10], heightM: [0, 0] }, 2, 2).clearanceM).toBe(Infinity);
});

it('agrees with the viewshed construction (terrain lowered by d²/(2kR) from the observer, gdal -cc 0.75)', () => {
  const k = 4 / 3;
  const twoKR = 2 * k * EARTH_RADIUS_KM * 1000;
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 300, noNaN: true }), { minLength: 3, maxLength: 60 }),
      fc.double({ min: 1, max: 60, noNaN: true }),
      (heightM, txHeightM) => {
        const distanceM = heightM.map((_, i) => i * 500);
        const n = heightM.length;
        const lowered = heightM.map((h, i) => h - distanceM[i]! ** 2 / twoKR);
        const eye = lowered[0]! + txHeightM;
        const target = lowered[n - 1]! + 1.5;
        let steepest = -Infinity;
        for (let i = 1; i < n - 1; i++) steepest = Math.max(steepest, (lowered[i]! - eye) / distanceM[i]!);
        const slopeToTarget = (target - eye) / distanceM[n - 1]!;
        if (Math.abs(slopeToTarget - steepest) < 1e-9) return; // grazing: either answer
        expect(lineOfSight({ distanceM, heightM }, txHeightM, 1.5, k).visible).toBe(slopeToTarget > steepest);
      },
    ),
  );
});
