import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { ImportReport } from '../../api/types.js';
import { DIFF_ROW_LIMIT } from '../../../../src/intake/import-report.js';
import { formatCount } from '../../format.js';
import { rowsWithErrors } from '../../importing.js';
import { DiffTable } from './DiffTable.js';
import { diffLines, isCapped, lineCounts } from './diff-lines.js';
import { rowErrorSentence } from './row-error-text.js';
import { ChangeStats, Stat } from './ChangeStats.js';

/** What a preview answered: the file's counts, the first problem in words, and every line in the diff table. */
export function PreviewReport({ report, lang }: { report: ImportReport; lang: Lang }) {
  const { t } = useTranslation();
  const lines = useMemo(() => diffLines(report), [report]);
  const counts = useMemo(() => lineCounts(report), [report]);
  const first = report.errors[0];
  return (
    <>
      <dl className="stats">
        <Stat label={t('importPage.preview.file')} value={report.file} />
        {report.sheet && <Stat label={t('importPage.preview.sheet')} value={report.sheet} />}
        <Stat label={t('importPage.preview.rowsRead')} value={formatCount(report.rowsRead, lang)} />
        <Stat label={t('importPage.preview.valuesFound')} value={formatCount(report.valuesFound, lang)} />
      </dl>
      {report.errorCount > 0 ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{t('importPage.preview.errorsBanner', { count: report.errorCount })}</p>
          <p>{t('importPage.preview.errorRows', { count: rowsWithErrors(report.errors) })}</p>
          {first && <p className="first-error">{rowErrorSentence(t, lang, first)}</p>}
        </div>
      ) : (
        <p className={report.valuesFound > 0 ? 'notice notice-ok' : 'notice notice-warn'} role="status">
          {report.valuesFound > 0 ? t('importPage.preview.clean') : t('importPage.preview.noValues')}
        </p>
      )}
      {report.warnings.length > 0 && (
        <p className="notice notice-warn">{t('importPage.warnings', { count: report.warnings.length })}</p>
      )}
      {report.changes && (
        <>
          <p className="stats-heading">{t('importPage.preview.changes')}</p>
          <ChangeStats changes={report.changes} lang={lang} />
        </>
      )}
      <h4 className="stats-heading">{t('importPage.diff.heading')}</h4>
      {isCapped(report) && (
        <p className="field-hint">{t('importPage.diff.capped', { shown: formatCount(DIFF_ROW_LIMIT, lang) })}</p>
      )}
      <DiffTable lines={lines} counts={counts} file={report.file} lang={lang} />
    </>
  );
}
