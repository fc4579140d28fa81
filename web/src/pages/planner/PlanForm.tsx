import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { currentLang } from '../../i18n.js';
import { AreaField } from './AreaField.js';
import { CandidateFields } from './CandidateFields.js';
import { LimitFields } from './LimitFields.js';
import { PlanFileField } from './PlanFileField.js';
import {
  planFormDefaults,
  planFormSchema,
  readFormError,
  toPlanSettings,
  type PlanFormInput,
  type PlanFormValues,
} from './plan-form-model.js';
import { startPlan, type PlanScenario } from './planner-api.js';

/** Words a field's error; undefined without one. */
export type FieldMessage = (error: Pick<FieldError, 'message'> | undefined) => string | undefined;

/** The settings of a new scenario; sends them and hands back the queued scenario. */
export function PlanForm({ onStarted }: { onStarted: (plan: PlanScenario) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const schema = useMemo(() => planFormSchema(lang), [lang]);
  const form = useForm<PlanFormInput, unknown, PlanFormValues>({
    resolver: zodResolver(schema),
    defaultValues: planFormDefaults(lang, new Date().getFullYear() + 1),
  });
  const start = useMutation({
    mutationFn: (values: PlanFormValues) => startPlan(toPlanSettings(values, lang), lang),
    onSuccess: onStarted,
  });
  const { errors } = form.formState;
  const message: FieldMessage = (error) => {
    if (!error?.message) return undefined;
    const { key, values } = readFormError(error.message);
    return t(`planner.errors.${key}`, { a: values[0] ?? '', b: values[1] ?? '' });
  };
  const { register } = form;

  return (
    <form
      className="form planner-form"
      noValidate
      aria-label={t('planner.form.title')}
      onSubmit={form.handleSubmit((values) => start.mutate(values))}
    >
      <h2 className="section-title">{t('planner.form.title')}</h2>
      <FormField label={t('planner.form.name')} error={message(errors.name)} required>
        <input className="input" type="text" autoComplete="off" {...register('name')} />
      </FormField>
      <AreaField form={form} />
      <LimitFields form={form} message={message} />
      <fieldset className="planner-fieldset">
        <legend>{t('planner.form.weights')}</legend>
        <p className="field-hint">{t('planner.form.weightsHint')}</p>
        <div className="planner-row">
          <FormField
            label={
              <>
                {t('planner.form.weightEconomicZone')} <span className="planner-symbol">(α)</span>
              </>
            }
            error={message(errors.weightEconomicZone)}
          >
            <input className="input input-number" inputMode="decimal" {...register('weightEconomicZone')} />
          </FormField>
          <FormField
            label={
              <>
                {t('planner.form.weightBorder')} <span className="planner-symbol">(β)</span>
              </>
            }
            error={message(errors.weightBorder)}
          >
            <input className="input input-number" inputMode="decimal" {...register('weightBorder')} />
          </FormField>
        </div>
      </fieldset>
      <fieldset className="planner-fieldset">
        <legend>{t('planner.form.priorities')}</legend>
        <label className="checkbox">
          <input type="checkbox" {...register('borderSettlements')} /> {t('planner.form.borderSettlements')}
        </label>
        <label className="checkbox">
          <input type="checkbox" {...register('economicZoneSettlements')} /> {t('planner.form.economicZoneSettlements')}
        </label>
        <PlanFileField kind="points" form={form} />
      </fieldset>
      <CandidateFields form={form} message={message} />
      <FormField label={t('planner.form.timeLimitS')} error={message(errors.timeLimitS)}>
        <input className="input input-number" inputMode="numeric" {...register('timeLimitS')} />
      </FormField>
      {start.error && <ProblemNotice error={start.error} title={t('planner.form.problem')} />}
      <div className="form-actions">
        <button type="submit" className="button" disabled={start.isPending}>
          {start.isPending ? t('planner.form.submitting') : t('planner.form.submit')}
        </button>
      </div>
    </form>
  );
}
