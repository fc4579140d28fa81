/** What the map shows: the indicator (any reported by commune, or the model's), the period and the commune. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../../src/domain/overview-contract.js';
import type { AgreementArea } from '../../api/types.js';
import { formatPeriod } from '../../format.js';
import { unitName } from '../../units.js';
import { choiceName, type MapChoice } from './map-choices.js';
import type { PeriodsWithData } from './map-periods.js';

export interface MapControlsProps {
  lang: Lang;
  choices: readonly MapChoice[];
  choice: MapChoice | null;
  /** The cooperation areas, to group the indicators. */
  areas: readonly AgreementArea[] | undefined;
  onChoice: (code: string) => void;
  period: string | null;
  /** Periods with data, once known. */
  periods: PeriodsWithData | undefined;
  onPeriod: (period: string) => void;
  communes: readonly UnitTreeNode[] | undefined;
  selected: string | null;
  onCommune: (code: string | null) => void;
}

interface Group {
  key: string;
  label: string;
  choices: MapChoice[];
}

export function MapControls(props: MapControlsProps) {
  const { t } = useTranslation();
  const { lang, choices, choice, areas, period, periods, communes, selected } = props;

  const groups = useMemo<Group[]>(() => {
    const list: Group[] = [];
    const computed = choices.filter((c) => c.kind === 'computed');
    if (computed.length) list.push({ key: 'computed', label: t('mapPage.computedGroup'), choices: computed });
    for (const area of areas ?? []) {
      const inArea = choices.filter((c) => c.kind === 'reported' && c.areaCode === area.code);
      const name = lang === 'en' ? area.nameEn : area.nameVi;
      if (inArea.length)
        list.push({ key: area.code, label: t('mapPage.areaGroup', { code: area.code, name }), choices: inArea });
    }
    const known = new Set(list.flatMap((g) => g.choices.map((c) => c.code)));
    const others = choices.filter((c) => !known.has(c.code));
    if (others.length) list.push({ key: 'others', label: t('mapPage.otherGroup'), choices: others });
    return list;
  }, [choices, areas, lang, t]);

  const periodGroups = useMemo(() => {
    return [
      { key: 'years', label: t('mapPage.periodYears'), periods: periods?.years ?? [] },
      { key: 'quarters', label: t('mapPage.periodQuarters'), periods: periods?.quarters ?? [] },
      { key: 'months', label: t('mapPage.periodMonths'), periods: periods?.months ?? [] },
    ].filter((g) => g.periods.length > 0);
  }, [periods, t]);
  const periodListed = periodGroups.some((g) => g.periods.includes(period ?? ''));

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
        <select
          id="map-indicator"
          className="input"
          value={choice?.code ?? ''}
          disabled={!choice}
          onChange={(e) => props.onChoice(e.target.value)}
        >
          {!choice && <option value="">…</option>}
          {groups.map((group) => (
            <optgroup key={group.key} label={group.label}>
              {group.choices.map((c) => (
                <option key={c.code} value={c.code}>
                  {choiceName(c, lang)}
                </option>
              ))}
            </optgroup>
          ))}
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
          onChange={(e) => props.onPeriod(e.target.value)}
        >
          {!period && <option value="">…</option>}
          {period && !periodListed && <option value={period}>{formatPeriod(period, lang)}</option>}
          {periodGroups.map((group) => (
            <optgroup key={group.key} label={group.label}>
              {group.periods.map((p) => (
                <option key={p} value={p}>
                  {formatPeriod(p, lang)}
                </option>
              ))}
            </optgroup>
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
          onChange={(e) => props.onCommune(e.target.value || null)}
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
