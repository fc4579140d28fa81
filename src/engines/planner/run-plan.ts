import type { SiteRecord } from '../../domain/coverage/site-record.js';
import { MAIN_OPERATOR } from '../../domain/coverage/operators.js';
import type { PlannedSite, PlanResult } from '../../domain/planner/plan-contract.js';
import type { PlanSettings } from '../../domain/planner/plan-settings.js';
import { cellCentreLonLat, gridCornersLonLat, toGridCell } from '../coverage/analysis-grid.js';
import { newCoverageByPhase } from './new-coverage.js';
import { mainSettlements, priorityPoints } from './priority-places.js';
import type { CoverageParams } from '../coverage/predict/coverage-params.js';
import type { PlanCandidate } from './candidates.js';
import type { MastCoverer } from './mast-coverer.js';
import { planEffects } from './plan-effects.js';
import { candidateIndices, scenarioCandidates } from './plan-candidates.js';
import { preparePlanInputs, type PlanArea, type PlanInputs } from './plan-inputs.js';
import { solveScenario } from './solve-scenario.js';
import { improveExactly } from './exact-improvement.js';

export type PlanRunStage = 'coverage' | 'merge' | 'greedy' | 'localSearch' | 'bound' | 'exact' | 'effects';

export interface PlanRunHooks {
  onProgress?: (stage: PlanRunStage, fraction: number) => void;
  isCancelled?: () => boolean;
}

/** More than every person and point of interest together could weigh: a priority place outweighs all other demand. */
function outweighAll(area: PlanArea, settings: PlanSettings): number {
  let people = 0;
  for (let cell = 0; cell < area.population.length; cell++) people += area.population[cell]!;
  const factor = 1 + settings.weights.economicZone + settings.weights.border;
  return Math.ceil(people * factor + settings.points.reduce((sum, p) => sum + p.weight, 0)) + 1;
}

/** Binary search in an ascending list. */
function includes(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid]!;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The proven gap on the demand without the priority places' weight, which would otherwise dwarf it. Valid when the
 * plan covers every priority place some candidate reaches: each place outweighs all other demand, so an optimal
 * plan covers them all too, and bound − their weight bounds the rest. Null for phased plans and without priorities.
 */
function demandGap(
  solved: { objective: number; upperBound: number; phases: unknown[] },
  places: readonly { coveredBefore: boolean; coveredAfter: boolean[] }[],
  weight: number | null,
  reachable: (place: number) => boolean,
): number | null {
  if (weight === null || places.length === 0 || solved.phases.length !== 1) return null;
  if (places.some((place, i) => !place.coveredAfter[0] && reachable(i))) return null;
  const won = weight * places.filter((place) => !place.coveredBefore && place.coveredAfter[0]).length;
  const bound = solved.upperBound - won;
  return bound > 0 ? Math.max(0, (bound - (solved.objective - won)) / bound) : 0;
}

/** A plan's sites in build order with what each adds to the weighted demand, on the grid cells. */
function buildOrderGains(inputs: PlanInputs, order: readonly number[]): number[] {
  const taken = Uint8Array.from(inputs.coveredNow);
  return order.map((candidate) => {
    let gain = 0;
    for (const cell of inputs.candidateCells[candidate]!) {
      if (taken[cell]) continue;
      taken[cell] = 1;
      gain += inputs.demandPerCell[cell]!;
    }
    return gain;
  });
}

function unitAt(area: PlanArea, candidate: PlanCandidate): string | null {
  const { x, y } = toGridCell(candidate.lon, candidate.lat, area.grid);
  const col = Math.round(x);
  const row = Math.round(y);
  if (col < 0 || row < 0 || col >= area.grid.width || row >= area.grid.height) return null;
  const unit = area.zones.whole[row * area.grid.width + col]!;
  return unit >= 0 ? area.unitCodes[unit]! : null;
}

/**
 * One scenario from its area to its result: the candidates, their coverage (through the cache), the demand, the
 * solve with its proven bound, and each unit's coverage before and after. Pure computation: the job runs it in a
 * worker thread and stores what it returns.
 */
