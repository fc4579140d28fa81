import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress, Lang, SeriesPoint } from '../../../src/domain/overview-contract.js';
import { formatAttainment, formatCount, formatPeriod, formatValue, NO_VALUE } from '../format.js';
import { Link } from './Link.js';

// Drawn once the card has rendered; its own small chunk.
const Sparkline = lazy(() => import('./Sparkline.js'));

const SPARKLINE_HEIGHT = 40;

/** Points with a value; a sparkline needs at least two. */
export function hasTrend(series: SeriesPoint[]): boolean {
  return series.filter((p) => p.value !== null && Number.isFinite(p.value)).length >= 2;
}

export interface IndicatorCardProps {
  indicator: IndicatorProgress;
  lang: Lang;
  /** How the status is decided: opened by tapping the status (a phone has no hover). */
  statusRule?: string;
  /** The indicator's page; the card's title links there. */
  href?: string;
}

/** Last non-null point of the series, for the sparkline's description. */
function lastValue(indicator: IndicatorProgress): number | null {
  for (let i = indicator.series.length - 1; i >= 0; i--) {
    const v = indicator.series[i]?.value;
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

export function IndicatorCard({ indicator, lang, statusRule, href }: IndicatorCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const [showHelp, setShowHelp] = useState(false);
  const [showRule, setShowRule] = useState(false);
  const fmt = (v: number | null) => formatValue(v, indicator.valueType, indicator.decimals, lang);

  const name = lang === 'en' ? indicator.nameEn : indicator.nameVi;
  const unitLabel = lang === 'en' ? indicator.unitEn : indicator.unitVi;
  const { current, target, attainment, coverage } = indicator;
  const hasValue = current !== null;

  const attainmentText =
    attainment !== null ? t('card.attainment', { value: formatAttainment(attainment, lang) }) : null;
  const help =
    target && hasValue
      ? t(indicator.direction === 'lower' ? 'card.attainmentHelpLower' : 'card.attainmentHelpHigher', {
          current: fmt(current),
          target: fmt(target.value),
        })
      : null;
  const percent = attainment !== null ? Math.round(Math.min(1, Math.max(0, attainment)) * 1000) / 10 : 0;
  const missingReports = coverage.expected > 0 && coverage.reported < coverage.expected;

  const first = indicator.series[0];
  const last = indicator.series[indicator.series.length - 1];
  const showTrend = hasTrend(indicator.series) && first && last;

  return (
    <article className={`card${hasValue ? '' : ' card-empty'}`} aria-labelledby={`${id}-name`}>
      <div className="card-head">
        <h3 id={`${id}-name`} className="card-name">
          {href ? (
            <Link className="card-link" href={href}>
              {name}
            </Link>
          ) : (
            name
          )}
        </h3>
        {indicator.isDemo && (
          <span className="tag tag-demo" title={t('demo.tagTitle')}>
            {t('demo.tag')}
          </span>
        )}
      </div>

      <div className="card-value-row">
        <span className={`card-value${hasValue ? '' : ' muted'}`}>{hasValue ? fmt(current) : NO_VALUE}</span>
        {!hasValue && <span className="card-nodata">{t('card.noData')}</span>}
        {hasValue &&
          (statusRule ? (
            <button
              type="button"
              className={`tag tag-status tag-button status-${indicator.status}`}
              aria-expanded={showRule}
              aria-controls={`${id}-rule`}
              aria-label={t('card.statusRuleToggle', { status: t(`status.${indicator.status}`) })}
              onClick={() => setShowRule((v) => !v)}
            >
              {t(`status.${indicator.status}`)}
              <span aria-hidden="true"> ▾</span>
            </button>
          ) : (
            <span className={`tag tag-status status-${indicator.status}`}>{t(`status.${indicator.status}`)}</span>
          ))}
      </div>
      {hasValue && statusRule && (
        <p id={`${id}-rule`} className="help-text status-rule" hidden={!showRule}>
          {statusRule}
        </p>
      )}
      {indicator.computed && (
        <div className="card-compare">
          <p className="card-compare-line">
            <span className="card-compare-reported">
              {t('card.reported')} <strong>{fmt(current)}</strong>
            </span>
            <span className="card-compare-sep" aria-hidden="true">
              {' · '}
            </span>
            <span className="card-compare-computed" title={indicator.computed.code}>
              {t('card.computed')} <strong>{fmt(indicator.computed.value)}</strong>
            </span>
          </p>
          <p className="card-compare-note">{t('card.computedNote')}</p>
        </div>
      )}
      <p className="card-meta">
        <span className="card-unit">{unitLabel}</span>
        <span aria-hidden="true"> · </span>
        <span className="card-period">{formatPeriod(indicator.period, lang)}</span>
        {indicator.direction === 'lower' && (
          <>
            <span aria-hidden="true"> · </span>
            <span className="card-direction">{t('card.lowerIsBetter')}</span>
          </>
        )}
      </p>

      <div className="card-progress">
        {attainment !== null && (
          <div
            className="bar"
            role="progressbar"
            aria-label={t('card.attainmentAria')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={attainmentText ?? undefined}
            title={help ?? undefined}
          >
            <div className={`bar-fill${attainment >= 1 ? ' bar-fill-done' : ''}`} style={{ width: `${percent}%` }} />
          </div>
        )}
        <div className="card-progress-row">
          {attainmentText && (
            <span className="card-attainment" title={help ?? undefined}>
              {attainmentText}
              {help && (
                <button
                  type="button"
                  className="help-toggle"
                  aria-expanded={showHelp}
                  aria-controls={`${id}-help`}
                  aria-label={t('card.howComputed')}
                  onClick={() => setShowHelp((v) => !v)}
                >
                  ?
                </button>
              )}
            </span>
          )}
          <span className="card-target">
            {target ? t('card.target', { year: target.year, value: fmt(target.value) }) : t('card.noTarget')}
          </span>
        </div>
        {target && indicator.targetSource === 'split_from_province' && (
          <p className="card-compare-note card-target-source">{t('overviewTargets.splitFromProvince')}</p>
        )}
        {help && (
          <p id={`${id}-help`} className="help-text" hidden={!showHelp}>
            {help}
          </p>
        )}
      </div>

      {coverage.expected > 1 && (
        <p className={`card-coverage${missingReports ? ' card-coverage-missing' : ''}`}>
          {t('card.coverage', {
            reported: formatCount(coverage.reported, lang),
            expected: formatCount(coverage.expected, lang),
          })}
        </p>
      )}

      {showTrend && (
        <Suspense fallback={<div className="sparkline" style={{ height: SPARKLINE_HEIGHT }} />}>
          <Sparkline
            series={indicator.series}
            height={SPARKLINE_HEIGHT}
            label={t('card.trendLabel', {
              from: formatPeriod(first.period, lang),
              to: formatPeriod(last.period, lang),
              last: fmt(lastValue(indicator)),
            })}
          />
        </Suspense>
      )}

      <p className="card-code">{indicator.code}</p>
    </article>
  );
}
