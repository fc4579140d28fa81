import { describe, expect, it } from 'vitest';
import {
  CoverageCriterionSchema,
  describeCriterion,
  inverseNormalCdf,
  isCoveredWithMargin,
  locationProbability,
  normalCdf,
  requiredMarginDb,
} from './location-variability.js';

describe('inverseNormalCdf', () => {
  it('gives the tabulated quantiles', () => {
    expect(inverseNormalCdf(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormalCdf(0.9)).toBeCloseTo(1.2816, 4);
    expect(inverseNormalCdf(0.98)).toBeCloseTo(2.0537, 4);
    expect(inverseNormalCdf(0.95)).toBeCloseTo(1.644854, 6);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 6);
    expect(inverseNormalCdf(0.999)).toBeCloseTo(3.090232, 6);
    expect(inverseNormalCdf(0.01)).toBeCloseTo(-2.326348, 6);
  });

  it('is odd about one half and inverts the CDF', () => {
    for (const p of [0.001, 0.02, 0.3, 0.7, 0.97, 0.9999]) {
      expect(inverseNormalCdf(1 - p)).toBeCloseTo(-inverseNormalCdf(p), 8);
      expect(normalCdf(inverseNormalCdf(p))).toBeCloseTo(p, 6);
    }
  });

  it('refuses probabilities outside [0, 1]', () => {
    expect(inverseNormalCdf(1)).toBe(Infinity);
    expect(() => inverseNormalCdf(1.2)).toThrow(RangeError);
    expect(() => inverseNormalCdf(Number.NaN)).toThrow(RangeError);
  });
});

describe('the per-cell test', () => {
  const reliability = CoverageCriterionSchema.parse({ kind: 'reliability' });

  it('defaults to 90 % and 8 dB in every environment', () => {
    expect(reliability).toEqual({
      kind: 'reliability',
      reliability: 0.9,
      sigmaDb: { urban: 8, suburban: 8, rural: 8 },
    });
  });

  it('asks the median to clear the threshold by σ·z', () => {
    expect(requiredMarginDb({ kind: 'median' }, 'rural')).toBe(0);
    expect(requiredMarginDb(reliability, 'rural')).toBeCloseTo(8 * 1.2816, 3);
    const ofcom = CoverageCriterionSchema.parse({ kind: 'reliability', reliability: 0.98, sigmaDb: { urban: 10 } });
    expect(requiredMarginDb(ofcom, 'urban')).toBeCloseTo(20.537, 2);
    expect(requiredMarginDb(ofcom, 'suburban')).toBeCloseTo(16.43, 2);
  });

  it('counts a cell covered exactly when the margin is enough', () => {
    const margin = requiredMarginDb(reliability, 'urban'); // 10.25 dB
    expect(isCoveredWithMargin(-100, -110, margin)).toBe(false);
    expect(isCoveredWithMargin(-99.5, -110, margin)).toBe(true);
    expect(isCoveredWithMargin(-110, -110, 0)).toBe(true);
    expect(isCoveredWithMargin(Number.NaN, -110, 0)).toBe(false);
    // At exactly the required margin the location probability is the reliability.
    expect(locationProbability(margin, 8)).toBeCloseTo(0.9, 6);
    expect(locationProbability(0, 8)).toBeCloseTo(0.5, 6);
  });

  it('refuses a reliability below one half and labels the criterion', () => {
    expect(CoverageCriterionSchema.safeParse({ kind: 'reliability', reliability: 0.3 }).success).toBe(false);
    expect(describeCriterion({ kind: 'median' })).toBe('median level ≥ threshold');
    expect(describeCriterion(reliability)).toBe('≥ 90 % of locations, σ 8 dB');
  });
});
