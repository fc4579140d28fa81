/**
 * Shapes of the API answers the web app reads, taken from the types generated from the server's OpenAPI document
 * (openapi.d.ts, `npm run api:types`) or from the shared contract schemas the routes answer through, never
 * written out again here: a change on the server shows up as a type error in the web app.
 */
import type { components, paths } from './openapi.js';

/** The shared answer schemas, by name (components/schemas of the OpenAPI document). */
export type ApiSchemas = components['schemas'];
type Schemas = ApiSchemas;

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The JSON body of a route's 200 (or 201) answer, e.g. `JsonAnswer<'/api/rollup', 'get'>`. */
export type JsonAnswer<Path extends keyof paths, M extends Method> = paths[Path][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : paths[Path][M] extends { responses: { 201: { content: { 'application/json': infer Created } } } }
    ? Created
    : never;

/** The JSON body a route takes, e.g. `JsonRequest<'/api/users', 'post'>`. */
export type JsonRequest<Path extends keyof paths, M extends Method> = paths[Path][M] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type ReportingLevel = Schemas['Indicator']['reportingLevel'];

/** One indicator of the catalogue (`GET /api/indicators`), the fields the web app reads. */
export type IndicatorInfo = Pick<
  Schemas['Indicator'],
  | 'code'
  | 'nameVi'
  | 'nameEn'
  | 'unitVi'
  | 'unitEn'
  | 'areaCode'
  | 'valueType'
  | 'reportingLevel'
  | 'decimals'
  | 'formula'
  | 'minValue'
  | 'maxValue'
>;

/** `GET /api/agreements/{code}`: parties, areas and commitments. */
export type Agreement = Schemas['AgreementDetail'];
export type AgreementArea = Agreement['areas'][number];
export type AgreementParty = Agreement['parties'][number];
export type Commitment = Agreement['commitments'][number];
export type CommitmentStatus = Commitment['status'];

export type {
  DiffRow,
  DiffStatus,
  ImportReport,
  ImportRowError,
  WriteSummary,
} from '../../../src/intake/import-report.js';

/** `GET /api/validation`. */
export type ValidationResult = Schemas['ValidationResult'];
/** A finding; `explanation` is always sent, optional here for findings the web app builds itself. */
export type Violation = Omit<Schemas['Violation'], 'explanation'> & Partial<Pick<Schemas['Violation'], 'explanation'>>;
export type ViolationKind = Violation['kind'];
export type Importance = Violation['importance'];
/** Who explained a finding, when (ISO 8601) and why. */
export type FindingExplanationInfo = NonNullable<Violation['explanation']>;

/** `GET /api/validation-rules`, the fields the web app reads. */
export type ValidationRule = Pick<Schemas['ValidationRule'], 'code' | 'nameVi' | 'nameEn' | 'importance'>;

// ---------------------------------------------------------------------------------------------------------------
// Map and coverage model.

/** Properties of a unit's boundary (`GET /api/org-units/{code}/children/boundaries`). */
export type BoundaryProperties = Schemas['BoundaryProperties'] & {
  /** Set by the web app (map/choropleth.ts): the fill colour and class of `value` (-1 without one). */
  fill?: string;
  classIndex?: number;
};

export type PolygonGeometry = Schemas['PolygonGeometry'];
export type Position = Extract<PolygonGeometry, { type: 'Polygon' }>['coordinates'][number][number];

/** The server always names the unit in `id`; optional here for features the web app builds itself. */
export type BoundaryFeature = Omit<Schemas['BoundaryFeature'], 'properties' | 'id'> & {
  id?: Schemas['BoundaryFeature']['id'];
  properties: BoundaryProperties;
};

export interface BoundaryCollection {
  type: Schemas['BoundaryCollection']['type'];
  features: BoundaryFeature[];
}

export type { Technology } from '../../../src/domain/coverage/technology.js';
export type {
  CoverageHotspot,
  CoverageMapLayer,
  CoverageResult,
  CoverageRun,
  RunStatus,
  UnitCoverage,
} from '../../../src/domain/coverage/coverage-run-contract.js';

/** One signal class of the coverage layer (`GET /api/coverage/legend`). */
export type CoverageLegendClass = Schemas['SignalClass'];

/** `GET /api/rollup`. */
export type RollupResult = JsonAnswer<'/api/rollup', 'get'>;
