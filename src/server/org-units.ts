import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitCode } from './params.js';
import { findUnit, findUnitBoundary, listChildren, unitTree } from '../db/org-units.js';

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/org-units/tree',
    {
      schema: {
        summary: 'The organisation-unit hierarchy (nation → provinces → communes)',
        tags: ['organisation units'],
        querystring: z.object({ root: UnitCode.optional().describe('Start at this unit instead of the nation') }),
      },
    },
    (request) => unitTree(app.db, request.query.root),
  );
  app.get(
    '/api/org-units/:code',
    {
      schema: { summary: 'One organisation unit', tags: ['organisation units'], params: z.object({ code: UnitCode }) },
    },
    async (request) => {
      const { id: _id, ...unit } = await findUnit(app.db, request.params.code);
      return unit;
    },
  );
  app.get(
    '/api/org-units/:code/children',
    {
      schema: {
        summary: 'The units directly below a unit',
        tags: ['organisation units'],
        params: z.object({ code: UnitCode }),
      },
    },
    (request) => listChildren(app.db, request.params.code),
  );
  app.get(
    '/api/org-units/:code/boundary',
    {
      schema: {
        summary: 'Boundary of a unit as a GeoJSON Feature (WGS84)',
        tags: ['organisation units'],
        params: z.object({ code: UnitCode }),
      },
    },
    async (request, reply) => {
      const { id: _id, ...unit } = await findUnit(app.db, request.params.code);
      const geometry = await findUnitBoundary(app.db, request.params.code);
      return reply.type('application/geo+json').send({ type: 'Feature', id: unit.code, properties: unit, geometry });
    },
  );
};
