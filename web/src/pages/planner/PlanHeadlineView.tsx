import { useTranslation } from 'react-i18next';
import { formatCount, formatNumber, formatPercent } from '../../format.js';
import { currentLang } from '../../i18n.js';
import { percentOf, planHeadline } from './plan-view.js';
import { SITE_EXPORT_FORMATS, siteExportUrl, type FinishedPlan } from './planner-api.js';

/** A finished plan's headline: sites, cost, objective and proven gap, marked as a projection, with its exports. */
export function PlanHeadlineView({ plan }: { plan: FinishedPlan }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const h = planHeadline(plan.result);
  const gap = formatPercent(h.gapPercent, 2, lang);
  const share = (covered: number) => formatPercent(percentOf(covered, h.population) ?? 0, 1, lang);
  return (
    <div className="planner-headline">
      <h2 className="section-title">
        {t('planner.result.title', { name: plan.name })}{' '}
        <span className="tag tag-projection">{t('planner.projection')}</span>
      </h2>
      <dl className="planner-figures">
        <div>
          <dt>{t('planner.result.sites')}</dt>
          <dd>{formatCount(h.sites, lang)}</dd>
        </div>
        <div>
          <dt>{t('planner.result.cost')}</dt>
          <dd>{formatNumber(h.cost, 1, lang)}</dd>
        </div>
        <div>
          <dt>{t('planner.result.objective')}</dt>
          <dd>{formatCount(h.objective, lang)}</dd>
        </div>
        <div>
          <dt>{t('planner.result.gap')}</dt>
          <dd title={t('planner.result.gapHint', { gap })}>{gap}</dd>
        </div>
        <div>
          <dt>{t('planner.result.coverage')}</dt>
          <dd>
            <span className="planner-nowrap">{share(h.coveredBefore)}</span> →{' '}
            <span className="planner-nowrap">{share(h.coveredAfter)}</span>
          </dd>
        </div>
      </dl>
      <p className="planner-downloads">
        {t('planner.result.downloads')}:{' '}
        {SITE_EXPORT_FORMATS.map((format) => (
          <a
            key={format}
            className="button button-secondary button-small"
            href={siteExportUrl(plan.id, format)}
            download
          >
            {format.toUpperCase()}
          </a>
        ))}
      </p>
    </div>
  );
}
