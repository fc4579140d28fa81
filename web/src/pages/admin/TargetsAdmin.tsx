import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { agreementQuery, unitTreeQuery } from '../../api/queries.js';
import { FormField } from '../../components/FormField.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { useUrlSearch } from '../../hooks.js';
import { currentLang } from '../../i18n.js';
import { findUnit, provincesOf } from '../../units.js';
import { IndicatorTargets } from './targets/IndicatorTargets.js';
import { definitionsQuery } from './targets/targets-api.js';
import './admin-catalogue.css';
import './targets/targets.css';
import { LoadingPanel } from '../../components/LoadingPanel.js';

/**
 * The targets tab: pick an indicator (?indicator=, so the choice survives a reload), then see and set the
 * province's baseline and yearly targets and pass them down to its communes.
 */
export function TargetsAdmin() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const [search, navigate] = useUrlSearch();
  const definitions = useQuery(definitionsQuery(lang));
  const agreement = useQuery(agreementQuery(lang));
  const tree = useQuery(unitTreeQuery(lang));

  const error = definitions.error ?? agreement.error ?? tree.error;
  if (error)
    return (
      <ProblemNotice
        error={error}
        title={t('error.title')}
        onRetry={() => void Promise.all([definitions.refetch(), agreement.refetch(), tree.refetch()])}
      />
    );
  if (!definitions.data || !agreement.data || !tree.data)
    return <LoadingPanel>{t('adminTargets.loading')}</LoadingPanel>;

  // The agreement names its province; a database without one falls back to the first province of the tree.
  const provinceCode = agreement.data.provinceCode ?? provincesOf(tree.data)[0]?.code;
  const province = provinceCode ? findUnit(tree.data, provinceCode) : undefined;
  const catalogue = definitions.data;
  const selected = catalogue.find((i) => i.code === search.get('indicator'));
  const name = (i: { nameVi: string; nameEn: string }) => (lang === 'en' ? i.nameEn : i.nameVi);
  const groups = [
    ...agreement.data.areas.map((area) => ({
      label: `${area.code} · ${name(area)}`,
      indicators: catalogue.filter((i) => i.areaCode === area.code),
    })),
    {
      label: t('adminTargets.otherIndicators'),
      indicators: catalogue.filter((i) => !agreement.data.areas.some((a) => a.code === i.areaCode)),
    },
  ].filter((g) => g.indicators.length > 0);

  return (
    <div className="admin-catalogue">
      <p className="muted">{t('adminTargets.intro')}</p>
      <FormField label={t('adminTargets.pick')} hint={t('adminTargets.pickHint')}>
        <select
          className="input"
          value={selected?.code ?? ''}
          onChange={(e) => navigate({ indicator: e.target.value || null })}
        >
          <option value="">{t('adminTargets.pickNone')}</option>
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} · {name(i)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </FormField>
      {!province ? (
        <p className="notice notice-inline">{t('adminTargets.noProvince')}</p>
      ) : (
        selected && (
          <IndicatorTargets
            key={selected.code}
            indicator={selected}
            province={province}
            period={{ from: agreement.data.periodFrom, to: agreement.data.periodTo }}
            lang={lang}
          />
        )
      )}
    </div>
  );
}
