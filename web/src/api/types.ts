/**
 * Shapes of the API answers the web app reads. Those with a contract module of their own (coverage runs,
 * import reports) come from it, as the server's do; the others mirror what the server sends
 * (src/db/validation-run.ts, src/db/indicators.ts) so the web app does not import server modules.
 */
import type { UnitSummary, ValueType } from '../../../src/domain/overview-contract.js';

export type ReportingLevel = 'nation' | 'province' | 'commune';

/** One indicator of the catalogue (`GET /api/indicators`), the fields the web app reads. */
export interface IndicatorInfo {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  areaCode: string | null;
  valueType: ValueType;
  reportingLevel: ReportingLevel;
  decimals: number;
  /** A computed indicator has a formula and no stored values: it is never in a template. */
  formula: string | null;
  minValue: number | null;
  maxValue: number | null;
}

export interface AgreementArea {
  code: string;
  position: number;
  nameVi: string;
  nameEn: string;
}

export interface AgreementParty {
  code: string;
  role: 'province' | 'partner';
  nameVi: string;
  nameEn: string;
}

export type CommitmentStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';

export interface Commitment {
  id: number;
  /** Null for a commitment that spans the whole agreement. */
  areaCode: string | null;
  /** The code of the party that owns it. */
  ownerParty: string;
  textVi: string;
  textEn: string;
  /** ISO date (2030-12-31), or null. */
  dueDate: string | null;
  status: CommitmentStatus;
}

/** `GET /api/agreements/{code}` (src/db/agreements.ts). */
export interface Agreement {
  code: string;
  titleVi: string;
  titleEn: string;
  signedOn: string | null;
  periodFrom: number;
  periodTo: number;
  provinceCode: string | null;
  source: string | null;
  parties: AgreementParty[];
  areas: AgreementArea[];
  commitments: Commitment[];
}

export type {
  DiffRow,
  DiffStatus,
  ImportReport,
  ImportRowError,
  WriteSummary,
} from '../../../src/intake/import-report.js';

export type Importance = 'high' | 'medium' | 'low';
export type ViolationKind = 'rule' | 'bounds' | 'outlier';

export interface Violation {
  kind: ViolationKind;
  /** The validation rule's code, or 'bounds' / 'outlier' for the built-in checks. */
  ruleCode: string;
  /** Null for a rule spanning several indicators. */
  indicator: string | null;
  unit: string;
  period: string;
  value: number | null;
  /** In English. */
  message: string;
  importance: Importance;
  /** Set when a reviewer has marked the finding explained. */
  explanation?: FindingExplanationInfo | null;
}

/** Who explained a finding, when (ISO 8601) and why. */
export interface FindingExplanationInfo {
  comment: string;
  explainedBy: string;
  explainedAt: string;
}

/** `GET /api/validation`. */
export interface ValidationResult {
  unit: string;
  period: string;
  violations: Violation[];
}

/** `GET /api/validation-rules`, the fields the web app reads. */
export interface ValidationRule {
  code: string;
  nameVi: string;
  nameEn: string;
  importance: Importance;
}

// ---------------------------------------------------------------------------------------------------------------
// Map and coverage model (src/server/org-units.ts, src/server/coverage.ts, src/db/coverage-runs.ts).

/** Properties of a unit's boundary (`GET /api/org-units/{code}/children/boundaries`). */
export interface BoundaryProperties extends UnitSummary {
  /** Present when the request named an indicator. */
  indicator?: string;
  period?: string;
  /** The indicator rolled up to this unit for the period; null when there is no data. */
  value?: number | null;
  /** Set by the web app (map/choropleth.ts): the fill colour and class of `value` (-1 without one). */
  fill?: string;
  classIndex?: number;
}

export type Position = [number, number];

export type PolygonGeometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface BoundaryFeature {
  type: 'Feature';
  id?: string | number;
  properties: BoundaryProperties;
  geometry: PolygonGeometry | null;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

export type { Technology } from '../../../src/domain/coverage/technology.js';
export type {
  CoverageHotspot,
  CoverageResult,
  CoverageRun,
  RunStatus,
  UnitCoverage,
} from '../../../src/domain/coverage/coverage-run-contract.js';

/** One signal class of the coverage layer (`GET /api/coverage/legend`). */
export interface CoverageLegendClass {
  key: string;
  fromDbAboveThreshold: number;
  rgba: [number, number, number, number];
  labelVi: string;
  labelEn: string;
}

/** `GET /api/rollup`. */
export interface RollupResult {
  indicator: string;
  unit: string;
  values: { period: string; value: number | null; reported: number; expected: number }[];
}
