import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_LIMIT } from './work-limits.js';
import { findIndicator } from '../db/indicators.js';
import { findIndicatorValues, findStoredValue } from '../db/indicator-values.js';
import { findUnit } from '../db/org-units.js';
import { loadCatalogue } from '../db/catalogue.js';
import { auditHistory } from '../db/audit-log.js';
import { runOnce } from '../db/idempotency.js';
import { monthsOf } from '../domain/periods.js';
import { Invalid, NotFound } from '../domain/errors.js';
import { valueChangeErrors } from '../domain/indicators/value-change.js';
import { resolveEntries, writeValuesAs } from '../application/write-values.js';
import { IndicatorCode, PeriodCode, UnitCode } from './params.js';
import { periodRange } from './period-range.js';
import { writeContext } from './request-context.js';
import { expectedVersion, sendVersioned } from './if-match.js';
import { AuditEntrySchema, BatchWriteSchema, StoredValueSchema, ValueWriteSchema } from '../domain/values-contract.js';
import type { StoredValue } from '../db/indicator-values.js';
import type { ChainedAuditEntry } from '../domain/audit/audit-chain.js';
import { schemaFits, type SchemaFits } from './schema-fit.js';

schemaFits<SchemaFits<typeof StoredValueSchema, StoredValue>>();
schemaFits<SchemaFits<typeof AuditEntrySchema, ChainedAuditEntry>>();

const Version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const ValueEntry = z.object({
  indicator: IndicatorCode,
  unit: UnitCode,
  period: PeriodCode,
  value: z.number().nullable().describe('null deletes the stored value'),
  comment: z.string().max(2000).nullish(),
  version: Version.optional().describe('the version read (as its ETag); the write is refused with 412 if it changed'),
});

const IdempotencyKey = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

const Replace = z
  .boolean()
  .default(false)
  .describe('replace stored values of another period type that overlap (else refused with 409 value.overlap)');

