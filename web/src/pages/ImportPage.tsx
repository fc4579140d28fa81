import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../src/domain/overview-contract.js';
import { ApiError, getImportTemplate, getIndicators, getUnitTree, postImport } from '../api/client.js';
import type { Agreement, ImportReport, IndicatorInfo } from '../api/types.js';
import { AppHeader } from '../components/AppHeader.js';
import { ErrorTable } from '../components/ErrorTable.js';
import { Link } from '../components/Link.js';
import { ProblemNotice } from '../components/ProblemNotice.js';
import { UnitSelector } from '../components/UnitSelector.js';
import { formatCount } from '../format.js';
import { loadAgreement, useResource, useStoredString, useUrlSearch, type Loader, type Resource } from '../hooks.js';
import { currentLang } from '../i18n.js';
import {
  ALL_COMMUNE_INDICATORS,
  commitBlocker,
  FILE_ACCEPT,
  fileProblem,
  isMonth,
  lastMonth,
  MAX_UPLOAD_MB,
  rowErrorsFromProblem,
  rowsWithErrors,
  templateHasNoRows,
  templateIndicators,
  templateLevel,
  templateSelection,
  type FileProblem,
} from '../importing.js';
import { routeHref } from '../routes.js';
import { findUnit, resolveUnitCode } from '../units.js';

const loadTree: Loader<UnitTreeNode> = (signal) => getUnitTree({ signal, lang: currentLang() });
const loadIndicators: Loader<IndicatorInfo[]> = (signal) => getIndicators({ signal, lang: currentLang() });

/** localStorage key of the "Your name" field (sent as X-DX-User). */
export const USER_NAME_KEY = 'dx-compact.user';

type Action<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'done'; result: T } | { status: 'error'; error: Error };

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

/** The import screen: download a template, then upload a file, see every problem, and commit a clean file. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.resolvedLanguage);
  const [search, setSearch] = useUrlSearch();
  const unitParam = search.get('unit')?.trim() || null;

  const tree = useResource(loadTree);
  const agreement = useResource(loadAgreement);
  const indicators = useResource(loadIndicators);
  const unitCode = useMemo(() => resolveUnitCode(tree.data, unitParam), [tree.data, unitParam]);
  const selectUnit = useCallback((code: string) => setSearch({ unit: code }), [setSearch]);

  useEffect(() => {
    document.title = t('pageTitle.import');
  }, [t]);

  return (
    <div className="app">
      <AppHeader agreement={agreement.data} />
      <main id="main" className="main page-narrow" tabIndex={-1}>
        <div className="page-head">
          <div>
            <h1 className="page-title">{t('importPage.title')}</h1>
            <p className="page-subtitle">{t('importPage.intro')}</p>
          </div>
        </div>
        <TemplatePanel
          tree={tree}
          unitCode={unitCode}
          onUnitChange={selectUnit}
          agreement={agreement}
          indicators={indicators}
          lang={lang}
        />
        <UploadPanel lang={lang} unitCode={unitCode} />
      </main>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Step 1: the template.

interface TemplatePanelProps {
  tree: Resource<UnitTreeNode>;
  unitCode: string | null;
  onUnitChange: (code: string) => void;
  agreement: Resource<Agreement>;
  indicators: Resource<IndicatorInfo[]>;
  lang: Lang;
}

interface DownloadState {
  /** The choices the download was made for: a change of any of them hides the old result. */
  key: string;
  action: Action<{ url: string; filename: string }>;
}

