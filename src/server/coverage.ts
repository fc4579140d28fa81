import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { COVERAGE_START_LIMIT, IMPORT_LIMIT } from './work-limits.js';
import { listSites, saveSites } from '../db/cell-sites.js';
import { findRun, listRuns } from '../db/coverage-runs.js';
import { formatSiteError, readSitesFile } from '../intake/sites/read-sites.js';
import type { UploadedFile } from '../jobs/coverage-inputs.js';
import { Invalid, NotFound } from '../domain/errors.js';
import type { Technology } from '../domain/coverage/technology.js';
import { PeriodCode, UnitCode } from './params.js';
import { writeContext } from './request-context.js';
import { readFilePart } from './uploaded-file.js';
import { INTAKE_LIMITS } from '../intake/intake-limits.js';
import { cancelCoverageRun, startCoverageRun } from '../application/start-coverage-run.js';
import { readLayerLevelOfFile } from '../engines/coverage/raster/read-layer-level.js';
import { GRID_NAME_PATTERN } from '../domain/coverage/grid-files.js';
import { DEFAULT_COVERAGE_PARAMS } from '../engines/coverage/predict/coverage-params.js';
import { readCoverageCriterion } from '../domain/coverage/read-criterion.js';
import { MAIN_OPERATOR, operatorOf } from '../domain/coverage/operators.js';
import { SIGNAL_CLASSES } from '../domain/coverage/signal-classes.js';
import { renderSignalLayer } from '../engines/coverage/raster/signal-layer-png.js';
import { CellSiteSchema, CoverageRunSchema, SignalClassSchema } from '../domain/coverage/coverage-run-contract.js';
import { WriteSummarySchema } from '../domain/values-contract.js';
import type { CellSite } from '../db/cell-sites.js';
import type { SignalClass } from '../domain/coverage/signal-classes.js';
import { schemaFits, type SchemaFits } from './schema-fit.js';

schemaFits<SchemaFits<typeof CellSiteSchema, CellSite>>();
schemaFits<SchemaFits<typeof SignalClassSchema, SignalClass>>();

/** A file answered as it is, not JSON (a Buffer or a stream: never passed through a serialiser). */
const binary = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: z.unknown().meta({ type: 'string', format: 'binary' }) } },
});

const TECHNOLOGIES = ['2G', '3G', '4G', '5G'] as const;

/** The files a run writes (src/jobs/coverage-job.ts), by the end of their names, with their media types. */
const OUTPUT_TYPES = {
  '.tif.aux.xml': 'application/xml',
  '.tif': 'image/tiff',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
} as const;
const TECH = '(?:2G|3G|4G|5G)';
/** A grid's rasters carry its name on a run over several grids (src/domain/coverage/grid-files.ts). */
const GRID = `(?:-${GRID_NAME_PATTERN})?`;
const OUTPUT_FILE = new RegExp(
  `^(?:(?:signal|best-server)-${TECH}${GRID}\\.tif|best-server-${TECH}${GRID}\\.tif\\.aux\\.xml|` +
    `best-server-${TECH}\\.csv|uncovered-${TECH}\\.geojson)$`,
);
/** A layer: 4G.png on a run over one grid, 4G-utm48.png for each grid of a run over several. */
const LAYER_FILE = new RegExp(`^(${TECH})(${GRID})\\.png$`);

/**
 * The parts of a multipart body. `maxFileBytes` holds each file to that size (a sites list is read within
 * the intake limits); without it the app's own limit applies (terrain models and population rasters are large).
 */
async function readParts(request: FastifyRequest, maxFileBytes?: number) {
  if (!request.isMultipart()) throw new Invalid('coverage.multipart', 'Send the inputs as multipart/form-data');
  const files: Record<string, UploadedFile[]> = {};
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file')
      (files[part.fieldname] ??= []).push(
        maxFileBytes === undefined
          ? { name: part.filename || part.fieldname, bytes: new Uint8Array(await part.toBuffer()) }
          : await readFilePart(part, maxFileBytes),
      );
    else fields[part.fieldname] = String(part.value);
  }
  return { files, fields };
}

export interface CoverageRouteOptions {
  /** Where each run's GeoTIFFs go (a folder per run). */
  outputDir: string;
}

