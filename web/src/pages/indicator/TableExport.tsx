import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { IndicatorDefinition, UnitRow } from './indicator-api.js';
import { download, toCsv, toXlsx, type ExportInput } from './table-export.js';

/** The CSV and XLSX buttons: they write the rows as the table shows them (searched, sorted). */
export function TableExport(props: {
  rows: () => UnitRow[];
  definition: IndicatorDefinition;
  period: string;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { definition, period, lang } = props;
  const input = (): ExportInput => ({
    rows: props.rows(),
    lang,
    valueType: definition.valueType,
    decimals: definition.decimals,
    columns: {
      code: t('indicatorPage.columns.code'),
      name: t('indicatorPage.columns.name'),
      value: t('indicatorPage.columns.value'),
      target: t('indicatorPage.columns.target'),
      status: t('indicatorPage.columns.status'),
      reported: t('indicatorPage.columns.reported'),
    },
    statusLabel: (row) => t(`indicatorPage.status.${row.status}`),
    reportedLabel: (row) => (row.reported ? t('indicatorPage.reported') : t('indicatorPage.notReported')),
  });
  const filename = `${definition.code}_${period}`;
  const csv = () => download(toCsv(input()), 'text/csv;charset=utf-8', `${filename}.csv`);
  const xlsx = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const bytes = await toXlsx(input(), `${definition.code} ${period}`);
      download(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${filename}.xlsx`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="indicator-export">
      <button type="button" className="button" onClick={csv}>
        {t('indicatorPage.exportCsv')}
      </button>
      <button type="button" className="button" onClick={() => void xlsx()} disabled={busy} aria-busy={busy}>
        {busy ? t('indicatorPage.exporting') : t('indicatorPage.exportXlsx')}
      </button>
      {failure && <p role="alert">{t('indicatorPage.exportFailed', { message: failure })}</p>}
    </div>
  );
}
