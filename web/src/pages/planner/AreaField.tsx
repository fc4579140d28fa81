import { useQuery } from '@tanstack/react-query';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/FormField.js';
import { currentLang } from '../../i18n.js';
import { coverageRunsQuery } from '../map/map-queries.js';
import type { PlanFormInput, PlanFormValues } from './plan-form-model.js';

interface AreaFieldProps {
  form: UseFormReturn<PlanFormInput, unknown, PlanFormValues>;
}

/**
 * The coverage run a plan starts from (its area, people and today's network): the finished runs, newest first;
 * left at the default, the server takes the demo province or else the latest finished run.
 */
export function AreaField({ form }: AreaFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const runs = useQuery(coverageRunsQuery(lang, true));
  const finished = (runs.data ?? []).filter((run) => run.status === 'succeeded');
  const date = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium' });
  return (
    <FormField label={t('planner.form.area')} hint={t('planner.form.areaHint')}>
      <select className="input" {...form.register('coverageRunId')}>
        <option value="">{t('planner.form.areaDefault')}</option>
        {finished.map((run) => (
          <option key={run.id} value={run.id}>
            {t('planner.form.areaRun', {
              unit: run.rootUnit,
              period: run.period,
              date: date.format(new Date(run.createdAt)),
              kind: t(
                String(run.inputs.dem ?? '').startsWith('demo:') ? 'planner.form.areaDemo' : 'planner.form.areaFiles',
              ),
            })}
          </option>
        ))}
      </select>
    </FormField>
  );
}