export const coverageRoutes: FastifyPluginAsyncZod<CoverageRouteOptions> = async (app, options) => {
  app.get(
    '/api/coverage/sites',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'Cell sites (sectors) stored for coverage runs',
        tags: ['coverage'],
        querystring: z.object({ technology: z.enum(TECHNOLOGIES).optional() }),
        response: { 200: z.array(CellSiteSchema) },
      },
    },
    (request) => listSites(app.db, request.query.technology),
  );

  app.post(
    '/api/coverage/sites',
    {
      config: { permission: 'coverage.sites_write', workLimit: IMPORT_LIMIT },
      schema: {
        summary: 'Import cell sites from CSV, XLSX or GeoJSON (audited; every bad row named)',
        description: 'multipart/form-data with a `file`. ?replace=true removes stored sectors missing from the file.',
        tags: ['coverage'],
        querystring: z.object({ replace: z.enum(['true', 'false']).default('false') }),
        consumes: ['multipart/form-data'],
        response: { 200: WriteSummarySchema },
      },
    },
    async (request) => {
      const { files } = await readParts(request, INTAKE_LIMITS.inflatedBytes);
      const file = files.file?.[0];
      if (!file) throw new Invalid('coverage.no_file', 'No file was sent: add a field named "file"');
      const read = await readSitesFile(file);
      if (!read.ok) {
        throw new Invalid(
          'coverage.sites',
          `${file.name}: ${read.errors.length} problem(s); nothing was saved. First: ${formatSiteError(read.errors[0]!)}`,
          read.errors.map((e) => ({ ...e, path: `${e.file} row ${e.row}`, message: formatSiteError(e) })),
        );
      }
      // Rows naming no operator are the main operator's, as in a run.
      const sites = read.sites.map(({ rowNumber: _row, ...site }) => ({
        ...site,
        operator: operatorOf(site, MAIN_OPERATOR),
      }));
      return app.db.transaction((tx) =>
        saveSites(tx, sites, { replace: request.query.replace === 'true' }, writeContext(request, 'sites-import')),
      );
    },
  );

  app.post(
    '/api/coverage/runs',
    {
      config: { permission: 'coverage.run', workLimit: COVERAGE_START_LIMIT },
      schema: {
        summary: 'Start a coverage run (background job); poll it, cancel it, read its results',
        description:
          'multipart/form-data: fields `unit` (root unit, e.g. 24), `period` (e.g. 2025-12), `technologies` (e.g. 2G,4G,5G), optional `cellSizeM`, `model`, `coverageCriterion` (`median`, the default; a reliability such as `0.9` or `98 %` with σ 8 dB; or JSON `{"kind":"reliability","reliability":0.9,"sigmaDb":{"urban":8,"suburban":8,"rural":8}}`); ' +
          'files `dem` (GeoTIFF or SRTM .hgt, repeatable), `population` (GeoTIFF of people per pixel) and optionally `sites` (else the stored sites). ' +
          'Or field `demo=true` for the demo province’s synthetic scenario. Every input is checked before the run starts (422 naming the file, row or band).',
        tags: ['coverage'],
        consumes: ['multipart/form-data'],
        response: { 202: CoverageRunSchema.describe('Queued; Location names the run to poll') },
      },
    },
    async (request, reply) => {
      const { files, fields } = await readParts(request);
      const unit = UnitCode.safeParse(fields.unit);
      const period = PeriodCode.safeParse(fields.period);
      if (!unit.success || !period.success) {
        throw new Invalid('coverage.fields', 'Fields `unit` and `period` are required (e.g. unit=24, period=2025-12)', [
          ...(unit.success ? [] : [{ path: 'unit', message: 'required' }]),
          ...(period.success ? [] : [{ path: 'period', message: 'a period such as 2025-12' }]),
        ]);
      }
      const technologies = (fields.technologies ?? '2G,4G,5G').split(',').map((t) => t.trim().toUpperCase());
      const unknown = technologies.filter((t) => !(TECHNOLOGIES as readonly string[]).includes(t));
      if (unknown.length) throw new Invalid('coverage.technology', `Unknown technologies: ${unknown.join(', ')}`);
      const params = {
        ...(fields.cellSizeM ? { cellSizeM: Number(fields.cellSizeM) } : {}),
        ...(fields.model ? { model: fields.model as never } : {}),
        ...(fields.coverageCriterion ? { coverageCriterion: readCoverageCriterion(fields.coverageCriterion) } : {}),
      };
      if (params.cellSizeM !== undefined && !(params.cellSizeM >= 10 && params.cellSizeM <= 1000)) {
        throw new Invalid('coverage.cell_size', 'cellSizeM must be between 10 and 1000 metres', [
          { path: 'cellSizeM', message: 'out of range' },
        ]);
      }
      const run = await startCoverageRun(
        app.db,
        request.actor,
        {
          rootUnit: unit.data,
          period: period.data,
          technologies: technologies as Technology[],
          params,
          demo: fields.demo === 'true',
          dem: files.dem ?? [],
          population: files.population?.[0] ?? null,
          sites: files.sites?.[0] ?? 'stored',
        },
        {
          outputDir: options.outputDir,
          requestId: request.id,
          onCrash: (error, runId) => app.log.error({ err: error, runId }, 'coverage run crashed'),
        },
      );
      return reply.code(202).header('location', `/api/coverage/runs/${run.id}`).send(run);
    },
  );

  app.get(
    '/api/coverage/runs',
    {
      config: { permission: 'data.read' },
      schema: { summary: 'Recent coverage runs', tags: ['coverage'], response: { 200: z.array(CoverageRunSchema) } },
    },
    () => listRuns(app.db),
  );
  const RunId = z.object({ id: z.uuid() });
  app.get(
    '/api/coverage/runs/:id',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'A run: status, progress, results',
        tags: ['coverage'],
        params: RunId,
        response: { 200: CoverageRunSchema },
      },
    },
    (request) => findRun(app.db, request.params.id),
  );
  app.post(
    '/api/coverage/runs/:id/cancel',
    {
      config: { permission: 'coverage.run' },
      schema: {
        summary: 'Cancel a run; it writes no results',
        tags: ['coverage'],
        params: RunId,
        response: { 200: CoverageRunSchema },
      },
    },
    (request) => cancelCoverageRun(app.db, request.actor, request.params.id),
  );
  app.get(
    '/api/coverage/legend',
    {
      config: { permission: 'published.read' },
      schema: {
        summary: 'Signal classes of the coverage map layer',
        tags: ['coverage'],
        response: { 200: z.array(SignalClassSchema) },
      },
    },
    () => [...SIGNAL_CLASSES],
  );
  app.get(
    '/api/coverage/runs/:id/layer/:file',
    {
      config: { permission: 'data.read' },
      schema: {
        summary:
          'The coverage map layer of a run on one of its grids, as a PNG coloured by signal class (place it with the corners of result.layers)',
        description:
          '`4G.png` on a run over one grid, `4G-utm48.png` for each grid of a run over several (result.layers names them). ' +
          'Drawn from the overview of the signal COG whose larger side is the smallest at least 2,048 pixels (the full ' +
          'resolution when smaller), so a national grid costs what a screen does.',
        tags: ['coverage'],
        params: RunId.extend({ file: z.string().regex(LAYER_FILE, '4G.png or 4G-utm48.png') }),
        response: { 200: binary('image/png', 'The layer, transparent where there is no signal') },
      },
    },
    async (request, reply) => {
      const run = await findRun(app.db, request.params.id);
      const match = LAYER_FILE.exec(request.params.file)!; // the params schema has checked it
      const tech = match[1] as Technology;
      const suffix = match[2] ?? '';
      const name = `signal-${tech}${suffix}.tif`;
      const path = join(options.outputDir, run.id, name);
      if (!existsSync(path))
        throw new NotFound('coverage.layer_not_found', `Run ${run.id} has no ${tech}${suffix} layer (no ${name})`);
      const layer = await readLayerLevelOfFile(path, name);
      const thresholds =
        (run.params as { thresholdsDbm?: Record<string, number> }).thresholdsDbm ??
        DEFAULT_COVERAGE_PARAMS.thresholdsDbm;
      return reply
        .type('image/png')
        .header('cache-control', 'private, max-age=3600')
        .send(renderSignalLayer(layer, thresholds[tech]!));
    },
  );
  app.get(
    '/api/coverage/runs/:id/files/:file',
    {
      config: { permission: 'data.read' },
      schema: {
        summary:
          'A run’s output file: signal-<tech>.tif (dBm), best-server-<tech>.tif (site index) with its site table ' +
          '(.csv) and raster attribute table (.tif.aux.xml), uncovered-<tech>.geojson (places no site reaches); ' +
          'on a run over several grids each raster and attribute table carries its grid (signal-4G-utm48.tif)',
        tags: ['coverage'],
        params: RunId.extend({
          file: z
            .string()
            .regex(
              OUTPUT_FILE,
              'signal-4G.tif, signal-4G-utm48.tif, best-server-4G.tif, best-server-4G.csv, uncovered-4G.geojson, …',
            ),
        }),
        response: {
          200: {
            description: 'The file, as an attachment',
            content: Object.fromEntries(
              Object.values(OUTPUT_TYPES).map((type) => [
                type,
                { schema: z.unknown().meta({ type: 'string', format: 'binary' }) },
              ]),
            ),
          },
        },
      },
    },
    async (request, reply) => {
      await findRun(app.db, request.params.id);
      const path = join(options.outputDir, request.params.id, request.params.file);
      if (!existsSync(path))
        throw new NotFound('coverage.file_not_found', `Run ${request.params.id} has no ${request.params.file}`);
      const extension = Object.keys(OUTPUT_TYPES).find((ext) => request.params.file.endsWith(ext))!;
      return reply
        .type(OUTPUT_TYPES[extension as keyof typeof OUTPUT_TYPES])
        .header('content-disposition', `attachment; filename="${request.params.file}"`)
        .send(createReadStream(path));
    },
  );
};
