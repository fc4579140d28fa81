/** The map page's HTML panels: legend, selected commune, coverage model (run, layers) and hot spots. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../src/domain/overview-contract.js';
import { coverageSignalFileUrl } from '../api/client.js';
import type {
  BoundaryProperties,
  CoverageHotspot,
  CoverageLegendClass,
  CoverageRun,
  Technology,
} from '../api/types.js';
import { Link } from '../components/Link.js';
import { ProblemNotice } from '../components/ProblemNotice.js';
import { formatCount, formatPeriod, formatValue } from '../format.js';
import type { Resource } from '../hooks.js';
import { useLocation } from '../navigation.js';
import { routeHref } from '../routes.js';
import { legendRange, NO_DATA_COLOR, type Choropleth } from './choropleth.js';
import { runProgressPercent, runThreshold, uncoveredPeople } from './coverage.js';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

function formatWhen(iso: string | null, lang: Lang): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

function DemoTag() {
  const { t } = useTranslation();
  return (
    <span className="tag tag-demo" title={t('demo.tagTitle')}>
      {t('demo.tag')}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------

export interface RunView {
  /** The latest successful run. */
  latest: CoverageRun | null;
  /** The run being watched (queued or running), if any. */
  active: CoverageRun | null;
  starting: boolean;
  cancelling: boolean;
  error: { kind: 'start' | 'cancel' | 'poll'; error: Error } | null;
  /** How the last watched run ended. */
  outcome: CoverageRun | null;
  /** The month a new run would compute. */
  runPeriod: string;
}

export interface ModelPanelProps {
  lang: Lang;
  view: RunView;
  demo: boolean;
  onStart: () => void;
  onCancel: () => void;
  technologies: readonly Technology[];
  layerOn: Partial<Record<Technology, boolean>>;
  onToggleLayer: (tech: Technology, on: boolean) => void;
  layersAvailable: boolean;
  opacity: number;
  onOpacity: (value: number) => void;
  showHotspots: boolean;
  onToggleHotspots: (on: boolean) => void;
}

