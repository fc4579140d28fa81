import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findIndicator } from '../db/indicators.js';
import { findIndicatorValues } from '../db/indicator-values.js';
import { findUnit } from '../db/org-units.js';
import { loadCatalogue } from '../db/catalogue.js';
import { writeValues, type ValueChange } from '../db/value-writes.js';
import { auditHistory } from '../db/audit-log.js';
import { runOnce } from '../db/idempotency.js';
import { monthsOf } from '../domain/periods.js';
import { valueChangeErrors } from '../domain/indicators/value-change.js';
import { Invalid, type FieldError } from '../domain/errors.js';
import { IndicatorCode, PeriodCode, UnitCode } from './params.js';
import { periodRange } from './period-range.js';
import { writeContext } from './request-context.js';

const ValueEntry = z.object({
  indicator: IndicatorCode,
  unit: UnitCode,
  period: PeriodCode,
  value: z.number().nullable().describe('null deletes the stored value'),
  comment: z.string().max(2000).nullish(),
});
type ValueEntry = z.infer<typeof ValueEntry>;

const IdempotencyKey = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export const indicatorValueRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Resolves codes for a batch, reporting every unknown code with its position. */
  async function resolve(entries: readonly ValueEntry[], at: string): Promise<ValueChange[]> {
    const catalogue = await loadCatalogue(app.db);
    const errors: FieldError[] = [];
    const changes: ValueChange[] = [];
    entries.forEach((entry, i) => {
      const indicator = catalogue.indicators.get(entry.indicator);
      const unit = catalogue.units.get(entry.unit);
      if (!indicator) errors.push({ path: `${at}[${i}].indicator`, message: `unknown indicator "${entry.indicator}"` });
      if (!unit) errors.push({ path: `${at}[${i}].unit`, message: `unknown unit "${entry.unit}"` });
      if (indicator && unit)
        changes.push({ indicator, unit, period: entry.period, value: entry.value, comment: entry.comment ?? null });
    });
    if (errors.length > 0)
      throw new Invalid('value.unknown_code', `${errors.length} unknown code(s): ${errors[0]!.message}`, errors);
    return changes;
  }

  app.get(
    '/api/indicator-values',
    {
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

  app.put(
    '/api/indicator-values',
    {
      schema: {
        summary: 'Enter, correct or delete one value',
        description:
          'The unit must be at the indicator’s reporting level and the value must fit its type and bounds (a percent is 0–100). ' +
          'Values locked by an approval are refused with 409. Every change is audited (name yourself with the X-DX-User header).',
        tags: ['values'],
        body: ValueEntry.extend({ reason: z.string().max(2000).nullish() }),
      },
    },
    async (request, reply) => {
      const [change] = await resolve([request.body], 'body');
      const errors = valueChangeErrors(change!, change!.value, 'body');
      if (errors.length > 0)
        throw new Invalid('value.invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      const summary = await app.db.transaction((tx) =>
        writeValues(tx, [change!], writeContext(request, 'api', request.body.reason ?? null)),
      );
      const { indicator, unit, period, value } = request.body;
      return reply.code(summary.inserted ? 201 : 200).send({ indicator, unit, period, value, ...summary });
    },
  );

  app.post(
    '/api/indicator-values/batch',
    {
      schema: {
        summary: 'Upsert a batch of values for partner systems, all or nothing',
        description:
          'Send an Idempotency-Key header: a retried request with the same key and body returns the first response ' +
          '(with Idempotent-Replayed: true) and changes nothing; the same key with a different body gets 409.',
        tags: ['values'],
        headers: z.object({ 'idempotency-key': IdempotencyKey }),
        body: z.object({ values: z.array(ValueEntry).min(1).max(100_000), reason: z.string().max(2000).nullish() }),
      },
    },
    async (request, reply) => {
      const changes = await resolve(request.body.values, 'body.values');
      const result = await runOnce(app.db, request.headers['idempotency-key'], request.body, async (tx) => {
        const summary = await writeValues(tx, changes, writeContext(request, 'api-batch', request.body.reason ?? null));
        return { statusCode: 200, body: { received: request.body.values.length, ...summary } };
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(result.statusCode).send(result.body);
    },
  );

  app.get(
    '/api/indicator-values/history',
    {
      schema: {
        summary: 'Every change to one value, oldest first, from the audit log',
        tags: ['values'],
        querystring: z.object({ indicator: IndicatorCode, unit: UnitCode, period: PeriodCode }),
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
