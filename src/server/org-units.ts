import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { READ_LIMIT } from './work-limits.js';
import { IndicatorCode, PeriodCode, UnitCode } from './params.js';
import { publishedFilters, readableIndicator } from '../application/published-view.js';
import { rollUpEach } from '../db/roll-ups.js';
import { Invalid } from '../domain/errors.js';
import { UnitSummarySchema, UnitTreeNodeSchema } from '../domain/overview-contract.js';
import { BoundaryCollectionSchema, UnitFeatureSchema } from '../domain/map-contract.js';
import { childBoundaries, findUnit, findUnitBoundary, listChildren, unitTree } from '../db/org-units.js';

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/org-units/tree',
    {
      config: { permission: 'published.read' },
      schema: {
        summary: 'The organisation-unit hierarchy (nation → provinces → communes)',
        tags: ['organisation units'],
        querystring: z.object({ root: UnitCode.optional().describe('Start at this unit instead of the nation') }),
        response: { 200: UnitTreeNodeSchema },
      },
    },
    (request) => unitTree(app.db, request.query.root),
  );
  app.get(
    '/api/org-units/:code',
    {
      config: { permission: 'published.read' },
      schema: {
        summary: 'One organisation unit',
        tags: ['organisation units'],
        params: z.object({ code: UnitCode }),
        response: { 200: UnitSummarySchema },
      },
    },
    async (request) => {
      const { id: _id, ...unit } = await findUnit(app.db, request.params.code);
      return unit;
    },
  );
  app.get(
    '/api/org-units/:code/children',
    {
      config: { permission: 'published.read' },
      schema: {
        summary: 'The units directly below a unit',
        tags: ['organisation units'],
        params: z.object({ code: UnitCode }),
        response: { 200: z.array(UnitSummarySchema) },
      },
    },
    (request) => listChildren(app.db, request.params.code),
  );
  app.get(
    '/api/org-units/:code/boundary',
    {
      config: { permission: 'published.read' },
      schema: {
        summary: 'Boundary of a unit as a GeoJSON Feature (WGS84)',
        tags: ['organisation units'],
        params: z.object({ code: UnitCode }),
        response: { 200: { content: { 'application/geo+json': { schema: UnitFeatureSchema } } } },
      },
    },
    async (request, reply) => {
      const { id: _id, ...unit } = await findUnit(app.db, request.params.code);
      const geometry = await findUnitBoundary(app.db, request.params.code);
      return reply.type('application/geo+json').send({ type: 'Feature', id: unit.code, properties: unit, geometry });
    },
  );
  app.get(
    '/api/org-units/:code/children/boundaries',
    {
      config: { permission: 'published.read', workLimit: READ_LIMIT, figuresCache: true },
      schema: {
        summary:
          'The boundaries of the units directly below a unit as a GeoJSON FeatureCollection, optionally with an indicator’s value',
        tags: ['organisation units'],
        params: z.object({ code: UnitCode }),
        querystring: z.object({ indicator: IndicatorCode.optional(), period: PeriodCode.optional() }),
        response: { 200: { content: { 'application/geo+json': { schema: BoundaryCollectionSchema } } } },
      },
    },
    async (request, reply) => {
      const parent = await findUnit(app.db, request.params.code);
      const { indicator: indicatorCode, period } = request.query;
      if (indicatorCode && !period)
        throw new Invalid('boundaries.period', 'Give a period with the indicator', [
          { path: 'querystring.period', message: 'required with indicator' },
        ]);
      const indicator = indicatorCode ? await readableIndicator(app.db, request.actor, indicatorCode) : null;
      const features = [];
      const children = await childBoundaries(app.db, parent.id);
      const published = await publishedFilters(
        app.db,
        request.actor,
        children.map((c) => c.unit.id),
      );
      // One roll-up for every child at once, from the stored aggregates.
      const values =
        indicator && period
          ? await rollUpEach(
              app.db,
              indicator,
              children.map((c) => c.unit),
              period,
            )
          : null;
      for (const { unit, boundary } of children) {
        const value = values && period ? (published(unit.id, period) ? values.get(unit.id)!.value : null) : undefined;
        const { id: _id, ...summary } = unit;
        features.push({
          type: 'Feature' as const,
          id: unit.code,
          properties: { ...summary, ...(indicator ? { indicator: indicator.code, period, value } : {}) },
          geometry: boundary,
        });
      }
      return reply.type('application/geo+json').send({ type: 'FeatureCollection' as const, features });
    },
  );
};
