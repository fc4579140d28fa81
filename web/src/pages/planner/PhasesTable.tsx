import { useTranslation } from 'react-i18next';
import { formatCount, formatNumber, formatPercent, NO_VALUE } from '../../format.js';
import { currentLang } from '../../i18n.js';
import { percentOf } from './plan-view.js';
import type { PlanResult } from './planner-api.js';
import { ScrollTable } from '../../components/ScrollTable.js';

/** Each year of the plan (one row for an unphased plan): sites, cost, demand covered and 5G share after it. */
export function PhasesTable({ result }: { result: PlanResult }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const { total } = result.effects;
  return (
    <section className="planner-section">
      <h3 className="section-title">{t('planner.result.phasesTitle')}</h3>
      <ScrollTable label={t('planner.result.phasesTitle')}>
        <thead>
          <tr>
            <th scope="col">{t('planner.result.phaseYear')}</th>
            <th scope="col" className="num">
              {t('planner.result.phaseSites')}
            </th>
            <th scope="col" className="num">
              {t('planner.result.phaseCost')}
            </th>
            <th scope="col" className="num">
              {t('planner.result.phaseObjective')}
            </th>
            <th scope="col" className="num">
              {t('planner.result.phaseCoverage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.phases.map((phase, index) => {
            const share = percentOf(total.coveredAfter[index] ?? total.coveredBefore, total.population);
            return (
              <tr key={phase.year ?? 'all'}>
                <th scope="row">{phase.year ?? t('planner.result.allYears')}</th>
                <td className="num">{formatCount(phase.sites, lang)}</td>
                <td className="num">{formatNumber(phase.cost, 1, lang)}</td>
                <td className="num">{formatCount(phase.objective, lang)}</td>
                <td className="num">{share === null ? NO_VALUE : formatPercent(share, 1, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </section>
  );
}
