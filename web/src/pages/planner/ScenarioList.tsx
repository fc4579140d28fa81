import { useTranslation } from 'react-i18next';
import { formatCount, formatNumber, formatPercent, NO_VALUE } from '../../format.js';
import { formatDateTime } from '../../format-dates.js';
import { currentLang } from '../../i18n.js';
import { isActivePlan, type PlanScenarioSummary } from './planner-api.js';
import { ScrollTable } from '../../components/ScrollTable.js';

export interface ScenarioListProps {
  plans: readonly PlanScenarioSummary[];
  openId: string | null;
  onOpen: (id: string) => void;
  picked: readonly string[];
  onPick: (id: string, picked: boolean) => void;
  /** Null when the user may not delete. */
  onDelete: ((plan: PlanScenarioSummary) => void) | null;
  deleting: string | null;
}

/** The saved scenarios, newest first, with their headline figures: open one, pick some to compare, delete one. */
export function ScenarioList({ plans, openId, onOpen, picked, onPick, onDelete, deleting }: ScenarioListProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  if (plans.length === 0) return <p className="muted">{t('planner.list.empty')}</p>;
  return (
    <ScrollTable label={t('planner.list.title')} className="planner-list">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('planner.compare.title')}</span>
          </th>
          <th scope="col">{t('planner.list.name')}</th>
          <th scope="col">{t('planner.list.status')}</th>
          <th scope="col" className="num">
            {t('planner.list.sites')}
          </th>
          <th scope="col" className="num">
            {t('planner.list.cost')}
          </th>
          <th scope="col" className="num">
            {t('planner.list.objective')}
          </th>
          <th scope="col" className="num">
            {t('planner.list.gap')}
          </th>
          <th scope="col">{t('planner.list.created')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('planner.list.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {plans.map((plan) => {
          const s = plan.summary;
          return (
            <tr key={plan.id} className={plan.id === openId ? 'is-chosen' : undefined}>
              <td>
                <input
                  type="checkbox"
                  checked={picked.includes(plan.id)}
                  disabled={!s}
                  onChange={(event) => onPick(plan.id, event.target.checked)}
                  aria-label={t('planner.list.pick', { name: plan.name })}
                />
              </td>
              <th scope="row">{plan.name}</th>
              <td>
                <span className={`tag plan-status-${plan.status}`}>{t(`planner.status.${plan.status}`)}</span>
              </td>
              <td className="num">{s ? formatCount(s.sites, lang) : NO_VALUE}</td>
              <td className="num">{s ? formatNumber(s.cost, 1, lang) : NO_VALUE}</td>
              <td className="num">{s ? formatCount(s.objective, lang) : NO_VALUE}</td>
              <td className="num">{s ? formatPercent(s.gap * 100, 2, lang) : NO_VALUE}</td>
              <td>{formatDateTime(plan.createdAt, lang)}</td>
              <td className="planner-list-actions">
                <button type="button" className="button button-secondary button-small" onClick={() => onOpen(plan.id)}>
                  {t('planner.list.open')}
                </button>
                {onDelete && !isActivePlan(plan) && (
                  <button
                    type="button"
                    className="button button-danger button-small"
                    disabled={deleting === plan.id}
                    onClick={() => onDelete(plan)}
                  >
                    {t('planner.list.delete')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
