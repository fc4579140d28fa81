/**
 * What the coverage API answers about a run (`GET /api/coverage/runs/{id}` and each entry of
 * `GET /api/coverage/runs`), its sites and its map legend: the routes answer through these schemas,
 * the web app reads their types.
 */
import { z } from 'zod';
import { CoverageCriterionSchema } from './location-variability.js';

export const TechnologySchema = z.enum(['2G', '3G', '4G', '5G']);

export const RunStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type RunStatus = z.output<typeof RunStatusSchema>;

const PerTechnology = z.partialRecord(TechnologySchema, z.number());

export const OperatorFigureSchema = z
  .object({ operator: z.string(), covered: z.number() })
  .meta({ id: 'OperatorFigure' });

export const UnitCoverageSchema = z
  .object({
    unit: z.string(),
    population: z.number().describe('People on the model’s grid'),
    covered: PerTechnology.describe(
      'Per technology, how many of them the main operator covers (the agreement’s figure; the only operator before operators existed)',
    ),
    byOperator: z
      .record(z.string(), PerTechnology)
      .optional()
      .describe('Per operator code, per technology, how many of them it covers'),
    maxOperator: z
      .partialRecord(TechnologySchema, OperatorFigureSchema)
      .optional()
      .describe('ITU 9.c.1: per technology, the operator covering the most of them, and how many'),
    union: PerTechnology.optional().describe('Per technology, how many are within reach of at least one operator'),
  })
  .meta({ id: 'UnitCoverage' });
export type UnitCoverage = z.output<typeof UnitCoverageSchema>;

export const CoverageHotspotSchema = z
  .object({
    unit: z.string().describe('The unit it lies in'),
    people: z.number(),
    lon: z.number(),
    lat: z.number(),
  })
  .describe('A place where uncovered people live (WGS 84)');
export type CoverageHotspot = z.output<typeof CoverageHotspotSchema>;

const CornersSchema = z.array(z.tuple([z.number(), z.number()]));

export const CoverageMapLayerSchema = z
  .object({
    grid: z
      .string()
      .nullable()
      .describe(
        "The grid's name (utm48) on a run over several grids: its files end in it (layer/4G-utm48.png, signal-4G-utm48.tif). " +
          'null on a run over one grid, whose files keep the plain names (layer/4G.png, signal-4G.tif)',
      ),
    corners: CornersSchema.describe(
      'WGS 84 corners of the layer PNG (top-left, top-right, bottom-right, bottom-left): the grid, or a little past ' +
        'its right and bottom edges when the overview drawn rounded its size up',
    ),
  })
  .meta({ id: 'CoverageMapLayer' });
export type CoverageMapLayer = z.output<typeof CoverageMapLayerSchema>;

export const CoverageResultSchema = z
  .looseObject({
    units: z.array(UnitCoverageSchema),
    total: UnitCoverageSchema.describe('The root unit’s totals, the same sums over its units'),
    technologies: z.array(TechnologySchema),
    operators: z.array(z.string()).optional().describe('The run’s operators, the main operator first'),
    mainOperator: z.string().optional().describe('Whose figure `covered` is'),
    coverageCriterion: CoverageCriterionSchema.optional().describe(
      "What 'covered' means in every figure of the run (absent: the median level reaches the threshold)",
    ),
    criterionLabel: z.string().optional().describe('The criterion in words, to show beside each figure'),
    hotspots: z
      .partialRecord(TechnologySchema, z.array(CoverageHotspotSchema))
      .optional()
      .describe('Where people the main operator does not cover live, per technology (largest first)'),
    corners: CornersSchema.optional().describe(
      'WGS 84 corners of the output rasters of the first grid (top-left, top-right, bottom-right, bottom-left)',
    ),
    layers: z
      .array(CoverageMapLayerSchema)
      .optional()
      .describe(
        'The map layers, one per grid, each with its corners; every technology of the run has one on every grid ' +
          '(absent on runs made before layers were listed: one layer placed by `corners`)',
      ),
  })
  .meta({ id: 'CoverageResult' });
export type CoverageResult = z.output<typeof CoverageResultSchema>;

export const CoverageRunSchema = z
  .object({
    id: z.string(),
    status: RunStatusSchema,
    rootUnit: z.string(),
    period: z.string().describe("The month the computed values are written for, e.g. '2025-12'"),
    params: z.record(z.string(), z.unknown()),
    inputs: z.record(z.string(), z.string()).describe("Input fingerprints; the demo scenario's start with 'demo:'"),
    tilesTotal: z.number().int(),
    tilesDone: z.number().int(),
    error: z.string().nullable(),
    result: CoverageResultSchema.nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'CoverageRun' });
export type CoverageRun = z.output<typeof CoverageRunSchema>;

export const CellSiteSchema = z
  .object({
    operator: z.string().describe('The network the sector belongs to (VTL, MBF, VNP …)'),
    siteCode: z.string(),
    sector: z.string().describe("'' when the file has no sector column or the cell is blank"),
    technology: TechnologySchema,
    bandMhz: z.number(),
    lat: z.number(),
    lon: z.number(),
    antennaHeightM: z.number(),
    azimuthDeg: z.number().nullable().describe('Degrees clockwise from north; null = omni'),
    mechanicalTiltDeg: z.number(),
    electricalTiltDeg: z.number(),
    hBeamwidthDeg: z.number().nullable(),
    vBeamwidthDeg: z.number(),
    txPowerDbm: z.number(),
    antennaGainDbi: z.number(),
    cableLossDb: z.number(),
    environment: z.enum(['urban', 'suburban', 'rural']),
    isDemo: z.boolean(),
  })
  .meta({ id: 'CellSite' });

export const SignalClassSchema = z
  .object({
    key: z.enum(['strong', 'good', 'covered', 'weak']),
    fromDbAboveThreshold: z.number().describe('Lowest level in the class, as dB above the threshold'),
    rgba: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    labelVi: z.string(),
    labelEn: z.string(),
  })
  .meta({ id: 'SignalClass' });
