import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { useSession } from '../../session.js';
import { CommitDone, CommitFailed } from './CommitResult.js';
import { PreviewReport } from './PreviewReport.js';
import { UploadForm } from './UploadForm.js';
import { UploadProgressBar } from './UploadProgressBar.js';
import { useImportCommit } from './use-import-commit.js';
import { useImportPreview } from './use-import-preview.js';

/** Step 2 of the import screen: upload a file, see what it would write and every problem, and commit a clean file. */
export function UploadPanel({ lang, unitCode }: { lang: Lang; unitCode: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const user = useSession().state.user;
  const preview = useImportPreview();
  const report = preview.state.status === 'done' ? preview.state.result : null;
  const commit = useImportCommit(report);
  const [sent, setSent] = useState<{ file: File; period: string } | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const commitResult = useRef<HTMLDivElement>(null);

  // A new result takes the focus: screen readers read it, and a phone scrolls to it.
  useEffect(() => {
    if (preview.state.status === 'done' || preview.state.status === 'error') resultHeading.current?.focus();
  }, [preview.state]);
  useEffect(() => {
    if (commit.state.status === 'done' || commit.state.status === 'error') commitResult.current?.focus();
  }, [commit.state]);

  const { reset: resetPreview } = preview;
  const { reset: resetCommit } = commit;
  const forget = () => {
    resetPreview();
    resetCommit();
    setSent(null);
  };

  const startPreview = (file: File, period: string) => {
    resetCommit();
    setSent({ file, period });
    void preview.run(file, period, lang);
  };

  const committed = commit.state.status === 'done' ? commit.state.result : null;
  const progress = preview.progress ?? commit.progress;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        <span className="step" aria-hidden="true">
          2
        </span>
        {t('importPage.upload.heading')}
      </h2>
      {user && (
        <p className="panel-hint">
          {t('importPage.upload.auditNote', { name: user.displayName, username: user.username })}
        </p>
      )}

      <UploadForm busy={preview.state.status === 'loading'} onChange={forget} onPreview={startPreview} />
      {progress && sent && <UploadProgressBar progress={progress} file={sent.file.name} lang={lang} />}

      {(preview.state.status === 'done' || preview.state.status === 'error') && (
        <section className="result" aria-labelledby={`${id}-result`}>
          <h3 id={`${id}-result`} className="result-title" tabIndex={-1} ref={resultHeading}>
            {t('importPage.preview.heading')}
          </h3>
          {preview.state.status === 'error' ? (
            <ProblemNotice error={preview.state.error} />
          ) : (
            <PreviewReport report={preview.state.result} lang={lang} />
          )}
        </section>
      )}

      {report && !committed && (
        <div className="commit">
          <button
            type="button"
            className="button button-commit"
            disabled={commit.blocker !== null || commit.state.status === 'loading'}
            aria-describedby={commit.blocker ? `${id}-commit-why` : undefined}
            onClick={() => sent && void commit.run(sent.file, sent.period, lang)}
          >
            {commit.state.status === 'loading' ? t('importPage.commit.committing') : t('importPage.commit.button')}
          </button>
          {commit.blocker && (
            <p id={`${id}-commit-why`} className="field-hint">
              {t(`importPage.commit.${commit.blocker}`)}
            </p>
          )}
        </div>
      )}

      <div ref={commitResult} tabIndex={-1} className="commit-result">
        {committed && <CommitDone report={committed} lang={lang} unitCode={unitCode} />}
        {commit.state.status === 'error' && <CommitFailed error={commit.state.error} lang={lang} />}
      </div>
    </section>
  );
}
