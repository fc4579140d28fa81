import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';
import type { FieldMessage } from './PlanForm.js';
import type { LimitKind, PlanFormInput, PlanFormValues } from './plan-form-model.js';

const KINDS: readonly LimitKind[] = ['sites', 'budget', 'phases'];
const KIND_LABEL = { sites: 'limitSites', budget: 'limitBudget', phases: 'limitPhases' } as const;

interface LimitFieldsProps {
  form: UseFormReturn<PlanFormInput, unknown, PlanFormValues>;
  message: FieldMessage;
}

/** The plan's limit: a number of sites, a budget, or a small table of years each with its own limit. */
export function LimitFields({ form, message }: LimitFieldsProps) {
  const { t } = useTranslation();
  const { register, control } = form;
  const errors = form.formState.errors;
  const kind = useWatch({ control, name: 'limitKind' });
  const phases = useFieldArray({ control, name: 'phases' });
  const addYear = () => {
    const years = form.getValues('phases').map((p) => Number(p.year));
    const next = years.length ? Math.max(...years.filter(Number.isFinite)) + 1 : new Date().getFullYear() + 1;
    phases.append({ year: String(next), maxSites: '', budget: '' });
  };

  return (
    <fieldset className="planner-fieldset">
      <legend>{t('planner.form.limit')}</legend>
      <div className="planner-choice" role="radiogroup" aria-label={t('planner.form.limit')}>
        {KINDS.map((k) => (
          <label key={k} className="radio">
            <input type="radio" value={k} {...register('limitKind')} /> {t(`planner.form.${KIND_LABEL[k]}`)}
          </label>
        ))}
      </div>
      {kind === 'sites' && (
        <FormField label={t('planner.form.maxSites')} error={message(errors.maxSites)} required>
          <input className="input input-number" inputMode="numeric" {...register('maxSites')} />
        </FormField>
      )}
      {kind === 'budget' && (
        <FormField
          label={t('planner.form.budget')}
          hint={t('planner.form.budgetHint')}
          error={message(errors.budget)}
          required
        >
          <input className="input input-number" inputMode="decimal" {...register('budget')} />
        </FormField>
      )}
      {kind === 'phases' && (
        <div className="planner-phases">
          <p className="field-hint">{t('planner.form.phasesHint')}</p>
          {phases.fields.map((field, index) => {
            const rowErrors = errors.phases?.[index];
            const year = form.getValues(`phases.${index}.year`);
            return (
              <div key={field.id} className="planner-row planner-phase">
                <FormField label={t('planner.form.year')} error={message(rowErrors?.year)}>
                  <input className="input input-year" inputMode="numeric" {...register(`phases.${index}.year`)} />
                </FormField>
                <FormField label={t('planner.form.phaseSites')} error={message(rowErrors?.maxSites)}>
                  <input className="input input-number" inputMode="numeric" {...register(`phases.${index}.maxSites`)} />
                </FormField>
                <FormField label={t('planner.form.phaseBudget')} error={message(rowErrors?.budget)}>
                  <input className="input input-number" inputMode="decimal" {...register(`phases.${index}.budget`)} />
                </FormField>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => phases.remove(index)}
                  aria-label={t('planner.form.removePhase', { year })}
                >
                  ×
                </button>
              </div>
            );
          })}
          {errors.phases?.root && <p className="field-error">{message(errors.phases.root)}</p>}
          {errors.phases?.message && <p className="field-error">{message(errors.phases)}</p>}
          <button type="button" className="button button-secondary" onClick={addYear}>
            {t('planner.form.addPhase')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
