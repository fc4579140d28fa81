/**
 * i18next set-up: Vietnamese first, English second. The choice comes from `?lang=` in the URL, then
 * localStorage, then Vietnamese; it is saved in localStorage and mirrored on <html lang>.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../src/domain/overview-contract.js';
import { enMessages, viMessages, type Messages } from './locales/messages.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';
const STORAGE_KEY = 'dx-compact.lang';

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

function readStoredLang(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage disabled (private mode, strict settings)
  }
}

function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore: the choice just won't survive a reload
  }
}

/** The language to start with: `?lang=` beats the stored choice, which beats Vietnamese. */
export function detectLang(): Lang {
  if (typeof window !== 'undefined') {
    const fromUrl = new URLSearchParams(window.location.search).get('lang')?.toLowerCase();
    if (isLang(fromUrl)) return fromUrl;
  }
  const stored = readStoredLang();
  return isLang(stored) ? stored : DEFAULT_LANG;
}

/** The current UI language, narrowed to the two we support. */
export function currentLang(lng: string | undefined = i18n.resolvedLanguage ?? i18n.language): Lang {
  const base = lng?.slice(0, 2).toLowerCase();
  return isLang(base) ? base : DEFAULT_LANG;
}

function applyLang(lng: string): void {
  const lang = currentLang(lng);
  storeLang(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  if (typeof window !== 'undefined') {
    // Keep a shared ?lang= link truthful after switching; don't add the parameter when it wasn't there.
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang') && url.searchParams.get('lang') !== lang) {
      url.searchParams.set('lang', lang);
      window.history.replaceState(window.history.state, '', url);
    }
  }
}

i18n.on('languageChanged', applyLang);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: viMessages }, en: { translation: enMessages } },
  lng: detectLang(),
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGS],
  defaultNS: 'translation',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false, // resources are inline: be ready before the first render
});

export default i18n;
