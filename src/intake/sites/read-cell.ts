import type { Environment } from '../../domain/coverage/site-record.js';
import type { Technology } from '../../domain/coverage/technology.js';
import { foldText } from '../fold-text.js';
import { isAmbiguousNumber, parseLocalisedNumber, type NumberLocale } from '../parse-number.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };
const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(reason: string): Checked<T> => ({ ok: false, reason });

const TECHNOLOGIES: Record<string, Technology> = {
  '2g': '2G', gsm: '2G', gprs: '2G', edge: '2G',
  '3g': '3G', umts: '3G', wcdma: '3G', hspa: '3G', hspap: '3G',
  '4g': '4G', lte: '4G', ltea: '4G', '4glte': '4G', lteadvanced: '4G',
  '5g': '5G', nr: '5G', '5gnr': '5G', nr5g: '5G', '5gsa': '5G', '5gnsa': '5G',
}; // prettier-ignore

const ENVIRONMENTS: Record<string, Environment> = {
  urban: 'urban', denseurban: 'urban', dothi: 'urban', thanhthi: 'urban', noithi: 'urban', noithanh: 'urban',
  suburban: 'suburban', vendo: 'suburban', ngoaio: 'suburban', ngoaithanh: 'suburban', venthi: 'suburban',
  rural: 'rural', nongthon: 'rural', openrural: 'rural', mien: 'rural', miennui: 'rural',
}; // prettier-ignore

export function readTechnology(text: string): Checked<Technology> {
  const technology = TECHNOLOGIES[foldText(text)];
  return technology ? pass(technology) : fail('is not a technology: use 2G, 3G, 4G or 5G (GSM, UMTS/WCDMA, LTE, NR)');
}

/** Blank is rural, the conservative choice for coverage. */
export function readEnvironment(text: string): Checked<Environment> {
  if (text.trim() === '') return pass('rural');
  const environment = ENVIRONMENTS[foldText(text)];
  return environment
    ? pass(environment)
    : fail('is not an environment: use urban, suburban or rural (đô thị, ven đô, nông thôn)');
}

/**
 * A number in the file's locale. `numeric` cells (XLSX numbers, JSON numbers) are canonical whatever the
 * locale; text is read by the only locale it is valid in, and `6.500` by `hint` (refused without one).
 */
export function readNumber(
  text: string,
  numeric: boolean,
  hint: NumberLocale | null,
  /** Where only one reading of an ambiguous cell can be true (13.915 is a latitude, 13915 is not), take it. */
  possible?: (value: number) => boolean,
): Checked<number> {
  const value = numeric
    ? Number.isFinite(Number(text))
      ? Number(text)
      : parseLocalisedNumber(text, 'en')
    : parseLocalisedNumber(text, 'auto', hint);
  if (value !== null) return pass(value);
  if (!numeric && isAmbiguousNumber(text)) {
    const [vi, en] = [parseLocalisedNumber(text, 'vi'), parseLocalisedNumber(text, 'en')];
    if (possible && vi !== null && en !== null && possible(vi) !== possible(en)) return pass(possible(vi) ? vi : en);
    return fail(`could be ${vi} or ${en}: the file's other numbers do not show whether "," or "." is the decimal mark`);
  }
  return fail('is not a number');
}

/** A carrier frequency in MHz: `1800`, `1800 MHz`, `2.100` in a vi-VN file; band names (B3, n78) are refused. */
export function readBandMhz(text: string, numeric: boolean, hint: NumberLocale | null): Checked<number> {
  if (/^\s*[bn]\s*\d+\s*$/i.test(text)) {
    return fail('is a band number, not a frequency: give the carrier frequency in MHz (e.g. 1800 for LTE B3)');
  }
  if (/ghz\s*$/i.test(text)) return fail('is in GHz: give the frequency in MHz (e.g. 3500)');
  const read = readNumber(text.replace(/\s*mhz\s*$/i, ''), numeric, hint);
  if (!read.ok) return read.reason === 'is not a number' ? fail('is not a frequency in MHz (e.g. 1800)') : read;
  if (read.value < 400 || read.value > 7125) {
    return fail('is outside 400–7,125 MHz (the propagation models cover up to 7 GHz)');
  }
  return read;
}

/** The reason `value` is refused, or null: [lo, hi], or (lo, hi] when `aboveLo`. */
export function outside(value: number, lo: number, hi: number, unit: string, aboveLo = false): string | null {
  if (aboveLo ? value > lo && value <= hi : value >= lo && value <= hi) return null;
  const fmt = (n: number) => n.toLocaleString('en-US').replace('-', '−');
  return aboveLo
    ? `is outside ${fmt(lo)}–${fmt(hi)}${unit} (must be above ${fmt(lo)})`
    : `is outside ${fmt(lo)}..${fmt(hi)}${unit}`;
}
