/** The yes/no indicators of the commune (fibre, broadband, platforms): rolled out or not yet. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress, Lang } from '../../../../src/domain/overview-contract.js';

export function CommuneRollout({ lang, indicators }: { lang: Lang; indicators: readonly IndicatorProgress[] }) {
  const { t } = useTranslation();
  const id = useId();
  if (indicators.length === 0) return null;
  return (
    <section className="panel commune-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('communePage.rolloutTitle')}
      </h2>
      <ul className="commune-rollout">
        {indicators.map((indicator) => {
          const state = indicator.current === null ? 'noData' : indicator.current !== 0 ? 'done' : 'notYet';
          return (
            <li key={indicator.code} className={`commune-rollout-item is-${state}`}>
              <span aria-hidden="true" className="commune-rollout-mark">
                {state === 'done' ? '✓' : state === 'notYet' ? '○' : '–'}
              </span>
              <span className="commune-rollout-name">{lang === 'en' ? indicator.nameEn : indicator.nameVi}</span>
              <span className="commune-rollout-state">
                {t(
                  state === 'done'
                    ? 'communePage.rolloutDone'
                    : state === 'notYet'
                      ? 'communePage.rolloutNotYet'
                      : 'communePage.rolloutNoData',
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
