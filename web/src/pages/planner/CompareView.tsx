import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatNumber, formatPercent, NO_VALUE } from '../../format.js';
import { currentLang } from '../../i18n.js';
import { compareScenarios, type ScenarioColumn } from './plan-view.js';
import type { PlanScenario } from './planner-api.js';
import { ScrollTable } from '../../components/ScrollTable.js';

/** Finished scenarios side by side: headline figures, then the 5G share after each year any of them has. */
export function CompareView({ plans, onClose }: { plans: readonly PlanScenario[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const columns = compareScenarios(plans);
  const percent = (value: number | null) => (value === null ? NO_VALUE : formatPercent(value, 1, lang));
  const years = [...new Set(columns.flatMap((c) => c.phases.map((p) => p.year)).filter((y) => y !== null))].sort();
  const rows: { label: string; cell: (c: ScenarioColumn) => ReactNode }[] = [
    { label: t('planner.result.sites'), cell: (c) => formatCount(c.headline.sites, lang) },
    { label: t('planner.result.cost'), cell: (c) => formatNumber(c.headline.cost, 1, lang) },
    { label: t('planner.result.objective'), cell: (c) => formatCount(c.headline.objective, lang) },
    { label: t('planner.result.gap'), cell: (c) => formatPercent(c.headline.gapPercent, 2, lang) },
    { label: t('planner.compare.coverageBefore'), cell: (c) => percent(c.beforePercent) },
    ...years.map((year) => ({
      label: t('planner.compare.phase', { year }),
      cell: (c: ScenarioColumn) => {
        const phase = c.phases.find((p) => p.year === year);
        return phase ? percent(phase.coveredPercent) : NO_VALUE;
      },
    })),
    { label: t('planner.compare.coverageAfter'), cell: (c) => percent(c.phases.at(-1)?.coveredPercent ?? null) },
  ];
  return (
    <section className="planner-section planner-compare" aria-label={t('planner.compare.title')}>
      <div className="planner-compare-head">
        <h2 className="section-title">
          {t('planner.compare.title')} <span className="tag tag-projection">{t('planner.projection')}</span>
        </h2>
        <button type="button" className="button button-secondary button-small" onClick={onClose}>
          {t('planner.compare.close')}
        </button>
      </div>
      <ScrollTable label={t('planner.compare.title')} caption={false}>
        <thead>
          <tr>
            <th scope="col">{t('planner.compare.figure')}</th>
            {columns.map((c) => (
              <th key={c.id} scope="col" className="num">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {columns.map((c) => (
                <td key={c.id} className="num">
                  {row.cell(c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
