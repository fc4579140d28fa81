/**
 * Numbers as officials type them: vi-VN `1.234.567,5`, en-US `1,234,567.5`, with optional space grouping,
 * a leading minus (ASCII or U+2212) and a trailing `%` (dropped; the value is not divided by 100).
 */
export type NumberLocale = 'vi' | 'en';

// Group forms never start with 0: `0.500` is a decimal in every locale, never 500.
const SPACES = /[\u0020\u00a0\u202f\u2009]/g;
const SPACE_GROUPED = /^[1-9]\d{0,2}([\u0020\u00a0\u202f\u2009]\d{3})+$/;
const GROUPED = { vi: /^[1-9]\d{0,2}(\.\d{3})+$/, en: /^[1-9]\d{0,2}(,\d{3})+$/ };

interface Split {
  negative: boolean;
  body: string; // digits, '.', ',' and spaces only
}

function split(text: string): Split | null {
  let s = text.trim(); // trim() also drops non-breaking spaces
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  let negative = false;
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!/^\d[\d.,\u0020\u00a0\u202f\u2009]*$/.test(s) || !/\d$/.test(s)) return null;
  return { negative, body: s };
}

/** Reads `body` with `decimal` as the decimal mark and `group` (or spaces) as the thousands separator. */
function readAs({ negative, body }: Split, locale: NumberLocale): number | null {
  const [decimal, group] = locale === 'vi' ? [',', '.'] : ['.', ','];
  const parts = body.split(decimal);
  if (parts.length > 2) return null;
  const [integer = '', fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return null;
  let digits: string;
  if (/^\d+$/.test(integer)) digits = integer;
  else if (SPACE_GROUPED.test(integer)) digits = integer.replace(SPACES, '');
  else if (GROUPED[locale].test(integer)) digits = integer.split(group).join('');
  else return null;
  const value = Number(fraction === undefined ? digits : `${digits}.${fraction}`);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

/**
 * `6.500` and `6,500` read as 6.5 in one locale and 6500 in the other: one separator, followed by
 * exactly three digits, after a group-like integer part (1–3 digits, not a lone leading 0).
 */
export function isAmbiguousNumber(text: string): boolean {
  const parts = split(text);
  return parts !== null && /^[1-9]\d{0,2}[.,]\d{3}$/.test(parts.body);
}

/** The locale a cell proves on its own ('vi' for `99,21`, 'en' for `12.5`), or null when it proves none. */
export function numberLocaleOf(text: string): NumberLocale | null {
  const parts = split(text);
  if (!parts || isAmbiguousNumber(text)) return null;
  const vi = readAs(parts, 'vi');
  const en = readAs(parts, 'en');
  if (vi !== null && en === null) return 'vi';
  if (en !== null && vi === null) return 'en';
  return null; // plain integers, space-grouped integers, or not a number at all
}

/** The locale most value cells prove, or null when none prove one or the evidence ties. */
export function detectNumberLocale(texts: Iterable<string>): NumberLocale | null {
  let vi = 0;
  let en = 0;
  for (const text of texts) {
    const locale = numberLocaleOf(text);
    if (locale === 'vi') vi += 1;
    else if (locale === 'en') en += 1;
  }
  return vi > en ? 'vi' : en > vi ? 'en' : null;
}

/**
 * The number `text` denotes, or null when it is not one. In 'auto' mode each cell is read by the only
 * locale it is valid in; an ambiguous cell (`6.500`) is read by `hint` (the file's detected locale) and is
 * null without one, so that callers report it instead of guessing.
 */
export function parseLocalisedNumber(
  text: string,
  locale: NumberLocale | 'auto',
  hint?: NumberLocale | null,
): number | null {
  const parts = split(text);
  if (!parts) return null;
  if (locale !== 'auto') return readAs(parts, locale);
  if (isAmbiguousNumber(text)) return hint ? readAs(parts, hint) : null;
  return readAs(parts, 'vi') ?? readAs(parts, 'en');
}
