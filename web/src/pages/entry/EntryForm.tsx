import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { formatDateTime } from '../../format-dates.js';
import { formatPeriod } from '../../format.js';
import { ConflictList, type Conflict } from './ConflictList.js';
import { EntryActionBar } from './EntryActionBar.js';
import {
  approvalQuery,
  storedValueQuery,
  submitForApproval,
  writeValue,
  type ApprovalState,
  type StoredValue,
} from './entry-api.js';
import { fieldName, periodFor, type EntryIndicator } from './entry-model.js';
import { entrySchema, type EntryValues } from './entry-schema.js';
import { IndicatorField } from './IndicatorField.js';
import { parseLocalNumber, toInputText } from './number-input.js';
import { useEntryDraft } from './useEntryDraft.js';
import { useLeaveGuard } from './useLeaveGuard.js';

export interface EntryFormProps {
  user: string;
  unit: string;
  month: string;
  lang: Lang;
  indicators: readonly EntryIndicator[];
  /** What is stored now, one per indicator (null: nothing). */
  stored: readonly (StoredValue | null)[];
  approval: ApprovalState;
}

/** One field per indicator; saves the changed ones with the version read, and submits the period for approval. */
export function EntryForm({ user, unit, month, lang, indicators, stored, approval }: EntryFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [known, setKnown] = useState(stored);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);

  const defaults = useMemo(
    () => Object.fromEntries(stored.map((s, i) => [fieldName(i), toInputText(s?.value ?? null, lang)])),
    [stored, lang],
  );
  const schema = useMemo(() => entrySchema(indicators, lang, t), [indicators, lang, t]);
  const form = useForm<EntryValues>({ resolver: zodResolver(schema), defaultValues: defaults, mode: 'onChange' });
  const draft = useEntryDraft(form, indicators, { user, unit, period: month }, lang);
  const changedCount = Object.keys(form.formState.dirtyFields).length;
  const blocker = useLeaveGuard(changedCount > 0 && !saving);
  const locked = approval.status === 'approved';

  /** The server holds `value` now: it becomes the field's saved value (and what the next write expects). */
  function markStored(index: number, value: StoredValue | null) {
    setKnown((prev) => prev.map((s, i) => (i === index ? value : s)));
    form.resetField(fieldName(index), { defaultValue: toInputText(value?.value ?? null, lang) });
    const indicator = indicators[index]!;
    queryClient.setQueryData(storedValueQuery(indicator.code, unit, periodFor(indicator, month)).queryKey, value);
  }

  /** Writes one value; true when it was stored, false when someone changed it meanwhile (a conflict to settle). */
  async function save(index: number, value: number | null, version: number): Promise<boolean> {
    const indicator = indicators[index]!;
    const period = periodFor(indicator, month);
    const outcome = await writeValue({ indicator: indicator.code, unit, period, value, version }, lang);
    if (outcome.kind === 'stale') {
      const conflict = { index, indicator, mine: value, current: outcome.current };
      setConflicts((prev) => [...prev.filter((c) => c.index !== index), conflict]);
      return false;
    }
    const storedNow: StoredValue | null =
      value === null
        ? null
        : {
            indicator: indicator.code,
            unit,
            period,
            value,
            version: outcome.version,
            updatedBy: user,
            updatedAt: new Date().toISOString(),
          };
    markStored(index, storedNow);
    setConflicts((prev) => prev.filter((c) => c.index !== index));
    return true;
  }

  const onSave = form.handleSubmit(
    async (values) => {
      setMessage(null);
      setFailure(null);
      setSaving(true);
      let savedCount = 0;
      try {
        for (const [index] of indicators.entries()) {
          const name = fieldName(index);
          if (!form.getFieldState(name).isDirty) continue;
          const value = parseLocalNumber(values[name] ?? '', lang);
          if (value === 'invalid') continue; // the schema has refused it already
          if (await save(index, value, known[index]?.version ?? 0)) savedCount += 1;
        }
        if (savedCount > 0) setMessage(t('entry.saved', { count: savedCount }));
      } catch (err) {
        setFailure(err instanceof Error ? err : new Error(String(err)));
      } finally {
        setSaving(false);
        draft.sync();
      }
    },
    () => setMessage(t('entry.fixErrors')),
  );

  async function settle(conflict: Conflict, keep: 'mine' | 'theirs') {
    setFailure(null);
    setSaving(true);
    try {
      if (keep === 'mine') await save(conflict.index, conflict.mine, conflict.current.version);
      else {
        markStored(conflict.index, conflict.current.value === null ? null : conflict.current);
        setConflicts((prev) => prev.filter((c) => c.index !== conflict.index));
      }
    } catch (err) {
      setFailure(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setSaving(false);
      draft.sync();
    }
  }

  const submit = useMutation({
    mutationFn: () => submitForApproval(unit, month, lang),
    onSuccess: async () => {
      setMessage(t('entry.submitted', { period: formatPeriod(month, lang) }));
      await queryClient.invalidateQueries({ queryKey: approvalQuery(unit, month).queryKey });
    },
  });

  return (
    <form className="entry-form" noValidate onSubmit={(event) => void onSave(event)}>
      <p className="entry-status">
        {t('entry.status.label')}: <strong>{t(`entry.status.${approval.status}`)}</strong>
      </p>
      {locked && <p className="notice notice-warn">{t('entry.locked')}</p>}
      {draft.restoredAt && changedCount > 0 && (
        <div className="notice entry-draft-notice" role="status">
          <p>{t('entry.draftRestored', { at: formatDateTime(draft.restoredAt, lang) })}</p>
          <button type="button" className="button button-secondary" onClick={draft.discard}>
            {t('entry.discardDraft')}
          </button>
        </div>
      )}
      <ConflictList
        conflicts={conflicts}
        lang={lang}
        busy={saving}
        onKeepMine={(c) => void settle(c, 'mine')}
        onKeepTheirs={(c) => void settle(c, 'theirs')}
      />
      <div className="entry-fields">
        {indicators.map((indicator, index) => (
          <IndicatorField
            key={indicator.code}
            indicator={indicator}
            period={periodFor(indicator, month) === month ? null : periodFor(indicator, month)}
            stored={known[index] ?? null}
            registration={form.register(fieldName(index))}
            error={form.formState.errors[fieldName(index)]?.message}
            readOnly={locked}
            lang={lang}
          />
        ))}
      </div>
      {failure && <ProblemNotice error={failure} />}
      {submit.error && <ProblemNotice error={submit.error} />}
      <p className="entry-message" role="status">
        {message}
      </p>
      <EntryActionBar
        changedCount={changedCount}
        saving={saving}
        submitting={submit.isPending}
        locked={locked}
        submittable={approval.status === 'draft' || approval.status === 'reopened'}
        onSubmitForApproval={() => submit.mutate()}
        blocker={blocker}
      />
    </form>
  );
}
