/**
 * The selected commune beside the map: its value of the chosen indicator, population, reported and computed
 * coverage, and the people the model finds uncovered by the chosen indicator's technology (never a fixed one).
 */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { BoundaryProperties, CoverageRun, Technology } from '../../api/types.js';
import { Link } from '../../components/Link.js';
import { formatCount, formatValue } from '../../format.js';
import { uncoveredPeople } from '../../map/coverage.js';
import { useLocation } from '../../navigation.js';
import { routeHref } from '../../routes.js';
import type { CompareRow } from './use-commune-compare.js';

type UnitFacts = Pick<BoundaryProperties, 'population' | 'isBorder' | 'isEconomicZone'>;

export interface CommunePanelProps {
  lang: Lang;
  code: string | null;
  name: string | null;
  unit: UnitFacts | null;
  /** "Population covered by 5G · 2025": what the value is. */
  what: string;
  /** The commune's value, formatted for its indicator. */
  valueText: string;
  periodText: string;
  /** The chosen indicator's technology; null for an indicator about no network. */
  technology: Technology | null;
  compare: { rows: CompareRow[] | undefined; loading: boolean; failed: boolean };
  run: CoverageRun | null;
  onClose: () => void;
}

export function CommunePanel(props: CommunePanelProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const { lang, code, unit, compare, technology } = props;
  const percent = (v: number | null | undefined) => formatValue(v ?? null, 'percent', 2, lang);
  const model = code && technology ? uncoveredPeople(props.run, code, technology) : null;

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
        <span className="map-commune-number">{props.valueText}</span>
        <span className="map-commune-what">{props.what}</span>
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
        <caption>{t('mapPage.panel.compareCaption', { period: props.periodText })}</caption>
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
          {(compare.rows ?? []).map((row) => (
            <tr key={row.technology} className={row.technology === technology ? 'is-chosen' : undefined}>
              <th scope="row">{row.technology}</th>
              <td className="num">{row.reported === undefined ? '' : percent(row.reported)}</td>
              <td className="num">{row.computed === undefined ? '' : percent(row.computed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!compare.rows && compare.loading && (
        <p className="panel-hint" role="status">
          {t('mapPage.panel.loadingValues')}
        </p>
      )}
      {compare.failed && <p className="field-error">{t('mapPage.panel.valuesFailed')}</p>}
      {model && technology && (
        <p className="map-commune-model">
          {t('mapPage.panel.uncovered', { people: formatCount(Math.round(model.uncovered), lang), tech: technology })}
        </p>
      )}
      {props.run && !technology && <p className="panel-hint">{t('mapPage.panel.noTechnology')}</p>}
      <p className="map-commune-link">
        <Link href={routeHref('commune', search, {}, { code })}>
          {t('mapPage.panel.profileLink', { name: props.name })}
        </Link>
      </p>
      <p className="map-commune-link">
        <Link href={routeHref('overview', search, { unit: code })}>
          {t('mapPage.panel.overviewLink', { name: props.name })}
        </Link>
      </p>
    </section>
  );
}
