/**
 * What the result screens show, computed from a plan's result: the headline figures, each commune's 5G share
 * before and after, the sites as map features coloured by phase, and the figures of scenarios side by side.
 * Pure functions; the components only lay them out.
 */
import type { PlanResult, PlanScenario, PlannedSite } from './planner-api.js';

export interface PlanHeadline {
  sites: number;
  cost: number;
  objective: number;
  /** The proven gap to the best plan, 0–100. */
  gapPercent: number;
  /** People covered by 5G before and after the whole plan (projection). */
  coveredBefore: number;
  coveredAfter: number;
  population: number;
}

export function planHeadline(result: PlanResult): PlanHeadline {
  const { total } = result.effects;
  return {
    sites: result.sites.length,
    cost: result.sites.reduce((sum, site) => sum + site.cost, 0),
    objective: result.objective,
    gapPercent: result.gap * 100,
    coveredBefore: total.coveredBefore,
    coveredAfter: total.coveredAfter.at(-1) ?? total.coveredBefore,
    population: total.population,
  };
}

/** A share of the population as 0–100; null for a commune without residents. */
export function percentOf(covered: number, population: number): number | null {
  return population > 0 ? (covered / population) * 100 : null;
}

export interface CommuneRow {
  unit: string;
  name: string;
  isBorder: boolean;
  isEconomicZone: boolean;
  population: number;
  beforePercent: number | null;
  /** After each phase (one entry when unphased). */
  afterPercents: (number | null)[];
  /** After the whole plan. */
  afterPercent: number | null;
  /** Percentage points the plan adds. */
  gainPoints: number | null;
}

export function communeRows(result: PlanResult): CommuneRow[] {
  return result.effects.units.map((u) => {
    const beforePercent = percentOf(u.coveredBefore, u.population);
    const afterPercents = u.coveredAfter.map((covered) => percentOf(covered, u.population));
    const afterPercent = afterPercents.at(-1) ?? beforePercent;
    return {
      unit: u.unit,
      name: u.name,
      isBorder: u.isBorder,
      isEconomicZone: u.isEconomicZone,
      population: u.population,
      beforePercent,
      afterPercents,
      afterPercent,
      gainPoints: afterPercent !== null && beforePercent !== null ? afterPercent - beforePercent : null,
    };
  });
}

/** Phase colours, distinguishable for the common colour-vision deficiencies (Okabe–Ito). */
export const PHASE_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'] as const;
/** One colour for every site of an unphased plan. */
export const SITE_COLOUR = '#c0392b';

/** The colour of a phase year, by its place among the plan's years. */
export function phaseColour(result: Pick<PlanResult, 'phases'>, year: number | null): string {
  const years = result.phases.map((p) => p.year).filter((y): y is number => y !== null);
  if (year === null || years.length <= 1) return SITE_COLOUR;
  const index = years.indexOf(year);
  return PHASE_COLOURS[(index < 0 ? 0 : index) % PHASE_COLOURS.length]!;
}

export interface SiteFeature {
  type: 'Feature';
  id: number;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { order: number; code: string; year: number | null; colour: string; mandatory: boolean };
}

/** The chosen sites as GeoJSON points, numbered in build order, coloured by phase when phased. */
export function siteFeatures(result: PlanResult): { type: 'FeatureCollection'; features: SiteFeature[] } {
  return {
    type: 'FeatureCollection',
    features: result.sites.map((site: PlannedSite) => ({
      type: 'Feature',
      id: site.order,
      geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
      properties: {
        order: site.order,
        code: site.code,
        year: site.year,
        colour: phaseColour(result, site.year),
        mandatory: site.mandatory,
      },
    })),
  };
}

/** The box around the sites ([west, south, east, north]), or null without sites. */
export function sitesBounds(
  sites: readonly Pick<PlannedSite, 'lon' | 'lat'>[],
): [number, number, number, number] | null {
  if (sites.length === 0) return null;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { lon, lat } of sites) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return [west, south, east, north];
}

export interface ScenarioColumn {
  id: string;
  name: string;
  headline: PlanHeadline;
  /** The 5G share of the whole area after each phase, 0–100. */
  phases: { year: number | null; sites: number; cost: number; coveredPercent: number | null }[];
  beforePercent: number | null;
}

/** The figures of finished scenarios, one column each, in the order given. */
export function compareScenarios(scenarios: readonly PlanScenario[]): ScenarioColumn[] {
  return scenarios.flatMap((scenario) => {
    const result = scenario.result;
    if (!result) return [];
    const { total } = result.effects;
    return [
      {
        id: scenario.id,
        name: scenario.name,
        headline: planHeadline(result),
        beforePercent: percentOf(total.coveredBefore, total.population),
        phases: result.phases.map((phase, index) => ({
          year: phase.year,
          sites: phase.sites,
          cost: phase.cost,
          coveredPercent: percentOf(total.coveredAfter[index] ?? total.coveredBefore, total.population),
        })),
      },
    ];
  });
}
