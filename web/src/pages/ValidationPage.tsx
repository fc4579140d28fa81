import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../src/domain/overview-contract.js';
import { getIndicators, getUnitTree, getValidation, getValidationRules } from '../api/client.js';
import type { IndicatorInfo, ValidationResult, ValidationRule, Violation, ViolationKind } from '../api/types.js';
import { AppHeader } from '../components/AppHeader.js';
import { PermissionGate } from '../components/PermissionGate.js';
import { ProblemNotice } from '../components/ProblemNotice.js';
import { UnitSelector } from '../components/UnitSelector.js';
import { formatCount, formatExact, formatNumber, formatPeriod } from '../format.js';
import { loadAgreement, useResource, useUrlSearch, type Loader } from '../hooks.js';
import { currentLang } from '../i18n.js';
import { isMonth } from '../importing.js';
import { useCan } from '../session.js';
import { findUnit, resolveUnitCode, unitName } from '../units.js';
import { countByKind, groupViolations, KIND_ORDER, outlierStats } from '../validation.js';

/** The month checked when the URL names none: the last month of the demo data. */
export const DEFAULT_VALIDATION_PERIOD = '2025-12';

const loadTree: Loader<UnitTreeNode> = (signal) => getUnitTree({ signal, lang: currentLang() });
const loadIndicators: Loader<IndicatorInfo[]> = (signal) => getIndicators({ signal, lang: currentLang() });
const loadRules: Loader<ValidationRule[]> = (signal) => getValidationRules({ signal, lang: currentLang() });

interface Lookups {
  tree: UnitTreeNode | undefined;
  indicators: Map<string, IndicatorInfo>;
  rules: Map<string, ValidationRule>;
  lang: Lang;
}

/**
 * The validation screen: rule, bounds and outlier findings for a unit and the units below it, for one month. It
 * reads unpublished data, so the public is asked to sign in (and nothing is requested for it).
 */
export function ValidationPage() {
  const allowed = useCan('data.read');
  return allowed ? <ValidationChecks /> : <ValidationGate />;
}

function ValidationGate() {
  const { t } = useTranslation();
  const agreement = useResource(loadAgreement);
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

  const tree = useResource(loadTree);
  const indicators = useResource(loadIndicators);
  const rules = useResource(loadRules);
  const agreement = useResource(loadAgreement);
  const unitCode = useMemo(() => resolveUnitCode(tree.data, unitParam), [tree.data, unitParam]);

  // The month field is edited freely; only a complete month goes to the URL (and starts a check).
  const [draft, setDraft] = useState(period);
  const [draftFor, setDraftFor] = useState(period);
  if (draftFor !== period) {
    setDraftFor(period);
    setDraft(period);
  }

  const loadResult = useMemo<Loader<ValidationResult> | null>(
    () => (unitCode ? (signal) => getValidation(unitCode, period, { signal, lang: currentLang() }) : null),
    [unitCode, period],
  );
  const result = useResource(loadResult);
  const shown = result.data ?? (result.loading ? result.previous : undefined);

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
  const retry = !unitCode && tree.error ? tree.retry : result.retry;

  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      <main id="main" className="main page-narrow" tabIndex={-1} aria-busy={result.loading}>
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
                onRetry={tree.error ? tree.retry : undefined}
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
          <Findings result={shown} lookups={lookups} updating={result.loading} />
        ) : (
          <div className="state-panel" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('validationPage.loading')}
          </div>
        )}
      </main>
    </div>
  );
}

function unitLabel(code: string, lookups: Lookups, t: TFunction) {
  const unit = lookups.tree ? findUnit(lookups.tree, code) : undefined;
  return unit ? unitName(unit, lookups.lang) : t('validationPage.unknownUnit', { code });
}

