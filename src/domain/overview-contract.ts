/**
 * Shapes the HTTP API returns for the overview screen and the unit hierarchy. The server's routes answer through
 * these schemas (and the OpenAPI document is generated from them); the web app reads their types.
 */
import { z } from 'zod';

export type Lang = 'vi' | 'en';

export const UnitSummarySchema = z
  .object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string().nullable(),
    level: z.enum(['nation', 'province', 'commune']),
    unitType: z.enum(['nation', 'province', 'city', 'commune', 'ward', 'special_zone']),
    parentCode: z.string().nullable(),
    population: z.number().nullable(),
    areaKm2: z.number().nullable(),
    isBorder: z.boolean(),
    isEconomicZone: z.boolean(),
    isDemo: z.boolean(),
  })
  .meta({ id: 'UnitSummary' });
export type UnitSummary = z.output<typeof UnitSummarySchema>;

export type UnitTreeNode = UnitSummary & { children: UnitTreeNode[] };
export const UnitTreeNodeSchema: z.ZodType<UnitTreeNode> = UnitSummarySchema.extend({
  get children() {
    return z.array(UnitTreeNodeSchema);
  },
}).meta({ id: 'UnitTreeNode' });

export const ValueTypeSchema = z.enum(['number', 'percent', 'count', 'boolean']);
export type ValueType = z.output<typeof ValueTypeSchema>;

export const SeriesPointSchema = z.object({
  period: z.string().describe("'2025-09'"),
  value: z.number().nullable().describe('null: no unit reported in that period'),
});
export type SeriesPoint = z.output<typeof SeriesPointSchema>;

const YearValue = z.object({ year: z.number().int(), value: z.number() });

export const IndicatorProgressSchema = z
  .object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    unitVi: z.string().describe("'% dân số'"),
    unitEn: z.string().describe("'% of population'"),
    valueType: ValueTypeSchema,
    decimals: z.number().int().describe('digits to show'),
    direction: z.enum(['higher', 'lower']),
    isDemo: z.boolean(),
    period: z.string().describe("Period the current value is for, e.g. '2025'"),
    current: z.number().nullable(),
    coverage: z.object({ reported: z.number().int(), expected: z.number().int() }),
    baseline: YearValue.nullable(),
    target: YearValue.nullable().describe('the 2030 (final-year) target'),
    targetSource: z
      .enum(['own', 'split_from_province'])
      .optional()
      .describe(
        "Whose baseline and target these are: the unit's own, or the province's passed down (rates as they are, amounts by population)",
      ),
    attainment: z
      .number()
      .nullable()
      .describe(
        '0–1: share of the target reached (current ÷ target, or target ÷ current when lower is better), capped at 1',
      ),
    series: z.array(SeriesPointSchema).describe('monthly, oldest first, for the sparkline'),
    status: z
      .enum(['on_track', 'at_risk', 'off_track', 'no_data', 'no_target', 'not_published'])
      .describe(
        'Against the straight-line trajectory from the baseline through the yearly targets (rule in statusRule); ' +
          'not_published: the public view, for a period not yet approved whole',
      ),
    expected: z.number().nullable().describe('The value the trajectory expects at the time of the latest report'),
    computed: z
      .object({ code: z.string(), value: z.number() })
      .nullable()
      .describe('The coverage engine’s figure for the same unit and year, shown beside the reported one'),
  })
  .meta({ id: 'IndicatorProgress' });
export type IndicatorProgress = z.output<typeof IndicatorProgressSchema>;

export const AreaProgressSchema = z.object({
  code: z.string().describe("'A2'"),
  nameVi: z.string(),
  nameEn: z.string(),
  indicators: z.array(IndicatorProgressSchema),
});
export type AreaProgress = z.output<typeof AreaProgressSchema>;

export const ProgressSummarySchema = z
  .object({
    unit: UnitSummarySchema,
    year: z.number().int(),
    yearChoice: z
      .enum(['requested', 'complete_enough', 'latest_with_data', 'published'])
      .optional()
      .describe(
        'Why this year: asked for, the latest complete enough (minReportingShare of units reporting), or a fallback',
      ),
    defaultYear: z
      .number()
      .int()
      .optional()
      .describe('The year the overview opens on without ?year= (the rule’s choice)'),
    minReportingShare: z.number().optional(),
    years: z
      .array(
        z.object({
          year: z.number().int(),
          reporting: z.number().int(),
          expected: z.number().int(),
          share: z.number(),
        }),
      )
      .optional()
      .describe('Every year with values, with how many units reported in it: the period picker’s choices'),
    view: z
      .enum(['published', 'all'])
      .optional()
      .describe(
        "'published': the public's view (approved figures of public indicators only); 'all': a signed-in reader's",
      ),
    agreement: z.object({
      code: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      periodFrom: z.number().int(),
      periodTo: z.number().int(),
    }),
    isDemo: z.boolean().describe('any value shown is demo data'),
    statusRule: z.object({ vi: z.string(), en: z.string() }),
    areas: z.array(AreaProgressSchema),
  })
  .meta({ id: 'ProgressSummary' });
export type ProgressSummary = z.output<typeof ProgressSummarySchema>;
