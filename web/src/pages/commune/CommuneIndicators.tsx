/** Every indicator of the commune for the year: value, target and status, area by area, each opening its page. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaProgress, IndicatorProgress, Lang } from '../../../../src/domain/overview-contract.js';
import { Link } from '../../components/Link.js';
import { formatPeriod, formatValue } from '../../format.js';
import { useLocation } from '../../navigation.js';
import { routeHref } from '../../routes.js';

export interface CommuneIndicatorsProps {
  lang: Lang;
  unit: string;
  year: number;
  areas: readonly AreaProgress[];
}

export function CommuneIndicators({ lang, unit, year, areas }: CommuneIndicatorsProps) {
  const { t } = useTranslation();
  const id = useId();
  const shown = areas.filter((a) => a.indicators.length > 0);
  return (
    <section className="panel commune-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('communePage.indicatorsTitle', { year })}
      </h2>
      <p className="panel-hint">{t('communePage.indicatorsHint')}</p>
      {shown.length === 0 && <p className="panel-hint">{t('communePage.noIndicators')}</p>}
      {shown.map((area) => (
        <div key={area.code} className="commune-area">
          <h3 className="commune-area-title">
            <span className="area-code">{area.code}</span> · {lang === 'en' ? area.nameEn : area.nameVi}
          </h3>
          <ul className="commune-indicators">
            {area.indicators.map((indicator) => (
              <IndicatorRow key={indicator.code} lang={lang} unit={unit} indicator={indicator} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function IndicatorRow({ lang, unit, indicator }: { lang: Lang; unit: string; indicator: IndicatorProgress }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const fmt = (v: number | null) => formatValue(v, indicator.valueType, indicator.decimals, lang);
  const name = lang === 'en' ? indicator.nameEn : indicator.nameVi;
  return (
    <li className="commune-indicator">
      <Link
        className="commune-indicator-name"
        href={routeHref('indicator', search, { unit }, { code: indicator.code })}
      >
        {name}
      </Link>
      <span className="commune-indicator-value">
        <strong>{fmt(indicator.current)}</strong>
        {indicator.current !== null && <span className="muted"> · {formatPeriod(indicator.period, lang)}</span>}
      </span>
      {indicator.target && (
        <span className="commune-indicator-target">
          {t('communePage.target', { year: indicator.target.year })}: {fmt(indicator.target.value)}
        </span>
      )}
      <span className={`tag tag-status status-${indicator.status}`}>{t(`status.${indicator.status}`)}</span>
    </li>
  );
}
