import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';
import type { FieldMessage } from './PlanForm.js';
import { PlanFileField } from './PlanFileField.js';
import type { PlanFormInput, PlanFormValues } from './plan-form-model.js';

interface CandidateFieldsProps {
  form: UseFormReturn<PlanFormInput, unknown, PlanFormValues>;
  message: FieldMessage;
}

/**
 * Where sites may go (existing masts upgraded, new masts on a lattice, the partner's list), their radio, and codes
 * forced in or kept out.
 */
export function CandidateFields({ form, message }: CandidateFieldsProps) {
  const { t } = useTranslation();
  const { register, control } = form;
  const errors = form.formState.errors;
  const [existing, generated] = useWatch({ control, name: ['existingMastsUse', 'generatedUse'] });

  return (
    <fieldset className="planner-fieldset">
      <legend>{t('planner.form.candidates')}</legend>
      <label className="checkbox">
        <input type="checkbox" {...register('existingMastsUse')} /> {t('planner.form.existingMasts')}
      </label>
      {existing && (
        <FormField label={t('planner.form.existingMastsCost')} error={message(errors.existingMastsCost)}>
          <input className="input input-number" inputMode="decimal" {...register('existingMastsCost')} />
        </FormField>
      )}
      <label className="checkbox">
        <input type="checkbox" {...register('generatedUse')} /> {t('planner.form.generated')}
      </label>
      {errors.generatedUse && (
        <p className="field-error" role="alert">
          {message(errors.generatedUse)}
        </p>
      )}
      {generated && (
        <div className="planner-row">
          <FormField label={t('planner.form.latticeKm')} error={message(errors.latticeKm)}>
            <input className="input input-number" inputMode="decimal" {...register('latticeKm')} />
          </FormField>
          <FormField label={t('planner.form.minSpacingKm')} error={message(errors.minSpacingKm)}>
            <input className="input input-number" inputMode="decimal" {...register('minSpacingKm')} />
          </FormField>
          <FormField label={t('planner.form.generatedCost')} error={message(errors.generatedCost)}>
            <input className="input input-number" inputMode="decimal" {...register('generatedCost')} />
          </FormField>
        </div>
      )}
      {generated && (
        <div className="planner-row">
          <PlanFileField kind="areas" form={form} />
          <FormField label={t('planner.form.excludedMarginM')} error={message(errors.excludedMarginM)}>
            <input className="input input-number" inputMode="decimal" {...register('excludedMarginM')} />
          </FormField>
        </div>
      )}
      <PlanFileField kind="candidates" form={form} />
      <fieldset className="planner-fieldset">
        <legend>{t('planner.form.radio')}</legend>
        <p className="field-hint">{t('planner.form.radioHint')}</p>
        <div className="planner-row">
          <FormField label={t('planner.form.radioBandMhz')} error={message(errors.radioBandMhz)}>
            <input className="input input-number" inputMode="decimal" {...register('radioBandMhz')} />
          </FormField>
          <FormField label={t('planner.form.radioTxPowerDbm')} error={message(errors.radioTxPowerDbm)}>
            <input className="input input-number" inputMode="decimal" {...register('radioTxPowerDbm')} />
          </FormField>
          <FormField label={t('planner.form.radioHeightM')} error={message(errors.radioHeightM)}>
            <input className="input input-number" inputMode="decimal" {...register('radioHeightM')} />
          </FormField>
        </div>
      </fieldset>
      <FormField
        label={t('planner.form.mandatory')}
        hint={t('planner.form.codesHint')}
        error={message(errors.mandatory)}
      >
        <input className="input" type="text" autoComplete="off" spellCheck={false} {...register('mandatory')} />
      </FormField>
      <FormField label={t('planner.form.excluded')} hint={t('planner.form.codesHint')} error={message(errors.excluded)}>
        <input className="input" type="text" autoComplete="off" spellCheck={false} {...register('excluded')} />
      </FormField>
    </fieldset>
  );
}
