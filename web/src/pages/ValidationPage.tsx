import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementQuery, indicatorsQuery, unitTreeQuery } from '../api/queries.js';
import { AppHeader } from '../components/AppHeader.js';
import { PermissionGate } from '../components/PermissionGate.js';
import { ProblemNotice } from '../components/ProblemNotice.js';
import { UnitSelector } from '../components/UnitSelector.js';
import { useUrlSearch } from '../hooks.js';
import { currentLang } from '../i18n.js';
import { isMonth } from '../importing.js';
import { useCan } from '../session.js';
import { resolveUnitCode } from '../units.js';
import { Findings, type Lookups } from './validation/Findings.js';
import { readFilters } from './validation/finding-filters.js';
import { validationQuery, validationRulesQuery } from './validation/validation-queries.js';
import './validation/validation.css';
import { LoadingPanel } from '../components/LoadingPanel.js';

/** The month checked when the URL names none: the last month of the demo data. */
export const DEFAULT_VALIDATION_PERIOD = '2025-12';

/**
 * The validation screen: rule, bounds and outlier findings for a unit and the units below it, for one month. It
 * reads unpublished data, so the public is asked to sign in (and nothing is requested for it).
 */
export function ValidationPage() {
  const allowed = useCan('data.read');
  return allowed ? <ValidationChecks /> : <ValidationGate />;
}

function ValidationGate() {
  const { t, i18n } = useTranslation();
  const agreement = useQuery(agreementQuery(currentLang(i18n.resolvedLanguage)));
  useEffect(() => {
    document.title = t('pageTitle.validation');
  }, [t]);
  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      <main id="main" className="main page-narrow" tabIndex={-1}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('validationPage.title')}</h1>
            <p className="page-subtitle">{t('validationPage.intro')}</p>
          </div>
        </div>
        <PermissionGate route="validation" />
      </main>
    </div>
  );
}

function ValidationChecks() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const id = useId();
  const [search, setSearch] = useUrlSearch();
  const unitParam = search.get('unit')?.trim() || null;
  const periodParam = search.get('period')?.trim() ?? '';
  const period = isMonth(periodParam) ? periodParam : DEFAULT_VALIDATION_PERIOD;
  const filters = useMemo(() => readFilters(search), [search]);

  const tree = useQuery(unitTreeQuery(lang));
  const indicators = useQuery(indicatorsQuery(lang));
  const rules = useQuery(validationRulesQuery(lang));
  const agreement = useQuery(agreementQuery(lang));
  const unitCode = useMemo(() => resolveUnitCode(tree.data, unitParam), [tree.data, unitParam]);

  // The month field is edited freely; only a complete month goes to the URL (and starts a check).
  const [draft, setDraft] = useState(period);
  const [draftFor, setDraftFor] = useState(period);
  if (draftFor !== period) {
    setDraftFor(period);
    setDraft(period);
  }

  // The previous month's findings stay on screen (marked as updating) while the next month's are checked.
  const result = useQuery({
    ...validationQuery(unitCode ?? '', period, lang),
    enabled: unitCode !== null,
    placeholderData: keepPreviousData,
  });
  const shown = result.data;
  const retryResult = useCallback(() => void result.refetch(), [result]);
  const retryTree = useCallback(() => void tree.refetch(), [tree]);

  const selectUnit = useCallback((code: string) => setSearch({ unit: code }), [setSearch]);

  useEffect(() => {
    document.title = t('pageTitle.validation');
  }, [t]);

  const lookups: Lookups = useMemo(
    () => ({
      tree: tree.data,
      indicators: new Map((indicators.data ?? []).map((i) => [i.code, i])),
      rules: new Map((rules.data ?? []).map((r) => [r.code, r])),
      lang,
    }),
    [tree.data, indicators.data, rules.data, lang],
  );

  // Names come from the tree, the catalogue and the rules: wait for them (or their failure: codes are shown
  // instead) so that the list does not jump from codes to names.
  const lookupsSettled =
    (tree.data || tree.error) && (indicators.data || indicators.error) && (rules.data || rules.error) ? true : false;

  const blockingError = !unitCode && tree.error ? tree.error : result.error;
  const retry = !unitCode && tree.error ? retryTree : retryResult;

  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      <main id="main" className="main page-narrow" tabIndex={-1} aria-busy={result.isFetching}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('validationPage.title')}</h1>
            <p className="page-subtitle">{t('validationPage.intro')}</p>
          </div>
        </div>

        <div className="panel">
          <div className="form form-query">
            <div className="form-row-unit">
              <UnitSelector
                tree={tree.data}
                value={unitCode}
                onChange={selectUnit}
                lang={lang}
                onRetry={tree.error ? retryTree : undefined}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-period`}>
                {t('validationPage.period')}
              </label>
              <input
                id={`${id}-period`}
                className="input"
                type="month"
                value={draft}
                min="2000-01"
                max="2100-12"
                required
                placeholder="YYYY-MM"
                aria-invalid={!isMonth(draft)}
                aria-describedby={!isMonth(draft) ? `${id}-period-error` : undefined}
                onChange={(e) => {
                  setDraft(e.target.value);
                  if (isMonth(e.target.value)) setSearch({ period: e.target.value });
                }}
              />
              {!isMonth(draft) && (
                <p id={`${id}-period-error`} className="field-error">
                  {t('importPage.periodInvalid')}
                </p>
              )}
            </div>
          </div>
        </div>

        {blockingError ? (
          <ProblemNotice error={blockingError} title={t('error.title')} onRetry={retry} />
        ) : shown && lookupsSettled ? (
          <Findings
            result={shown}
            lookups={lookups}
            updating={result.isFetching}
            filters={filters}
            onFiltersChange={setSearch}
            onChanged={retryResult}
          />
        ) : (
          <LoadingPanel>{t('validationPage.loading')}</LoadingPanel>
        )}
      </main>
    </div>
  );
}
