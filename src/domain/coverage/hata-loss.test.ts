import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { cost231HataLossDb, hataTerms, mobileHeightCorrectionDb, okumuraHataLossDb } from './hata-loss.js';

const site = { frequencyMhz: 900, baseHeightM: 30, mobileHeightM: 1.5, distanceKm: 1 };

describe('okumuraHataLossDb', () => {
  it('matches the hand computation for an urban path at 900 MHz, hb 30 m, hm 1.5 m, 1 km', () => {
    // log f = 2.954243: 26.16·log f = 77.2830; 13.82·log 30 = 20.4138;
    // a(1.5) = (1.1·2.954243 − 0.7)·1.5 − (1.56·2.954243 − 0.8) = 3.82450 − 3.80862 = 0.01588; log d = 0.
    // L = 69.55 + 77.2830 − 20.4138 − 0.0159 = 126.403 dB.
    expect(okumuraHataLossDb({ ...site, environment: 'urban' })).toBeCloseTo(126.403, 2);
    expect(mobileHeightCorrectionDb(900, 1.5)).toBeCloseTo(0.01588, 4);
  });

  it('grows by 44.9 − 6.55·log hb per decade of distance', () => {
    // 44.9 − 6.55·1.477121 = 35.2249 dB/decade at hb 30 m.
    const at10Km = okumuraHataLossDb({ ...site, distanceKm: 10, environment: 'urban' });
    expect(at10Km - okumuraHataLossDb({ ...site, environment: 'urban' })).toBeCloseTo(35.2249, 3);
  });

  it('applies the suburban and open-area corrections', () => {
    // Suburban: −2·(log(900/28))² − 5.4 = −2·1.50708² − 5.4 = −9.9426 dB.
    expect(okumuraHataLossDb({ ...site, environment: 'suburban' })).toBeCloseTo(126.403 - 9.9426, 2);
    // Open: −4.78·2.954243² + 18.33·2.954243 − 40.94 = −41.7177 + 54.1513 − 40.94 = −28.5064 dB.
    expect(okumuraHataLossDb({ ...site, environment: 'rural' })).toBeCloseTo(126.403 - 28.5064, 2);
  });

  it('rejects a non-positive input by name', () => {
    expect(() => okumuraHataLossDb({ ...site, distanceKm: 0, environment: 'urban' })).toThrow(/distanceKm/);
    expect(() => okumuraHataLossDb({ ...site, baseHeightM: -5, environment: 'urban' })).toThrow(DomainError);
  });
});

describe('cost231HataLossDb', () => {
  it('matches the hand computation at 1800 MHz, hb 30 m, hm 1.5 m, 1 km', () => {
    // log f = 3.255273: 33.9·log f = 110.3537; a(1.5) = 4.321200 − 4.278226 = 0.042974.
    // L = 46.3 + 110.3537 − 20.4138 − 0.0430 = 136.197 dB; Cm = 3 dB in a metropolitan centre.
    const input = { ...site, frequencyMhz: 1800 };
    expect(cost231HataLossDb(input)).toBeCloseTo(136.197, 2);
    expect(cost231HataLossDb({ ...input, metropolitan: true })).toBeCloseTo(139.197, 2);
  });

  it('meets Okumura–Hata within a few dB at the 1500 MHz seam', () => {
    const hata = okumuraHataLossDb({ ...site, frequencyMhz: 1500, environment: 'urban' });
    expect(Math.abs(cost231HataLossDb({ ...site, frequencyMhz: 1500 }) - hata)).toBeLessThan(2);
  });
});

describe('hataTerms', () => {
  it('rebuilds both formulas as intercept + slope·log d', () => {
    for (const environment of ['urban', 'suburban', 'rural'] as const) {
      for (const distanceKm of [1, 3.7, 20]) {
        const hata = hataTerms('okumura_hata', { ...site, environment });
        expect(hata.interceptDb + hata.slopeDb * Math.log10(distanceKm)).toBeCloseTo(
          okumuraHataLossDb({ ...site, distanceKm, environment }),
          9,
        );
        const cost = hataTerms('cost231_hata', { ...site, frequencyMhz: 1800, environment, metropolitan: true });
        expect(cost.interceptDb + cost.slopeDb * Math.log10(distanceKm)).toBeCloseTo(
          cost231HataLossDb({ ...site, frequencyMhz: 1800, distanceKm, environment, metropolitan: true }),
          9,
        );
      }
    }
  });
});
