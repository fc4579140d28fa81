import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findIndicator, listIndicators, type Indicator } from '../db/indicators.js';
import { IndicatorCode, UnitCode } from './params.js';
import { saveIndicatorDefinition } from '../application/save-indicator-definition.js';
import { saveTargetsAs, splitTargetsAs, targetsOf } from '../application/save-targets.js';
import { actorCan, type Actor } from '../domain/auth/actor.js';
import { NotFound } from '../domain/errors.js';
import { FIRST_YEAR, LAST_YEAR } from '../domain/periods.js';
import { expectedVersion, sendVersioned } from './if-match.js';
import {
  IndicatorSchema,
  TargetPointsSchema,
  TargetRowsSchema,
  TargetSplitSchema,
} from '../domain/indicator-contract.js';
import type { TargetRow } from '../db/targets.js';
import type { TargetPoint } from '../db/indicators.js';
import { schemaFits, type SchemaFits } from './schema-fit.js';

schemaFits<SchemaFits<typeof IndicatorSchema, Indicator>>();
schemaFits<SchemaFits<typeof TargetRowsSchema, TargetRow[]>>();
schemaFits<SchemaFits<typeof TargetPointsSchema, TargetPoint[]>>();
schemaFits<SchemaFits<typeof TargetSplitSchema, Awaited<ReturnType<typeof splitTargetsAs>>>>();

const Definition = z.object({
  nameVi: z.string().min(1).max(300),
  nameEn: z.string().min(1).max(300),
  unitVi: z.string().min(1).max(100),
  unitEn: z.string().min(1).max(100),
  areaCode: z.string().max(16).nullable().default(null),
  pillar: z.string().max(64).nullable().default(null),
  valueType: z.enum(['number', 'percent', 'count', 'boolean']),
  unitAggregation: z.enum(['sum', 'average', 'weighted_average', 'min', 'max', 'share_meeting']),
  threshold: z.number().nullable().default(null),
  timeAggregation: z.enum(['sum', 'last']),
  direction: z.enum(['higher', 'lower']),
  reportingLevel: z.enum(['nation', 'province', 'commune']),
  decimals: z.number().int().min(0).max(6).default(0),
  formula: z.string().min(1).max(5000).nullable().default(null).describe('e.g. 100 * {TEACHERS_SIGNED} / {TEACHERS}'),
  minValue: z.number().nullable().default(null),
  maxValue: z.number().nullable().default(null),
  isPublic: z.boolean().default(false).describe('approved figures are shown to everyone, signed in or not'),
  periodType: z.enum(['month', 'quarter', 'year']).default('month').describe('the period type values are collected at'),
  reportingParty: z
    .string()
    .max(16)
    .regex(/^[A-Za-z0-9_-]+$/)
    .nullable()
    .default(null)
    .describe('the agreement party whose staff report it'),
  version: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('the version read (as the ETag); refused with 412 if it changed'),
  reason: z.string().max(2000).nullish(),
});

const Year = z.number().int().min(FIRST_YEAR).max(LAST_YEAR);

