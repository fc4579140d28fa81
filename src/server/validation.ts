import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { READ_LIMIT } from './work-limits.js';
import { findValidationRule, listValidationRules } from '../db/validation-rules.js';
import { saveValidationRule } from '../application/save-validation-rule.js';
import { NotFound } from '../domain/errors.js';
import { expectedVersion, sendVersioned } from './if-match.js';
import { runValidation } from '../db/validation-run.js';
import { PeriodCode, UnitCode } from './params.js';
import { ValidationResultSchema, ValidationRuleSchema } from '../domain/validation-contract.js';
import type { StoredRule } from '../db/validation-rules.js';
import { schemaFits, type SchemaFits } from './schema-fit.js';

schemaFits<SchemaFits<typeof ValidationRuleSchema, StoredRule>>();
schemaFits<SchemaFits<typeof ValidationResultSchema, Awaited<ReturnType<typeof runValidation>>>>();

export const validationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/validation-rules',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'Validation rules across indicators',
        tags: ['validation'],
        response: { 200: z.array(ValidationRuleSchema) },
      },
    },
    () => listValidationRules(app.db),
  );
  app.put(
    '/api/validation-rules/:code',
    {
      config: { permission: 'validation_rule.define' },
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
          version: z.number().int().min(0).optional().describe('the version read; 0 to create only if new'),
          reason: z.string().max(2000).nullish(),
        }),
        response: { 200: ValidationRuleSchema },
      },
    },
    async (request, reply) => {
      const { reason, version, ...rule } = request.body;
      const saved = await saveValidationRule(
        app.db,
        request.actor,
        { ...rule, code: request.params.code },
        { expectedVersion: expectedVersion(request, version), reason: reason ?? null },
        request.id,
      );
      return sendVersioned(reply, saved.version, saved);
    },
  );
  app.get(
    '/api/validation-rules/:code',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'One validation rule, its version as the ETag',
        tags: ['validation'],
        params: z.object({
          code: z
            .string()
            .min(1)
            .max(64)
            .regex(/^[A-Za-z0-9_.-]+$/),
        }),
        response: { 200: ValidationRuleSchema },
      },
    },
    async (request, reply) => {
      const rule = await findValidationRule(app.db, request.params.code);
      if (!rule)
        throw new NotFound('rule.not_found', `No validation rule has the code "${request.params.code}"`, undefined, {
          code: request.params.code,
        });
      return sendVersioned(reply, rule.version, rule);
    },
  );
  app.get(
    '/api/validation',
    {
      config: { permission: 'data.read', workLimit: READ_LIMIT },
      schema: {
        summary: 'Violations for a unit and every unit below it in a period: bounds, rules and outliers',
        description:
          'Outliers use a robust z-score on the median absolute deviation of each unit’s own previous 24 months (|z| > 3.5), and only a material change counts: counts ≥ 3 and ≥ 25 %, percentages ≥ 2 points and ≥ 5 %, other numbers ≥ 1 and ≥ 10 % away from the usual level. ' +
          'A rule with a side missing is skipped: missing data is not a violation.',
        tags: ['validation'],
        querystring: z.object({ unit: UnitCode, period: PeriodCode }),
        response: { 200: ValidationResultSchema },
      },
    },
    (request) => runValidation(app.db, request.query.unit, request.query.period),
  );
};