export const indicatorValueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/indicator-values',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'Stored values of one indicator, for a unit or every unit below it',
        tags: ['values'],
        querystring: z.object({
          indicator: IndicatorCode,
          unit: UnitCode,
          from: PeriodCode.optional(),
          to: PeriodCode.optional(),
          descendants: z.enum(['true', 'false']).default('false').describe('Include every unit below `unit`'),
          limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
        }),
        response: { 200: z.array(StoredValueSchema) },
      },
    },
    async (request) => {
      const { indicator: indicatorCode, unit: unitCode, from, to, descendants, limit } = request.query;
      const { start, end } = periodRange(from, to);
      const indicator = await findIndicator(app.db, indicatorCode);
      const unit = await findUnit(app.db, unitCode);
      return findIndicatorValues(app.db, {
        indicatorId: indicator.id,
        unitId: unit.id,
        descendants: descendants === 'true',
        fromDate: monthsOf(start)[0]!.startDate,
        toDate: monthsOf(end).at(-1)!.endDate,
        limit,
      });
    },
  );

  app.get(
    '/api/indicator-values/value',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'One stored value with its version as the ETag (send it back in If-Match to change it)',
        tags: ['values'],
        querystring: z.object({ indicator: IndicatorCode, unit: UnitCode, period: PeriodCode }),
        response: { 200: StoredValueSchema },
      },
    },
    async (request, reply) => {
      const indicator = await findIndicator(app.db, request.query.indicator);
      const unit = await findUnit(app.db, request.query.unit);
      const value = await findStoredValue(app.db, {
        indicatorId: indicator.id,
        unitId: unit.id,
        period: request.query.period,
      });
      if (!value)
        throw new NotFound(
          'value.not_found',
          `No value of ${indicator.code} is stored for ${unit.code} in ${request.query.period}`,
        );
      return sendVersioned(reply, value.version, value);
    },
  );

  app.put(
    '/api/indicator-values',
    {
      config: { permission: 'value.write' },
      schema: {
        summary: 'Enter, correct or delete one value',
        description:
          'The unit must be at the indicator’s reporting level, within the units you may write, and the value must fit ' +
          'its type and bounds (a percent is 0–100). Values locked by an approval are refused with 409; a value ' +
          'overlapping stored values of another period type with 409 value.overlap unless `replace` is true. Send the ' +
          'version you read as If-Match (or `version`): if someone changed it since, 412 answers with the current value ' +
          'and who changed it. Every change is audited under the signed-in user.',
        tags: ['values'],
        body: ValueEntry.extend({ reason: z.string().max(2000).nullish(), replace: Replace }),
        response: { 200: ValueWriteSchema, 201: ValueWriteSchema },
      },
    },
    async (request, reply) => {
      const catalogue = await loadCatalogue(app.db);
      const version = expectedVersion(request, request.body.version);
      const [change] = resolveEntries(
        catalogue,
        [{ ...request.body, ...(version !== undefined ? { version } : {}) }],
        'body',
      );
      const errors = valueChangeErrors(change!, change!.value, 'body');
      if (errors.length > 0)
        throw new Invalid('value.invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      const summary = await writeValuesAs(
        app.db,
        request.actor,
        [change!],
        writeContext(request, 'api', request.body.reason ?? null),
        { action: 'value.write', replaceOverlapping: request.body.replace },
      );
      const stored = await findStoredValue(app.db, {
        indicatorId: change!.indicator.id,
        unitId: change!.unit.id,
        period: change!.period,
      });
      const { indicator, unit, period, value } = request.body;
      const body = { indicator, unit, period, value, version: stored?.version ?? null, ...summary };
      reply.code(summary.inserted ? 201 : 200);
      return stored ? sendVersioned(reply, stored.version, body) : reply.send(body);
    },
  );

  app.post(
    '/api/indicator-values/batch',
    {
      config: { permission: 'value.import', workLimit: IMPORT_LIMIT },
      schema: {
        summary: 'Upsert a batch of values for partner systems, all or nothing',
        description:
          'Send an Idempotency-Key header: a retried request with the same key and body returns the first response ' +
          '(with Idempotent-Replayed: true) and changes nothing; the same key with a different body gets 409. Keys ' +
          'belong to the caller: another token’s key is a different key.',
        tags: ['values'],
        headers: z.object({ 'idempotency-key': IdempotencyKey }),
        body: z.object({
          values: z.array(ValueEntry).min(1).max(100_000),
          reason: z.string().max(2000).nullish(),
          replace: Replace,
        }),
        response: { 200: BatchWriteSchema },
      },
    },
    async (request, reply) => {
      const changes = resolveEntries(await loadCatalogue(app.db), request.body.values, 'body.values');
      const result = await writeValuesAs(
        app.db,
        request.actor,
        changes,
        writeContext(request, 'api-batch', request.body.reason ?? null),
        { action: 'value.import', replaceOverlapping: request.body.replace, signal: request.clientGone },
        (tx, write) =>
          runOnce(tx, `${request.actor.name} ${request.headers['idempotency-key']}`, request.body, async () => {
            const summary = await write();
            return { statusCode: 200, body: { received: request.body.values.length, ...summary } };
          }),
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      // The first answer is stored with its status (200) and replayed as it was.
      return reply.code(result.statusCode as 200).send(result.body);
    },
  );

  app.get(
    '/api/indicator-values/history',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'Every change to one value, oldest first, from the audit log',
        tags: ['values'],
        querystring: z.object({ indicator: IndicatorCode, unit: UnitCode, period: PeriodCode }),
        response: { 200: z.array(AuditEntrySchema) },
      },
    },
    async (request) => {
      const { indicator, unit, period } = request.query;
      await findIndicator(app.db, indicator);
      await findUnit(app.db, unit);
      return auditHistory(app.db, { entity: 'indicator_value', indicator, unit, period });
    },
  );
};
