/** What the indicator routes answer: definitions (`GET /api/indicators`, one by code) and their targets. */
import { z } from 'zod';
import { ValueTypeSchema } from './overview-contract.js';

export const ReportingLevelSchema = z.enum(['nation', 'province', 'commune']);

export const IndicatorSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    unitVi: z.string(),
    unitEn: z.string(),
    areaCode: z.string().nullable(),
    pillar: z.string().nullable(),
    valueType: ValueTypeSchema,
    unitAggregation: z
      .enum(['sum', 'average', 'weighted_average', 'min', 'max', 'share_meeting'])
      .describe('weighted_average weighs each unit by its population; share_meeting: percent of units ≥ threshold'),
    threshold: z.number().nullable(),
    timeAggregation: z.enum(['sum', 'last']).describe('Flows sum over time; stocks take the last value'),
    reportingLevel: ReportingLevelSchema,
    direction: z.enum(['higher', 'lower']),
    decimals: z.number().int(),
    isDemo: z.boolean(),
    formula: z
      .string()
      .nullable()
      .describe('Expression over other indicators; a formula indicator has no stored values'),
    minValue: z.number().nullable(),
    maxValue: z.number().nullable(),
    computedCode: z.string().nullable().describe('The indicator the coverage engine computes for this reported one'),
    isPublic: z.boolean().describe('Approved figures are shown to everyone, signed in or not'),
    periodType: z.enum(['year', 'quarter', 'month']).describe('The period type values are collected at'),
    reportingParty: z.string().nullable().describe('The agreement party whose staff report it (null: anyone)'),
    version: z.number().int().describe('Raised on every change to the definition: what If-Match compares'),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'Indicator' });

export const TargetRowSchema = z.object({
  year: z.number().int(),
  kind: z.enum(['baseline', 'target']),
  value: z.number(),
});

export const TargetRowsSchema = z.array(TargetRowSchema).meta({ id: 'TargetRows' });

/** A stored baseline or target, as `GET /api/indicators/{code}/targets` lists them. */
export const TargetPointsSchema = z
  .array(
    TargetRowSchema.extend({
      isDemo: z.boolean(),
      version: z.number().int(),
      updatedBy: z.string().nullable(),
    }),
  )
  .meta({ id: 'TargetPoints' });

export const TargetSplitSchema = z
  .array(z.object({ unit: z.string(), targets: z.array(TargetRowSchema) }))
  .describe('Each unit below with the baseline and targets it was given')
  .meta({ id: 'TargetSplit' });
