import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { READ_LIMIT } from './work-limits.js';
import { IndicatorCode, PeriodCode, UnitCode } from './params.js';
import { indicatorUnitTable, valueHistory } from '../application/indicator-table.js';

const Status = z.enum(['on_track', 'at_risk', 'off_track', 'no_data', 'no_target', 'not_published']);
const Approval = z.enum(['not_started', 'draft', 'submitted', 'approved', 'reopened']);

const UnitRow = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  value: z.number().nullable().describe('null: not reported, or not published'),
  target: z
    .number()
    .nullable()
    .describe('the unit’s target for the period’s year (or the next one set): its own, or the province’s passed down'),
  targetSource: z
    .enum(['own', 'split_from_province', 'none'])
    .describe('own: set for the unit; split_from_province: the province’s, rates as they are, amounts by population'),
  status: Status,
  reported: z.boolean(),
  approval: Approval.nullable().describe('null in the public view'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  source: z.string().nullable(),
});

export const IndicatorUnitTable = z.object({
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  view: z.enum(['all', 'published']),
  totals: z.object({ reported: z.number().int(), expected: z.number().int() }),
  rows: z.array(UnitRow),
});

export const ValueHistory = z.object({
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  source: z.string().nullable(),
  changes: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      oldValue: z.number().nullable(),
      newValue: z.number().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const indicatorTableRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/indicators/:code/units',
    {
      config: { permission: 'published.read', workLimit: READ_LIMIT },
      schema: {
        summary: 'An indicator for each unit directly below a unit in one period, with targets and reporting status',
        description:
          'Without sign-in only published values are given (others are null with status not_published), and no ' +
          'approval state, author or time of change.',
        tags: ['values'],
        params: z.object({ code: IndicatorCode }),
        querystring: z.object({ unit: UnitCode, period: PeriodCode }),
        response: { 200: IndicatorUnitTable },
      },
    },
    async (request) =>
      indicatorUnitTable(app.db, request.actor, request.params.code, request.query.unit, request.query.period),
  );

  app.get(
    '/api/indicators/:code/history',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'Every recorded change to one unit’s value of an indicator in a period, oldest first',
        tags: ['values'],
        params: z.object({ code: IndicatorCode }),
        querystring: z.object({ unit: UnitCode, period: PeriodCode }),
        response: { 200: ValueHistory },
      },
    },
    async (request) =>
      valueHistory(app.db, request.actor, request.params.code, request.query.unit, request.query.period),
  );
};
