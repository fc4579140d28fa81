/**
 * What a 5G plan scenario is asked (`POST /api/plans`, `dx-compact plan`): the weights, the candidates, the
 * budget or site count (per year when phased), mandatory and excluded sites. Stored with the scenario and
 * shown beside its result, so every figure says what produced it.
 */
import { z } from 'zod';

export const PointOfInterestSchema = z
  .object({
    name: z.string().min(1).max(200),
    kind: z.string().min(1).max(40).describe('school, health station, market, industrial park, …'),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    weight: z
      .number()
      .min(0)
      .max(1e7)
      .describe('People-equivalents the place is worth, shared by the cells within its radius'),
    radiusM: z.number().min(0).max(20_000).default(500),
  })
  .meta({ id: 'PointOfInterest' });

export const ImportedCandidateSchema = z
  .object({
    code: z.string().min(1).max(60),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    cost: z.number().positive().max(1e9),
    antennaHeightM: z.number().positive().max(300).optional(),
  })
  .meta({ id: 'ImportedCandidate' });

/** A longitude, latitude pair (a third number, a height, is allowed and ignored). */
const PositionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const RingSchema = z.array(PositionSchema).min(4).max(200_000);

/** An area no new mast may stand in (a protected forest, a military zone…): a GeoJSON Polygon or MultiPolygon. */
export const ExcludedAreaSchema = z
  .object({
    name: z.string().max(200).default(''),
    geometry: z.discriminatedUnion('type', [
      z.object({ type: z.literal('Polygon'), coordinates: z.array(RingSchema).min(1).max(1_000) }),
      z.object({
        type: z.literal('MultiPolygon'),
        coordinates: z.array(z.array(RingSchema).min(1).max(1_000)).min(1).max(10_000),
      }),
    ]),
  })
  .meta({ id: 'ExcludedArea' });
export type ExcludedArea = z.output<typeof ExcludedAreaSchema>;

/** One year of a phased plan: what may be built that year. */
export const PlanPhaseSchema = z
  .object({
    year: z.number().int().min(2025).max(2100),
    maxSites: z.number().int().min(0).max(100_000).optional(),
    budget: z.number().min(0).max(1e12).optional(),
  })
  .refine((p) => p.maxSites !== undefined || p.budget !== undefined, {
    message: 'a phase needs maxSites or budget',
  })
  .meta({ id: 'PlanPhase' });

/** 5G on the 2,600 MHz band the demo network uses, macro sectors (plausible values, not a vendor's data sheet). */
export const DEFAULT_5G_RADIO = {
  bandMhz: 2600,
  txPowerDbm: 45,
  antennaGainDbi: 16.5,
  cableLossDb: 1.5,
  antennaHeightM: 35,
  tiltDeg: 3,
} as const;

/** The radio every candidate gets (three 65° sectors at 0°, 120° and 240°); an existing mast keeps its height. */
export const PlanRadioSchema = z
  .object({
    bandMhz: z.number().min(450).max(7125).default(DEFAULT_5G_RADIO.bandMhz).describe('5G band, MHz (n41: 2,600)'),
    txPowerDbm: z.number().min(10).max(60).default(DEFAULT_5G_RADIO.txPowerDbm).describe('Power per sector, dBm'),
    antennaGainDbi: z.number().min(0).max(30).default(DEFAULT_5G_RADIO.antennaGainDbi),
    cableLossDb: z.number().min(0).max(10).default(DEFAULT_5G_RADIO.cableLossDb),
    antennaHeightM: z
      .number()
      .min(5)
      .max(200)
      .default(DEFAULT_5G_RADIO.antennaHeightM)
      .describe('Above ground, for new masts and imported rows that give none'),
    tiltDeg: z.number().min(0).max(20).default(DEFAULT_5G_RADIO.tiltDeg).describe('Electrical downtilt, degrees'),
  })
  .prefault({});
export type PlanRadio = z.output<typeof PlanRadioSchema>;

