import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { formatCount } from '../../format.js';
import type { IndicatorDefinition, UnitTable } from './indicator-api.js';

/** What the indicator is: its name, unit, formula, who reports it and how often, and how much of it is reported. */
export function IndicatorHeader({
  definition,
  table,
  lang,
}: {
  definition: IndicatorDefinition;
  table: UnitTable | undefined;
  lang: Lang;
}) {
  const { t } = useTranslation();
  return (
    <header className="indicator-header">
      <p className="indicator-code">{definition.code}</p>
      <h1>{lang === 'en' ? definition.nameEn : definition.nameVi}</h1>
      <dl className="indicator-definition">
        <div>
          <dt>{t('indicatorPage.unitLabel')}</dt>
          <dd>{lang === 'en' ? definition.unitEn : definition.unitVi}</dd>
        </div>
        {definition.formula && (
          <div>
            <dt>{t('indicatorPage.formula')}</dt>
            <dd>
              <code>{definition.formula}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('indicatorPage.reportedBy')}</dt>
          <dd>
            {t(`indicatorPage.level.${definition.reportingLevel}`)}
            {definition.reportingParty && ` · ${t('indicatorPage.party', { party: definition.reportingParty })}`}
          </dd>
        </div>
        <div>
          <dt>{t('indicatorPage.frequency')}</dt>
          <dd>{t(`indicatorPage.frequencyOf.${definition.periodType}`)}</dd>
        </div>
        {table && (
          <div className="indicator-coverage">
            <dt>{t('indicatorPage.coverageTitle')}</dt>
            <dd>
              {t('indicatorPage.coverage', {
                reported: formatCount(table.totals.reported, lang),
                expected: formatCount(table.totals.expected, lang),
              })}
              <progress
                max={Math.max(1, table.totals.expected)}
                value={table.totals.reported}
                aria-label={t('indicatorPage.coverageTitle')}
              />
            </dd>
          </div>
        )}
      </dl>
      {table?.view === 'published' && <p className="indicator-note">{t('indicatorPage.publishedOnly')}</p>}
    </header>
  );
}
