import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { READ_LIMIT } from './work-limits.js';
import { findAgreement, listAgreements } from '../db/agreements.js';
import { progressFor } from '../application/published-view.js';
import { UnitCode, Year } from './params.js';
import { AgreementDetailSchema, AgreementSummarySchema } from '../domain/agreement-contract.js';
import { ProgressSummarySchema } from '../domain/overview-contract.js';
import type { AgreementDetail, AgreementSummary } from '../db/agreements.js';
import { schemaFits, type SchemaFits } from './schema-fit.js';

schemaFits<SchemaFits<typeof AgreementSummarySchema, AgreementSummary>>();
schemaFits<SchemaFits<typeof AgreementDetailSchema, Omit<AgreementDetail, 'id'>>>();

export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/agreements',
    {
      config: { permission: 'published.read' },
      schema: { summary: 'Agreements', tags: ['agreement'], response: { 200: z.array(AgreementSummarySchema) } },
    },
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
        response: { 200: AgreementDetailSchema },
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
        response: { 200: ProgressSummarySchema },
      },
    },
    (request) => progressFor(app.db, request.actor, request.query.unit, request.query.year),
  );
};