function saveBlobUrl(url: string, filename: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function TemplatePanel({ tree, unitCode, onUnitChange, agreement, indicators, lang }: TemplatePanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [period, setPeriod] = useState(() => lastMonth());
  const [area, setArea] = useState(ALL_COMMUNE_INDICATORS);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [download, setDownload] = useState<DownloadState | null>(null);
  const [touched, setTouched] = useState(false);
  const objectUrl = useRef<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
      if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    },
    [],
  );

  const periodValid = isMonth(period);
  const chosen = indicators.data ? templateIndicators(area, indicators.data) : null;
  const level = chosen ? templateLevel(chosen) : null;
  const unit = tree.data && unitCode ? findUnit(tree.data, unitCode) : undefined;
  const noRows = level !== null && unit !== undefined && templateHasNoRows(level, unit.level);
  const needsIndicators = area === ALL_COMMUNE_INDICATORS && !indicators.data;

  const key = [unitCode, period, area, format, lang].join('|');
  const current = download?.key === key ? download.action : { status: 'idle' as const };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!unitCode || !periodValid || needsIndicators) return;
    controller.current?.abort();
    const ctl = new AbortController();
    controller.current = ctl;
    setDownload({ key, action: { status: 'loading' } });
    try {
      const file = await getImportTemplate(
        { unit: unitCode, period, ...templateSelection(area, indicators.data), format, lang },
        { signal: ctl.signal, lang },
      );
      if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
      const url = URL.createObjectURL(file.blob);
      objectUrl.current = url;
      setDownload({ key, action: { status: 'done', result: { url, filename: file.filename } } });
      saveBlobUrl(url, file.filename);
    } catch (err) {
      if (ctl.signal.aborted || isAbort(err)) return;
      setDownload({ key, action: { status: 'error', error: asError(err) } });
    }
  };

  const areaName = (a: Agreement['areas'][number]) => (lang === 'en' ? a.nameEn : a.nameVi);

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        <span className="step" aria-hidden="true">
          1
        </span>
        {t('importPage.template.heading')}
      </h2>
      <p className="panel-hint">{t('importPage.template.hint')}</p>

      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="form-row form-row-unit">
          <UnitSelector
            tree={tree.data}
            value={unitCode}
            onChange={onUnitChange}
            lang={lang}
            onRetry={tree.error ? tree.retry : undefined}
          />
        </div>

        <div className="form-grid">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-period`}>
              {t('importPage.template.period')}
            </label>
            <input
              id={`${id}-period`}
              className="input"
              type="month"
              value={period}
              min="2000-01"
              max="2100-12"
              required
              placeholder={t('importPage.periodPlaceholder')}
              aria-invalid={touched && !periodValid}
              aria-describedby={touched && !periodValid ? `${id}-period-error` : undefined}
              onChange={(e) => setPeriod(e.target.value)}
            />
            {touched && !periodValid && (
              <p id={`${id}-period-error`} className="field-error">
                {t('importPage.periodInvalid')}
              </p>
            )}
          </div>

          <div className="field field-wide">
            <label className="field-label" htmlFor={`${id}-area`}>
              {t('importPage.template.area')}
            </label>
            <select
              id={`${id}-area`}
              className="input"
              value={area}
              aria-describedby={`${id}-area-hint`}
              onChange={(e) => setArea(e.target.value)}
            >
              <option value={ALL_COMMUNE_INDICATORS}>{t('importPage.template.allCommune')}</option>
              {agreement.data?.areas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.code} · {areaName(a)}
                </option>
              ))}
            </select>
            <div id={`${id}-area-hint`} className="field-hint" aria-live="polite">
              {agreement.error && (
                <p className="field-error">
                  {t('importPage.template.areasFailed')}{' '}
                  <button type="button" className="link-button" onClick={agreement.retry}>
                    {t('error.retry')}
                  </button>
                </p>
              )}
              {indicators.error && (
                <p className="field-error">
                  {t('importPage.template.indicatorsFailed')}{' '}
                  <button type="button" className="link-button" onClick={indicators.retry}>
                    {t('error.retry')}
                  </button>
                </p>
              )}
              {chosen && level && <TemplateContents list={chosen} level={level} lang={lang} />}
              {noRows && <p className="field-warning">{t('importPage.template.noRows')}</p>}
            </div>
          </div>
        </div>

        <fieldset className="field choice-group">
          <legend className="field-label">{t('importPage.template.format')}</legend>
          <div className="choices">
            {(['xlsx', 'csv'] as const).map((f) => (
              <label key={f} className="choice">
                <input
                  type="radio"
                  name={`${id}-format`}
                  value={f}
                  checked={format === f}
                  onChange={() => setFormat(f)}
                />
                <span>{t(`importPage.template.${f}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div className="form-actions">
          <button
            type="submit"
            className="button"
            disabled={current.status === 'loading' || !unitCode || needsIndicators}
          >
            {current.status === 'loading' ? t('importPage.template.downloading') : t('importPage.template.download')}
          </button>
          <div className="form-status" aria-live="polite">
            {current.status === 'loading' && <span className="spinner spinner-small" aria-hidden="true" />}
            {current.status === 'done' && (
              <p className="notice-inline notice-ok">
                {t('importPage.template.ready', { file: current.result.filename })}{' '}
                <a href={current.result.url} download={current.result.filename}>
                  {t('importPage.template.saveAgain')}
                </a>
              </p>
            )}
          </div>
        </div>
        {current.status === 'error' && <ProblemNotice error={current.error} />}
      </form>
    </section>
  );
}

