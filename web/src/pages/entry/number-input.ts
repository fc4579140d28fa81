/**
 * Numbers as people type them: Vietnamese writes 6.500 (six thousand five hundred) and 99,21 (a decimal comma);
 * English writes 6,500 and 99.21. Both parse to plain numbers, and stored numbers are shown back the same way.
 */
import type { Lang } from '../../../../src/domain/overview-contract.js';

/** A typed number: `null` for an empty field, `'invalid'` when it is not a number. */
export type ParsedNumber = number | null | 'invalid';

const PLAIN = /^-?\d+(\.\d+)?$/;

export function parseLocalNumber(text: string, lang: Lang): ParsedNumber {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const [group, decimal] = lang === 'vi' ? ['.', ','] : [',', '.'];
  let plain: string;
  if (compact.includes(decimal)) {
    plain = compact.split(group).join('').replace(decimal, '.');
  } else if (new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+$`).test(compact)) {
    plain = compact.split(group).join('');
  } else {
    // "99.5" in Vietnamese (or "99,5" in English) is not a grouped number: read the mark as the decimal point.
    plain = compact.replace(group, '.');
  }
  if (!PLAIN.test(plain)) return 'invalid';
  const value = Number(plain);
  return Number.isFinite(value) ? value : 'invalid';
}

/** A stored number as the field shows it: grouped and with the language's decimal mark. */
export function toInputText(value: number | null, lang: Lang): string {
  if (value === null) return '';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 6 }).format(value);
}
