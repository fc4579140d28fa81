/** The unsaved values of one form, kept in the browser so that a reload or a closed tab loses nothing. */
import type { Lang } from '../../../../src/domain/overview-contract.js';

export interface EntryDraft {
  /** Typed text by indicator code. */
  values: Record<string, string>;
  /** The language the text was typed in: 6.500 is six thousand five hundred in Vietnamese, 6.5 in English. */
  lang: Lang;
  savedAt: string;
}

const PREFIX = 'dx-entry-draft';

export function draftKey(user: string, unit: string, period: string): string {
  return `${PREFIX}:${user}:${unit}:${period}`;
}

export function readDraft(key: string): EntryDraft | null {
  try {
    const text = window.localStorage.getItem(key);
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<EntryDraft>;
    if (typeof draft.values !== 'object' || draft.values === null || typeof draft.savedAt !== 'string') return null;
    return { values: draft.values, lang: draft.lang === 'en' ? 'en' : 'vi', savedAt: draft.savedAt };
  } catch {
    return null;
  }
}

export function writeDraft(key: string, values: Record<string, string>, lang: Lang): void {
  try {
    window.localStorage.setItem(key, JSON.stringify({ values, lang, savedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the leave warning still protects the values.
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing stored, nothing to clear
  }
}