export function ModelPanel(props: ModelPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const { view, lang } = props;
  const { latest, active, outcome, error } = view;
  const running = active && (active.status === 'queued' || active.status === 'running') ? active : null;
  const percent = running ? runProgressPercent(running) : null;
  const errorTitle = error
    ? t(
        error.kind === 'start'
          ? 'mapPage.model.startFailed'
          : error.kind === 'cancel'
            ? 'mapPage.model.cancelFailed'
            : 'mapPage.model.pollFailed',
      )
    : '';

  return (
    <section className="panel map-panel" aria-labelledby={`${id}-title`}>
      <div className="map-panel-head">
        <h2 id={`${id}-title`} className="panel-title">
          {t('mapPage.model.title')}
        </h2>
        {props.demo && <DemoTag />}
      </div>
      <p className="panel-hint">{t('mapPage.model.intro')}</p>
      <p className="map-run-latest">
        {latest
          ? t('mapPage.model.lastRun', {
              when: formatWhen(latest.finishedAt ?? latest.createdAt, lang),
              period: formatPeriod(latest.period, lang),
            })
          : t('mapPage.model.noRun')}
      </p>

      {running ? (
        <div className="map-run-progress">
          <p className="map-run-status" role="status">
            <span className="spinner spinner-small" aria-hidden="true" />{' '}
            {t(running.status === 'queued' ? 'mapPage.model.queued' : 'mapPage.model.running')}
            {running.tilesTotal > 0 && (
              <span className="map-run-tiles">
                {t('mapPage.model.tiles', {
                  done: formatCount(running.tilesDone, lang),
                  total: formatCount(running.tilesTotal, lang),
                })}
              </span>
            )}
          </p>
          <div
            className="bar"
            role="progressbar"
            aria-label={t('mapPage.model.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            aria-valuetext={percent !== null ? `${percent} %` : undefined}
          >
            <div
              className={`bar-fill${percent === null ? ' bar-fill-indeterminate' : ''}`}
              style={{ width: `${percent ?? 100}%` }}
            />
          </div>
          <button type="button" className="button button-secondary" onClick={props.onCancel} disabled={view.cancelling}>
            {view.cancelling ? t('mapPage.model.cancelling') : t('mapPage.model.cancel')}
          </button>
        </div>
      ) : (
        <div className="map-run-start">
          <button type="button" className="button" onClick={props.onStart} disabled={view.starting}>
            {view.starting ? t('mapPage.model.starting') : t('mapPage.model.run')}
          </button>
          <p className="field-hint">{t('mapPage.model.runHint', { period: formatPeriod(view.runPeriod, lang) })}</p>
        </div>
      )}

      {error && <ProblemNotice error={error.error} title={errorTitle} />}
      {!running && outcome?.status === 'succeeded' && (
        <p className="notice notice-ok" role="status">
          {t('mapPage.model.succeeded')}
        </p>
      )}
      {!running && outcome?.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{t('mapPage.model.failed')}</p>
          {outcome.error && (
            <p className="notice-detail">
              <span lang="en">{outcome.error}</span>
            </p>
          )}
        </div>
      )}
      {!running && outcome?.status === 'cancelled' && (
        <p className="notice notice-warn" role="status">
          {t('mapPage.model.cancelled')}
        </p>
      )}

      {latest && props.technologies.length > 0 && (
        <fieldset className="map-layers">
          <legend className="map-layers-title">{t('mapPage.model.layers')}</legend>
          <p className="field-hint">{t('mapPage.model.layersHint')}</p>
          <div className="choices">
            {props.technologies.map((tech) => (
              <label key={tech} className="choice">
                <input
                  type="checkbox"
                  checked={props.layerOn[tech] ?? false}
                  disabled={!props.layersAvailable}
                  onChange={(e) => props.onToggleLayer(tech, e.target.checked)}
                />
                {t('mapPage.model.layerToggle', { tech })}
              </label>
            ))}
          </div>
          <div className="map-opacity">
            <label className="field-label" htmlFor={`${id}-opacity`}>
              {t('mapPage.model.opacity')}
            </label>
            <input
              id={`${id}-opacity`}
              type="range"
              min={0.1}
              max={1}
              step={0.05}
              value={props.opacity}
              aria-valuetext={`${Math.round(props.opacity * 100)} %`}
              onChange={(e) => props.onOpacity(Number(e.target.value))}
            />
            <output htmlFor={`${id}-opacity`}>{Math.round(props.opacity * 100)} %</output>
          </div>
          <label className="choice choice-plain">
            <input
              type="checkbox"
              checked={props.showHotspots}
              onChange={(e) => props.onToggleHotspots(e.target.checked)}
            />
            {t('mapPage.model.hotspotsToggle')}
          </label>
          <p className="map-downloads">
            {t('mapPage.model.downloads')}{' '}
            {props.technologies.map((tech, i) => (
              <span key={tech}>
                {i > 0 && ' · '}
                <a
                  href={coverageSignalFileUrl(latest.id, tech)}
                  download={`signal-${tech}.tif`}
                  aria-label={t('mapPage.model.download', { tech })}
                >
                  {tech}
                </a>
              </span>
            ))}
          </p>
        </fieldset>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------

const PAGE = 10;

export interface HotspotListProps {
  lang: Lang;
  tech: Technology;
  hasRun: boolean;
  demo: boolean;
  /** Sorted, largest first. */
  hotspots: readonly CoverageHotspot[];
  nameOf: (code: string) => string;
  onShow: (index: number) => void;
}

export function HotspotList(props: HotspotListProps) {
  const { t } = useTranslation();
  const id = useId();
  const [limit, setLimit] = useState(PAGE);
  const { hotspots, lang } = props;
  const shown = hotspots.slice(0, limit);
  const rest = hotspots.length - shown.length;
  return (
    <section className="panel map-panel" aria-labelledby={`${id}-title`}>
      <div className="map-panel-head">
        <h2 id={`${id}-title`} className="panel-title">
          {t('mapPage.hotspots.title')}
        </h2>
        {props.demo && hotspots.length > 0 && <DemoTag />}
      </div>
      {!props.hasRun ? (
        <p className="panel-hint">{t('mapPage.hotspots.none')}</p>
      ) : hotspots.length === 0 ? (
        <p className="panel-hint">{t('mapPage.hotspots.empty', { tech: props.tech })}</p>
      ) : (
        <>
          <p className="panel-hint">
            {t('mapPage.hotspots.subtitle', { tech: props.tech })}{' '}
            <span className="muted">({t('mapPage.hotspots.total', { count: hotspots.length })})</span>
          </p>
          <ol className="hotspot-list">
            {shown.map((h, i) => {
              const name = props.nameOf(h.unit);
              const people = formatCount(Math.round(h.people), lang);
              return (
                <li key={`${h.unit}:${h.lon}:${h.lat}`}>
                  <button
                    type="button"
                    className="hotspot-item"
                    onClick={() => props.onShow(i)}
                    aria-label={t('mapPage.hotspots.itemLabel', { rank: i + 1, name, people })}
                  >
                    <span className="hotspot-rank" aria-hidden="true">
                      {i + 1}
                    </span>
                    <span className="hotspot-name">{name}</span>
                    <span className="hotspot-people">{t('mapPage.hotspots.people', { value: people })}</span>
                  </button>
                </li>
              );
            })}
          </ol>
          {rest > 0 && (
            <button type="button" className="link-button" onClick={() => setLimit((n) => n + PAGE)}>
              {t('mapPage.hotspots.showMore', { count: Math.min(PAGE, rest) })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
