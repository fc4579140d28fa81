/** The map page's coverage model panel: the latest run, a demo run to start or cancel, its layers and files. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../src/domain/overview-contract.js';
import type { CoverageFileKind } from '../../api/client.js';
import type { CoverageRun, Technology } from '../../api/types.js';
import { DemoTag } from '../../components/DemoTag.js';
import { Link } from '../../components/Link.js';
import { ProblemNotice } from '../../components/ProblemNotice.js';
import { formatCount, formatPeriod } from '../../format.js';
import { useLocation } from '../../navigation.js';
import { signInHref } from '../../routes.js';
import { runProgressPercent } from '../../map/coverage.js';
import { OperatorFigures } from './OperatorFigures.js';
import { runDownloads } from './run-downloads.js';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const FILE_KINDS: readonly CoverageFileKind[] = ['signal', 'sites', 'uncovered'];

function formatWhen(iso: string | null, lang: Lang): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export interface RunView {
  /** The latest successful run. */
  latest: CoverageRun | null;
  /** The run being watched (queued or running), if any. */
  active: CoverageRun | null;
  starting: boolean;
  cancelling: boolean;
  error: { kind: 'start' | 'cancel' | 'poll'; error: Error } | null;
  /** How the last watched run ended. */
  outcome: CoverageRun | null;
  /** The month a new run would compute. */
  runPeriod: string;
}

export interface ModelPanelProps {
  lang: Lang;
  view: RunView;
  demo: boolean;
  /** The permission table allows starting and cancelling runs (`coverage.run`). */
  mayRun: boolean;
  onStart: () => void;
  onCancel: () => void;
  technologies: readonly Technology[];
  layerOn: Partial<Record<Technology, boolean>>;
  onToggleLayer: (tech: Technology, on: boolean) => void;
  layersAvailable: boolean;
  opacity: number;
  onOpacity: (value: number) => void;
  showHotspots: boolean;
  onToggleHotspots: (on: boolean) => void;
}

