import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { progressQuery, unitTreeQuery } from '../../api/queries.js';
import { AppHeader } from '../../components/AppHeader.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { currentLang } from '../../i18n.js';
import { latestSucceededRun } from '../../map/coverage.js';
import { useCan, useSession } from '../../session.js';
import { unitName } from '../../units.js';
import { coverageRunsQuery } from '../map/map-queries.js';
import { coverageFigures, lineageOf, mayEnterValues, rolloutIndicators } from './commune-profile.js';
import { CommuneCoverage } from './CommuneCoverage.js';
import { CommuneHeader } from './CommuneHeader.js';
import { CommuneIndicators } from './CommuneIndicators.js';
import { CommuneRollout } from './CommuneRollout.js';
import './commune.css';
import { LoadingPanel } from '../../components/LoadingPanel.js';

/** Everything about one commune on one page, laid out for a phone first. */
export function CommunePage() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const code = (useParams().code ?? '').trim();
  const session = useSession();
  const mayReadRuns = useCan('data.read');

  const tree = useQuery(unitTreeQuery(lang));
  const progress = useQuery({ ...progressQuery(lang, code), enabled: code !== '' });
  const runs = useQuery(coverageRunsQuery(lang, mayReadRuns));

  const lineage = tree.data ? lineageOf(tree.data, code) : [];
  const unit = lineage[0];
  const parent = lineage[1];
  const province = lineage.find((u) => u.level === 'province');
  const latestRun = province ? latestSucceededRun(runs.data, province.code) : null;
  const summary = progress.data;
  const figures = coverageFigures(summary, latestRun, code);
  const rollout = rolloutIndicators(summary);
  const mayEnter = mayEnterValues(
    session.state,
    lineage.map((u) => u.code),
  );

  const name = unit ? unitName(unit, lang) : null;
  const title = name ? t('communePage.documentTitle', { name }) : t('app.documentTitle');
  useEffect(() => {
    document.title = title;
  }, [title]);

  const notFound = tree.data !== undefined && !unit;
  const error = tree.error ?? (notFound ? null : progress.error);

  return (
    <div className="app">
      <AppHeader agreement={summary?.agreement} />
      <main id="main" className="main commune-main" tabIndex={-1} aria-busy={tree.isLoading || progress.isLoading}>
        {notFound ? (
          <div className="state-panel state-notfound" role="alert">
            <h1 className="state-title">{t('communePage.notFoundTitle')}</h1>
            <p className="state-detail">{t('communePage.notFoundDetail', { code })}</p>
          </div>
        ) : error ? (
          <ProblemNotice
            error={error}
            title={t('error.title')}
            onRetry={() => void (tree.error ? tree.refetch() : progress.refetch())}
          />
        ) : !unit ? (
          <LoadingPanel>{t('communePage.loading')}</LoadingPanel>
        ) : (
          <>
            <CommuneHeader lang={lang} unit={unit} parent={parent} mayEnter={mayEnter} />
            {summary?.view === 'published' && <p className="notice notice-inline">{t('communePage.publishedOnly')}</p>}
            {!summary ? (
              <LoadingPanel>{t('communePage.loading')}</LoadingPanel>
            ) : (
              <div className="commune-sections">
                <CommuneCoverage lang={lang} year={summary.year} figures={figures} />
                <CommuneRollout lang={lang} indicators={rollout} />
                <CommuneIndicators lang={lang} unit={unit.code} year={summary.year} areas={summary.areas} />
              </div>
            )}
          </>
        )}
      </main>
    </div>
  );
}
