import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { ApiError } from '../../api/client.js';
import type { ImportReport } from '../../api/types.js';
import { Link } from '../../components/Link.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { formatCount } from '../../format.js';
import { rowErrorsFromProblem } from '../../importing.js';
import { routeHref } from '../../routes.js';
import { ChangeStats } from './ChangeStats.js';
import { rowErrorSentence } from './row-error-text.js';

/** The summary after a commit: what was written, under which batch, and where to look next. */
export function CommitDone({ report, lang, unitCode }: { report: ImportReport; lang: Lang; unitCode: string | null }) {
  const { t } = useTranslation();
  const extra = unitCode ? { unit: unitCode } : undefined;
  const search = typeof window === 'undefined' ? '' : window.location.search;
  const changes = report.changes;
  return (
    <div className="notice notice-ok" role="status">
      <p className="notice-title">{t('importPage.summary.heading')}</p>
      <p>{t('importPage.commit.done', { file: report.file, batch: report.batchId ?? '—' })}</p>
      {changes && (
        <>
          <p>
            {t('importPage.summary.written', {
              inserted: formatCount(changes.inserted, lang),
              updated: formatCount(changes.updated, lang),
              unchanged: formatCount(changes.unchanged, lang),
            })}
          </p>
          <ChangeStats changes={changes} lang={lang} />
        </>
      )}
      <p className="notice-links">
        <Link href={routeHref('validation', search, extra)}>{t('importPage.commit.checkLink')}</Link>
        <Link href={routeHref('overview', search, extra)}>{t('importPage.commit.overviewLink')}</Link>
      </p>
    </div>
  );
}

/** A refused commit: the problem, and its rows (someone changed the data since the preview) in the UI language. */
export function CommitFailed({ error, lang }: { error: Error; lang: Lang }) {
  const { t } = useTranslation();
  const rows = error instanceof ApiError ? rowErrorsFromProblem(error.problem?.errors) : null;
  return (
    <ProblemNotice error={error}>
      {rows && (
        <ul>
          {rows.slice(0, 20).map((row, i) => (
            <li key={i}>{rowErrorSentence(t, lang, row)}</li>
          ))}
        </ul>
      )}
    </ProblemNotice>
  );
}
