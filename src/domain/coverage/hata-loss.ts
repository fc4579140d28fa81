import { requirePositive } from './radio-input.js';

/** Clutter class of the receiver's surroundings; same set as `cell_site.environment`. */
export type Environment = 'urban' | 'suburban' | 'rural';

export interface HataInput {
  frequencyMhz: number;
  baseHeightM: number;
  mobileHeightM: number;
  distanceKm: number;
  environment: Environment;
}

export interface Cost231Input extends Omit<HataInput, 'environment'> {
  /** Cm = 3 dB for metropolitan centres, else 0 dB (COST 231 final report, 1999). */
  metropolitan?: boolean;
  /**
   * COST-231 is defined for urban and suburban centres only. 'suburban' / 'rural' here subtract Hata's
   * suburban / open-area corrections, an extrapolation many planning tools make (to confirm). Default 'urban'.
   */
  environment?: Environment;
}

type Range = readonly [min: number, max: number];

/** Okumura–Hata validity (Hata 1980, DOMAIN.md §2). */
export const HATA_RANGE: Readonly<Record<'frequencyMhz' | 'baseHeightM' | 'mobileHeightM' | 'distanceKm', Range>> = {
  frequencyMhz: [150, 1500],
  baseHeightM: [30, 200],
  mobileHeightM: [1, 10],
  distanceKm: [1, 20],
};

/** COST-231 Hata keeps Hata's height and distance ranges, for 1500–2000 MHz (COST 231 final report). */
export const COST231_RANGE: typeof HATA_RANGE = { ...HATA_RANGE, frequencyMhz: [1500, 2000] };

/** a(hm) for a small or medium city (Hata 1980); ≈ 0 dB at hm = 1.5 m. */
export function mobileHeightCorrectionDb(frequencyMhz: number, mobileHeightM: number): number {
  const logF = Math.log10(frequencyMhz);
  return (1.1 * logF - 0.7) * mobileHeightM - (1.56 * logF - 0.8);
}

/** Hata's suburban and open-area (rural) corrections, added to the urban loss (negative: less loss). */
export function environmentCorrectionDb(frequencyMhz: number, environment: Environment): number {
  const logF = Math.log10(frequencyMhz);
  if (environment === 'suburban') return -2 * Math.log10(frequencyMhz / 28) ** 2 - 5.4;
  if (environment === 'rural') return -4.78 * logF ** 2 + 18.33 * logF - 40.94;
  return 0;
}

/** Okumura–Hata median loss (dB), f MHz, heights m, d km, as written in DOMAIN.md §2; extrapolates outside range. */
export function okumuraHataLossDb(input: HataInput): number {
  const { frequencyMhz: f, baseHeightM: hb, mobileHeightM: hm, distanceKm: d, environment } = input;
  requirePositive({ frequencyMhz: f, baseHeightM: hb, mobileHeightM: hm, distanceKm: d });
  const urban =
    69.55 +
    26.16 * Math.log10(f) -
    13.82 * Math.log10(hb) -
    mobileHeightCorrectionDb(f, hm) +
    (44.9 - 6.55 * Math.log10(hb)) * Math.log10(d);
  return urban + environmentCorrectionDb(f, environment);
}

/** COST-231 Hata median loss (dB) for 1500–2000 MHz; extrapolates outside range. */
export function cost231HataLossDb(input: Cost231Input): number {
  const { frequencyMhz: f, baseHeightM: hb, mobileHeightM: hm, distanceKm: d } = input;
  requirePositive({ frequencyMhz: f, baseHeightM: hb, mobileHeightM: hm, distanceKm: d });
  const cmDb = input.metropolitan ? 3 : 0;
  const loss =
    46.3 +
    33.9 * Math.log10(f) -
    13.82 * Math.log10(hb) -
    mobileHeightCorrectionDb(f, hm) +
    (44.9 - 6.55 * Math.log10(hb)) * Math.log10(d) +
    cmDb;
  return loss + environmentCorrectionDb(f, input.environment ?? 'urban');
}

/**
 * Both Hata forms are `interceptDb + slopeDb·log10(d km)`: the terms that do not depend on distance,
 * computed once per site so the per-cell cost is one log10. Written out apart from the direct functions
 * on purpose: the tests check one against the other.
 */
export function hataTerms(
  kind: 'okumura_hata' | 'cost231_hata',
  params: Omit<Cost231Input, 'distanceKm'>,
): { interceptDb: number; slopeDb: number } {
  const logF = Math.log10(params.frequencyMhz);
  const logHb = Math.log10(params.baseHeightM);
  const aHm = (1.1 * logF - 0.7) * params.mobileHeightM - (1.56 * logF - 0.8);
  const base = kind === 'okumura_hata' ? 69.55 + 26.16 * logF : 46.3 + 33.9 * logF + (params.metropolitan ? 3 : 0);
  const environment = params.environment ?? 'urban';
  const correction =
    environment === 'suburban'
      ? -2 * (logF - Math.log10(28)) ** 2 - 5.4
      : environment === 'rural'
        ? -4.78 * logF * logF + 18.33 * logF - 40.94
        : 0;
  return { interceptDb: base - 13.82 * logHb - aHm + correction, slopeDb: 44.9 - 6.55 * logHb };
}
