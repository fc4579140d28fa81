import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { ApiError } from '../../api/client.js';
import type { ImportReport } from '../../api/types.js';
import { ErrorTable } from '../../components/ErrorTable.js';
import { Link } from '../../components/Link.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { formatCount } from '../../format.js';
import { rowErrorsFromProblem, rowsWithErrors } from '../../importing.js';
import { routeHref } from '../../routes.js';

/** What a preview or a commit answered: counts, every bad row, and where to go next. */
function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function ChangeStats({ changes, lang }: { changes: NonNullable<ImportReport['changes']>; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <dl className="stats stats-changes">
      <Stat label={t('importPage.preview.inserted')} value={formatCount(changes.inserted, lang)} />
      <Stat label={t('importPage.preview.updated')} value={formatCount(changes.updated, lang)} />
      <Stat label={t('importPage.preview.unchanged')} value={formatCount(changes.unchanged, lang)} />
      <Stat label={t('importPage.preview.deleted')} value={formatCount(changes.deleted, lang)} />
    </dl>
  );
}

export function PreviewReport({ report, lang }: { report: ImportReport; lang: Lang }) {
  const { t } = useTranslation();
  const errorCount = report.errors.length;
  return (
    <>
      <dl className="stats">
        <Stat label={t('importPage.preview.file')} value={report.file} />
        {report.sheet && <Stat label={t('importPage.preview.sheet')} value={report.sheet} />}
        <Stat label={t('importPage.preview.rowsRead')} value={formatCount(report.rowsRead, lang)} />
        <Stat label={t('importPage.preview.valuesFound')} value={formatCount(report.valuesFound, lang)} />
      </dl>
      {errorCount > 0 ? (
        <>
          <div className="notice notice-error" role="alert">
            <p className="notice-title">{t('importPage.preview.errorsBanner', { count: errorCount })}</p>
            <p>{t('importPage.preview.errorRows', { count: rowsWithErrors(report.errors) })}</p>
          </div>
          <ErrorTable errors={report.errors} file={report.file} />
        </>
      ) : (
        <>
          {report.changes && (
            <>
              <p className="stats-heading">{t('importPage.preview.changes')}</p>
              <ChangeStats changes={report.changes} lang={lang} />
            </>
          )}
          <p className={report.valuesFound > 0 ? 'notice notice-ok' : 'notice notice-warn'} role="status">
            {report.valuesFound > 0 ? t('importPage.preview.clean') : t('importPage.preview.noValues')}
          </p>
        </>
      )}
    </>
  );
}

export function CommitDone({ report, lang, unitCode }: { report: ImportReport; lang: Lang; unitCode: string | null }) {
  const { t } = useTranslation();
  const extra = unitCode ? { unit: unitCode } : undefined;
  const search = typeof window === 'undefined' ? '' : window.location.search;
  return (
    <div className="notice notice-ok" role="status">
      <p className="notice-title">{t('importPage.commit.done', { file: report.file, batch: report.batchId ?? '—' })}</p>
      {report.changes && (
        <>
          <p className="stats-heading">{t('importPage.preview.changesDone')}</p>
          <ChangeStats changes={report.changes} lang={lang} />
        </>
      )}
      <p className="notice-links">
        <Link href={routeHref('validation', search, extra)}>{t('importPage.commit.checkLink')}</Link>
        <Link href={routeHref('overview', search, extra)}>{t('importPage.commit.overviewLink')}</Link>
      </p>
    </div>
  );
}

export function CommitFailed({ error }: { error: Error }) {
  const rows = error instanceof ApiError ? rowErrorsFromProblem(error.problem?.errors) : null;
  return <ProblemNotice error={error}>{rows && <ErrorTable errors={rows} file={rows[0]?.file ?? ''} />}</ProblemNotice>;
}
