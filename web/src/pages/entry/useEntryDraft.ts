import { useCallback, useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { clearDraft, draftKey, readDraft, writeDraft } from './entry-draft.js';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { parseLocalNumber, toInputText } from './number-input.js';
import { fieldName, type EntryIndicator } from './entry-model.js';
import type { EntryValues } from './entry-schema.js';

/**
 * Keeps the form's unsaved values in localStorage (by indicator code) and puts them back when the form opens
 * again; returns when the restored draft was written, for the notice, and a way to throw it away.
 */
export function useEntryDraft(
  form: UseFormReturn<EntryValues>,
  indicators: readonly EntryIndicator[],
  key: { user: string; unit: string; period: string },
  lang: Lang,
) {
  const storageKey = draftKey(key.user, key.unit, key.period);
  // Read once, when the form opens: later changes are the user's own.
  const [restored] = useState(() => restorable(form, indicators, storageKey, lang));
  const [restoredAt, setRestoredAt] = useState(restored?.savedAt ?? null);
  useEffect(() => {
    if (restored) form.reset(restored.values, { keepDefaultValues: true });
  }, [form, restored]);

  // Called on every change, and after a save moves the saved values into the defaults.
  const sync = useCallback(() => {
    const values = form.getValues();
    const defaults = form.formState.defaultValues ?? {};
    const changed: Record<string, string> = {};
    indicators.forEach((indicator, index) => {
      const name = fieldName(index);
      const typed = values[name] ?? '';
      if (typed !== (defaults[name] ?? '')) changed[indicator.code] = typed;
    });
    if (Object.keys(changed).length > 0) writeDraft(storageKey, changed, lang);
    else clearDraft(storageKey);
  }, [form, indicators, storageKey, lang]);

  useEffect(() => {
    const subscription = form.watch(() => sync());
    return () => subscription.unsubscribe();
  }, [form, sync]);

  const discard = () => {
    clearDraft(storageKey);
    form.reset();
    setRestoredAt(null);
  };
  return { restoredAt, discard, sync };
}

/** The stored draft as form values, or null when there is none or it matches what is saved (it is then removed). */
function restorable(
  form: UseFormReturn<EntryValues>,
  indicators: readonly EntryIndicator[],
  storageKey: string,
  lang: Lang,
): { values: EntryValues; savedAt: string } | null {
  const draft = readDraft(storageKey);
  if (!draft) return null;
  const defaults = form.formState.defaultValues ?? {};
  const values: EntryValues = {};
  let differs = false;
  indicators.forEach((indicator, index) => {
    const name = fieldName(index);
    const saved = defaults[name] ?? '';
    const typed = retyped(draft.values[indicator.code], draft.lang, lang);
    values[name] = typed ?? saved;
    if (typed !== undefined && typed !== saved) differs = true;
  });
  if (!differs) {
    clearDraft(storageKey);
    return null;
  }
  return { values, savedAt: draft.savedAt };
}

/** Text typed in one language, as the other would write it (text that is not a number stays as it is). */
function retyped(text: string | undefined, from: Lang, to: Lang): string | undefined {
  if (text === undefined || from === to) return text;
  const value = parseLocalNumber(text, from);
  return typeof value === 'number' ? toInputText(value, to) : text;
}
