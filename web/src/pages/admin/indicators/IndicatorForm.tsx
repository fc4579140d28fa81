import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { apiPutJson } from '../../../api/client.js';
import { FormField } from '../../../components/FormField.js';
import { FormProblem } from '../../../components/FormProblem.js';
import { FormulaField } from './FormulaField.js';
import type { FormulaProblem } from './formula-check.js';
import { definitionBody, type IndicatorDefinition as Indicator } from './indicator-definition.js';

/** A number field left empty means "no bound". */
const optionalNumber = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? null : Number(v)),
  z.number({ error: 'number' }).nullable(),
);

export interface IndicatorFormProps {
  indicator: Indicator;
  catalogue: readonly Indicator[];
  lang: 'vi' | 'en';
  onSaved: (saved: Indicator) => void;
  onCancel: () => void;
}

/** The definition of one indicator: names, unit, formula (checked live), frequency, level and bounds. */
export function IndicatorForm({ indicator, catalogue, lang, onSaved, onCancel }: IndicatorFormProps) {
  const { t } = useTranslation();
  const required = t('adminIndicators.required');
  const schema = z
    .object({
      nameVi: z.string().trim().min(1, required).max(300),
      nameEn: z.string().trim().min(1, required).max(300),
      unitVi: z.string().trim().min(1, required).max(100),
      unitEn: z.string().trim().min(1, required).max(100),
      formula: z.string().max(5000),
      periodType: z.enum(['month', 'quarter', 'year']),
      reportingLevel: z.enum(['nation', 'province', 'commune']),
      minValue: optionalNumber,
      maxValue: optionalNumber,
    })
    .refine((d) => d.minValue === null || d.maxValue === null || d.minValue <= d.maxValue, {
      path: ['maxValue'],
      message: t('adminIndicators.boundsOrder'),
    });
  type Input = z.input<typeof schema>;
  const form = useForm<Input, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      nameVi: indicator.nameVi,
      nameEn: indicator.nameEn,
      unitVi: indicator.unitVi,
      unitEn: indicator.unitEn,
      formula: indicator.formula ?? '',
      periodType: indicator.periodType,
      reportingLevel: indicator.reportingLevel,
      minValue: indicator.minValue ?? '',
      maxValue: indicator.maxValue ?? '',
    },
  });
  const [formulaProblem, setFormulaProblem] = useState<FormulaProblem | null>(null);
  const onCheck = useCallback((p: FormulaProblem | null) => setFormulaProblem(p), []);
  const save = useMutation({
    mutationFn: (values: z.output<typeof schema>) => {
      return apiPutJson<Indicator>(
        `/indicators/${encodeURIComponent(indicator.code)}`,
        { ...definitionBody(indicator), ...values, formula: values.formula.trim() || null },
        { lang },
      );
    },
    onSuccess: onSaved,
  });
  const errors = form.formState.errors;
  const message = (e: { message?: string | undefined } | undefined) =>
    e?.message === 'number' ? t('adminIndicators.notNumber') : e?.message;
  const text = (name: 'nameVi' | 'nameEn' | 'unitVi' | 'unitEn') => (
    <FormField label={t(`adminIndicators.${name}`)} error={message(errors[name])} required>
      <input className="input" type="text" {...form.register(name)} />
    </FormField>
  );

  return (
    <form
      className="form admin-indicator-form"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        if (!formulaProblem) save.mutate(values);
      })}
    >
      <h3 className="admin-form-title">
        {t('adminIndicators.editTitle')} <code>{indicator.code}</code>
      </h3>
      <div className="admin-form-grid">
        {text('nameVi')}
        {text('nameEn')}
        {text('unitVi')}
        {text('unitEn')}
      </div>
      <Controller
        control={form.control}
        name="formula"
        render={({ field }) => (
          <FormulaField
            code={indicator.code}
            catalogue={catalogue}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            onCheck={onCheck}
          />
        )}
      />
      <div className="admin-form-grid">
        <FormField label={t('adminIndicators.periodType')}>
          <select className="input" {...form.register('periodType')}>
            {(['month', 'quarter', 'year'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`adminIndicators.period.${p}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('adminIndicators.reportingLevel')}>
          <select className="input" {...form.register('reportingLevel')}>
            {(['nation', 'province', 'commune'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`adminIndicators.level.${l}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('adminIndicators.minValue')} error={message(errors.minValue)}>
          <input className="input" type="text" inputMode="decimal" {...form.register('minValue')} />
        </FormField>
        <FormField label={t('adminIndicators.maxValue')} error={message(errors.maxValue)}>
          <input className="input" type="text" inputMode="decimal" {...form.register('maxValue')} />
        </FormField>
      </div>
      <FormProblem error={save.error} />
      <div className="admin-form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('adminIndicators.cancel')}
        </button>
        <button type="submit" className="button" disabled={save.isPending || formulaProblem !== null}>
          {save.isPending ? t('adminIndicators.saving') : t('adminIndicators.save')}
        </button>
      </div>
    </form>
  );
}
