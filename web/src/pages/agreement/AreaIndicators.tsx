import { useTranslation } from 'react-i18next';
import type { AreaProgress, IndicatorProgress, Lang } from '../../../../src/domain/overview-contract.js';
import { IndicatorCard } from '../../components/IndicatorCard.js';

export interface AreaIndicatorsProps {
  progress: AreaProgress | undefined;
  lang: Lang;
  statusRule?: string | undefined;
  hrefOf: (code: string) => string;
}

const STATUS_ORDER: readonly IndicatorProgress['status'][] = [
  'on_track',
  'at_risk',
  'off_track',
  'no_data',
  'no_target',
  'not_published',
];

/**
 * An area's indicators as the overview shows them (its cards), folded under a one-line count per status, so that
 * the commitments stay the page's subject and a reader opens the figures when they want them.
 */
export function AreaIndicators({ progress, lang, statusRule, hrefOf }: AreaIndicatorsProps) {
  const { t } = useTranslation();
  const indicators = progress?.indicators ?? [];
  if (indicators.length === 0)
    return <p className="muted agreement-no-indicators">{t('agreementPage.noIndicators')}</p>;
  const counts = STATUS_ORDER.map((status) => ({
    status,
    count: indicators.filter((i) => i.status === status).length,
  })).filter((c) => c.count > 0);
  return (
    <details className="agreement-indicators">
      <summary>
        <span className="agreement-indicators-title">
          {t('agreementPage.indicatorsTitle', { count: indicators.length })}
        </span>
        <span className="agreement-indicator-counts">
          {counts.map(({ status, count }) => (
            <span key={status} className={`tag tag-status status-${status}`}>
              {t(`status.${status}`)}: {count}
            </span>
          ))}
        </span>
      </summary>
      <div className="card-grid">
        {indicators.map((indicator) => (
          <IndicatorCard
            key={indicator.code}
            indicator={indicator}
            lang={lang}
            statusRule={statusRule}
            href={hrefOf(indicator.code)}
          />
        ))}
      </div>
    </details>
  );
}
