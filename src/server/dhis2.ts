import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_LIMIT } from './work-limits.js';
import { loadCatalogue } from '../db/catalogue.js';
import { listMappings, loadMappingTables } from '../db/dhis2-mappings.js';
import { deleteMappingAs, saveMappingAs } from '../application/dhis2-mappings.js';
import { findIndicatorValues } from '../db/indicator-values.js';
import { findUnit } from '../db/org-units.js';
import type { WriteSummary } from '../db/value-writes.js';
import type { Dhis2Conflict } from '../domain/dhis2/data-value-set.js';
import { fromDhis2Period, toDhis2Period } from '../domain/dhis2/dhis2-periods.js';
import { NotFound } from '../domain/errors.js';
import { importDataValueSet } from '../application/import-dhis2.js';
import { monthsOf, parsePeriod } from '../domain/periods.js';
import { writeContext } from './request-context.js';
import {
  Dhis2DataValueSetSchema,
  Dhis2ImportSummarySchema,
  Dhis2MappingSchema,
} from '../domain/dhis2/dhis2-contract.js';
import { ProblemSchema } from '../domain/problem-contract.js';
import type { Dhis2Mapping } from '../db/dhis2-mappings.js';
import { schemaFits, type SchemaFits } from './schema-fit.js';

schemaFits<SchemaFits<typeof Dhis2MappingSchema, Dhis2Mapping>>();

const DataValueSet = z.object({
  dataSet: z.string().optional(),
  completeDate: z.string().optional(),
  period: z.string().optional(),
  orgUnit: z.string().optional(),
  dataValues: z
    .array(
      z.object({
        dataElement: z.string().min(1),
        period: z.string().optional(),
        orgUnit: z.string().optional(),
        categoryOptionCombo: z.string().optional(),
        attributeOptionCombo: z.string().optional(),
        value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
        comment: z.string().nullish(),
        deleted: z.boolean().optional(),
      }),
    )
    .max(100_000),
});

const MappingKind = z.enum(['data_element', 'org_unit']);
const manyOf = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

function importSummary(
  status: 'SUCCESS' | 'ERROR',
  counts: WriteSummary | null,
  conflicts: Dhis2Conflict[],
  dryRun: boolean,
) {
  return {
    responseType: 'ImportSummary' as const,
    status,
    description:
      status === 'SUCCESS'
        ? dryRun
          ? 'Dry run: nothing was saved'
          : 'Import complete'
        : 'Nothing was imported: fix the conflicts and send the whole set again',
    importCount: {
      imported: counts?.inserted ?? 0,
      updated: counts?.updated ?? 0,
      ignored: counts ? counts.unchanged : 0,
      deleted: counts?.deleted ?? 0,
    },
    conflicts,
    dryRun,
  };
}

