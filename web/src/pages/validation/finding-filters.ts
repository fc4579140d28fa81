/** The findings table's filters, kept in the URL so that a filtered list can be shared and survives a reload. */
import type { Importance, Violation } from '../../api/types.js';

export const SEVERITIES: readonly Importance[] = ['high', 'medium', 'low'];
export const EXPLANATION_STATUSES = ['open', 'explained'] as const;
export type ExplanationStatus = (typeof EXPLANATION_STATUSES)[number];

export interface FindingFilters {
  rule: string | null;
  indicator: string | null;
  severity: Importance | null;
  commune: string | null;
  status: ExplanationStatus | null;
}

/** URL parameter of each filter. */
export const FILTER_PARAMS = {
  rule: 'rule',
  indicator: 'indicator',
  severity: 'severity',
  commune: 'commune',
  status: 'status',
} as const satisfies Record<keyof FindingFilters, string>;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

export function readFilters(search: URLSearchParams): FindingFilters {
  const text = (key: string) => search.get(key)?.trim() || null;
  return {
    rule: text(FILTER_PARAMS.rule),
    indicator: text(FILTER_PARAMS.indicator),
    severity: oneOf(search.get(FILTER_PARAMS.severity), SEVERITIES),
    commune: text(FILTER_PARAMS.commune),
    status: oneOf(search.get(FILTER_PARAMS.status), EXPLANATION_STATUSES),
  };
}

export const isExplained = (v: Violation) => Boolean(v.explanation);

/** Findings that pass every filter set; an unset filter lets everything through. */
export function matchesFilters(v: Violation, f: FindingFilters): boolean {
  return (
    (f.rule === null || v.ruleCode === f.rule) &&
    (f.indicator === null || v.indicator === f.indicator) &&
    (f.severity === null || v.importance === f.severity) &&
    (f.commune === null || v.unit === f.commune) &&
    (f.status === null || (f.status === 'explained') === isExplained(v))
  );
}

export function countBySeverity(violations: readonly Violation[]): Record<Importance, number> {
  const counts: Record<Importance, number> = { high: 0, medium: 0, low: 0 };
  for (const v of violations) counts[v.importance] += 1;
  return counts;
}

/** The distinct values of one field among the findings, for a filter's choices. */
export function distinct(violations: readonly Violation[], pick: (v: Violation) => string | null): string[] {
  return [...new Set(violations.map(pick).filter((x): x is string => x !== null))].sort();
}

/** A stable key of a finding, as the server identifies it. */
export const findingKey = (v: Violation) => `${v.ruleCode}:${v.indicator ?? ''}:${v.unit}:${v.period}`;