function TemplateContents({
  list,
  level,
  lang,
}: {
  list: IndicatorInfo[];
  level: ReturnType<typeof templateLevel>;
  lang: Lang;
}) {
  const { t } = useTranslation();
  if (level === 'none') return <p className="field-warning">{t('importPage.template.noIndicators')}</p>;
  return (
    <>
      {level === 'mixed' && <p className="field-warning">{t('importPage.template.mixed')}</p>}
      <details className="indicator-list">
        <summary>{t('importPage.template.indicators', { count: list.length, level: t(`level.${level}`) })}</summary>
        <ul>
          {list.map((i) => (
            <li key={i.code}>
              <code>{i.code}</code> — {lang === 'en' ? i.nameEn : i.nameVi}
              {level === 'mixed' && <span className="muted"> ({t(`level.${i.reportingLevel}`)})</span>}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Step 2: upload, preview, commit.

function UploadPanel({ lang, unitCode }: { lang: Lang; unitCode: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [userName, setUserName] = useStoredString(USER_NAME_KEY);
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
        user: userName,
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
  const blocker = committed ? 'committed' : commitBlocker(report, userName);

  const onCommit = async () => {
    if (!file || blocker) return;
    const ctl = start();
    setCommit({ status: 'loading' });
    try {
      const result = await postImport(file, {
        mode: 'commit',
        period: period || undefined,
        user: userName,
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

      <form className="form" onSubmit={onPreview} noValidate>
        <div className="form-grid">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-user`}>
              {t('importPage.upload.user')}
            </label>
            <input
              id={`${id}-user`}
              className="input"
              type="text"
              value={userName}
              maxLength={200}
              autoComplete="name"
              placeholder={t('importPage.upload.userPlaceholder')}
              aria-describedby={`${id}-user-hint`}
              onChange={(e) => setUserName(e.target.value)}
            />
            <p id={`${id}-user-hint`} className="field-hint">
              {t('importPage.upload.userHint')}
            </p>
          </div>

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

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ChangeStats({ changes, lang }: { changes: NonNullable<ImportReport['changes']>; lang: Lang }) {
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

function PreviewReport({ report, lang }: { report: ImportReport; lang: Lang }) {
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

function CommitDone({ report, lang, unitCode }: { report: ImportReport; lang: Lang; unitCode: string | null }) {
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

function CommitFailed({ error }: { error: Error }) {
  const rows = error instanceof ApiError ? rowErrorsFromProblem(error.problem?.errors) : null;
  return <ProblemNotice error={error}>{rows && <ErrorTable errors={rows} file={rows[0]?.file ?? ''} />}</ProblemNotice>;
}
