/** The commune's name, parent, key facts and what the user can do next (enter its data, see it on the map). */
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../../src/domain/overview-contract.js';
import { DemoTag } from '../../components/DemoTag.js';
import { Link } from '../../components/Link.js';
import { formatCount, formatNumber } from '../../format.js';
import { useLocation } from '../../navigation.js';
import { routeHref } from '../../routes.js';
import { unitName } from '../../units.js';

export interface CommuneHeaderProps {
  lang: Lang;
  unit: UnitTreeNode;
  parent: UnitTreeNode | undefined;
  mayEnter: boolean;
}

export function CommuneHeader({ lang, unit, parent, mayEnter }: CommuneHeaderProps) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const density =
    unit.population != null && unit.areaKm2 != null && unit.areaKm2 > 0 ? unit.population / unit.areaKm2 : null;
  return (
    <header className="commune-head">
      <p className="commune-kicker">
        {t('communePage.kicker')}
        {parent && parent.level !== 'nation' && <> · {unitName(parent, lang)}</>}
      </p>
      <h1 className="page-title">
        {unitName(unit, lang)} {unit.isDemo && <DemoTag />}
      </h1>
      {(unit.isBorder || unit.isEconomicZone) && (
        <p className="map-badges">
          {unit.isBorder && <span className="badge badge-border">{t('communePage.border')}</span>}
          {unit.isEconomicZone && <span className="badge badge-ez">{t('communePage.economicZone')}</span>}
        </p>
      )}
      <dl className="commune-facts" aria-label={t('communePage.facts')}>
        <div>
          <dt>{t('communePage.population')}</dt>
          <dd>
            {unit.population != null ? t('communePage.people', { value: formatCount(unit.population, lang) }) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('communePage.area')}</dt>
          <dd>
            {unit.areaKm2 != null ? t('communePage.areaValue', { value: formatNumber(unit.areaKm2, 2, lang) }) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('communePage.density')}</dt>
          <dd>
            {density !== null ? t('communePage.densityValue', { value: formatCount(Math.round(density), lang) }) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('communePage.code')}</dt>
          <dd>{unit.code}</dd>
        </div>
      </dl>
      <nav className="commune-actions" aria-label={t('communePage.actions')}>
        {mayEnter && (
          <Link className="button" href={routeHref('entry', search, { unit: unit.code })}>
            {t('communePage.enterValues')}
          </Link>
        )}
        <Link className="button button-secondary" href={routeHref('map', search, { unit: unit.code })}>
          {t('communePage.onMap')}
        </Link>
        <Link className="button button-secondary" href={routeHref('overview', search, { unit: unit.code })}>
          {t('communePage.overview')}
        </Link>
      </nav>
    </header>
  );
}
