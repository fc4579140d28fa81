import { Invalid } from '../errors.js';
import { cost231HataLossDb, hataTerms, okumuraHataLossDb } from './hata-loss.js';
import {
  MIN_DISTANCE_KM,
  distanceNote,
  resolvePathLossModel,
  type PathLossModel,
  type PathLossParams,
} from './path-loss-model.js';
import { requirePositive } from './radio-input.js';
import type { Technology } from './technology.js';
import { makeRmaLoss, makeUmaLoss, tr38901RmaLossDb, tr38901UmaLossDb } from './tr38901-loss.js';

export { cost231HataLossDb, okumuraHataLossDb, type Environment } from './hata-loss.js';
export { tr38901RmaLossDb, tr38901UmaLossDb } from './tr38901-loss.js';
export {
  MIN_DISTANCE_KM,
  resolvePathLossModel,
  type ConcretePathLossModel,
  type PathLossModel,
  type PathLossParams,
} from './path-loss-model.js';

export interface PathLossInput extends PathLossParams {
  /** Horizontal (2D) distance from the site. */
  distanceKm: number;
  /** TR 38.901 only (the Hata models are statistical and ignore it); default false, the cautious case. */
  los?: boolean;
}

export interface PathLossResult {
  lossDb: number;
  /** The model actually used: `auto` resolved. */
  model: PathLossModel;
  /** Why this model, and any input outside its validity with what was done instead; null when all in range. */
  note: string | null;
}

/**
 * Free-space loss (ITU-R P.525): 20·log10(4π·d·f/c) with d in km and f in MHz gives
 * 20·log10(4π·10⁹/299 792 458) = 32.45 dB plus 20·log10 d + 20·log10 f.
 */
export function freeSpaceLossDb(distanceKm: number, frequencyMhz: number): number {
  requirePositive({ distanceKm, frequencyMhz });
  return 32.45 + 20 * Math.log10(distanceKm) + 20 * Math.log10(frequencyMhz);
}

/** Straight-line (3D) distance between the antennas: what free space sees near the mast. */
export function slantDistanceKm(distanceKm: number, baseHeightM: number, mobileHeightM: number): number {
  return Math.hypot(distanceKm, (baseHeightM - mobileHeightM) / 1000);
}

function checkParams(params: PathLossParams): void {
  const { frequencyMhz, baseHeightM, mobileHeightM, buildingHeightM, streetWidthM } = params;
  requirePositive({ frequencyMhz, baseHeightM, mobileHeightM, buildingHeightM, streetWidthM });
}

/**
 * Median path loss by one model, with the fallbacks it needs. Every model is computed at ≥ 10 m. Below
 * 1 km the Hata models are anchored at 1 km and fall off with free space's 20 dB/decade, so the loss is
 * continuous at 1 km and keeps a physical slope where Hata's own (35 dB/decade and more) would undershoot.
 * Free space uses the slant (3D) distance. Past the upper distance bounds the formula is extrapolated.
 */
export function pathLossDb(model: PathLossModel, input: PathLossInput): PathLossResult {
  checkParams(input);
  if (!(input.distanceKm >= 0)) {
    const message = `distanceKm must be ≥ 0, got ${input.distanceKm}`;
    throw new Invalid('radio.input', message, [{ path: 'distanceKm', message }]);
  }
  const resolved = resolvePathLossModel(model, input);
  const los = input.los ?? false;
  const d = Math.max(input.distanceKm, MIN_DISTANCE_KM);
  let lossDb: number;
  switch (resolved.model) {
    case 'free_space':
      lossDb = freeSpaceLossDb(slantDistanceKm(d, input.baseHeightM, input.mobileHeightM), input.frequencyMhz);
      break;
    case 'okumura_hata':
    case 'cost231_hata': {
      const formula = resolved.model === 'okumura_hata' ? okumuraHataLossDb : cost231HataLossDb;
      lossDb = formula({ ...input, distanceKm: Math.max(d, 1) }) + (d < 1 ? 20 * Math.log10(d) : 0);
      break;
    }
    case 'tr38901_rma':
    case 'tr38901_uma': {
      const formula = resolved.model === 'tr38901_rma' ? tr38901RmaLossDb : tr38901UmaLossDb;
      const { frequencyMhz, baseHeightM, mobileHeightM, buildingHeightM, streetWidthM } = input;
      const frequencyGhz = frequencyMhz / 1000;
      const distance2dM = d * 1000;
      lossDb = formula({
        frequencyGhz,
        distance2dM,
        baseHeightM,
        ueHeightM: mobileHeightM,
        los,
        buildingHeightM,
        streetWidthM,
      });
      break;
    }
  }
  const notes = [resolved.note, distanceNote(resolved.model, input.distanceKm, los)].filter((n) => n !== null);
  return { lossDb, model: resolved.model, note: notes.length ? notes.join('; ') : null };
}

