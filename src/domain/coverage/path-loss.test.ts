import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Environment } from './hata-loss.js';
import {
  PATH_LOSS_DEFAULTS,
  freeSpaceLossDb,
  makeLossFunction,
  okumuraHataLossDb,
  pathLossDb,
  resolvePathLossModel,
  type PathLossModel,
} from './path-loss.js';

const site = { frequencyMhz: 900, baseHeightM: 30, mobileHeightM: 1.5, environment: 'urban' as Environment };

describe('freeSpaceLossDb', () => {
  it('is 91.53 dB at 1 km and 900 MHz, and 6.02 dB more per doubling of distance', () => {
    expect(Math.abs(freeSpaceLossDb(1, 900) - 91.53)).toBeLessThanOrEqual(0.01);
    expect(freeSpaceLossDb(2, 900) - freeSpaceLossDb(1, 900)).toBeCloseTo(6.0206, 4);
  });
});

describe('pathLossDb', () => {
  it('gives the plain formula and no note inside the validity range', () => {
    const result = pathLossDb('okumura_hata', { ...site, distanceKm: 5 });
    expect(result).toEqual({
      lossDb: okumuraHataLossDb({ ...site, distanceKm: 5 }),
      model: 'okumura_hata',
      note: null,
    });
  });

  it('anchors Hata at 1 km below 1 km and falls off like free space, continuously', () => {
    const at1Km = pathLossDb('okumura_hata', { ...site, distanceKm: 1 }).lossDb;
    const at500M = pathLossDb('okumura_hata', { ...site, distanceKm: 0.5 });
    expect(at500M.lossDb).toBeCloseTo(at1Km - 6.0206, 4);
    expect(at500M.note).toMatch(/< 1 km: Hata loss at 1 km \+ 20·log10/);
    expect(pathLossDb('okumura_hata', { ...site, distanceKm: 1 - 1e-12 }).lossDb).toBeCloseTo(at1Km, 9);
  });

  it('computes the mast’s own cell at 10 m instead of −∞', () => {
    for (const model of ['free_space', 'okumura_hata', 'tr38901_rma', 'tr38901_uma'] as const) {
      const at0 = pathLossDb(model, { ...site, distanceKm: 0 });
      expect(at0.lossDb).toBe(pathLossDb(model, { ...site, distanceKm: 0.01 }).lossDb);
      expect(at0.note).toMatch(/computed at 10 m/);
    }
  });

  it('says when it extrapolates', () => {
    expect(pathLossDb('okumura_hata', { ...site, distanceKm: 30 }).note).toMatch(/> 20 km: formula extrapolated/);
    expect(pathLossDb('okumura_hata', { ...site, baseHeightM: 20, distanceKm: 3 }).note).toMatch(
      /hb 20 m outside 30–200 m/,
    );
    expect(pathLossDb('cost231_hata', { ...site, frequencyMhz: 2600, distanceKm: 3 }).note).toMatch(
      /f 2600 MHz outside/,
    );
    const rma = pathLossDb('tr38901_rma', { ...site, frequencyMhz: 26000, distanceKm: 6 });
    expect(rma.note).toMatch(/outside 0.5–7 GHz.*> 5 km \(RMa NLOS\)/);
    expect(pathLossDb('tr38901_uma', { ...site, distanceKm: 1 }).note).toMatch(/hBS 25 m/);
  });

  it('picks a model by frequency and environment when asked for auto, and says why', () => {
    const pick = (frequencyMhz: number, environment: Environment) =>
      resolvePathLossModel('auto', { ...site, frequencyMhz, environment });
    expect(pick(900, 'urban').model).toBe('okumura_hata');
    expect(pick(1500, 'urban').model).toBe('cost231_hata');
    expect(pick(1800, 'rural')).toEqual({
      model: 'cost231_hata',
      note: 'auto: 1800 MHz in 1500–2000 MHz → COST-231 Hata; Hata rural correction applied to COST-231 (extrapolation, to confirm)',
    });
    expect(pick(2600, 'rural').model).toBe('tr38901_rma');
    expect(pick(2600, 'suburban').model).toBe('tr38901_rma');
    expect(pick(2600, 'urban').model).toBe('tr38901_uma');
    expect(pathLossDb('auto', { ...site, distanceKm: 2 }).note).toBe('auto: 900 MHz < 1500 MHz → Okumura–Hata');
  });

  it('uses the slant distance for free space, which matters beside the mast', () => {
    const near = pathLossDb('free_space', { ...site, distanceKm: 0.01 }).lossDb;
    expect(near).toBeCloseTo(freeSpaceLossDb(Math.hypot(0.01, 0.0285), 900), 9);
  });

  it('rejects a negative distance or a zero frequency', () => {
    expect(() => pathLossDb('free_space', { ...site, distanceKm: -1 })).toThrow(/distanceKm/);
    expect(() => pathLossDb('auto', { ...site, frequencyMhz: 0, distanceKm: 1 })).toThrow(/frequencyMhz/);
  });
});

describe('makeLossFunction', () => {
  const models: PathLossModel[] = ['free_space', 'okumura_hata', 'cost231_hata', 'tr38901_rma', 'tr38901_uma', 'auto'];

  it('gives the numbers of pathLossDb at any distance, for every model (1e-9 dB)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.constantFrom<Environment>('urban', 'suburban', 'rural'),
        fc.constantFrom(700, 900, 1800, 2100, 2600, 3500),
        fc.double({ min: 10, max: 150, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.boolean(),
        (model, environment, frequencyMhz, baseHeightM, distanceKm, los) => {
          const params = { frequencyMhz, baseHeightM, mobileHeightM: 1.5, environment, metropolitan: baseHeightM > 80 };
          const expected = pathLossDb(model, { ...params, distanceKm, los }).lossDb;
          expect(Math.abs(makeLossFunction(model, params)(distanceKm, los) - expected)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('validates the fixed parameters once', () => {
    expect(() => makeLossFunction('okumura_hata', { ...site, mobileHeightM: 0 })).toThrow(/mobileHeightM/);
  });
});

describe('PATH_LOSS_DEFAULTS', () => {
  it('gives every technology a model auto resolves without complaint about heights', () => {
    for (const defaults of Object.values(PATH_LOSS_DEFAULTS)) {
      const { note } = resolvePathLossModel(defaults.model, defaults);
      expect(note).not.toMatch(/hb|hBS|hUT|hm /);
    }
  });
});
