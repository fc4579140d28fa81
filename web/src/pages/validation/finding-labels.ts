/** How a finding is named and shown: units from the tree, indicators from the catalogue, rules by their names. */
import type { TFunction } from 'i18next';
import type { Lang, UnitTreeNode } from '../../../../src/domain/overview-contract.js';
import type { IndicatorInfo, ValidationRule, Violation } from '../../api/types.js';
import { formatExact } from '../../format.js';
import { findUnit, unitName } from '../../units.js';

export interface Lookups {
  tree: UnitTreeNode | undefined;
  indicators: Map<string, IndicatorInfo>;
  rules: Map<string, ValidationRule>;
  lang: Lang;
}

export function unitLabel(code: string, lookups: Lookups, t: TFunction): string {
  const unit = lookups.tree ? findUnit(lookups.tree, code) : undefined;
  return unit ? unitName(unit, lookups.lang) : t('validationPage.unknownUnit', { code });
}

export function indicatorLabel(code: string, lookups: Lookups): string {
  const indicator = lookups.indicators.get(code);
  return indicator ? (lookups.lang === 'en' ? indicator.nameEn : indicator.nameVi) : code;
}

/** A rule by its name; the built-in checks by the kind's name. */
export function ruleLabel(code: string, lookups: Lookups, t: TFunction): string {
  if (code === 'bounds' || code === 'outlier') return t(`validationPage.kind.${code}`);
  const rule = lookups.rules.get(code);
  return rule ? (lookups.lang === 'en' ? rule.nameEn : rule.nameVi) : code;
}

/** What the finding is about: the rule's name for a cross-indicator rule, else the indicator's. */
export function subjectOf(v: Violation, lookups: Lookups, t: TFunction): string {
  if (v.kind === 'rule') return ruleLabel(v.ruleCode, lookups, t);
  return v.indicator ? indicatorLabel(v.indicator, lookups) : v.ruleCode;
}

export function valueOf(v: Violation, lookups: Lookups): string {
  const indicator = v.indicator ? lookups.indicators.get(v.indicator) : undefined;
  return formatExact(v.value, indicator?.valueType, indicator?.decimals ?? 0, lookups.lang);
}

/** The day, first in both languages: 24/11/2026. */
export function formatDay(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(iso));
}
