import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationResult, Violation } from '../../api/types.js';
import { FormProblem } from '../../components/FormProblem.js';
import { formatCount, formatPeriod } from '../../format.js';
import { useCan } from '../../session.js';
import { ExplainDialog } from './ExplainDialog.js';
import { deleteExplanation } from './explain-api.js';
import { FindingFilterBar } from './FindingFilterBar.js';
import { FindingsTable } from './FindingsTable.js';
import { countBySeverity, matchesFilters, SEVERITIES, type FindingFilters } from './finding-filters.js';
import { indicatorLabel, ruleLabel, subjectOf, unitLabel, type Lookups } from './finding-labels.js';

export type { Lookups } from './finding-labels.js';

export interface FindingsProps {
  result: ValidationResult;
  lookups: Lookups;
  updating: boolean;
  filters: FindingFilters;
  onFiltersChange: (changes: Record<string, string | null>) => void;
  /** Reloads the check after an explanation was saved or removed. */
  onChanged: () => void;
}

/** The findings of one check: counts per severity, the filters, the table and the explanation dialog. */
export function Findings({ result, lookups, updating, filters, onFiltersChange, onChanged }: FindingsProps) {
  const { t } = useTranslation();
  const { lang } = lookups;
  const canExplain = useCan('value.write');
  const [explaining, setExplaining] = useState<Violation | null>(null);
  const unmark = useMutation({ mutationFn: (v: Violation) => deleteExplanation(v, lang), onSuccess: onChanged });
  const unit = unitLabel(result.unit, lookups, t);
  const period = formatPeriod(result.period, lang);
  const total = result.violations.length;
  const counts = countBySeverity(result.violations);
  const shown = result.violations.filter((v) => matchesFilters(v, filters)).length;
  const onExplain = useCallback((v: Violation) => setExplaining(v), []);
  const { mutate: removeExplanation } = unmark;
  const onUnmark = useCallback((v: Violation) => removeExplanation(v), [removeExplanation]);

  return (
    <div className={updating ? 'findings findings-wide is-updating' : 'findings findings-wide'}>
      <div className="findings-head">
        <h2 className="findings-title">{t('validationPage.heading', { unit, period })}</h2>
        {updating ? (
          <span className="updating" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('validationPage.loading')}
          </span>
        ) : (
          total > 0 && <p className="findings-total">{t('validationPage.total', { count: total })}</p>
        )}
      </div>

      {total === 0 ? (
        <div className="empty-state" role="status">
          <span className="empty-icon" aria-hidden="true">
            ✓
          </span>
          <p className="empty-title">{t('validationPage.empty')}</p>
          <p className="muted">{t('validationPage.emptyDetail', { unit, period })}</p>
        </div>
      ) : (
        <>
          <ul className="kind-summary" aria-label={t('checks.severityCounts')}>
            {SEVERITIES.map((severity) => (
              <li key={severity}>
                <button
                  type="button"
                  className="checks-count"
                  aria-pressed={filters.severity === severity}
                  onClick={() => onFiltersChange({ severity: filters.severity === severity ? null : severity })}
                >
                  <span className={`tag importance importance-${severity}`}>{t(`importance.${severity}`)}</span>{' '}
                  <strong>{formatCount(counts[severity], lang)}</strong>
                </button>
              </li>
            ))}
          </ul>
          <FindingFilterBar
            violations={result.violations}
            filters={filters}
            onChange={onFiltersChange}
            ruleLabel={(code) => ruleLabel(code, lookups, t)}
            indicatorLabel={(code) => indicatorLabel(code, lookups)}
            unitLabel={(code) => unitLabel(code, lookups, t)}
          />
          <p className="muted" role="status">
            {t('checks.shown', { count: shown, total })}
          </p>
          {result.violations.some((v) => v.kind === 'outlier') && (
            <p className="kind-help">{t('checks.outlierRule')}</p>
          )}
          {unmark.error && <FormProblem error={unmark.error} />}
          <FindingsTable
            violations={result.violations}
            filters={filters}
            lookups={lookups}
            canExplain={canExplain}
            onExplain={onExplain}
            onUnmark={onUnmark}
          />
        </>
      )}
      {explaining && (
        <ExplainDialog
          finding={explaining}
          title={t('checks.dialogSubject', {
            subject: subjectOf(explaining, lookups, t),
            unit: unitLabel(explaining.unit, lookups, t),
            period: formatPeriod(explaining.period, lang),
          })}
          lang={lang}
          onClose={() => setExplaining(null)}
          onSaved={() => {
            setExplaining(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
