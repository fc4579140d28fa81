import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, ProgressSummary } from '../../../../src/domain/overview-contract.js';
import { agreementQuery, progressQuery } from '../../api/queries.js';
import type { Agreement } from '../../api/types.js';
import { AppHeader } from '../../components/AppHeader.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { useUrlSearch } from '../../hooks.js';
import { currentLang } from '../../i18n.js';
import { useLocation } from '../../navigation.js';
import { routeHref } from '../../routes.js';
import { unitName } from '../../units.js';
import { AgreementAreaSection } from './AgreementAreaSection.js';
import { AgreementHeader } from './AgreementHeader.js';
import { AreaIndicators } from './AreaIndicators.js';
import { CommitmentFilters } from './CommitmentFilters.js';
import { groupByArea, isFiltered, matchesFilter, readFilter } from './agreement-view.js';
import './agreement.css';
import { LoadingPanel } from '../../components/LoadingPanel.js';

/**
 * The cooperation agreement: its parties, its areas with the commitments each party made (lead, due date,
 * status) and, per area, the province's indicator progress as the overview computes it. Open to the public.
 */
export function AgreementPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const agreement = useQuery(agreementQuery(lang));
  const provinceCode = agreement.data?.provinceCode ?? null;
  const progress = useQuery({ ...progressQuery(lang, provinceCode ?? ''), enabled: provinceCode !== null });

  const title = agreement.data ? (lang === 'en' ? agreement.data.titleEn : agreement.data.titleVi) : null;
  useEffect(() => {
    document.title = title
      ? `${title} · ${t('app.documentTitle')}`
      : `${t('nav.agreement')} · ${t('app.documentTitle')}`;
  }, [t, title]);

  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      <main id="main" className="main agreement-page" tabIndex={-1} aria-busy={agreement.isLoading}>
        {agreement.error ? (
          <ProblemNotice error={agreement.error} title={t('error.title')} onRetry={() => void agreement.refetch()} />
        ) : !agreement.data ? (
          <LoadingPanel>{t('agreementPage.loading')}</LoadingPanel>
        ) : (
          <AgreementBody
            agreement={agreement.data}
            lang={lang}
            progress={progress.data}
            progressState={progress.error ? 'error' : progress.data || provinceCode === null ? 'ready' : 'loading'}
          />
        )}
      </main>
    </div>
  );
}

interface AgreementBodyProps {
  agreement: Agreement;
  lang: Lang;
  progress: ProgressSummary | undefined;
  progressState: 'loading' | 'error' | 'ready';
}

function AgreementBody({ agreement, lang, progress, progressState }: AgreementBodyProps) {
  const { t } = useTranslation();
  const [search, navigate] = useUrlSearch();
  const { search: rawSearch } = useLocation();
  const filter = readFilter(search, agreement);
  const groups = groupByArea(agreement, filter);
  const shown = agreement.commitments.filter((c) => matchesFilter(c, filter)).length;
  const hrefOf = (code: string) =>
    routeHref('indicator', rawSearch, progress ? { period: String(progress.year) } : {}, { code });

  return (
    <>
      <AgreementHeader agreement={agreement} lang={lang} />
      <section className="agreement-commitments" aria-labelledby="agreement-commitments-title">
        <h2 id="agreement-commitments-title" className="agreement-subtitle">
          {t('agreementPage.commitmentsTitle')}
        </h2>
        <p className="muted">
          {t('agreementPage.summary', { count: agreement.commitments.length, areas: agreement.areas.length })}
        </p>
        <nav className="area-nav" aria-label={t('agreementPage.areasNav')}>
          {agreement.areas.map((area) => (
            <a key={area.code} href={`#agreement-area-${area.code}`} title={lang === 'en' ? area.nameEn : area.nameVi}>
              {area.code}
            </a>
          ))}
        </nav>
        <CommitmentFilters agreement={agreement} filter={filter} lang={lang} shown={shown} onChange={navigate} />
        {progress && (
          <p className="muted agreement-progress-note">
            {t('agreementPage.indicatorsSummary', { year: progress.year, unit: unitName(progress.unit, lang) })}
          </p>
        )}
        {progressState === 'loading' && (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> {t('agreementPage.progressLoading')}
          </p>
        )}
        {progressState === 'error' && <p className="notice notice-inline">{t('agreementPage.progressError')}</p>}
        {groups.map((group) => (
          <AgreementAreaSection
            key={group.area?.code ?? 'general'}
            group={group}
            agreement={agreement}
            lang={lang}
            filtered={isFiltered(filter)}
          >
            {group.area && progressState === 'ready' && (
              <AreaIndicators
                progress={progress?.areas.find((a) => a.code === group.area?.code)}
                lang={lang}
                statusRule={progress?.statusRule[lang]}
                hrefOf={hrefOf}
              />
            )}
          </AgreementAreaSection>
        ))}
      </section>
    </>
  );
}
