/**
 * Shapes of the API answers the import and validation screens use. The OpenAPI document does not describe
 * response bodies yet, so these mirror what the server sends (src/db/imports.ts, src/db/validation-run.ts,
 * src/db/indicators.ts); they are declared here so the web app does not import server modules.
 */
import type { ValueType } from '../../../src/domain/overview-contract.js';

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

/** `GET /api/agreements/{code}`, the fields the web app reads. */
export interface Agreement {
  code: string;
  titleVi: string;
  titleEn: string;
  periodFrom: number;
  periodTo: number;
  areas: AgreementArea[];
}

/** One bad cell (or row) of an uploaded file. */
export interface ImportRowError {
  file: string;
  sheet: string | null;
  /** Row number as the user sees it in the spreadsheet (the header is row 1). */
  row: number;
  /** Header text as written in the file; '' for a problem with the whole row. */
  column: string;
  field: 'indicator' | 'unit' | 'period' | 'value' | 'comment' | 'row';
  /** The cell as read; '' for an empty cell. */
  value: string;
  /** A predicate on the value, in English: 'is not a number', 'is out of range: …'. */
  reason: string;
  /** The full sentence: file, row, column, value and reason. */
  message: string;
}

export interface WriteSummary {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** `POST /api/imports` (200 for a preview, 201 for a commit). */
export interface ImportReport {
  file: string;
  sha256: string;
  format: 'csv' | 'xlsx';
  sheet: string | null;
  rowsRead: number;
  valuesFound: number;
  errors: ImportRowError[];
  /** What the file changes (preview) or changed (commit); null when it has errors. */
  changes: WriteSummary | null;
  committed: boolean;
  batchId: number | null;
}

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
export interface BoundaryProperties {
  code: string;
  nameVi: string;
  nameEn: string | null;
  level: ReportingLevel;
  unitType: string;
  parentCode: string | null;
  population: number | null;
  areaKm2: number | null;
  isBorder: boolean;
  isEconomicZone: boolean;
  isDemo: boolean;
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

export type Technology = '2G' | '3G' | '4G' | '5G';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** Per unit: its people on the model's grid and, per technology, how many of them are covered. */
export interface UnitCoverage {
  unit: string;
  population: number;
  covered: Partial<Record<Technology, number>>;
}

/** A place where uncovered people live: the unit it lies in, how many people, where. */
export interface CoverageHotspot {
  unit: string;
  people: number;
  lon: number;
  lat: number;
}

export interface CoverageResult {
  units: UnitCoverage[];
  total: UnitCoverage;
  technologies: Technology[];
  /** Per technology, largest first. */
  hotspots?: Partial<Record<Technology, CoverageHotspot[]>>;
  /** WGS 84 corners of the output rasters: top-left, top-right, bottom-right, bottom-left. */
  corners?: Position[];
}

/** `GET /api/coverage/runs/{id}` (and each entry of `GET /api/coverage/runs`). */
export interface CoverageRun {
  id: string;
  status: RunStatus;
  rootUnit: string;
  /** The month the computed values are written for, e.g. '2025-12'. */
  period: string;
  params: Record<string, unknown>;
  /** Input fingerprints; the demo scenario's start with 'demo:'. */
  inputs: Record<string, string>;
  tilesTotal: number;
  tilesDone: number;
  error: string | null;
  result: CoverageResult | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

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
