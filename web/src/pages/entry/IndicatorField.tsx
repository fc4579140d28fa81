import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { FormField } from '../../components/FormField.js';
import { formatDateTime } from '../../format-dates.js';
import { formatNumber, formatPeriod } from '../../format.js';
import type { StoredValue } from './entry-api.js';
import { toInputText } from './number-input.js';
import { boundsOf, type EntryIndicator } from './entry-model.js';

export interface IndicatorFieldProps {
  indicator: EntryIndicator;
  /** The period the value is stored under, when it is not the month the form is for (a quarter, a year). */
  period: string | null;
  stored: StoredValue | null;
  registration: UseFormRegisterReturn;
  error: string | undefined;
  readOnly: boolean;
  lang: Lang;
}

/** One indicator's input: its name and unit, the allowed range, and what is stored now (by whom, when). */
export function IndicatorField({
  indicator,
  period,
  stored,
  registration,
  error,
  readOnly,
  lang,
}: IndicatorFieldProps) {
  const { t } = useTranslation();
  const name = lang === 'en' ? indicator.nameEn : indicator.nameVi;
  const unit = lang === 'en' ? indicator.unitEn : indicator.unitVi;
  const number = (value: number) => formatNumber(value, indicator.decimals, lang);
  const bound = (value: number) => toInputText(value, lang);
  const { min, max } = boundsOf(indicator);
  const range =
    indicator.valueType === 'boolean'
      ? t('entry.booleanHint')
      : min !== null && max !== null
        ? t('entry.bounds', { min: bound(min), max: bound(max) })
        : min !== null
          ? t('entry.boundMin', { min: bound(min) })
          : max !== null
            ? t('entry.boundMax', { max: bound(max) })
            : null;
  const storedText =
    stored && stored.value !== null
      ? t('entry.stored', {
          value: number(stored.value),
          by: stored.updatedBy ?? '—',
          at: stored.updatedAt ? formatDateTime(stored.updatedAt, lang) : '—',
        })
      : t('entry.notStored');
  return (
    <FormField
      className="entry-field"
      label={
        <>
          <span className="entry-field-code">{indicator.code}</span> {name}{' '}
          <span className="entry-field-unit">({unit})</span>
        </>
      }
      hint={
        <>
          {range && <span>{range}</span>}
          {period && <span>{t('entry.periodOf', { period: formatPeriod(period, lang) })}</span>}
          <span>{storedText}</span>
        </>
      }
      error={error}
    >
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className="entry-input"
        readOnly={readOnly}
        {...registration}
      />
    </FormField>
  );
}
