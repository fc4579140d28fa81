import type { SiteRecord } from '../../domain/coverage/site-record.js';
import { MAIN_OPERATOR, operatorOf } from '../../domain/coverage/operators.js';
import type { CoverageParams } from '../coverage/predict/coverage-params.js';
import { toGridSites } from '../coverage/grid-sites.js';
import type { SweepDem } from '../coverage/sweep/radial-sweep.js';
import { mergeGridDemand, type MergedGridInstance } from './merge-grid-demand.js';
import type { PlanCandidate } from './candidates.js';
import { demandWeightsPerCell, type DemandArea, type DemandWeights, type PointOfInterest } from './demand.js';
import type { MastSectors } from './mast-coverage.js';
import type { MastCoverer } from './mast-coverer.js';

/** The area a plan is made for: the demand area, its terrain and its units (zone-map order). */
export interface PlanArea extends DemandArea {
  dem: Float32Array;
  unitCodes: readonly string[];
  unitNames: readonly string[];
  /** 'ward', 'commune', 'special_zone', …: wards get the urban model. */
  unitTypes: readonly string[];
}

export interface PlanSetup {
  area: PlanArea;
  /** The network today (any operators); the plan's operator's 5G masts make "covered now". */
  sites: readonly SiteRecord[];
  candidates: readonly PlanCandidate[];
  params: CoverageParams;
  weights: DemandWeights;
  points: readonly PointOfInterest[];
  /** The operator the plan is for (default: the main operator). */
  operator?: string;
}

/** Everything the solver and the effects need, on the grid. */
export interface PlanInputs extends MergedGridInstance {
  /** 1 per cell the operator's 5G covers today. */
  coveredNow: Uint8Array;
  /** Each candidate's covered cells (grid indices, ascending), in candidate order. */
  candidateCells: Uint32Array[];
  demandPerCell: Float64Array;
  /** Masts predicted, and answered from the cache. */
  masts: { existing: number; candidates: number; cacheHits: number; cacheMisses: number };
}

/** The records of one technology grouped into masts by site code (one position per code), in first-seen order. */
export function groupMasts(records: readonly SiteRecord[], technology: SiteRecord['technology']): SiteRecord[][] {
  const byCode = new Map<string, SiteRecord[]>();
  for (const record of records) {
    if (record.technology !== technology) continue;
    const list = byCode.get(record.siteCode) ?? [];
    list.push(record);
    byCode.set(record.siteCode, list);
  }
  return [...byCode.values()];
}

function onGrid(records: readonly SiteRecord[], area: PlanArea): MastSectors | null {
  const sectors = toGridSites(records, area.grid);
  const first = sectors[0]!;
  const inside = first.x >= 0 && first.y >= 0 && first.x <= area.grid.width - 1 && first.y <= area.grid.height - 1;
  return inside ? { technology: first.technology, sectors } : null;
}

/**
 * Predicts today's 5G of the plan's operator and every candidate (through the coverer and its cache), and builds
 * the demand and the instance. A mast outside the grid covers nothing on it. `onProgress` gets the masts done so far.
 */
export async function preparePlanInputs(
  setup: PlanSetup,
  coverer: MastCoverer,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<PlanInputs> {
  const { area, params } = setup;
  const operator = setup.operator ?? params.mainOperator ?? MAIN_OPERATOR;
  const ownSites = setup.sites.filter((site) => operatorOf(site, params.mainOperator) === operator);
  const existing = groupMasts(ownSites, '5G');
  const masts = [...existing, ...setup.candidates.map((candidate) => candidate.sectors)].map((records) =>
    onGrid(records, area),
  );
  const hitsBefore = coverer.counts.hits;
  const missesBefore = coverer.counts.misses;
  const cells = await coverer.cover(masts, (done) => onProgress(done, masts.length));
  const coveredNow = new Uint8Array(area.grid.width * area.grid.height);
  for (const list of cells.slice(0, existing.length)) for (const cell of list) coveredNow[cell] = 1;
  const candidateCells = cells.slice(existing.length);
  const demandPerCell = demandWeightsPerCell(area, setup.weights, setup.points, coveredNow);
  const cost = Float64Array.from(setup.candidates, (candidate) => candidate.cost);
  return {
    ...mergeGridDemand(demandPerCell, candidateCells, cost),
    coveredNow,
    candidateCells,
    demandPerCell,
    masts: {
      existing: existing.length,
      candidates: setup.candidates.length,
      cacheHits: coverer.counts.hits - hitsBefore,
      cacheMisses: coverer.counts.misses - missesBefore,
    },
  };
}

/** The terrain of a plan's area as the sweep reads it. */
export function planDem(area: PlanArea): SweepDem {
  return { heights: area.dem, width: area.grid.width, height: area.grid.height, cellSizeM: area.grid.cellSizeM };
}

/** Thrown out of the preparation when the caller cancels; the job reports it as cancelled, not failed. */
export class PlanCancelled extends Error {
  constructor() {
    super('The plan was cancelled');
  }
}
