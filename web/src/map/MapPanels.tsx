/** The map page's HTML panels: the legend and the selected commune (ModelPanel.tsx and HotspotList.tsx hold the others). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../src/domain/overview-contract.js';
import type { BoundaryProperties, CoverageLegendClass, CoverageRun, Technology } from '../api/types.js';
import { Link } from '../components/Link.js';
import { formatCount, formatPeriod, formatValue } from '../format.js';
import type { Resource } from '../hooks.js';
import { useLocation } from '../navigation.js';
import { routeHref } from '../routes.js';
import { legendRange, NO_DATA_COLOR, type Choropleth } from './choropleth.js';
import { runThreshold, uncoveredPeople } from './coverage.js';

export interface MapLegendProps {
  lang: Lang;
  title: string;
  provinceValue: string | null;
  choropleth: Choropleth | null;
  formatBreak: (value: number) => string;
  hasBorder: boolean;
  hasEconomicZone: boolean;
  /** The hot spots' technology when they are on the map. */
  hotspotTech: Technology | null;
  /** Coverage layers shown. */
  overlays: readonly Technology[];
  coverageLegend: CoverageLegendClass[] | undefined;
  run: CoverageRun | null;
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
                <span className="legend-range">{legendRange(c, props.formatBreak) ?? t('mapPage.legend.all')}</span>
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
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------

export interface CompareRow {
  technology: Technology;
  /** undefined: no such indicator; null: no data. */
  reported: number | null | undefined;
  computed: number | null | undefined;
}

type UnitFacts = Pick<BoundaryProperties, 'population' | 'isBorder' | 'isEconomicZone'>;

export interface CommunePanelProps {
  lang: Lang;
  code: string | null;
  name: string | null;
  unit: UnitFacts | null;
  indicatorLabel: string;
  value: number | null | undefined;
  period: string | null;
  compare: Resource<CompareRow[]>;
  run: CoverageRun | null;
  onClose: () => void;
}

export function CommunePanel(props: CommunePanelProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { lang, code, unit, compare } = props;
  const fmt = (v: number | null | undefined) => formatValue(v ?? null, 'percent', 2, lang);
  const periodText = props.period ? formatPeriod(props.period, lang) : '';
  const rows = compare.data ?? (compare.loading ? compare.previous : undefined);
  const model = code ? uncoveredPeople(props.run, code, '4G') : null;

  if (!code) {
    return (
      <section id="map-commune-panel" className="panel map-panel" aria-labelledby="map-commune-title">
        <h2 id="map-commune-title" className="panel-title">
          {t('mapPage.panel.title')}
        </h2>
        <p className="panel-hint">{t('mapPage.panel.hint')}</p>
      </section>
    );
  }
  return (
    <section
      id="map-commune-panel"
      className="panel map-panel map-commune"
      aria-labelledby="map-commune-title"
      aria-live="polite"
    >
      <div className="map-panel-head">
        <h2 id="map-commune-title" className="panel-title">
          {props.name}
        </h2>
        <button type="button" className="icon-button" aria-label={t('mapPage.panel.close')} onClick={props.onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {(unit?.isBorder || unit?.isEconomicZone) && (
        <p className="map-badges">
          {unit.isBorder && <span className="badge badge-border">{t('mapPage.panel.border')}</span>}
          {unit.isEconomicZone && <span className="badge badge-ez">{t('mapPage.panel.economicZone')}</span>}
        </p>
      )}
      <p className="map-commune-value">
        <span className="map-commune-number">{fmt(props.value)}</span>
        <span className="map-commune-what">
          {props.indicatorLabel} · {periodText}
        </span>
      </p>
      <dl className="map-facts">
        <div>
          <dt>{t('mapPage.panel.population')}</dt>
          <dd>
            {unit?.population != null ? t('mapPage.panel.people', { value: formatCount(unit.population, lang) }) : '—'}
          </dd>
        </div>
      </dl>
      <table className="compare-table">
        <caption>{t('mapPage.panel.compareCaption', { period: periodText })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mapPage.panel.technology')}</th>
            <th scope="col" className="num">
              {t('mapPage.panel.reported')}
            </th>
            <th scope="col" className="num">
              {t('mapPage.panel.computed')}
            </th>
          </tr>
        </thead>
        <tbody>
          {(rows ?? []).map((row) => (
            <tr key={row.technology}>
              <th scope="row">{row.technology}</th>
              <td className="num">{row.reported === undefined ? '' : fmt(row.reported)}</td>
              <td className="num">{row.computed === undefined ? '' : fmt(row.computed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!rows && compare.loading && (
        <p className="panel-hint" role="status">
          {t('mapPage.panel.loadingValues')}
        </p>
      )}
      {compare.error && <p className="field-error">{t('mapPage.panel.valuesFailed')}</p>}
      {model && (
        <p className="map-commune-model">
          {t('mapPage.panel.uncovered', { people: formatCount(Math.round(model.uncovered), lang), tech: '4G' })}
        </p>
      )}
      <p className="map-commune-link">
        <Link href={routeHref('overview', search, { unit: code })}>
          {t('mapPage.panel.overviewLink', { name: props.name })}
        </Link>
      </p>
    </section>
  );
}