function Findings({ result, lookups, updating }: { result: ValidationResult; lookups: Lookups; updating: boolean }) {
  const { t } = useTranslation();
  const { lang } = lookups;
  const groups = groupViolations(result.violations);
  const counts = countByKind(result.violations);
  const unit = unitLabel(result.unit, lookups, t);
  const period = formatPeriod(result.period, lang);
  const total = result.violations.length;

  return (
    <div className={updating ? 'findings is-updating' : 'findings'}>
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
          <ul className="kind-summary">
            {KIND_ORDER.map((kind) => (
              <li key={kind} className={counts[kind] ? undefined : 'muted'}>
                {counts[kind] ? (
                  <a href={`#kind-${kind}`}>
                    {t(`validationPage.kind.${kind}`)}: <strong>{formatCount(counts[kind], lang)}</strong>
                  </a>
                ) : (
                  <>
                    {t(`validationPage.kind.${kind}`)}: {formatCount(0, lang)}
                  </>
                )}
              </li>
            ))}
          </ul>
          {groups.map((g) => (
            <KindSection key={g.kind} kind={g.kind} items={g.items} lookups={lookups} />
          ))}
        </>
      )}
    </div>
  );
}

function KindSection({ kind, items, lookups }: { kind: ViolationKind; items: Violation[]; lookups: Lookups }) {
  const { t } = useTranslation();
  const titleId = `kind-${kind}-title`;
  const anyInfinite = kind === 'outlier' && items.some((v) => outlierStats(v.message)?.z === Infinity);
  return (
    <section id={`kind-${kind}`} className="kind-section" aria-labelledby={titleId}>
      <div className="area-head">
        <h3 id={titleId} className="area-title">
          {t(`validationPage.kind.${kind}`)}
        </h3>
        <span className="area-count">{t('validationPage.count', { count: items.length })}</span>
      </div>
      <p className="kind-help">
        {t(`validationPage.kindHelp.${kind}`)}
        {anyInfinite && <> {t('validationPage.zInfinite')}</>}
      </p>
      <ul className="violations">
        {items.map((v, i) => (
          <ViolationItem
            key={`${v.ruleCode}:${v.indicator ?? ''}:${v.unit}:${v.period}:${i}`}
            v={v}
            lookups={lookups}
          />
        ))}
      </ul>
    </section>
  );
}

function ViolationItem({ v, lookups }: { v: Violation; lookups: Lookups }) {
  const { t } = useTranslation();
  const { lang } = lookups;
  const indicator = v.indicator ? lookups.indicators.get(v.indicator) : undefined;
  const rule = v.kind === 'rule' ? lookups.rules.get(v.ruleCode) : undefined;
  const subject = rule
    ? lang === 'en'
      ? rule.nameEn
      : rule.nameVi
    : indicator
      ? lang === 'en'
        ? indicator.nameEn
        : indicator.nameVi
      : (v.indicator ?? v.ruleCode);
  const code = rule ? rule.code : v.indicator;
  const value = formatExact(v.value, indicator?.valueType, indicator?.decimals ?? 0, lang);
  const stats = v.kind === 'outlier' ? outlierStats(v.message) : null;
  // A median is a summary, not a stored value: two decimals are enough.
  const fmtStat = (n: number) => formatExact(n, indicator?.valueType, 0, lang, Math.max(2, indicator?.decimals ?? 0));

  return (
    <li className="violation">
      <div className="violation-head">
        <span className={`tag importance importance-${v.importance}`}>
          <span className="visually-hidden">{t('importance.label')}: </span>
          {t(`importance.${v.importance}`)}
        </span>
        <p className="violation-subject">
          {subject}
          {code && code !== subject && <code className="violation-code">{code}</code>}
        </p>
      </div>
      <p className="violation-meta">
        <span className="violation-unit">{unitLabel(v.unit, lookups, t)}</span>
        <span aria-hidden="true"> · </span>
        <span>{formatPeriod(v.period, lang)}</span>
        <span aria-hidden="true"> · </span>
        <span className="violation-value-label">
          {t('validationPage.value')}: <strong className="violation-value">{value}</strong>
        </span>
      </p>
      {stats && (
        <p className="violation-stats">
          {t('validationPage.median', { value: fmtStat(stats.median) })}
          <span aria-hidden="true"> · </span>
          {t('validationPage.z', {
            value: Number.isFinite(stats.z) ? formatNumber(stats.z, 1, lang) : stats.z > 0 ? '∞' : '−∞',
          })}
        </p>
      )}
      <p className="violation-message" lang="en">
        {v.message}
      </p>
    </li>
  );
}
