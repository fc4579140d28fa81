import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../../src/domain/overview-contract.js';
import { getImportTemplate } from '../../api/client.js';
import type { Agreement, IndicatorInfo } from '../../api/types.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { UnitSelector } from '../../components/UnitSelector.js';
import {
  ALL_COMMUNE_INDICATORS,
  isMonth,
  lastMonth,
  templateHasNoRows,
  templateIndicators,
  templateLevel,
  templateSelection,
} from '../../importing.js';
import { findUnit } from '../../units.js';
import { asError, isAbort, type Action } from './import-action.js';

export interface TemplatePanelProps {
  tree: UseQueryResult<UnitTreeNode>;
  unitCode: string | null;
  onUnitChange: (code: string) => void;
  agreement: UseQueryResult<Agreement>;
  indicators: UseQueryResult<IndicatorInfo[]>;
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

/** Step 1 of the import screen: a fill-in template for a unit, a month and a set of indicators. */
export function TemplatePanel({ tree, unitCode, onUnitChange, agreement, indicators, lang }: TemplatePanelProps) {
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
            onRetry={tree.error ? () => void tree.refetch() : undefined}
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
                  <button type="button" className="link-button" onClick={() => void agreement.refetch()}>
                    {t('error.retry')}
                  </button>
                </p>
              )}
              {indicators.error && (
                <p className="field-error">
                  {t('importPage.template.indicatorsFailed')}{' '}
                  <button type="button" className="link-button" onClick={() => void indicators.refetch()}>
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
