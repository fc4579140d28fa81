/**
 * Dates and times as each UI language writes them: 24/11/2026 and 24/11/2026 14:05 in Vietnamese (and in
 * en-GB, which shares the day-first order). Always in the province's time zone, so an officer abroad and one in
 * Pleiku read the same day.
 */
import type { Lang } from '../../src/domain/overview-contract.js';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: TIME_ZONE,
      ...(withTime
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : { day: '2-digit', month: '2-digit', year: 'numeric' }),
    });
    dateFormats.set(key, format);
  }
  return format;
}

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `24/11/2026`; an unreadable date gives '—'. */
export function formatDate(value: string | number | Date, lang: Lang): string {
  const date = toDate(value);
  return date ? dateFormat(lang, false).format(date) : '—';
}

/** `24/11/2026 14:05`: date first in both languages (vi-VN alone would put the time first). */
export function formatDateTime(value: string | number | Date, lang: Lang): string {
  const date = toDate(value);
  return date ? `${dateFormat(lang, false).format(date)} ${dateFormat(lang, true).format(date)}` : '—';
}
