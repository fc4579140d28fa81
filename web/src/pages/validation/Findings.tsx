import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Lang, UnitTreeNode } from '../../../../src/domain/overview-contract.js';
import type { IndicatorInfo, ValidationResult, ValidationRule, Violation, ViolationKind } from '../../api/types.js';
import { formatCount, formatExact, formatNumber, formatPeriod } from '../../format.js';
import { findUnit, unitName } from '../../units.js';
import { countByKind, groupViolations, KIND_ORDER, outlierStats } from '../../validation.js';

/** What the findings are named with: units from the tree, indicators from the catalogue, rules by code. */
export interface Lookups {
  tree: UnitTreeNode | undefined;
  indicators: Map<string, IndicatorInfo>;
  rules: Map<string, ValidationRule>;
  lang: Lang;
}

function unitLabel(code: string, lookups: Lookups, t: TFunction) {
  const unit = lookups.tree ? findUnit(lookups.tree, code) : undefined;
  return unit ? unitName(unit, lookups.lang) : t('validationPage.unknownUnit', { code });
}

/** The findings of one check, grouped by kind: rules, bounds, outliers. */
export function Findings({
  result,
  lookups,
  updating,
}: {
  result: ValidationResult;
  lookups: Lookups;
  updating: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = lookups;
  const groups = groupViolations(result.violations);
  const counts = countByKind(result.violations);
  const unit = unitLabel(result.unit, lookups, t);
  const period = formatPeriod(result.period, lang);
  const total = result.violations.length;

  return (
    <div className={updating ? 'findings is-updating' : 'findings'}>
      <div className="findings-head">
        <h2 className="findings-title">{t('validationPage.heading', { unit, period })}</h2>
        {updating ? (
          <span className="updating" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('validationPage.loading')}
          </span>
        ) : (
          total > 0 && <p className="findings-total">{t('validationPage.total', { count: total })}</p>
        )}
      </div>

      {total === 0 ? (
        <div className="empty-state" role="status">
          <span className="empty-icon" aria-hidden="true">
            ✓
          </span>
          <p className="empty-title">{t('validationPage.empty')}</p>
          <p className="muted">{t('validationPage.emptyDetail', { unit, period })}</p>
        </div>
      ) : (
        <>
          <ul className="kind-summary">
            {KIND_ORDER.map((kind) => (
              <li key={kind} className={counts[kind] ? undefined : 'muted'}>
                {counts[kind] ? (
                  <a href={`#kind-${kind}`}>
                    {t(`validationPage.kind.${kind}`)}: <strong>{formatCount(counts[kind], lang)}</strong>
                  </a>
                ) : (
                  <>
                    {t(`validationPage.kind.${kind}`)}: {formatCount(0, lang)}
                  </>
                )}
              </li>
            ))}
          </ul>
          {groups.map((g) => (
            <KindSection key={g.kind} kind={g.kind} items={g.items} lookups={lookups} />
          ))}
        </>
      )}
    </div>
  );
}

function KindSection({ kind, items, lookups }: { kind: ViolationKind; items: Violation[]; lookups: Lookups }) {
  const { t } = useTranslation();
  const titleId = `kind-${kind}-title`;
  const anyInfinite = kind === 'outlier' && items.some((v) => outlierStats(v.message)?.z === Infinity);
  return (
    <section id={`kind-${kind}`} className="kind-section" aria-labelledby={titleId}>
      <div className="area-head">
        <h3 id={titleId} className="area-title">
          {t(`validationPage.kind.${kind}`)}
        </h3>
        <span className="area-count">{t('validationPage.count', { count: items.length })}</span>
      </div>
      <p className="kind-help">
        {t(`validationPage.kindHelp.${kind}`)}
        {anyInfinite && <> {t('validationPage.zInfinite')}</>}
      </p>
      <ul className="violations">
        {items.map((v, i) => (
          <ViolationItem
            key={`${v.ruleCode}:${v.indicator ?? ''}:${v.unit}:${v.period}:${i}`}
            v={v}
            lookups={lookups}
          />
        ))}
      </ul>
    </section>
  );
}

function ViolationItem({ v, lookups }: { v: Violation; lookups: Lookups }) {
  const { t } = useTranslation();
  const { lang } = lookups;
  const indicator = v.indicator ? lookups.indicators.get(v.indicator) : undefined;
  const rule = v.kind === 'rule' ? lookups.rules.get(v.ruleCode) : undefined;
  const subject = rule
    ? lang === 'en'
      ? rule.nameEn
      : rule.nameVi
    : indicator
      ? lang === 'en'
        ? indicator.nameEn
        : indicator.nameVi
      : (v.indicator ?? v.ruleCode);
  const code = rule ? rule.code : v.indicator;
  const value = formatExact(v.value, indicator?.valueType, indicator?.decimals ?? 0, lang);
  const stats = v.kind === 'outlier' ? outlierStats(v.message) : null;
  // A median is a summary, not a stored value: two decimals are enough.
  const fmtStat = (n: number) => formatExact(n, indicator?.valueType, 0, lang, Math.max(2, indicator?.decimals ?? 0));

  return (
    <li className="violation">
      <div className="violation-head">
        <span className={`tag importance importance-${v.importance}`}>
          <span className="visually-hidden">{t('importance.label')}: </span>
          {t(`importance.${v.importance}`)}
        </span>
        <p className="violation-subject">
          {subject}
          {code && code !== subject && <code className="violation-code">{code}</code>}
        </p>
      </div>
      <p className="violation-meta">
        <span className="violation-unit">{unitLabel(v.unit, lookups, t)}</span>
        <span aria-hidden="true"> · </span>
        <span>{formatPeriod(v.period, lang)}</span>
        <span aria-hidden="true"> · </span>
        <span className="violation-value-label">
          {t('validationPage.value')}: <strong className="violation-value">{value}</strong>
        </span>
      </p>
      {stats && (
        <p className="violation-stats">
          {t('validationPage.median', { value: fmtStat(stats.median) })}
          <span aria-hidden="true"> · </span>
          {t('validationPage.z', {
            value: Number.isFinite(stats.z) ? formatNumber(stats.z, 1, lang) : stats.z > 0 ? '∞' : '−∞',
          })}
        </p>
      )}
      <p className="violation-message" lang="en">
        {v.message}
      </p>
    </li>
  );
}