/**
 * Loss against distance for one site: the numbers of `pathLossDb`, with every term that does not depend
 * on distance (logs of f and hb, a(hm), breakpoints) computed here once, so a grid cell costs one log10
 * (and a sqrt for the 3D distance). The returned function does not validate its arguments; take the
 * run's note from `resolvePathLossModel`.
 */
export function makeLossFunction(
  model: PathLossModel,
  fixedParams: PathLossParams,
): (distanceKm: number, losFlag: boolean) => number {
  checkParams(fixedParams);
  const chosen = resolvePathLossModel(model, fixedParams).model;
  const minKm = MIN_DISTANCE_KM; // a local copy: the imported binding read per cell measured 3× slower (Node 20)
  const { frequencyMhz, baseHeightM, mobileHeightM, buildingHeightM, streetWidthM } = fixedParams;
  switch (chosen) {
    case 'free_space': {
      const constDb = 32.45 + 20 * Math.log10(frequencyMhz);
      const dh2 = ((baseHeightM - mobileHeightM) / 1000) ** 2;
      return (distanceKm) => {
        const d = distanceKm > minKm ? distanceKm : minKm;
        return constDb + 10 * Math.log10(d * d + dh2); // 20·log10 √(d² + Δh²)
      };
    }
    case 'okumura_hata':
    case 'cost231_hata': {
      const { interceptDb, slopeDb } = hataTerms(chosen, fixedParams);
      return (distanceKm) => {
        const d = distanceKm > minKm ? distanceKm : minKm;
        return d < 1 ? interceptDb + 20 * Math.log10(d) : interceptDb + slopeDb * Math.log10(d);
      };
    }
    case 'tr38901_rma':
    case 'tr38901_uma': {
      const make = chosen === 'tr38901_rma' ? makeRmaLoss : makeUmaLoss;
      const frequencyGhz = frequencyMhz / 1000;
      const lossAt = make({ frequencyGhz, baseHeightM, ueHeightM: mobileHeightM, buildingHeightM, streetWidthM });
      return (distanceKm, losFlag) => lossAt((distanceKm > minKm ? distanceKm : minKm) * 1000, losFlag);
    }
  }
}

export interface PathLossDefaults extends PathLossParams {
  model: PathLossModel;
  source: string;
}

const FALLBACK_SITE = { model: 'auto', baseHeightM: 30, mobileHeightM: 1.5, environment: 'rural' } as const;

/**
 * Fallbacks per technology when a site lacks a value (a site's own band and height win): UE 1.5 m
 * (DOMAIN.md §2), hb 30 m (the foot of Hata's range), environment 'rural' (the `cell_site` default).
 */
export const PATH_LOSS_DEFAULTS: Readonly<Record<Technology, PathLossDefaults>> = {
  '2G': { ...FALLBACK_SITE, frequencyMhz: 900, source: 'DOMAIN.md §2: 2G on 900/1800 MHz in Vietnam' },
  '3G': { ...FALLBACK_SITE, frequencyMhz: 2100, source: 'UMTS band 1, 2100 MHz (to confirm)' },
  '4G': { ...FALLBACK_SITE, frequencyMhz: 1800, source: 'DOMAIN.md §2: 4G on 1800/2100/2600 MHz' },
  '5G': { ...FALLBACK_SITE, frequencyMhz: 2600, source: 'DOMAIN.md §2: Viettel block B1 2500–2600 MHz (n41)' },
};
