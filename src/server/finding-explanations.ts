import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { explainFinding, unexplainFinding } from '../application/explain-finding.js';
import { PeriodCode, UnitCode } from './params.js';
import { FindingExplanationSchema } from '../domain/validation-contract.js';

const FindingKey = z.object({
  ruleCode: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/)
    .describe("the rule's code, or 'bounds' / 'outlier'"),
  indicator: z
    .string()
    .min(1)
    .max(64)
    .nullish()
    .transform((code) => code ?? null)
    .describe('the indicator; none for a rule over several indicators'),
  unit: UnitCode,
  period: PeriodCode,
});

/** A data-check finding marked explained ("the new market opened in March"), and taken back. */
export const findingExplanationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/validation/explanations',
    {
      config: { permission: 'value.write' },
      schema: {
        summary: 'Mark a data-check finding explained, with a comment',
        description:
          'Allowed to whoever may enter the unit’s values. Audited; the findings then carry who, when and why.',
        tags: ['validation'],
        body: FindingKey.extend({ comment: z.string().trim().min(1).max(2000) }),
        response: { 200: FindingExplanationSchema },
      },
    },
    (request) => {
      const { comment, ...key } = request.body;
      return explainFinding(app.db, request.actor, key, comment, request.id);
    },
  );
  app.delete(
    '/api/validation/explanations',
    {
      config: { permission: 'value.write' },
      schema: {
        summary: 'Take back a finding’s explanation: it counts as open again',
        tags: ['validation'],
        querystring: FindingKey,
        response: { 204: z.null().describe('removed') },
      },
    },
    async (request, reply) => {
      await unexplainFinding(app.db, request.actor, request.query, request.id);
      return reply.code(204).send(null);
    },
  );
};
