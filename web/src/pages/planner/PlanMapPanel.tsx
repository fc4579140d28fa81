import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MapFailed, MapLoading, useMapLocale } from '../../map/MapFallback.js';
import { mapConfigQuery, unitBoundaryQuery } from '../map/map-queries.js';
import { phaseColour, SITE_COLOUR } from './plan-view.js';
import { planCoverageUrl, type FinishedPlan } from './planner-api.js';

const PlanSitesMap = lazy(() => import('./PlanSitesMap.js'));

/** The map of a finished plan's sites with its legend; MapLibre loads only when a result is shown. */
export function PlanMapPanel({ plan }: { plan: FinishedPlan }) {
  const { t } = useTranslation();
  const [fatal, setFatal] = useState<string | null>(null);
  const mapConfig = useQuery(mapConfigQuery());
  const outline = useQuery(unitBoundaryQuery(plan.rootUnit));
  const locale = useMapLocale();
  const years = plan.result.phases.map((p) => p.year).filter((y): y is number => y !== null);
  return (
    <section className="planner-section planner-map">
      <h3 className="section-title">{t('planner.map.title')}</h3>
      <div className="map-frame">
        {fatal ? (
          <MapFailed reason={fatal} />
        ) : mapConfig.isPending ? (
          <MapLoading />
        ) : (
          <Suspense fallback={<MapLoading />}>
            <PlanSitesMap
              baseMap={mapConfig.data?.baseMap ?? null}
              outline={outline.data ?? null}
              result={plan.result}
              coverageUrl={planCoverageUrl(plan.id)}
              label={t('planner.map.label', { count: plan.result.sites.length })}
              locale={locale}
              onFatal={setFatal}
            />
          </Suspense>
        )}
      </div>
      <ul className="planner-map-legend">
        {years.length > 1 ? (
          years.map((year) => (
            <li key={year}>
              <span className="planner-swatch" style={{ background: phaseColour(plan.result, year) }} /> {year}
            </li>
          ))
        ) : (
          <li>
            <span className="planner-swatch" style={{ background: SITE_COLOUR }} /> {t('planner.map.legendUnphased')}
          </li>
        )}
        <li>
          <span className="planner-swatch planner-swatch-cells" /> {t('planner.map.legendNewCells')}
        </li>
      </ul>
    </section>
  );
}