/** The public sees the definitions of public indicators only. */
function visibleTo(actor: Actor, indicator: Indicator): boolean {
  return indicator.isPublic || actorCan(actor, 'data.read');
}

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  async function visibleIndicator(actor: Actor, code: string): Promise<Indicator> {
    const indicator = await findIndicator(app.db, code);
    if (!visibleTo(actor, indicator))
      throw new NotFound('indicator.not_found', `No indicator has the code "${code}"`, undefined, { code });
    return indicator;
  }

  app.get(
    '/api/indicators',
    {
      config: { permission: 'published.read' },
      schema: {
        summary: 'Indicators with their aggregation rules (the public sees the public ones)',
        tags: ['indicators'],
        querystring: z.object({ area: z.string().max(16).optional().describe('Cooperation area code, e.g. A2') }),
        response: { 200: z.array(IndicatorSchema) },
      },
    },
    async (request) =>
      (await listIndicators(app.db, { area: request.query.area })).filter((i) => visibleTo(request.actor, i)),
  );
  app.post(
    '/api/indicators',
    {
      config: { permission: 'indicator.define' },
      schema: {
        summary: 'Define an indicator (a formula is checked: syntax, known references, no cycles)',
        tags: ['indicators'],
        body: Definition.extend({ code: IndicatorCode }),
        response: { 201: IndicatorSchema },
      },
    },
    async (request, reply) => {
      const { reason, version: _version, ...input } = request.body;
      const saved = await saveIndicatorDefinition(
        app.db,
        request.actor,
        input,
        { mode: 'create', reason: reason ?? null },
        request.id,
      );
      reply.code(201);
      return sendVersioned(reply, saved.version, saved);
    },
  );
  app.put(
    '/api/indicators/:code',
    {
      config: { permission: 'indicator.define' },
      schema: {
        summary: 'Change an indicator’s definition (audited; send the version read as If-Match)',
        tags: ['indicators'],
        params: z.object({ code: IndicatorCode }),
        body: Definition,
        response: { 200: IndicatorSchema },
      },
    },
    async (request, reply) => {
      const { reason, version, ...input } = request.body;
      const saved = await saveIndicatorDefinition(
        app.db,
        request.actor,
        { ...input, code: request.params.code },
        { mode: 'update', expectedVersion: expectedVersion(request, version), reason: reason ?? null },
        request.id,
      );
      return sendVersioned(reply, saved.version, saved);
    },
  );
  app.get(
    '/api/indicators/:code',
    {
      config: { permission: 'published.read' },
      schema: {
        summary: 'One indicator, its version as the ETag',
        tags: ['indicators'],
        params: z.object({ code: IndicatorCode }),
        response: { 200: IndicatorSchema },
      },
    },
    async (request, reply) => {
      const indicator = await visibleIndicator(request.actor, request.params.code);
      return sendVersioned(reply, indicator.version, indicator);
    },
  );
  app.get(
    '/api/indicators/:code/targets',
    {
      config: { permission: 'published.read' },
      schema: {
        summary: 'Baselines and yearly targets of an indicator for a unit; the ETag is the version of the set',
        tags: ['indicators'],
        params: z.object({ code: IndicatorCode }),
        querystring: z.object({ unit: UnitCode }),
        response: { 200: TargetPointsSchema },
      },
    },
    async (request, reply) => {
      await visibleIndicator(request.actor, request.params.code);
      const { targets, version } = await targetsOf(app.db, request.params.code, request.query.unit);
      return sendVersioned(reply, version, targets);
    },
  );
  app.put(
    '/api/indicators/:code/targets',
    {
      config: { permission: 'target.write' },
      schema: {
        summary: 'Set a unit’s baseline and yearly targets (audited; send the set’s version as If-Match)',
        description: 'Targets must fall after the baseline year, one per year; values must fit the indicator’s type.',
        tags: ['indicators'],
        params: z.object({ code: IndicatorCode }),
        body: z.object({
          unit: UnitCode,
          baseline: z.object({ year: Year, value: z.number() }).optional(),
          targets: z
            .array(z.object({ year: Year, value: z.number() }))
            .max(100)
            .default([]),
          version: z.number().int().min(0).optional(),
          reason: z.string().max(2000).nullish(),
        }),
        response: { 200: TargetRowsSchema },
      },
    },
    async (request, reply) => {
      const rows = [
        ...(request.body.baseline ? [{ ...request.body.baseline, kind: 'baseline' as const }] : []),
        ...request.body.targets.map((t) => ({ ...t, kind: 'target' as const })),
      ];
      const saved = await saveTargetsAs(
        app.db,
        request.actor,
        {
          indicator: request.params.code,
          unit: request.body.unit,
          rows,
          expectedVersion: expectedVersion(request, request.body.version),
        },
        request.body.reason ?? null,
        request.id,
      );
      return sendVersioned(reply, saved.version, saved.targets);
    },
  );
  app.post(
    '/api/indicators/:code/targets/split',
    {
      config: { permission: 'target.write' },
      schema: {
        summary: 'Split a unit’s baseline and targets over the units below it',
        description:
          'By population, or by each unit’s share of the baseline year’s value. Counts are split into whole numbers that add up exactly; percents are copied, not divided.',
        tags: ['indicators'],
        params: z.object({ code: IndicatorCode }),
        body: z.object({
          unit: UnitCode,
          by: z.enum(['population', 'baseline']).default('population'),
          reason: z.string().max(2000).nullish(),
        }),
        response: { 200: TargetSplitSchema },
      },
    },
    (request) =>
      splitTargetsAs(
        app.db,
        request.actor,
        { indicator: request.params.code, unit: request.body.unit, by: request.body.by },
        request.body.reason ?? null,
        request.id,
      ),
  );
};
