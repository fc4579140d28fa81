import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader.js';
import { unitTreeQuery } from '../../api/queries.js';
import { useUrlSearch } from '../../hooks.js';
import { currentLang } from '../../i18n.js';
import { formatPeriod } from '../../format.js';
import { useCan } from '../../session.js';
import { resolveUnitCode } from '../../units.js';
import { isPeriodCode, parsePeriod } from '../../../../src/domain/periods.js';
import { definitionQuery, unitTableQuery, type UnitRow } from './indicator-api.js';
import { IndicatorHeader } from './IndicatorHeader.js';
import { IndicatorTrend } from './IndicatorTrend.js';
import { UnitTable } from './UnitTable.js';
import { TableExport } from './TableExport.js';
import { ValueHistoryPanel } from './ValueHistoryPanel.js';
import { LoadErrorPanel } from '../../components/LoadErrorPanel.js';
import { IndicatorMap } from './IndicatorMap.js';
import './indicator.css';

/** Without ?period=, the last full year: the newest year that can be complete and approved. */
export function defaultPeriod(now = new Date()): string {
  return String(now.getUTCFullYear() - 1);
}

function periodChoices(selected: string, now = new Date()): string[] {
  const years = Array.from({ length: now.getUTCFullYear() - 2023 }, (_, i) => String(2024 + i));
  return years.includes(selected) ? years : [...years, selected];
}

/** One indicator: what it is, its trend against the target, and its figures commune by commune. */
export function IndicatorPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const { code = '' } = useParams();
  const [search, navigate] = useUrlSearch();
  const rawPeriod = search.get('period');
  const period = rawPeriod && isPeriodCode(rawPeriod) ? rawPeriod : defaultPeriod();
  const tree = useQuery(unitTreeQuery(lang));
  const unit = resolveUnitCode(tree.data, search.get('unit')?.trim() || null);
  const definition = useQuery(definitionQuery(code, lang));
  const table = useQuery({ ...unitTableQuery(code, unit ?? '', period, lang), enabled: unit !== null });
  const seesHistory = useCan('data.read');
  const [historyRow, setHistoryRow] = useState<UnitRow | null>(null);
  const shownRows = useRef<UnitRow[]>([]);
  const keepShown = useCallback((rows: UnitRow[]) => {
    shownRows.current = rows;
  }, []);

  const name = definition.data ? (lang === 'en' ? definition.data.nameEn : definition.data.nameVi) : code;
  useEffect(() => {
    document.title = `${name} · ${t('app.documentTitle')}`;
  }, [name, t]);

  return (
    <div className="app indicator-page">
      <AppHeader />
      <main id="main" className="main" tabIndex={-1}>
        {definition.isPending && <p role="status">{t('indicatorPage.loading')}</p>}
        {definition.error && (
          <LoadErrorPanel
            title={t('indicatorPage.errorTitle')}
            error={definition.error}
            onRetry={() => void definition.refetch()}
          />
        )}
        {definition.data && (
          <>
            <IndicatorHeader definition={definition.data} table={table.data} lang={lang} />
            <label className="indicator-period">
              <span>{t('indicatorPage.period')}</span>
              <select value={period} onChange={(event) => navigate({ period: event.target.value })}>
                {periodChoices(period).map((choice) => (
                  <option key={choice} value={choice}>
                    {formatPeriod(choice, lang)}
                  </option>
                ))}
              </select>
            </label>
            {unit && (
              <IndicatorTrend
                definition={definition.data}
                unit={unit}
                periodYear={parsePeriod(period).year}
                lang={lang}
              />
            )}
            <section className="indicator-panel" aria-labelledby="indicator-table-title">
              <div className="indicator-table-head">
                <h2 id="indicator-table-title">
                  {t('indicatorPage.tableTitle')} · {formatPeriod(period, lang)}
                </h2>
                {table.data && table.data.rows.length > 0 && (
                  <TableExport
                    rows={() => shownRows.current}
                    definition={definition.data}
                    period={period}
                    lang={lang}
                  />
                )}
              </div>
              {table.isPending && <p role="status">{t('indicatorPage.loading')}</p>}
              {table.error && (
                <LoadErrorPanel
                  title={t('indicatorPage.errorTitle')}
                  error={table.error}
                  onRetry={() => void table.refetch()}
                />
              )}
              {table.data && (
                <UnitTable
                  rows={table.data.rows}
                  lang={lang}
                  valueType={definition.data.valueType}
                  decimals={definition.data.decimals}
                  showApproval={table.data.view === 'all'}
                  onShownRows={keepShown}
                  onHistory={seesHistory ? setHistoryRow : undefined}
                />
              )}
            </section>
            {unit && <IndicatorMap definition={definition.data} unit={unit} period={period} lang={lang} />}
            {historyRow && (
              <ValueHistoryPanel
                code={code}
                row={historyRow}
                period={period}
                lang={lang}
                valueType={definition.data.valueType}
                decimals={definition.data.decimals}
                onClose={() => setHistoryRow(null)}
              />
            )}
          </>
        )}
      </main>
    </div>
  );
}
