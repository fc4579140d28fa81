/**
 * What the planning API answers about a scenario (`GET /api/plans/{id}` and the list): the routes answer
 * through these schemas, the web app reads their types. A plan's coverage is a projection, never a reported value.
 */
import { z } from 'zod';
import { PlanSettingsSchema } from './plan-settings.js';

export const PlanStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type PlanStatus = z.output<typeof PlanStatusSchema>;

export const PlannedSiteSchema = z
  .object({
    order: z.number().int().describe('Build order, from 1'),
    code: z.string(),
    source: z.enum(['imported', 'existing-mast', 'generated']),
    lon: z.number(),
    lat: z.number(),
    cost: z.number(),
    year: z.number().int().nullable().describe('The phase year it is built in (null for an unphased plan)'),
    mandatory: z.boolean(),
    unit: z.string().nullable().describe('The commune it stands in'),
    gain: z.number().describe('Weighted demand it adds, taken in build order'),
  })
  .meta({ id: 'PlannedSite' });
export type PlannedSite = z.output<typeof PlannedSiteSchema>;

export const UnitPlanEffectSchema = z
  .object({
    unit: z.string(),
    name: z.string(),
    isBorder: z.boolean(),
    isEconomicZone: z.boolean(),
    population: z.number(),
    coveredBefore: z.number(),
    coveredAfter: z.array(z.number()).describe('People covered after each phase, cumulative (one entry when unphased)'),
  })
  .meta({ id: 'UnitPlanEffect' });

export const PriorityPlaceSchema = z
  .object({
    unit: z.string(),
    name: z.string(),
    kind: z.enum(['border', 'economic_zone']),
    lon: z.number(),
    lat: z.number(),
    coveredBefore: z.boolean(),
    coveredAfter: z.array(z.boolean()).describe('After each phase'),
  })
  .describe('A border or economic-zone commune’s main settlement (its most populous cell)')
  .meta({ id: 'PriorityPlace' });

const Reaching = z.object({ units: z.number().int(), before: z.number().int(), after: z.array(z.number().int()) });

export const PlanResultSchema = z
  .object({
    projection: z.literal(true).describe('Figures are projections of the plan, not reported values'),
    technology: z.literal('5G'),
    operator: z.string(),
    objective: z.number().describe('Weighted demand the plan covers'),
    upperBound: z.number().describe('Proven upper bound on the best objective under the same limits'),
    gap: z.number().describe('(bound − objective) / bound: how far from the best possible the plan can be at most'),
    demandGap: z
      .number()
      .nullable()
      .describe(
        'With priority places: the proven gap on the rest of the demand (their weight left out of both sides), valid because the plan covers every place any candidate reaches; null otherwise',
      ),
    demandWeight: z.number().describe('All weighted demand not covered today'),
    unreachableWeight: z.number().describe('Weighted demand no candidate reaches'),
    sites: z.array(PlannedSiteSchema),
    priorityPlaces: z.array(PriorityPlaceSchema),
    priorityWeight: z.number().nullable().describe('What each priority place was worth in the objective'),
    phases: z.array(
      z.object({ year: z.number().int().nullable(), sites: z.number().int(), cost: z.number(), objective: z.number() }),
    ),
    effects: z.object({
      units: z.array(UnitPlanEffectSchema),
      total: z.object({ population: z.number(), coveredBefore: z.number(), coveredAfter: z.array(z.number()) }),
      reachingThreshold: z.object({ thresholdShare: z.number(), border: Reaching, economicZone: Reaching }),
    }),
    stats: z.object({
      candidates: z.number().int(),
      demandPoints: z.number().int().describe('Grid cells with demand some candidate reaches'),
      mergedDemandPoints: z.number().int().nullable().describe('After merging cells covered by the same candidates'),
      mastsPredicted: z.number().int(),
      cacheHits: z.number().int(),
      exact: z
        .object({ status: z.enum(['optimal', 'time_limit']), seconds: z.number(), improved: z.boolean() })
        .nullable()
        .describe('HiGHS on the same instance, started from our plan (small unphased instances only)'),
      timingsMs: z.record(z.string(), z.number()),
    }),
    weights: PlanSettingsSchema.shape.weights,
    corners: z
      .array(z.tuple([z.number(), z.number()]))
      .describe(
        'WGS 84 corners of the grid (top-left, top-right, bottom-right, bottom-left): where the new-coverage layer goes',
      ),
  })
  .meta({ id: 'PlanResult' });
export type PlanResult = z.output<typeof PlanResultSchema>;

export const PlanScenarioSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: PlanStatusSchema,
    rootUnit: z.string(),
    coverageRunId: z.uuid().nullable(),
    settings: PlanSettingsSchema,
    stage: z.string().nullable(),
    progress: z.number(),
    result: PlanResultSchema.nullable(),
    error: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'PlanScenario' });
export type PlanScenario = z.output<typeof PlanScenarioSchema>;
