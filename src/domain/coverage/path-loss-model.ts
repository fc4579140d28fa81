import { COST231_RANGE, HATA_RANGE, type Environment } from './hata-loss.js';
import { RMA_RANGE, UMA_RANGE } from './tr38901-loss.js';

export type PathLossModel = 'free_space' | 'okumura_hata' | 'cost231_hata' | 'tr38901_rma' | 'tr38901_uma' | 'auto';
export type ConcretePathLossModel = Exclude<PathLossModel, 'auto'>;

/** Everything but the distance: fixed for one site and sector. */
export interface PathLossParams {
  frequencyMhz: number;
  /** Antenna height above ground at the site. */
  baseHeightM: number;
  mobileHeightM: number;
  environment: Environment;
  /** COST-231 Cm = 3 dB. */
  metropolitan?: boolean;
  /** TR 38.901 RMa h and W (defaults 5 m and 20 m). */
  buildingHeightM?: number;
  streetWidthM?: number;
}

/** Cells nearer than 10 m (the mast's own cell) are computed at 10 m, TR 38.901's lower bound, for every model. */
export const MIN_DISTANCE_KM = 0.01;

type Range = readonly [min: number, max: number];

const outside = (value: number, [min, max]: Range) => value < min || value > max;
const rangeNote = (name: string, value: number, [min, max]: Range, unit: string) =>
  `${name} ${value} ${unit} outside ${min}–${max} ${unit}: formula extrapolated`;

/** `auto` picks by frequency (DOMAIN.md §2), then by environment above 2000 MHz. */
function pickAuto(params: PathLossParams): { model: ConcretePathLossModel; reason: string } {
  const f = params.frequencyMhz;
  if (f < 1500) return { model: 'okumura_hata', reason: `auto: ${f} MHz < 1500 MHz → Okumura–Hata` };
  if (f <= 2000) return { model: 'cost231_hata', reason: `auto: ${f} MHz in 1500–2000 MHz → COST-231 Hata` };
  const urban = params.environment === 'urban';
  return {
    model: urban ? 'tr38901_uma' : 'tr38901_rma',
    reason: `auto: ${f} MHz > 2000 MHz, ${params.environment} → TR 38.901 ${urban ? 'UMa' : 'RMa'}`,
  };
}

function rangeNotes(model: ConcretePathLossModel, params: PathLossParams): string[] {
  const { frequencyMhz: f, baseHeightM: hb, mobileHeightM: hm, environment } = params;
  const notes: string[] = [];
  const check = (name: string, value: number, range: Range, unit: string) => {
    if (outside(value, range)) notes.push(rangeNote(name, value, range, unit));
  };
  if (model === 'okumura_hata' || model === 'cost231_hata') {
    const range = model === 'okumura_hata' ? HATA_RANGE : COST231_RANGE;
    check('f', f, range.frequencyMhz, 'MHz');
    check('hb', hb, range.baseHeightM, 'm');
    check('hm', hm, range.mobileHeightM, 'm');
    if (model === 'cost231_hata' && environment !== 'urban') {
      notes.push(`Hata ${environment} correction applied to COST-231 (extrapolation, to confirm)`);
    }
  } else if (model === 'tr38901_rma') {
    if (outside(f / 1000, RMA_RANGE.frequencyGhz))
      notes.push(`fc ${f / 1000} GHz outside 0.5–7 GHz, where RMa is validated`);
    check('hBS', hb, RMA_RANGE.baseHeightM, 'm');
    check('hUT', hm, RMA_RANGE.ueHeightM, 'm');
    check('h', params.buildingHeightM ?? 5, RMA_RANGE.buildingHeightM, 'm');
    check('W', params.streetWidthM ?? 20, RMA_RANGE.streetWidthM, 'm');
  } else if (model === 'tr38901_uma') {
    check('fc', f / 1000, UMA_RANGE.frequencyGhz, 'GHz');
    if (hb !== 25) notes.push(`UMa is specified for hBS 25 m; formula used as is for ${hb} m`);
    check('hUT', hm, UMA_RANGE.ueHeightM, 'm');
  }
  return notes;
}

/**
 * The model to use and why: `auto` picks < 1500 MHz Okumura–Hata, 1500–2000 MHz COST-231, above that
 * TR 38.901 RMa (rural, suburban) or UMa (urban). The note also flags fixed parameters outside the
 * model's validity: store it with a run. Distances are noted per call by `pathLossDb`.
 */
export function resolvePathLossModel(
  model: PathLossModel,
  params: PathLossParams,
): { model: ConcretePathLossModel; note: string | null } {
  const auto = model === 'auto' ? pickAuto(params) : null;
  const chosen = auto ? auto.model : (model as ConcretePathLossModel);
  const notes = [...(auto ? [auto.reason] : []), ...rangeNotes(chosen, params)];
  return { model: chosen, note: notes.length ? notes.join('; ') : null };
}

/** What happens at this distance if it is outside the model's range; null inside. */
export function distanceNote(model: ConcretePathLossModel, distanceKm: number, los: boolean): string | null {
  if (distanceKm < MIN_DISTANCE_KM) return `d ${distanceKm} km < 10 m: computed at 10 m`;
  if (model === 'okumura_hata' || model === 'cost231_hata') {
    if (distanceKm < 1) return `d ${distanceKm} km < 1 km: Hata loss at 1 km + 20·log10(d/1 km) (free-space slope)`;
    if (distanceKm > 20) return `d ${distanceKm} km > 20 km: formula extrapolated`;
  }
  const rmaMaxKm = los ? 10 : 5;
  if (model === 'tr38901_rma' && distanceKm > rmaMaxKm) {
    return `d ${distanceKm} km > ${rmaMaxKm} km (RMa ${los ? 'LOS' : 'NLOS'}): formula extrapolated`;
  }
  if (model === 'tr38901_uma' && distanceKm > 5) return `d ${distanceKm} km > 5 km (UMa): formula extrapolated`;
  return null;
}
