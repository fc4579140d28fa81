/**
 * Shapes the HTTP API returns for the overview screen. Shared by the server (which builds them)
 * and the web app (which renders them); type-only, no runtime code.
 */
export type Lang = 'vi' | 'en';

export interface UnitSummary {
  code: string;
  nameVi: string;
  nameEn: string | null;
  level: 'nation' | 'province' | 'commune';
  unitType: 'nation' | 'province' | 'city' | 'commune' | 'ward' | 'special_zone';
  parentCode: string | null;
  population: number | null;
  areaKm2: number | null;
  isBorder: boolean;
  isEconomicZone: boolean;
  isDemo: boolean;
}

export interface UnitTreeNode extends UnitSummary {
  children: UnitTreeNode[];
}

export type ValueType = 'number' | 'percent' | 'count' | 'boolean';

export interface SeriesPoint {
  period: string; // '2025-09'
  value: number | null; // null: no unit reported in that period
}

export interface IndicatorProgress {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string; // '% dân số'
  unitEn: string; // '% of population'
  valueType: ValueType;
  decimals: number; // digits to show
  direction: 'higher' | 'lower';
  isDemo: boolean;
  /** Period the current value is for, e.g. '2025'. */
  period: string;
  current: number | null;
  coverage: { reported: number; expected: number };
  baseline: { year: number; value: number } | null;
  target: { year: number; value: number } | null; // the 2030 (final-year) target
  /** Whose baseline and target these are: the unit's own, or the province's passed down (rates as they are, amounts by population). */
  targetSource?: 'own' | 'split_from_province';
  /** 0–1: share of the target reached (current ÷ target, or target ÷ current when lower is better), capped at 1. */
  attainment: number | null;
  series: SeriesPoint[]; // monthly, oldest first, for the sparkline
  /** Against the straight-line trajectory from the baseline through the yearly targets (rule in ProgressSummary.statusRule). */
  /** not_published: the public view, for a period not yet approved whole. */
  status: 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_target' | 'not_published';
  /** The value the trajectory expects at the time of the latest report. */
  expected: number | null;
  /** The coverage engine's figure for the same unit and year, shown beside the reported one ("computed 99,18 %"). */
  computed: { code: string; value: number } | null;
}

export interface AreaProgress {
  code: string; // 'A2'
  nameVi: string;
  nameEn: string;
  indicators: IndicatorProgress[];
}

export interface ProgressSummary {
  unit: UnitSummary;
  year: number;
  /** Why this year: asked for, the latest complete enough (minReportingShare of units reporting), or a fallback. */
  yearChoice?: 'requested' | 'complete_enough' | 'latest_with_data' | 'published';
  /** The year the overview opens on without ?year= (the rule's choice). */
  defaultYear?: number;
  minReportingShare?: number;
  /** Every year with values, with how many units reported in it: the period picker's choices. */
  years?: { year: number; reporting: number; expected: number; share: number }[];
  /** 'published': the public's view (approved figures of public indicators only); 'all': a signed-in reader's. */
  view?: 'published' | 'all';
  agreement: { code: string; titleVi: string; titleEn: string; periodFrom: number; periodTo: number };
  isDemo: boolean; // any value shown is demo data
  statusRule: { vi: string; en: string };
  areas: AreaProgress[];
}
