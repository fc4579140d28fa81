import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaProgress, Lang, ProgressSummary, UnitTreeNode } from '../../../src/domain/overview-contract.js';
import { progressQuery, unitTreeQuery } from '../api/queries.js';
import { IndicatorCard } from '../components/IndicatorCard.js';
import { LoadErrorPanel } from '../components/LoadErrorPanel.js';
import { AppHeader } from '../components/AppHeader.js';
import { UnitSelector } from '../components/UnitSelector.js';
import { useUrlSearch } from '../hooks.js';
import { currentLang } from '../i18n.js';
import { useLocation } from '../navigation.js';
import { routeHref } from '../routes.js';
import { findUnit, resolveUnitCode, unitName } from '../units.js';
import { YearPicker } from './overview/YearPicker.js';
import './overview/overview.css';
import { LoadingPanel } from '../components/LoadingPanel.js';

function parseYear(raw: string | null): number | undefined {
  if (!raw || !/^\d{4}$/.test(raw)) return undefined;
  const year = Number(raw);
  return year >= 2000 && year <= 2100 ? year : undefined;
}

/** The overview: one unit's progress on every indicator of the agreement, area by area. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const [search, navigate] = useUrlSearch();
  const unitParam = search.get('unit')?.trim() || null;
  const year = parseYear(search.get('year'));

  const treeQuery = useQuery(unitTreeQuery(lang));
  const tree = { data: treeQuery.data, error: treeQuery.error ?? undefined, retry: () => void treeQuery.refetch() };
  // A ?unit= the tree doesn't know falls back to the default unit; before the tree arrives, trust the URL.
  const unitCode = useMemo(() => resolveUnitCode(tree.data, unitParam), [tree.data, unitParam]);

  // While another unit or year loads, keep the last summary on screen (dimmed) rather than flashing a spinner.
  const progressResult = useQuery({
    ...progressQuery(lang, unitCode ?? '', year),
    enabled: unitCode !== null,
    placeholderData: keepPreviousData,
  });
  const progress = {
    loading: progressResult.isFetching,
    error: progressResult.isPlaceholderData ? undefined : (progressResult.error ?? undefined),
    retry: () => void progressResult.refetch(),
  };
  const summary = progressResult.data;
  const selectYear = useCallback(
    (value: number | null) => navigate({ year: value === null ? null : String(value) }),
    [navigate],
  );

  const selectUnit = useCallback((code: string) => navigate({ unit: code }), [navigate]);

  const unitLabel = summary ? unitName(summary.unit, lang) : null;
  useEffect(() => {
    document.title = unitLabel ? `${unitLabel} · ${t('app.documentTitle')}` : t('app.documentTitle');
  }, [t, unitLabel]);

  // The tree failed and we don't know which unit to show: that error is the page's error.
  const blockingError = !unitCode && tree.error ? tree.error : progress.error;
  const retry = !unitCode && tree.error ? tree.retry : progress.retry;
  const agreement = summary?.agreement;

  return (
    <div className="app">
      <AppHeader
        agreement={agreement}
        unitSlot={
          <UnitSelector
            tree={tree.data}
            value={unitCode}
            onChange={selectUnit}
            lang={lang}
            onRetry={tree.error ? tree.retry : undefined}
          />
        }
      />

      {summary?.isDemo && (
        <div className="demo-banner" role="note">
          <span className="demo-banner-icon" aria-hidden="true">
            ⚠
          </span>
          {t('demo.banner')}
        </div>
      )}

      <main id="main" className="main" tabIndex={-1} aria-busy={progress.loading}>
        {blockingError ? (
          <LoadErrorPanel error={blockingError} onRetry={retry} />
        ) : summary ? (
          <Summary summary={summary} tree={tree.data} lang={lang} updating={progress.loading} onYear={selectYear} />
        ) : (
          <LoadingPanel>{t('overview.loading')}</LoadingPanel>
        )}
      </main>
    </div>
  );
}

interface SummaryProps {
  summary: ProgressSummary;
  tree: UnitTreeNode | undefined;
  lang: Lang;
  updating: boolean;
  onYear: (year: number | null) => void;
}

function Summary({ summary, tree, lang, updating, onYear }: SummaryProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const parent = tree && summary.unit.parentCode ? findUnit(tree, summary.unit.parentCode) : undefined;
  const showParent = parent && parent.level !== 'nation';
  return (
    <div className={updating ? 'summary is-updating' : 'summary'}>
      <div className="page-head">
        <div>
          {showParent && <p className="page-parent">{unitName(parent, lang)}</p>}
          <h1 className="page-title">{unitName(summary.unit, lang)}</h1>
          <p className="page-subtitle">
            {t('overview.heading')} · {t('overview.yearOf', { year: summary.year })}
          </p>
        </div>
        <YearPicker summary={summary} lang={lang} onChange={onYear} />
        {updating && (
          <span className="updating" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('overview.updating')}
          </span>
        )}
      </div>

      {summary.areas.length === 0 ? (
        <p className="muted">{t('overview.noAreas')}</p>
      ) : (
        <>
          <nav className="area-nav" aria-label={t('overview.areasNav')}>
            {summary.areas.map((area) => (
              <a key={area.code} href={`#area-${area.code}`} title={lang === 'en' ? area.nameEn : area.nameVi}>
                {area.code}
              </a>
            ))}
          </nav>
          {summary.areas.map((area) => (
            <AreaSection
              key={area.code}
              area={area}
              lang={lang}
              statusRule={summary.statusRule?.[lang]}
              hrefOf={(code) => routeHref('indicator', search, { period: String(summary.year) }, { code })}
            />
          ))}
        </>
      )}
    </div>
  );
}

export interface AreaSectionProps {
  area: AreaProgress;
  lang: Lang;
  statusRule?: string;
  /** The page of an indicator, for its card's link. */
  hrefOf?: (code: string) => string;
}

export function AreaSection({ area, lang, statusRule, hrefOf }: AreaSectionProps) {
  const { t } = useTranslation();
  const titleId = `area-${area.code}-title`;
  return (
    <section id={`area-${area.code}`} className="area" aria-labelledby={titleId}>
      <div className="area-head">
        <h2 id={titleId} className="area-title">
          <span className="area-code">{area.code}</span> · {lang === 'en' ? area.nameEn : area.nameVi}
        </h2>
        {area.indicators.length > 0 && (
          <span className="area-count">{t('overview.indicatorCount', { count: area.indicators.length })}</span>
        )}
      </div>
      {area.indicators.length === 0 ? (
        <p className="area-empty">{t('overview.noIndicators')}</p>
      ) : (
        <div className="card-grid">
          {area.indicators.map((indicator) => (
            <IndicatorCard
              key={indicator.code}
              indicator={indicator}
              lang={lang}
              statusRule={statusRule}
              href={hrefOf?.(indicator.code)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
