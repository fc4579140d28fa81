import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import { postImport } from '../../api/client.js';
import type { ImportReport } from '../../api/types.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { commitBlocker, FILE_ACCEPT, fileProblem, isMonth, MAX_UPLOAD_MB, type FileProblem } from '../../importing.js';
import { useSession } from '../../session.js';
import { asError, isAbort, type Action } from './import-action.js';
import { CommitDone, CommitFailed, PreviewReport } from './ImportReports.js';

/** Step 2 of the import screen: upload a file, see every problem, and commit a clean file. */
export function UploadPanel({ lang, unitCode }: { lang: Lang; unitCode: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const user = useSession().state.user;
  const [file, setFile] = useState<File | null>(null);
  const [period, setPeriod] = useState('');
  const [fileIssue, setFileIssue] = useState<FileProblem | 'missing' | null>(null);
  const [periodTouched, setPeriodTouched] = useState(false);
  const [preview, setPreview] = useState<Action<ImportReport>>({ status: 'idle' });
  const [commit, setCommit] = useState<Action<ImportReport>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const commitResult = useRef<HTMLDivElement>(null);

  useEffect(() => () => controller.current?.abort(), []);
  // A new result takes the focus: screen readers read it, and a phone scrolls to it.
  useEffect(() => {
    if (preview.status === 'done' || preview.status === 'error') resultHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (commit.status === 'done' || commit.status === 'error') commitResult.current?.focus();
  }, [commit]);

  const periodValid = period === '' || isMonth(period);

  /** Anything that changes the file to send makes the old preview meaningless. */
  const reset = () => {
    controller.current?.abort();
    setPreview({ status: 'idle' });
    setCommit({ status: 'idle' });
  };

  const start = () => {
    controller.current?.abort();
    const ctl = new AbortController();
    controller.current = ctl;
    return ctl;
  };

  const onPreview = async (event: FormEvent) => {
    event.preventDefault();
    setPeriodTouched(true);
    if (!file) {
      setFileIssue('missing');
      return;
    }
    const issue = fileProblem(file);
    setFileIssue(issue);
    if (issue || !periodValid) return;
    const ctl = start();
    setCommit({ status: 'idle' });
    setPreview({ status: 'loading' });
    try {
      const report = await postImport(file, {
        mode: 'preview',
        period: period || undefined,
        signal: ctl.signal,
        lang,
      });
      setPreview({ status: 'done', result: report });
    } catch (err) {
      if (ctl.signal.aborted || isAbort(err)) return;
      setPreview({ status: 'error', error: asError(err) });
    }
  };

  const report = preview.status === 'done' ? preview.result : null;
  const committed = commit.status === 'done' ? commit.result : null;
  const blocker = committed ? 'committed' : commitBlocker(report);

  const onCommit = async () => {
    if (!file || blocker) return;
    const ctl = start();
    setCommit({ status: 'loading' });
    try {
      const result = await postImport(file, {
        mode: 'commit',
        period: period || undefined,
        signal: ctl.signal,
        lang,
      });
      setCommit({ status: 'done', result });
    } catch (err) {
      if (ctl.signal.aborted || isAbort(err)) return;
      setCommit({ status: 'error', error: asError(err) });
    }
  };

  const fileMessage =
    fileIssue === 'missing'
      ? t('importPage.upload.chooseFile')
      : fileIssue && file
        ? t(`importPage.upload.${fileIssue}`, { file: file.name, max: MAX_UPLOAD_MB })
        : null;

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

      <form className="form" onSubmit={onPreview} noValidate>
        <div className="form-grid">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-period`}>
              {t('importPage.upload.period')}
            </label>
            <input
              id={`${id}-period`}
              className="input"
              type="month"
              value={period}
              min="2000-01"
              max="2100-12"
              placeholder={t('importPage.periodPlaceholder')}
              aria-invalid={periodTouched && !periodValid}
              aria-describedby={`${id}-period-hint`}
              onChange={(e) => {
                setPeriod(e.target.value);
                reset();
              }}
            />
            <p id={`${id}-period-hint`} className={periodTouched && !periodValid ? 'field-error' : 'field-hint'}>
              {periodTouched && !periodValid ? t('importPage.periodInvalid') : t('importPage.upload.periodHint')}
            </p>
          </div>

          <div className="field field-wide">
            <label className="field-label" htmlFor={`${id}-file`}>
              {t('importPage.upload.file')}
            </label>
            <input
              id={`${id}-file`}
              className="input file-input"
              type="file"
              accept={FILE_ACCEPT}
              aria-invalid={fileMessage !== null}
              aria-describedby={fileMessage ? `${id}-file-error` : undefined}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                setFileIssue(chosen ? fileProblem(chosen) : null);
                reset();
              }}
            />
            {fileMessage && (
              <p id={`${id}-file-error`} className="field-error">
                {fileMessage}
              </p>
            )}
          </div>
        </div>

        <div className="form-actions">
          <button type="submit" className="button" disabled={preview.status === 'loading'}>
            {preview.status === 'loading' ? t('importPage.upload.previewing') : t('importPage.upload.preview')}
          </button>
          <div className="form-status" aria-live="polite">
            {preview.status === 'loading' && <span className="spinner spinner-small" aria-hidden="true" />}
          </div>
        </div>
      </form>

      {(preview.status === 'done' || preview.status === 'error') && (
        <section className="result" aria-labelledby={`${id}-result`}>
          <h3 id={`${id}-result`} className="result-title" tabIndex={-1} ref={resultHeading}>
            {t('importPage.preview.heading')}
          </h3>
          {preview.status === 'error' ? (
            <ProblemNotice error={preview.error} />
          ) : (
            <PreviewReport report={preview.result} lang={lang} />
          )}
        </section>
      )}

      {report && !committed && (
        <div className="commit">
          <button
            type="button"
            className="button button-commit"
            disabled={blocker !== null || commit.status === 'loading'}
            aria-describedby={blocker ? `${id}-commit-why` : undefined}
            onClick={onCommit}
          >
            {commit.status === 'loading' ? t('importPage.commit.committing') : t('importPage.commit.button')}
          </button>
          {blocker && (
            <p id={`${id}-commit-why`} className="field-hint">
              {t(`importPage.commit.${blocker}`)}
            </p>
          )}
        </div>
      )}

      <div ref={commitResult} tabIndex={-1} className="commit-result">
        {commit.status === 'done' && <CommitDone report={commit.result} lang={lang} unitCode={unitCode} />}
        {commit.status === 'error' && <CommitFailed error={commit.error} />}
      </div>
    </section>
  );
}
