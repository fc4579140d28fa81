import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../src/domain/overview-contract.js';
import { formatPeriod } from '../format.js';
import { unitName } from '../units.js';
import type { MapIndicatorOption } from './coverage.js';

export interface MapControlsProps {
  lang: Lang;
  options: readonly MapIndicatorOption[];
  option: MapIndicatorOption;
  indicatorLabel: (option: MapIndicatorOption) => string;
  onIndicator: (code: string) => void;
  period: string | null;
  /** Years with data, once known. */
  years: readonly string[] | undefined;
  onPeriod: (period: string) => void;
  communes: readonly UnitTreeNode[] | undefined;
  selected: string | null;
  onCommune: (code: string | null) => void;
}

/** What the map shows: the indicator (computed or reported), the period and the selected commune. */
export function MapControls(props: MapControlsProps) {
  const { t } = useTranslation();
  const { lang, options, option, indicatorLabel, period, communes, selected } = props;
  const { onIndicator, onPeriod, onCommune, years } = props;

  const periodOptions = useMemo(() => {
    const list = [...(years ?? [])];
    if (period && !list.includes(period)) list.push(period);
    return list.sort((a, b) => b.localeCompare(a));
  }, [years, period]);

  const sortedCommunes = useMemo(() => {
    const collator = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { sensitivity: 'base', numeric: true });
    return [...(communes ?? [])].sort((a, b) => collator.compare(unitName(a, lang), unitName(b, lang)));
  }, [communes, lang]);

  return (
    <div className="panel map-controls" role="group" aria-label={t('mapPage.controls')}>
      <div className="field">
        <label className="field-label" htmlFor="map-indicator">
          {t('mapPage.indicator')}
        </label>
        <select id="map-indicator" className="input" value={option.code} onChange={(e) => onIndicator(e.target.value)}>
          {options.some((o) => o.kind === 'computed') ? (
            <>
              <optgroup label={t('mapPage.computedGroup')}>
                {options
                  .filter((o) => o.kind === 'computed')
                  .map((o) => (
                    <option key={o.code} value={o.code}>
                      {indicatorLabel(o)}
                    </option>
                  ))}
              </optgroup>
              <optgroup label={t('mapPage.reportedGroup')}>
                {options
                  .filter((o) => o.kind === 'reported')
                  .map((o) => (
                    <option key={o.code} value={o.code}>
                      {indicatorLabel(o)}
                    </option>
                  ))}
              </optgroup>
            </>
          ) : (
            options.map((o) => (
              <option key={o.code} value={o.code}>
                {indicatorLabel(o)}
              </option>
            ))
          )}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="map-period">
          {t('mapPage.period')}
        </label>
        <select
          id="map-period"
          className="input"
          value={period ?? ''}
          disabled={!period}
          onChange={(e) => onPeriod(e.target.value)}
        >
          {!period && <option value="">…</option>}
          {periodOptions.map((p) => (
            <option key={p} value={p}>
              {formatPeriod(p, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field-label" htmlFor="map-commune">
          {t('mapPage.commune')}
        </label>
        <select
          id="map-commune"
          className="input"
          value={selected ?? ''}
          disabled={!communes}
          onChange={(e) => onCommune(e.target.value || null)}
        >
          <option value="">{t('mapPage.communeNone')}</option>
          {sortedCommunes.map((c) => (
            <option key={c.code} value={c.code}>
              {unitName(c, lang)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
