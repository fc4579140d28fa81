/** The map's legend: the indicator's classes, the outlines and symbols, and the coverage layers' signal classes. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { CoverageLegendClass, CoverageRun, Technology } from '../../api/types.js';
import { formatCount } from '../../format.js';
import { legendRange, NO_DATA_COLOR, type Choropleth } from '../../map/choropleth.js';
import { runThreshold } from '../../map/coverage.js';

export interface MapLegendProps {
  lang: Lang;
  title: string;
  provinceValue: string | null;
  choropleth: Choropleth | null;
  formatBreak: (value: number) => string;
  /** A yes/no indicator's classes are named, not ranged: "Không" below the break, "Có" from it. */
  yesNo: boolean;
  hasBorder: boolean;
  hasEconomicZone: boolean;
  /** The hot spots' technology when they are on the map. */
  hotspotTech: Technology | null;
  /** Coverage layers shown. */
  overlays: readonly Technology[];
  coverageLegend: CoverageLegendClass[] | undefined;
  run: CoverageRun | null;
  /** No base map: say that the outlines are the app's own. */
  ownGeometryOnly: boolean;
}

export function MapLegend(props: MapLegendProps) {
  const { t } = useTranslation();
  const id = useId();
  const { choropleth, lang } = props;
  return (
    <section className="map-legend" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="map-legend-heading">
        {t('mapPage.legend.title')}
      </h2>
      <p className="map-legend-title">
        <strong>{props.title}</strong>
        {props.provinceValue && (
          <span className="map-legend-province">{t('mapPage.legend.province', { value: props.provinceValue })}</span>
        )}
      </p>
      <div className="map-legend-cols">
        {choropleth && (
          <ul className="legend-list" aria-label={t('mapPage.legend.classesLabel')}>
            {choropleth.legend.map((c) => (
              <li key={c.color}>
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                <span className="legend-range">
                  {(props.yesNo && choropleth.legend.length > 1
                    ? props.formatBreak(c.from ?? 0)
                    : legendRange(c, props.formatBreak)) ?? t('mapPage.legend.all')}
                </span>
                <span className="legend-count">{t('mapPage.legend.communes', { count: c.count })}</span>
              </li>
            ))}
            {choropleth.noData > 0 && (
              <li>
                <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
                <span className="legend-range">{t('mapPage.legend.noData')}</span>
                <span className="legend-count">{t('mapPage.legend.communes', { count: choropleth.noData })}</span>
              </li>
            )}
          </ul>
        )}
        <ul className="legend-list" aria-label={t('mapPage.legend.outlines')}>
          {props.hasBorder && (
            <li>
              <span className="swatch swatch-line swatch-border" aria-hidden="true" />
              {t('mapPage.legend.border')}
            </li>
          )}
          {props.hasEconomicZone && (
            <li>
              <span className="swatch swatch-hatch" aria-hidden="true" />
              {t('mapPage.legend.economicZone')}
            </li>
          )}
          <li>
            <span className="swatch swatch-line swatch-selected" aria-hidden="true" />
            {t('mapPage.legend.selected')}
          </li>
          {props.hotspotTech && (
            <li>
              <span className="swatch swatch-dot" aria-hidden="true" />
              {t('mapPage.legend.hotspot', { tech: props.hotspotTech })}
            </li>
          )}
        </ul>
      </div>
      {props.overlays.length > 0 && props.coverageLegend && (
        <div className="legend-coverage">
          <p className="map-legend-title">
            <strong>{t('mapPage.legend.coverageTitle', { techs: props.overlays.join(', ') })}</strong>
          </p>
          <ul className="legend-list">
            {props.coverageLegend.map((c) => (
              <li key={c.key}>
                <span
                  className="swatch"
                  style={{ background: `rgba(${c.rgba[0]}, ${c.rgba[1]}, ${c.rgba[2]}, ${c.rgba[3] / 255})` }}
                  aria-hidden="true"
                />
                {lang === 'en' ? c.labelEn : c.labelVi}
              </li>
            ))}
            <li>
              <span className="swatch swatch-empty" aria-hidden="true" />
              {t('mapPage.legend.coverageNone')}
            </li>
          </ul>
          <p className="legend-note">
            {props.overlays
              .map((tech) => ({ tech, value: runThreshold(props.run, tech) }))
              .filter((x) => x.value !== null)
              .map((x) => t('mapPage.legend.threshold', { tech: x.tech, value: formatCount(x.value!, lang) }))
              .join(' · ')}
          </p>
        </div>
      )}
      {props.ownGeometryOnly && <p className="legend-note">{t('mapPage.noBaseMap')}</p>}
    </section>
  );
}
