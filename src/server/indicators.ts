import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findIndicator, findTargets, listIndicators } from '../db/indicators.js';
import { findUnit } from '../db/org-units.js';
import { IndicatorCode, UnitCode } from './params.js';
import { saveIndicatorDefinition } from '../db/indicator-definitions.js';
import { saveTargets, splitTargets } from '../db/targets.js';
import { writeContext } from './request-context.js';

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
  reason: z.string().max(2000).nullish(),
});

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/indicators',
    {
      schema: {
        summary: 'Indicators with their aggregation rules',
        tags: ['indicators'],
        querystring: z.object({ area: z.string().max(16).optional().describe('Cooperation area code, e.g. A2') }),
      },
    },
    (request) => listIndicators(app.db, { area: request.query.area }),
  );
  app.post(
    '/api/indicators',
    {
      schema: {
        summary: 'Define an indicator (a formula is checked: syntax, known references, no cycles)',
        tags: ['indicators'],
        body: Definition.extend({ code: IndicatorCode }),
      },
    },
    async (request, reply) => {
      const { reason, ...input } = request.body;
      const saved = await app.db.transaction((tx) =>
        saveIndicatorDefinition(tx, input, 'create', writeContext(request, 'api', reason ?? null)),
      );
      return reply.code(201).send(saved);
    },
  );
  app.put(
    '/api/indicators/:code',
    {
      schema: {
        summary: 'Change an indicator’s definition (audited)',
        tags: ['indicators'],
        params: z.object({ code: IndicatorCode }),
        body: Definition,
      },
    },
    async (request) => {
      const { reason, ...input } = request.body;
      return app.db.transaction((tx) =>
        saveIndicatorDefinition(
          tx,
          { ...input, code: request.params.code },
          'update',
          writeContext(request, 'api', reason ?? null),
        ),
      );
    },
  );
  app.get(
    '/api/indicators/:code',
    { schema: { summary: 'One indicator', tags: ['indicators'], params: z.object({ code: IndicatorCode }) } },
    (request) => findIndicator(app.db, request.params.code),
  );
  app.get(
    '/api/indicators/:code/targets',
    {
      schema: {
        summary: 'Baselines and yearly targets of an indicator for a unit',
        tags: ['indicators'],
        params: z.object({ code: IndicatorCode }),
        querystring: z.object({ unit: UnitCode }),
      },
    },
    async (request) => {
      const indicator = await findIndicator(app.db, request.params.code);
      const unit = await findUnit(app.db, request.query.unit);
      return findTargets(app.db, indicator.id, unit.id);
    },
  );
  app.put(
    '/api/indicators/:code/targets',
    {
      schema: {
        summary: 'Set a unit’s baseline and yearly targets (audited)',
        description: 'Targets must fall after the baseline year, one per year; values must fit the indicator’s type.',
        tags: ['indicators'],
        params: z.object({ code: IndicatorCode }),
        body: z.object({
          unit: UnitCode,
          baseline: z.object({ year: z.number().int().min(2000).max(2100), value: z.number() }).optional(),
          targets: z
            .array(z.object({ year: z.number().int().min(2000).max(2100), value: z.number() }))
            .max(100)
            .default([]),
          reason: z.string().max(2000).nullish(),
        }),
      },
    },
    async (request) => {
      const indicator = await findIndicator(app.db, request.params.code);
      const unit = await findUnit(app.db, request.body.unit);
      const rows = [
        ...(request.body.baseline ? [{ ...request.body.baseline, kind: 'baseline' as const }] : []),
        ...request.body.targets.map((t) => ({ ...t, kind: 'target' as const })),
      ];
      return app.db.transaction((tx) =>
        saveTargets(tx, indicator, unit, rows, writeContext(request, 'api', request.body.reason ?? null)),
      );
    },
  );
  app.post(
    '/api/indicators/:code/targets/split',
    {
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
      },
    },
    async (request) => {
      const indicator = await findIndicator(app.db, request.params.code);
      const unit = await findUnit(app.db, request.body.unit);
      return app.db.transaction((tx) =>
        splitTargets(tx, indicator, unit, request.body.by, writeContext(request, 'api', request.body.reason ?? null)),
      );
    },
  );
};
