import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { READ_LIMIT } from './work-limits.js';
import { findAgreement, listAgreements } from '../db/agreements.js';
import { progressFor } from '../application/published-view.js';
import { UnitCode, Year } from './params.js';

export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agreements',
    { config: { permission: 'published.read' }, schema: { summary: 'Agreements', tags: ['agreement'] } },
    () => listAgreements(app.db),
  );
  app.get(
    '/api/agreements/:code',
    {
      config: { permission: 'published.read' },
      schema: {
        summary: 'An agreement with its parties, cooperation areas and commitments',
        tags: ['agreement'],
        params: z.object({ code: z.string().min(1).max(64) }),
      },
    },
    async (request) => {
      const { id: _id, ...agreement } = await findAgreement(app.db, request.params.code);
      return agreement;
    },
  );
  app.get(
    '/api/progress',
    {
      config: { permission: 'published.read', workLimit: READ_LIMIT, figuresCache: true },
      schema: {
        summary:
          'Progress per cooperation area for a unit: each indicator’s value, target, attainment and monthly trend',
        tags: ['agreement'],
        querystring: z.object({
          unit: UnitCode,
          year: Year.optional().describe(
            'Defaults to the latest year with data (for the public: the latest year published)',
          ),
        }),
      },
    },
    (request) => progressFor(app.db, request.actor, request.query.unit, request.query.year),
  );
};