export function ModelPanel(props: ModelPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const { view, lang } = props;
  const { latest, active, outcome, error } = view;
  const running = active && (active.status === 'queued' || active.status === 'running') ? active : null;
  const percent = running ? runProgressPercent(running) : null;
  const errorTitle = error
    ? t(
        error.kind === 'start'
          ? 'mapPage.model.startFailed'
          : error.kind === 'cancel'
            ? 'mapPage.model.cancelFailed'
            : 'mapPage.model.pollFailed',
      )
    : '';

  return (
    <section className="panel map-panel" aria-labelledby={`${id}-title`}>
      <div className="map-panel-head">
        <h2 id={`${id}-title`} className="panel-title">
          {t('mapPage.model.title')}
        </h2>
        {props.demo && <DemoTag />}
      </div>
      <p className="panel-hint">{t('mapPage.model.intro')}</p>
      <p className="map-run-latest">
        {latest
          ? t('mapPage.model.lastRun', {
              when: formatWhen(latest.finishedAt ?? latest.createdAt, lang),
              period: formatPeriod(latest.period, lang),
            })
          : t('mapPage.model.noRun')}
      </p>
      {latest?.result && <OperatorFigures lang={lang} result={latest.result} />}

      {running ? (
        <div className="map-run-progress">
          <p className="map-run-status" role="status">
            <span className="spinner spinner-small" aria-hidden="true" />{' '}
            {t(running.status === 'queued' ? 'mapPage.model.queued' : 'mapPage.model.running')}
            {running.tilesTotal > 0 && (
              <span className="map-run-tiles">
                {t('mapPage.model.tiles', {
                  done: formatCount(running.tilesDone, lang),
                  total: formatCount(running.tilesTotal, lang),
                })}
              </span>
            )}
          </p>
          <div
            className="bar"
            role="progressbar"
            aria-label={t('mapPage.model.progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent ?? undefined}
            aria-valuetext={percent !== null ? `${percent} %` : undefined}
          >
            <div
              className={`bar-fill${percent === null ? ' bar-fill-indeterminate' : ''}`}
              style={{ width: `${percent ?? 100}%` }}
            />
          </div>
          {props.mayRun && (
            <button
              type="button"
              className="button button-secondary"
              onClick={props.onCancel}
              disabled={view.cancelling}
            >
              {view.cancelling ? t('mapPage.model.cancelling') : t('mapPage.model.cancel')}
            </button>
          )}
        </div>
      ) : !props.mayRun ? (
        <p className="field-hint">{t('mapPage.model.mayNotRun')}</p>
      ) : (
        <div className="map-run-start">
          <button type="button" className="button" onClick={props.onStart} disabled={view.starting}>
            {view.starting ? t('mapPage.model.starting') : t('mapPage.model.run')}
          </button>
          <p className="field-hint">{t('mapPage.model.runHint', { period: formatPeriod(view.runPeriod, lang) })}</p>
        </div>
      )}

      {error && <ProblemNotice error={error.error} title={errorTitle} />}
      {!running && outcome?.status === 'succeeded' && (
        <p className="notice notice-ok" role="status">
          {t('mapPage.model.succeeded')}
        </p>
      )}
      {!running && outcome?.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{t('mapPage.model.failed')}</p>
          {outcome.error && (
            <p className="notice-detail">
              <span lang="en">{outcome.error}</span>
            </p>
          )}
        </div>
      )}
      {!running && outcome?.status === 'cancelled' && (
        <p className="notice notice-warn" role="status">
          {t('mapPage.model.cancelled')}
        </p>
      )}

      {latest && props.technologies.length > 0 && (
        <fieldset className="map-layers">
          <legend className="map-layers-title">{t('mapPage.model.layers')}</legend>
          <p className="field-hint">{t('mapPage.model.layersHint')}</p>
          <div className="choices">
            {props.technologies.map((tech) => (
              <label key={tech} className="choice">
                <input
                  type="checkbox"
                  checked={props.layerOn[tech] ?? false}
                  disabled={!props.layersAvailable}
                  onChange={(e) => props.onToggleLayer(tech, e.target.checked)}
                />
                {t('mapPage.model.layerToggle', { tech })}
              </label>
            ))}
          </div>
          <div className="map-opacity">
            <label className="field-label" htmlFor={`${id}-opacity`}>
              {t('mapPage.model.opacity')}
            </label>
            <input
              id={`${id}-opacity`}
              type="range"
              min={0.1}
              max={1}
              step={0.05}
              value={props.opacity}
              aria-valuetext={`${Math.round(props.opacity * 100)} %`}
              onChange={(e) => props.onOpacity(Number(e.target.value))}
            />
            <output htmlFor={`${id}-opacity`}>{Math.round(props.opacity * 100)} %</output>
          </div>
          <label className="choice choice-plain">
            <input
              type="checkbox"
              checked={props.showHotspots}
              onChange={(e) => props.onToggleHotspots(e.target.checked)}
            />
            {t('mapPage.model.hotspotsToggle')}
          </label>
          {FILE_KINDS.map((kind) => (
            <p key={kind} className="map-downloads">
              {t(`mapPage.model.files.${kind}`)}{' '}
              {runDownloads(latest, kind, props.technologies).map((file, i) => (
                <span key={file.fileName}>
                  {i > 0 && ' · '}
                  <a
                    href={file.url}
                    download={file.fileName}
                    aria-label={t(`mapPage.model.fileOf.${kind}`, { tech: file.label })}
                  >
                    {file.label}
                  </a>
                </span>
              ))}
            </p>
          ))}
        </fieldset>
      )}
    </section>
  );
}

/** Stands in for the model panel and the hot spots for the public: model runs are not published figures. */
export function ModelSignIn() {
  const { t } = useTranslation();
  const id = useId();
  const { pathname, search } = useLocation();
  return (
    <section className="panel map-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('mapPage.model.title')}
      </h2>
      <p className="panel-hint">{t('mapPage.model.signIn')}</p>
      <Link className="button button-secondary" href={signInHref(pathname, search)}>
        {t('account.signIn')}
      </Link>
    </section>
  );
}
