/**
 * Number, percent, boolean and period formatting for the two UI languages.
 * Pure functions (no i18next dependency) so they are easy to test and reuse.
 */
import type { Lang, ValueType } from '../../src/domain/overview-contract.js';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Vietnamese writes a (normal) space before the percent sign, English does not. */
const PERCENT_SUFFIX: Record<Lang, string> = { vi: ' %', en: '%' };

const BOOLEAN_WORDS: Record<Lang, [yes: string, no: string]> = { vi: ['Có', 'Không'], en: ['Yes', 'No'] };

/** Placeholder for a missing value. */
export const NO_VALUE = '—';

const formatters = new Map<string, Intl.NumberFormat>();

function clampDecimals(decimals: number): number {
  if (!Number.isFinite(decimals)) return 0;
  return Math.min(6, Math.max(0, Math.trunc(decimals)));
}

function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const digits = clampDecimals(decimals);
  const key = `${lang}:${digits}`;
  let nf = formatters.get(key);
  if (!nf) {
    // useGrouping 'always': some locales skip the separator for 4-digit numbers; we want 6.500 / 6,500.
    nf = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: 'always',
    });
    formatters.set(key, nf);
  }
  return nf;
}

/** A plain number with thousands separators and exactly `decimals` fraction digits: 38.800.000 / 38,800,000. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  // Avoid showing "-0" for tiny negative values rounded to zero.
  const text = numberFormat(lang, decimals).format(value === 0 ? 0 : value);
  return /^-0([.,]0+)?$/.test(text) ? text.slice(1) : text;
}

/** A 0–100 percent value: `99,21 %` (vi) / `99.21%` (en). */
export function formatPercent(value: number, decimals: number, lang: Lang): string {
  return formatNumber(value, decimals, lang) + PERCENT_SUFFIX[lang];
}

/** An indicator value according to its type; `null`/`undefined`/non-finite values give `—`. */
export function formatValue(
  value: number | null | undefined,
  valueType: ValueType,
  decimals: number,
  lang: Lang,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  switch (valueType) {
    case 'boolean': {
      const [yes, no] = BOOLEAN_WORDS[lang];
      return value !== 0 ? yes : no;
    }
    case 'percent':
      return formatPercent(value, decimals, lang);
    case 'count':
    case 'number':
      return formatNumber(value, decimals, lang);
  }
}

/** A whole count with thousands separators (coverage, unit counts). */
export function formatCount(value: number, lang: Lang): string {
  return formatNumber(value, 0, lang);
}

/**
 * Attainment (0–1) as a whole percent, rounded *down* so that 99.6 % of a target is never shown as "100 %":
 * `99 %` / `99%`.
 */
export function formatAttainment(attainment: number, lang: Lang): string {
  const share = Math.min(1, Math.max(0, attainment));
  // The epsilon keeps e.g. 0.29 * 100 = 28.999999999999996 at 29.
  return formatPercent(Math.floor(share * 100 + 1e-9), 0, lang);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A period code as words: '2025' → 'Năm 2025' / '2025'; '2025-09' → 'Tháng 9/2025' / 'Sep 2025';
 * '2025Q3' (or '2025-Q3') → 'Quý 3/2025' / 'Q3 2025'. Unknown shapes are returned unchanged.
 */
export function formatPeriod(period: string, lang: Lang): string {
  const year = /^(\d{4})$/.exec(period);
  if (year) return lang === 'vi' ? `Năm ${year[1]}` : `${year[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) return lang === 'vi' ? `Tháng ${m}/${month[1]}` : `${MONTHS_EN[m - 1]} ${month[1]}`;
  }
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(period);
  if (quarter) return lang === 'vi' ? `Quý ${quarter[2]}/${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
  return period;
}

const exactFormatters = new Map<string, Intl.NumberFormat>();

/**
 * A value as stored, for checking data: like formatValue, but never rounds a value away (a count of 2.5 stays
 * 2,5 instead of becoming 3): at least `decimals` and up to `maxDecimals` (default 6) fraction digits. A yes/no
 * value other than 0/1 is shown as a number, since that is the problem.
 */
export function formatExact(
  value: number | null | undefined,
  valueType: ValueType | undefined,
  decimals: number,
  lang: Lang,
  maxDecimals = 6,
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return NO_VALUE;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (valueType === 'boolean' && (value === 0 || value === 1)) return formatValue(value, valueType, 0, lang);
  const min = clampDecimals(decimals);
  const max = Math.max(min, clampDecimals(maxDecimals));
  const key = `${lang}:${min}:${max}`;
  let nf = exactFormatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: 'always',
    });
    exactFormatters.set(key, nf);
  }
  const text = nf.format(value === 0 ? 0 : value);
  return valueType === 'percent' ? text + PERCENT_SUFFIX[lang] : text;
}
