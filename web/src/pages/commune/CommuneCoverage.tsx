/** Mobile coverage of the commune by technology: reported and modelled shares, and who the model finds uncovered. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { formatCount, formatPercent } from '../../format.js';
import type { CoverageFigure } from './commune-profile.js';

export function CommuneCoverage({ lang, year, figures }: { lang: Lang; year: number; figures: CoverageFigure[] }) {
  const { t } = useTranslation();
  const id = useId();
  const percent = (v: number | null) => (v === null ? '—' : formatPercent(v, 2, lang));
  const hasModel = figures.some((f) => f.computed !== null);
  return (
    <section className="panel commune-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('communePage.coverageTitle')}
      </h2>
      {figures.length === 0 ? (
        <p className="panel-hint">{t('communePage.coverageNone')}</p>
      ) : (
        <>
          <table className="compare-table commune-coverage">
            <caption>{t('communePage.coverageHint', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('communePage.technology')}</th>
                <th scope="col" className="num">
                  {t('communePage.reported')}
                </th>
                {hasModel && (
                  <th scope="col" className="num">
                    {t('communePage.computed')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={f.technology}>
                  <th scope="row">{f.technology}</th>
                  <td className="num">{percent(f.reported)}</td>
                  {hasModel && <td className="num">{percent(f.computed)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          {figures
            .filter((f) => f.uncovered !== null && f.uncovered >= 1)
            .map((f) => (
              <p key={f.technology} className="commune-note">
                {t('communePage.uncovered', {
                  people: formatCount(Math.round(f.uncovered!), lang),
                  tech: f.technology,
                })}
              </p>
            ))}
        </>
      )}
    </section>
  );
}
