import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Invalid } from '../domain/errors.js';
import { ExcludedAreaSchema } from '../domain/planner/plan-settings.js';
import { formatExcludedAreaError, readExcludedAreas } from '../intake/planner/read-excluded-areas.js';
import { formatPlanPointError, readPlanPoints } from '../intake/planner/read-plan-points.js';
import { readFilePart } from './uploaded-file.js';
import { IMPORT_LIMIT } from './work-limits.js';

/** The files a scenario's settings take (candidates, points of interest, excluded areas), read and checked, kept nowhere. */
export const plannerFileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/plans/read-file/:kind',
    {
      config: { permission: 'plan.run', workLimit: IMPORT_LIMIT },
      schema: {
        summary:
          'Read a CSV or XLSX of candidate sites (code, lon, lat, cost, height) or points of interest (name, kind, lon, lat, weight, radius) for a scenario’s settings; every bad cell named, nothing kept',
        tags: ['planner'],
        params: z.object({ kind: z.enum(['candidates', 'points']) }),
        consumes: ['multipart/form-data'],
        response: { 200: z.array(z.record(z.string(), z.union([z.string(), z.number()]))) },
      },
    },
    async (request) => {
      const file = await readOneFile(request);
      const read = await readPlanPoints(file, request.params.kind);
      if (!read.ok)
        throw refusedFile(
          file.name,
          formatPlanPointError(read.errors[0]!),
          read.errors.map((e) => ({ path: `${e.file} row ${e.rowNumber} column ${e.column}`, message: e.message })),
        );
      return read.rows;
    },
  );
  app.post(
    '/api/plans/read-areas',
    {
      config: { permission: 'plan.run', workLimit: IMPORT_LIMIT },
      schema: {
        summary:
          'Read a GeoJSON of areas no new mast may stand in (Polygons and MultiPolygons, named by their `name` property) for a scenario’s settings; every bad feature named, nothing kept',
        tags: ['planner'],
        consumes: ['multipart/form-data'],
        response: { 200: z.array(ExcludedAreaSchema) },
      },
    },
    async (request) => {
      const file = await readOneFile(request);
      const read = readExcludedAreas(file);
      if (!read.ok)
        throw refusedFile(
          file.name,
          formatExcludedAreaError(read.errors[0]!),
          read.errors.map((e) => ({ path: `${e.file} feature ${e.feature}`, message: e.message })),
        );
      return read.areas;
    },
  );
};

/** The one file of a multipart request (its field "file"), within the intake limits. */
async function readOneFile(request: FastifyRequest): Promise<{ name: string; bytes: Uint8Array }> {
  if (!request.isMultipart())
    throw new Invalid('plan.settings', 'Send the file as multipart/form-data in a field "file"');
  let file: { name: string; bytes: Uint8Array } | null = null;
  for await (const part of request.parts()) if (part.type === 'file' && !file) file = await readFilePart(part);
  if (!file) throw new Invalid('plan.settings', 'No file was sent: add a field named "file"');
  return file;
}

/** A settings file refused: how many problems, the first in words, and each where it is. */
function refusedFile(name: string, first: string, problems: { path: string; message: string }[]): Invalid {
  return new Invalid('plan.settings', `${name}: ${problems.length} problem(s). First: ${first}`, problems);
}