export async function runPlan(
  area: PlanArea,
  sites: readonly SiteRecord[],
  settings: PlanSettings,
  params: CoverageParams,
  coverer: MastCoverer,
  hooks: PlanRunHooks = {},
): Promise<{ result: PlanResult; newCoverage: Uint8Array }> {
  const timings: Record<string, number> = {};
  const timed = <T>(name: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    timings[name] = Math.round(performance.now() - started);
    return result;
  };
  const mainOperator = params.mainOperator ?? MAIN_OPERATOR;
  const candidates = scenarioCandidates(area, sites, settings, mainOperator, mainOperator);
  const mandatory = candidateIndices(candidates, settings.mandatory, 'mandatory');
  const excluded = candidateIndices(candidates, settings.excluded, 'excluded');
  const places = mainSettlements(area, {
    border: settings.priorities.borderSettlements,
    economicZone: settings.priorities.economicZoneSettlements,
  });
  const priorityWeight = places.length ? (settings.priorities.weight ?? outweighAll(area, settings)) : null;
  const points = [...settings.points, ...priorityPoints(area, places, priorityWeight ?? 0)];
  const coverageStart = performance.now();
  const inputs = await preparePlanInputs(
    { area, sites, candidates, params, weights: settings.weights, points },
    coverer,
    (done, total) => hooks.onProgress?.('coverage', done / total),
  );
  timings.coverage = Math.round(performance.now() - coverageStart);
  // Priority places inflate the objective: a gap target on the whole would stop the bound long before the rest of
  // the demand is bounded well, so the bound then runs to its time or iteration limit.
  const heuristic = timed('solve', () =>
    solveScenario(inputs.instance, settings, mandatory, excluded, {
      ...hooks,
      ...(places.length ? { targetGap: 1e-7 } : {}),
    }),
  );
  hooks.onProgress?.('exact', 0);
  const exact = await improveExactly(inputs.instance, heuristic, settings, mandatory, excluded);
  const solved = exact?.solved ?? heuristic;
  for (const [stage, ms] of Object.entries(solved.timings)) timings[stage] = Math.round(ms);
  const order = solved.phases.flatMap((phase) => phase.built);
  const gains = buildOrderGains(inputs, order);
  const mandatorySet = new Set(mandatory);
  const yearOf = new Map<number, number | null>();
  for (const phase of solved.phases) for (const c of phase.built) yearOf.set(c, phase.year);
  const plannedSites: PlannedSite[] = order.map((c, i) => {
    const candidate = candidates[c]!;
    return {
      order: i + 1,
      code: candidate.code,
      source: candidate.source,
      lon: candidate.lon,
      lat: candidate.lat,
      cost: candidate.cost,
      year: yearOf.get(c) ?? null,
      mandatory: mandatorySet.has(c),
      unit: unitAt(area, candidate),
      gain: gains[i]!,
    };
  });
  hooks.onProgress?.('effects', 0);
  const phaseCells = solved.phases.map((phase) => phase.built.map((c) => inputs.candidateCells[c]!));
  const effects = timed('effects', () =>
    planEffects(area.zones, area.population, area.units, inputs.coveredNow, phaseCells, settings.thresholdShare),
  );
  const newCoverage = newCoverageByPhase(area.zones, inputs.coveredNow, phaseCells);
  const demandWeight = inputs.demandPerCell.reduce((a, b) => a + b, 0);
  const priorityPlaces = places.map((place) => {
    const x = place.cell % area.grid.width;
    const [lon, lat] = cellCentreLonLat(x, (place.cell - x) / area.grid.width, area.grid);
    let covered = inputs.coveredNow[place.cell] === 1;
    const coveredAfter = solved.phases.map((phase) => {
      covered ||= phase.built.some((c) => includes(inputs.candidateCells[c]!, place.cell));
      return covered;
    });
    return {
      unit: area.unitCodes[place.unit]!,
      name: area.unitNames[place.unit]!,
      kind: place.kind,
      lon,
      lat,
      coveredBefore: inputs.coveredNow[place.cell] === 1,
      coveredAfter,
    };
  });
  const result: PlanResult = {
    demandGap: demandGap(solved, priorityPlaces, priorityWeight, (place) =>
      inputs.candidateCells.some((cells) => includes(cells, places[place]!.cell)),
    ),
    projection: true,
    technology: '5G',
    operator: mainOperator,
    objective: solved.objective,
    upperBound: solved.upperBound,
    gap: solved.upperBound > 0 ? Math.max(0, (solved.upperBound - solved.objective) / solved.upperBound) : 0,
    demandWeight,
    unreachableWeight: inputs.unreachableWeight,
    sites: plannedSites,
    priorityPlaces,
    priorityWeight,
    phases: solved.phases.map((phase) => ({
      year: phase.year,
      sites: phase.built.length,
      cost: phase.cost,
      objective: phase.covered,
    })),
    effects: {
      ...effects,
      units: effects.units.map((u) => ({
        unit: area.unitCodes[u.unit]!,
        name: area.unitNames[u.unit]!,
        isBorder: area.units[u.unit]!.isBorder,
        isEconomicZone: area.units[u.unit]!.isEconomicZone,
        population: u.population,
        coveredBefore: u.coveredBefore,
        coveredAfter: u.coveredAfter,
      })),
    },
    stats: {
      candidates: candidates.length,
      demandPoints: inputs.demandCells,
      mergedDemandPoints: inputs.instance.demandCount,
      mastsPredicted: inputs.masts.cacheMisses,
      cacheHits: inputs.masts.cacheHits,
      exact: exact?.check ?? null,
      timingsMs: timings,
    },
    weights: settings.weights,
    corners: gridCornersLonLat(area.grid),
  };
  return { result, newCoverage };
}
