import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../src/domain/overview-contract.js';
import { ApiError } from '../../../api/client.js';
import { FormField } from '../../../components/FormField.js';
import { FormProblem } from '../../../components/FormProblem.js';
import type { IndicatorDefinition } from '../indicators/indicator-definition.js';
import { initialValues, nextYear, targetFormSchema, type TargetFormValues } from './target-form-model.js';
import { saveTargets, type StoredTargets, type TargetsBody } from './targets-api.js';

export interface TargetFormProps {
  indicator: IndicatorDefinition;
  unit: { code: string; name: string };
  stored: StoredTargets;
  period: { from: number; to: number };
  lang: Lang;
  onSaved: () => void;
  /** Reads the stored set again (after a 412: someone saved meanwhile). */
  onReload: () => void;
}

/** A unit's baseline and yearly targets for one indicator; mounted afresh (keyed) for each stored version. */
export function TargetForm({ indicator, unit, stored, period, lang, onSaved, onReload }: TargetFormProps) {
  const { t } = useTranslation();
  const schema = targetFormSchema(lang, {
    required: t('adminTargets.storedRequired'),
    notNumber: t('adminTargets.notNumber'),
    year: t('adminTargets.badYear'),
    afterBaseline: t('adminTargets.afterBaseline'),
  });
  const form = useForm<TargetFormValues, unknown, Omit<TargetsBody, 'unit' | 'version'>>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(stored.rows, period, lang),
  });
  const rows = useFieldArray({ control: form.control, name: 'targets' });
  const save = useMutation({
    mutationFn: (body: Omit<TargetsBody, 'unit' | 'version'>) =>
      saveTargets(
        indicator.code,
        { unit: unit.code, ...body, ...(stored.version !== null ? { version: stored.version } : {}) },
        lang,
      ),
    onSuccess: onSaved,
  });
  const errors = form.formState.errors;
  const unitLabel = lang === 'en' ? indicator.unitEn : indicator.unitVi;
  const stale = save.error instanceof ApiError && save.error.status === 412;
  const [targets, baselineYear] = useWatch({ control: form.control, name: ['targets', 'baselineYear'] });
  const upcoming = nextYear({ targets, baselineYear });

  return (
    <form className="form admin-indicator-form" noValidate onSubmit={form.handleSubmit((body) => save.mutate(body))}>
      <h3 className="admin-form-title">{t('adminTargets.formTitle', { unit: unit.name })}</h3>
      <p className="muted">{t('adminTargets.unitHint', { unit: unitLabel })}</p>
      <fieldset className="targets-fieldset">
        <legend>{t('adminTargets.baseline')}</legend>
        <div className="admin-form-grid">
          <FormField label={t('adminTargets.baselineYear')} error={errors.baselineYear?.message}>
            <input className="input" type="text" inputMode="numeric" {...form.register('baselineYear')} />
          </FormField>
          <FormField label={t('adminTargets.baselineValue')} error={errors.baselineValue?.message}>
            <input className="input" type="text" inputMode="decimal" {...form.register('baselineValue')} />
          </FormField>
        </div>
      </fieldset>
      <fieldset className="targets-fieldset">
        <legend>{t('adminTargets.yearly')}</legend>
        <p className="muted">{t('adminTargets.yearlyHint')}</p>
        <div className="admin-form-grid">
          {rows.fields.map((field, i) => (
            <div key={field.id} className="target-year-row">
              <FormField
                label={t('adminTargets.targetFor', { year: field.year })}
                error={errors.targets?.[i]?.value?.message}
              >
                <input className="input" type="text" inputMode="decimal" {...form.register(`targets.${i}.value`)} />
              </FormField>
              {!field.stored && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('adminTargets.removeYear', { year: field.year })}
                  onClick={() => rows.remove(i)}
                >
                  {t('adminTargets.remove')}
                </button>
              )}
            </div>
          ))}
        </div>
        {upcoming !== null && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => rows.append({ year: upcoming, value: '', stored: false })}
          >
            {t('adminTargets.addYear', { year: upcoming })}
          </button>
        )}
      </fieldset>
      <FormField label={t('adminTargets.reason')} hint={t('adminTargets.reasonHint')}>
        <input className="input" type="text" maxLength={2000} {...form.register('reason')} />
      </FormField>
      {stale ? (
        <div className="notice notice-error notice-inline" role="alert">
          <p>{t('adminTargets.stale')}</p>
          <button type="button" className="button button-secondary" onClick={onReload}>
            {t('adminTargets.reload')}
          </button>
        </div>
      ) : (
        <FormProblem error={save.error} />
      )}
      <div className="admin-form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('adminTargets.saving') : t('adminTargets.save')}
        </button>
      </div>
    </form>
  );
}
