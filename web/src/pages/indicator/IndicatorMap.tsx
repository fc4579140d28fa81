import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMapLocale } from '../../map/MapFallback.js';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { getChildBoundaries } from '../../api/client.js';
import { formatValue } from '../../format.js';
import { Link } from '../../components/Link.js';
import { routeHref } from '../../routes.js';
import { buildChoropleth, legendRange } from '../../map/choropleth.js';
import { bboxOf } from '../../map/geo.js';
import type { MapTooltip } from '../../map/CoverageMap.js';
import type { IndicatorDefinition } from './indicator-api.js';

// MapLibre comes with this chunk only, when the page shows the map.
const CoverageMap = lazy(() => import('../../map/CoverageMap.js'));

/** A small map of the indicator by commune for the period, drawn from the app's own boundaries (no tile server). */
export function IndicatorMap(props: { definition: IndicatorDefinition; unit: string; period: string; lang: Lang }) {
  const { t } = useTranslation();
  const { definition, unit, period, lang } = props;
  const [failed, setFailed] = useState(false);
  const boundaries = useQuery({
    queryKey: ['indicator', definition.code, 'map', unit, period, lang],
    queryFn: ({ signal }) => getChildBoundaries(unit, { indicator: definition.code, period }, { signal, lang }),
  });
  const format = useCallback(
    (value: number) => formatValue(value, definition.valueType, definition.decimals, lang),
    [definition.valueType, definition.decimals, lang],
  );
  const choropleth = useMemo(
    () => (boundaries.data ? buildChoropleth(boundaries.data, definition.decimals) : null),
    [boundaries.data, definition.decimals],
  );
  const tooltipFor = useCallback(
    (_kind: 'commune' | 'hotspot', code: string): MapTooltip | null => {
      const feature = choropleth?.data.features.find((f) => f.properties.code === code);
      if (!feature) return null;
      const name = lang === 'en' && feature.properties.nameEn ? feature.properties.nameEn : feature.properties.nameVi;
      const value = feature.properties.value;
      return {
        title: name,
        detail: value === null || value === undefined ? t('indicatorPage.notReported') : format(value),
      };
    },
    [choropleth, lang, format, t],
  );
  const locale = useMapLocale();
  if (failed) return null;
  return (
    <section className="indicator-panel indicator-map-panel" aria-labelledby="indicator-map-title">
      <h2 id="indicator-map-title">{t('indicatorPage.mapTitle')}</h2>
      {boundaries.isPending && <p role="status">{t('indicatorPage.mapLoading')}</p>}
      {boundaries.error && <p role="alert">{boundaries.error.message}</p>}
      {choropleth && (
        <>
          <div className="indicator-map">
            <Suspense fallback={<p role="status">{t('indicatorPage.mapLoading')}</p>}>
              <CoverageMap
                data={choropleth.data}
                bounds={bboxOf(choropleth.data)}
                fitKey={unit}
                selected={null}
                onSelect={() => undefined}
                overlays={[]}
                overlayOpacity={0}
                hotspots={null}
                focus={null}
                label={t('indicatorPage.mapTitle')}
                locale={locale}
                tooltipFor={tooltipFor}
                onFatal={() => setFailed(true)}
                onLayerError={() => undefined}
                baseMap={null}
                outline={null}
                labelOf={(p) => (lang === 'en' && p.nameEn ? p.nameEn : p.nameVi)}
                renderPopup={(code) => {
                  const tip = tooltipFor('commune', code);
                  return tip ? (
                    <div className="map-popup-body">
                      <strong>{tip.title}</strong>
                      <p>{tip.detail}</p>
                      <Link
                        href={routeHref('commune', '', {}, { code })}
                        aria-label={t('mapPage.popup.profileLabel', { name: tip.title })}
                      >
                        {t('mapPage.popup.profile')}
                      </Link>
                    </div>
                  ) : null;
                }}
              />
            </Suspense>
          </div>
          <ul className="indicator-legend" aria-label={t('indicatorPage.mapLegend')}>
            {choropleth.legend.map((item) => (
              <li key={item.color}>
                <span className="indicator-swatch" style={{ background: item.color }} aria-hidden="true" />
                {legendRange(item, format) ?? t('indicatorPage.mapAll')} ({item.count})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
