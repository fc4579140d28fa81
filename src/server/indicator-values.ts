import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findIndicator } from '../db/indicators.js';
import { findIndicatorValues, upsertIndicatorValue } from '../db/indicator-values.js';
import { ensurePeriods } from '../db/periods.js';
import { valueErrors } from '../domain/indicators/value-check.js';
import { findUnit } from '../db/org-units.js';
import { rollUpSeries } from '../db/roll-ups.js';
import { comparePeriods, monthsOf, parsePeriod } from '../domain/periods.js';
import { Invalid } from '../domain/errors.js';
import { Bucket, IndicatorCode, PeriodCode, UnitCode } from './params.js';

function periodRange(from: string | undefined, to: string | undefined) {
  const start = parsePeriod(from ?? '2000');
  const end = parsePeriod(to ?? from ?? '2100');
  if (comparePeriods(start, end) > 0) {
    throw new Invalid('period.range', `"from" (${start.code}) is after "to" (${end.code})`, [
      { path: 'querystring.from', message: 'after to' },
    ]);
  }
  return { start, end };
}

export const indicatorValueRoutes: FastifyPluginAsyncZod = async (app) => {
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
        summary: 'Enter or correct one value',
        description:
          'The unit must be at the indicator’s reporting level; the value must fit its type (a percent is 0–100).',
        tags: ['values'],
        body: z.object({
          indicator: IndicatorCode,
          unit: UnitCode,
          period: PeriodCode,
          value: z.number(),
          comment: z.string().max(2000).nullish(),
        }),
      },
    },
    async (request, reply) => {
      const { indicator: indicatorCode, unit: unitCode, period, value, comment } = request.body;
      const indicator = await findIndicator(app.db, indicatorCode);
      const unit = await findUnit(app.db, unitCode);
      const errors = valueErrors(indicator.valueType, value, 'body.value');
      if (unit.level !== indicator.reportingLevel) {
        errors.push({
          path: 'body.unit',
          message: `${indicator.code} is reported per ${indicator.reportingLevel}, ${unit.code} is a ${unit.level}`,
        });
      }
      if (errors.length > 0)
        throw new Invalid('value.invalid', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      const result = await app.db.transaction(async (tx) => {
        const periodId = (await ensurePeriods(tx, [period])).get(period)!;
        return upsertIndicatorValue(tx, {
          indicatorId: indicator.id,
          unitId: unit.id,
          periodId,
          value,
          comment: comment ?? null,
          updatedBy: 'api',
          source: 'api',
        });
      });
      return reply
        .code(result.replaced ? 200 : 201)
        .send({ indicator: indicator.code, unit: unit.code, period, value, replaced: result.replaced });
    },
  );
  app.get(
    '/api/rollup',
    {
      schema: {
        summary: 'An indicator rolled up to any unit, per year, quarter or month',
        description:
          'Over time first (flows sum, stocks take the latest value), then over the units at the indicator’s reporting level by its rule. ' +
          'Missing units are reported as missing with their count, never as zero.',
        tags: ['values'],
        querystring: z.object({
          indicator: IndicatorCode,
          unit: UnitCode,
          from: PeriodCode,
          to: PeriodCode.optional(),
          by: Bucket.optional().describe('Bucket size; defaults to the type of `from`'),
        }),
      },
    },
    async (request) => {
      const { indicator: indicatorCode, unit: unitCode, from, to, by } = request.query;
      const { start, end } = periodRange(from, to);
      const indicator = await findIndicator(app.db, indicatorCode);
      const unit = await findUnit(app.db, unitCode);
      const values = await rollUpSeries(app.db, indicator, unit, { from: start, to: end, bucket: by ?? start.type });
      return { indicator: indicator.code, unit: unit.code, values };
    },
  );
};
