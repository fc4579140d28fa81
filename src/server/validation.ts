import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listValidationRules, saveValidationRule } from '../db/validation-rules.js';
import { runValidation } from '../db/validation-run.js';
import { PeriodCode, UnitCode } from './params.js';
import { writeContext } from './request-context.js';

export const validationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/validation-rules',
    { schema: { summary: 'Validation rules across indicators', tags: ['validation'] } },
    () => listValidationRules(app.db),
  );
  app.put(
    '/api/validation-rules/:code',
    {
      schema: {
        summary: 'Create or change a validation rule, e.g. TEACHERS_SIGNED ≤ TEACHERS',
        description:
          'Both sides are formulas over indicators (references in braces). Rules are checked at the coarsest level among the indicators they name.',
        tags: ['validation'],
        params: z.object({
          code: z
            .string()
            .min(1)
            .max(64)
            .regex(/^[A-Za-z0-9_.-]+$/),
        }),
        body: z.object({
          nameVi: z.string().min(1).max(300),
          nameEn: z.string().min(1).max(300),
          left: z.string().min(1).max(5000),
          operator: z.enum(['<', '<=', '==', '!=', '>=', '>']),
          right: z.string().min(1).max(5000),
          importance: z.enum(['high', 'medium', 'low']).default('medium'),
          tolerance: z.number().min(0).default(0),
          reason: z.string().max(2000).nullish(),
        }),
      },
    },
    async (request) => {
      const { reason, ...rule } = request.body;
      return app.db.transaction((tx) =>
        saveValidationRule(tx, { ...rule, code: request.params.code }, writeContext(request, 'api', reason ?? null)),
      );
    },
  );
  app.get(
    '/api/validation',
    {
      schema: {
        summary: 'Violations for a unit and every unit below it in a period: bounds, rules and outliers',
        description:
          'Outliers use a robust z-score on the median absolute deviation of each unit’s own previous 24 months (|z| > 3.5). ' +
          'A rule with a side missing is skipped: missing data is not a violation.',
        tags: ['validation'],
        querystring: z.object({ unit: UnitCode, period: PeriodCode }),
      },
    },
    (request) => runValidation(app.db, request.query.unit, request.query.period),
  );
};
