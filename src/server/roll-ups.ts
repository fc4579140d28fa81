import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { READ_LIMIT } from './work-limits.js';
import { rollUpFor } from '../application/published-view.js';
import { Bucket, IndicatorCode, PeriodCode, UnitCode } from './params.js';
import { periodRange } from './period-range.js';
import { RollUpSchema } from '../domain/figures-contract.js';

export const rollUpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/rollup',
    {
      config: { permission: 'published.read', workLimit: READ_LIMIT, figuresCache: true },
      schema: {
        summary: 'An indicator rolled up to any unit, per year, quarter or month',
        description:
          'Over time first (flows sum, stocks take the latest value), then over the units at the indicator’s reporting level by its rule. ' +
          'Formula indicators are computed from their parts’ roll-ups (a ratio of sums, not an average of ratios). ' +
          'Missing units are reported as missing with their count, never as zero. Without sign-in only published figures are given ' +
          '(approved periods of public indicators); others come back as null with published: false.',
        tags: ['values'],
        querystring: z.object({
          indicator: IndicatorCode,
          unit: UnitCode,
          from: PeriodCode,
          to: PeriodCode.optional(),
          by: Bucket.optional().describe('Bucket size; defaults to the type of `from`'),
        }),
        response: { 200: RollUpSchema },
      },
    },
    async (request) => {
      const { indicator: indicatorCode, unit: unitCode, from, to, by } = request.query;
      const { start, end } = periodRange(from, to);
      return rollUpFor(app.db, request.actor, indicatorCode, unitCode, {
        from: start,
        to: end,
        bucket: by ?? start.type,
      });
    },
  );
};
