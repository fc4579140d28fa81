import { describe, expect, it } from 'vitest';
import type { ZoneMap } from '../coverage/zones/rasterize-units.js';
import { planEffects } from './plan-effects.js';

const zones: ZoneMap = {
  width: 3,
  height: 2,
  whole: Int32Array.from([0, 0, 1, 1, 1, -1]),
  partial: { cell: new Int32Array(), unit: new Int32Array(), share: new Float32Array() },
};
const population = Float32Array.from([10, 30, 20, 20, 60, 99]);
const units = [
  { isBorder: true, isEconomicZone: false },
  { isBorder: false, isEconomicZone: true },
];

describe('plan effects', () => {
  it("gives each unit's coverage now and after each phase, cumulative, and counts units reaching the threshold", () => {
    const now = Uint8Array.from([1, 0, 0, 0, 0, 0]);
    const effects = planEffects(
      zones,
      population,
      units,
      now,
      [[Uint32Array.from([1])], [Uint32Array.from([4, 5])]],
      0.5,
    );
    expect(effects.units.map((u) => [u.population, u.coveredBefore, ...u.coveredAfter])).toEqual([
      [40, 10, 40, 40],
      [100, 0, 0, 60],
    ]);
    expect(effects.total).toEqual({ population: 140, coveredBefore: 10, coveredAfter: [40, 100] });
    expect(effects.reachingThreshold.border).toEqual({ units: 1, before: 0, after: [1, 1] });
    expect(effects.reachingThreshold.economicZone).toEqual({ units: 1, before: 0, after: [0, 1] });
    expect(Array.from(now)).toEqual([1, 0, 0, 0, 0, 0]); // the caller's mask is not changed
  });
});