export const dhis2Routes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/dhis2/dataValueSets',
    {
      config: { permission: 'value.import', workLimit: IMPORT_LIMIT },
      schema: {
        summary: 'Import a DHIS2 dataValueSets payload, all or nothing',
        description:
          'Data elements and org units are translated through the mapping table (an unmapped id is taken as a DX Compact code). ' +
          'Periods: 2025, 2025Q3, 202509. Any conflict (unknown id, bad value, locked or overlapping period, a unit or indicator outside yours) imports nothing and answers 409 with every conflict. ' +
          '?dryRun=true reports what would change without saving.',
        tags: ['dhis2'],
        querystring: z.object({
          dryRun: z.enum(['true', 'false']).default('false'),
          replaceOverlapping: z
            .enum(['true', 'false'])
            .default('false')
            .describe('replace stored values of another period type that the set overlaps'),
        }),
        body: DataValueSet,
        response: {
          200: Dhis2ImportSummarySchema,
          // A conflict in the set is an ImportSummary, as DHIS2 answers; other conflicts are problems.
          409: {
            description: 'Nothing was imported: every conflict of the set, or a problem',
            content: {
              'application/json': { schema: Dhis2ImportSummarySchema },
              'application/problem+json': { schema: ProblemSchema },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const dryRun = request.query.dryRun === 'true';
      const result = await importDataValueSet(
        app.db,
        request.actor,
        request.body,
        { dryRun, replaceOverlapping: request.query.replaceOverlapping === 'true', signal: request.clientGone },
        writeContext(request, 'dhis2'),
      );
      if (!result.ok) return reply.code(409).send(importSummary('ERROR', null, result.conflicts, dryRun));
      return importSummary('SUCCESS', result.counts, [], dryRun);
    },
  );

  app.get(
    '/api/dhis2/dataValueSets',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'Export values as a DHIS2 dataValueSets payload',
        tags: ['dhis2'],
        querystring: z.object({
          dataElement: manyOf.describe('DHIS2 id or DX Compact code; repeat for several'),
          orgUnit: z.string().min(1),
          period: z.string().optional().describe('2025, 2025Q3 or 202509'),
          startDate: z.iso.date().optional(),
          endDate: z.iso.date().optional(),
          children: z.enum(['true', 'false']).default('false'),
        }),
        response: { 200: Dhis2DataValueSetSchema },
      },
    },
    async (request) => {
      const { dataElement, orgUnit, period, startDate, endDate, children } = request.query;
      const tables = await loadMappingTables(app.db);
      const catalogue = await loadCatalogue(app.db);
      const unit = await findUnit(app.db, tables.unitCode(orgUnit));
      const months = period ? monthsOf(parsePeriod(fromDhis2Period(period))) : null;
      const fromDate = months ? months[0]!.startDate : (startDate ?? '2000-01-01');
      const toDate = months ? months.at(-1)!.endDate : (endDate ?? '2100-12-31');
      const dataValues = [];
      for (const id of dataElement) {
        const indicator = catalogue.indicators.get(tables.indicatorCode(id));
        if (!indicator) throw new NotFound('indicator.not_found', `No indicator for data element "${id}"`);
        const values = await findIndicatorValues(app.db, {
          indicatorId: indicator.id,
          unitId: unit.id,
          descendants: children === 'true',
          fromDate,
          toDate,
          limit: 100_000,
        });
        for (const v of values) {
          dataValues.push({
            dataElement: tables.dataElementId(v.indicator),
            period: toDhis2Period(v.period),
            orgUnit: tables.orgUnitId(v.unit),
            categoryOptionCombo: 'HllvX50cXC0', // DHIS2's default category option combo
            value: String(v.value),
            storedBy: v.updatedBy,
            lastUpdated: v.updatedAt,
            ...(v.comment ? { comment: v.comment } : {}),
          });
        }
      }
      return { dataValues };
    },
  );

  app.get(
    '/api/dhis2/mappings',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'DHIS2 id ↔ DX Compact code mappings',
        tags: ['dhis2'],
        response: { 200: z.array(Dhis2MappingSchema) },
      },
    },
    () => listMappings(app.db),
  );
  app.put(
    '/api/dhis2/mappings',
    {
      config: { permission: 'dhis2_mapping.write' },
      schema: {
        summary: 'Map a DHIS2 data element or org unit id to a DX Compact code',
        tags: ['dhis2'],
        body: z.object({ kind: MappingKind, dhis2Id: z.string().min(1).max(64), code: z.string().min(1).max(64) }),
        response: { 200: Dhis2MappingSchema },
      },
    },
    (request) => saveMappingAs(app.db, request.actor, request.body, request.id),
  );
  app.delete(
    '/api/dhis2/mappings/:kind/:dhis2Id',
    {
      config: { permission: 'dhis2_mapping.write' },
      schema: {
        summary: 'Remove a mapping',
        tags: ['dhis2'],
        params: z.object({ kind: MappingKind, dhis2Id: z.string().min(1).max(64) }),
        response: { 204: z.undefined().describe('removed') },
      },
    },
    async (request, reply) => {
      await deleteMappingAs(app.db, request.actor, request.params.kind, request.params.dhis2Id, request.id);
      return reply.code(204).send();
    },
  );
};
