import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, ProgressSummary } from '../../../../src/domain/overview-contract.js';
import { formatCount, formatPercent } from '../../format.js';

export interface YearPickerProps {
  summary: Pick<ProgressSummary, 'year' | 'years' | 'yearChoice' | 'minReportingShare' | 'defaultYear'>;
  lang: Lang;
  onChange: (year: number | null) => void;
}

/**
 * The overview's year: every year with values, each with how many units reported in it, and the rule that
 * chose the default one. Choosing the default year again clears ?year= so a shared link keeps following the rule.
 */
export function YearPicker({ summary, lang, onChange }: YearPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const years = [...(summary.years ?? [])].sort((a, b) => b.year - a.year);
  if (years.length === 0) return null;
  const share = formatPercent((summary.minReportingShare ?? 0.8) * 100, 0, lang);
  const defaultYear = summary.defaultYear ?? null;
  return (
    <div className="year-picker">
      <label htmlFor={`${id}-year`} className="year-picker-label">
        {t('overview.yearLabel')}
      </label>
      <select
        id={`${id}-year`}
        className="year-picker-select"
        value={String(summary.year)}
        aria-describedby={`${id}-rule`}
        onChange={(event) => {
          const year = Number(event.target.value);
          onChange(year === defaultYear ? null : year);
        }}
      >
        {years.map((y) => (
          <option key={y.year} value={String(y.year)}>
            {t('overview.yearOption', {
              year: y.year,
              reporting: formatCount(y.reporting, lang),
              expected: formatCount(y.expected, lang),
              share: formatPercent(y.share * 100, 0, lang),
            })}
          </option>
        ))}
        {!years.some((y) => y.year === summary.year) && <option value={String(summary.year)}>{summary.year}</option>}
      </select>
      <p id={`${id}-rule`} className="year-picker-rule">
        {summary.yearChoice === 'latest_with_data'
          ? t('overview.yearFallback', { share })
          : t('overview.yearComplete', { share })}
      </p>
    </div>
  );
}
