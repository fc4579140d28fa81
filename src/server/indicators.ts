import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findIndicator, findTargets, listIndicators } from '../db/indicators.js';
import { findUnit } from '../db/org-units.js';
import { IndicatorCode, UnitCode } from './params.js';

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
};