export const PlanSettingsSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    coverageRunId: z
      .uuid()
      .optional()
      .describe(
        'The finished coverage run whose area, network and parameters the plan starts from: a demo run, or one made from files (read again from the inputs it kept, checked unchanged). Default: the demo province when loaded, else the latest run that succeeded',
      ),
    weights: z
      .object({
        economicZone: z.number().min(0).max(100).default(1).describe('α: extra weight of a person in an economic zone'),
        border: z.number().min(0).max(100).default(1).describe('β: extra weight of a person in a border commune'),
      })
      .prefault({}),
    points: z.array(PointOfInterestSchema).max(20_000).default([]),
    priorities: z
      .object({
        borderSettlements: z.boolean().default(false).describe('Cover each border commune’s main settlement first'),
        economicZoneSettlements: z
          .boolean()
          .default(false)
          .describe('Cover each economic-zone commune’s main settlement first'),
        weight: z
          .number()
          .positive()
          .max(1e12)
          .optional()
          .describe(
            'What each such place is worth; default: more than all other demand together, so a plan never trades one away',
          ),
      })
      .prefault({}),
    candidates: z
      .object({
        existingMasts: z
          .object({ use: z.boolean().default(true), cost: z.number().positive().max(1e9).default(1) })
          .prefault({})
          .describe('The operator’s 4G masts without 5G, upgraded in place'),
        generated: z
          .object({
            use: z.boolean().default(true),
            latticeKm: z.number().min(0.2).max(50).default(2),
            minSpacingKm: z.number().min(0).max(50).default(1.5),
            cost: z.number().positive().max(1e9).default(2),
            excludedAreas: z
              .array(ExcludedAreaSchema)
              .max(1_000)
              .default([])
              .describe('Areas no new mast may stand in'),
            excludedMarginM: z
              .number()
              .min(0)
              .max(20_000)
              .default(0)
              .describe('How far from the excluded areas a new mast must stand, metres'),
          })
          .prefault({})
          .describe('New masts on the highest ground of each lattice square, away from the excluded areas'),
        imported: z.array(ImportedCandidateSchema).max(50_000).default([]).describe('The partner’s own list'),
        radio: PlanRadioSchema,
      })
      .prefault({}),
    maxSites: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .describe('At most this many new sites (mandatory included)'),
    budget: z.number().positive().max(1e12).optional().describe('At most this total cost'),
    phases: z.array(PlanPhaseSchema).max(30).optional().describe('A build order by year: each year’s own limit'),
    mandatory: z
      .array(z.string().min(1).max(60))
      .max(10_000)
      .default([])
      .describe('Candidate codes that must be built'),
    excluded: z.array(z.string().min(1).max(60)).max(100_000).default([]).describe('Candidate codes never built'),
    thresholdShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.9)
      .describe(
        'A commune “reaches” 5G when this share of its people is covered (for the border and economic-zone counts)',
      ),
    timeLimitS: z.number().min(1).max(3600).default(60),
  })
  .superRefine((s, ctx) => {
    const limits = (s.maxSites !== undefined ? 1 : 0) + (s.budget !== undefined ? 1 : 0);
    if (s.phases && limits > 0)
      ctx.addIssue({ code: 'custom', path: ['phases'], message: 'give either phases or maxSites/budget, not both' });
    if (!s.phases && limits === 0)
      ctx.addIssue({ code: 'custom', path: ['maxSites'], message: 'give maxSites, budget or phases' });
    const years = (s.phases ?? []).map((p) => p.year);
    if (new Set(years).size !== years.length)
      ctx.addIssue({ code: 'custom', path: ['phases'], message: 'each year may appear once' });
    const clash = s.mandatory.find((code) => s.excluded.includes(code));
    if (clash)
      ctx.addIssue({ code: 'custom', path: ['mandatory'], message: `${clash} is both mandatory and excluded` });
  })
  .meta({ id: 'PlanSettings' });

export type PlanSettings = z.output<typeof PlanSettingsSchema>;
export type PlanSettingsInput = z.input<typeof PlanSettingsSchema>;
