import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Violation } from '../../api/types.js';
import { distinct, EXPLANATION_STATUSES, FILTER_PARAMS, SEVERITIES, type FindingFilters } from './finding-filters.js';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FindingFilterBarProps {
  violations: readonly Violation[];
  filters: FindingFilters;
  /** Sets URL parameters; null removes one. */
  onChange: (changes: Record<string, string | null>) => void;
  ruleLabel: (code: string) => string;
  indicatorLabel: (code: string) => string;
  unitLabel: (code: string) => string;
}

/** The filters above the findings: rule, indicator, severity, commune and whether explained; all in the URL. */
export function FindingFilterBar({
  violations,
  filters,
  onChange,
  ruleLabel,
  indicatorLabel,
  unitLabel,
}: FindingFilterBarProps) {
  const { t } = useTranslation();
  const options = (values: string[], label: (v: string) => string): FilterOption[] =>
    values.map((value) => ({ value, label: label(value) })).sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const anySet = Object.values(filters).some((v) => v !== null);
  return (
    <fieldset className="checks-filters">
      <legend className="visually-hidden">{t('checks.filters')}</legend>
      <FilterSelect
        label={t('checks.rule')}
        value={filters.rule}
        options={options(
          distinct(violations, (v) => v.ruleCode),
          ruleLabel,
        )}
        onChange={(value) => onChange({ [FILTER_PARAMS.rule]: value })}
      />
      <FilterSelect
        label={t('checks.indicator')}
        value={filters.indicator}
        options={options(
          distinct(violations, (v) => v.indicator),
          indicatorLabel,
        )}
        onChange={(value) => onChange({ [FILTER_PARAMS.indicator]: value })}
      />
      <FilterSelect
        label={t('checks.severity')}
        value={filters.severity}
        options={SEVERITIES.map((s) => ({ value: s, label: t(`importance.${s}`) }))}
        onChange={(value) => onChange({ [FILTER_PARAMS.severity]: value })}
      />
      <FilterSelect
        label={t('checks.commune')}
        value={filters.commune}
        options={options(
          distinct(violations, (v) => v.unit),
          unitLabel,
        )}
        onChange={(value) => onChange({ [FILTER_PARAMS.commune]: value })}
      />
      <FilterSelect
        label={t('checks.status')}
        value={filters.status}
        options={EXPLANATION_STATUSES.map((s) => ({
          value: s,
          label: t(s === 'open' ? 'checks.statusOpen' : 'checks.statusExplained'),
        }))}
        onChange={(value) => onChange({ [FILTER_PARAMS.status]: value })}
      />
      {anySet && (
        <button
          type="button"
          className="button button-secondary checks-clear"
          onClick={() => onChange(Object.fromEntries(Object.values(FILTER_PARAMS).map((key) => [key, null])))}
        >
          {t('checks.clearFilters')}
        </button>
      )}
    </fieldset>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | null;
  options: FilterOption[];
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // A filter from the URL that no finding has any more stays selectable, so the user sees why the list is empty.
  const shown =
    value !== null && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
  return (
    <div className="field checks-filter">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('checks.all')}</option>
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
