import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findScenario, listScenarios } from '../db/plan-scenarios.js';
import { NotFound } from '../domain/errors.js';
import { PlanScenarioSchema } from '../domain/planner/plan-contract.js';
import { PlanSettingsSchema } from '../domain/planner/plan-settings.js';
import { cancelPlanScenario, deletePlanScenario, startPlanScenario } from '../application/plan-scenarios.js';
import { planSitesCsv, planSitesGeoJson, planSitesKml } from '../engines/planner/plan-exports.js';
import { PLAN_FILES, planFolder } from '../jobs/plan-files.js';

export interface PlannerRouteOptions {
  /** The coverage output folder; mast coverages are cached in its `planner-cache` subfolder. */
  coverageDir: string;
}

const ScenarioId = z.object({ id: z.uuid() });

/** The exports of a plan, by extension, with their media types. */
const EXPORTS = {
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json',
  kml: 'application/vnd.google-earth.kml+xml',
} as const;

/** A list entry: the scenario without its per-unit result, with the headline figures to compare. */
const ScenarioSummarySchema = PlanScenarioSchema.omit({ result: true })
  .extend({
    summary: z
      .object({
        objective: z.number(),
        upperBound: z.number(),
        gap: z.number(),
        sites: z.number().int(),
        cost: z.number(),
      })
      .nullable(),
  })
  .meta({ id: 'PlanScenarioSummary' });

/** An attachment's names: ASCII for old clients (accents dropped), the whole name in UTF-8 (RFC 6266) for the others. */
function attachment(name: string, extension: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const plain =
    ascii
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'plan';
  return `attachment; filename="${plain}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;
}

export const plannerRoutes: FastifyPluginAsyncZod<PlannerRouteOptions> = async (app, options) => {
  app.post(
    '/api/plans',
    {
      config: { permission: 'plan.run' },
      schema: {
        summary: 'Make a 5G plan scenario (background job): poll it for progress, cancel it, read its result',
        tags: ['planner'],
        body: PlanSettingsSchema,
        response: { 202: PlanScenarioSchema },
      },
    },
    async (request, reply) => {
      const scenario = await startPlanScenario(app.db, request.actor, request.body, {
        coverageDir: options.coverageDir,
        requestId: request.id,
        onCrash: (error, id) => app.log.error({ err: error, scenarioId: id }, 'plan scenario crashed'),
      });
      return reply.code(202).header('location', `/api/plans/${scenario.id}`).send(scenario);
    },
  );
  app.get(
    '/api/plans',
    {
      config: { permission: 'plan.read' },
      schema: {
        summary: 'Plan scenarios, newest first, with their headline figures',
        tags: ['planner'],
        response: { 200: z.array(ScenarioSummarySchema) },
      },
    },
    async () =>
      (await listScenarios(app.db)).map(({ result, ...scenario }) => ({
        ...scenario,
        summary: result
          ? {
              objective: result.objective,
              upperBound: result.upperBound,
              gap: result.gap,
              sites: result.sites.length,
              cost: result.sites.reduce((sum, site) => sum + site.cost, 0),
            }
          : null,
      })),
  );
  app.get(
    '/api/plans/:id',
    {
      config: { permission: 'plan.read' },
      schema: {
        summary: 'A plan scenario: its settings, progress and result',
        tags: ['planner'],
        params: ScenarioId,
        response: { 200: PlanScenarioSchema },
      },
    },
    (request) => findScenario(app.db, request.params.id),
  );
  app.post(
    '/api/plans/:id/cancel',
    {
      config: { permission: 'plan.run' },
      schema: {
        summary: 'Cancel a queued or running plan scenario',
        tags: ['planner'],
        params: ScenarioId,
        response: { 200: PlanScenarioSchema },
      },
    },
    (request) => cancelPlanScenario(app.db, request.actor, request.params.id, request.id),
  );
  app.delete(
    '/api/plans/:id',
    {
      config: { permission: 'plan.run' },
      schema: {
        summary: 'Delete a finished plan scenario (its audit records stay)',
        tags: ['planner'],
        params: ScenarioId,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await deletePlanScenario(app.db, request.actor, request.params.id, {
        requestId: request.id,
        coverageDir: options.coverageDir,
      });
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/plans/:id/new-coverage.:format',
    {
      config: { permission: 'plan.read' },
      schema: {
        summary:
          'The cells the plan newly covers with 5G, by phase: a PNG map layer in the grid (place it with result.corners) or the GeoTIFF (phase number, 0 none)',
        tags: ['planner'],
        params: ScenarioId.extend({ format: z.enum(['png', 'tif']) }),
        response: {
          200: {
            description: 'The layer or the raster',
            content: {
              'image/png': { schema: z.unknown().meta({ type: 'string', format: 'binary' }) },
              'image/tiff': { schema: z.unknown().meta({ type: 'string', format: 'binary' }) },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const scenario = await findScenario(app.db, request.params.id);
      const { format } = request.params;
      const path = join(
        planFolder(options.coverageDir, scenario.id),
        format === 'png' ? PLAN_FILES.layer : PLAN_FILES.raster,
      );
      if (!existsSync(path))
        throw new NotFound(
          'plan.not_found',
          `Plan scenario ${scenario.id} has no new-coverage ${format} (${scenario.status})`,
        );
      const stream = createReadStream(path);
      return format === 'png'
        ? reply.type('image/png').header('cache-control', 'private, max-age=3600').send(stream)
        : reply.type('image/tiff').header('content-disposition', attachment(scenario.name, 'tif')).send(stream);
    },
  );
  app.get(
    '/api/plans/:id/sites.:format',
    {
      config: { permission: 'plan.read' },
      schema: {
        summary: 'The chosen sites in build order, as CSV, GeoJSON or KML for the partner’s engineers',
        tags: ['planner'],
        params: ScenarioId.extend({ format: z.enum(['csv', 'geojson', 'kml']) }),
        response: {
          200: {
            description: 'The file, as an attachment',
            content: Object.fromEntries(
              Object.values(EXPORTS).map((type) => [
                type,
                { schema: z.unknown().meta({ type: 'string', format: 'binary' }) },
              ]),
            ),
          },
        },
      },
    },
    async (request, reply) => {
      const scenario = await findScenario(app.db, request.params.id);
      if (!scenario.result)
        throw new NotFound('plan.not_found', `Plan scenario ${scenario.id} has no result (${scenario.status})`);
      const { format } = request.params;
      const body =
        format === 'csv'
          ? planSitesCsv(scenario.result)
          : format === 'kml'
            ? planSitesKml(scenario.result, scenario.name)
            : JSON.stringify(planSitesGeoJson(scenario.result, scenario.name));
      return reply.type(EXPORTS[format]).header('content-disposition', attachment(scenario.name, format)).send(body);
    },
  );
};
