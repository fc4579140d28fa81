import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findUnit } from '../db/org-units.js';
import { changeApproval, findApproval } from '../db/approvals.js';
import { APPROVAL_ACTIONS } from '../domain/approval/approval-workflow.js';
import { PeriodCode, UnitCode } from './params.js';
import { writeContext } from './request-context.js';

export const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/approvals',
    {
      schema: {
        summary: 'Approval status of a unit for a period',
        tags: ['approval'],
        querystring: z.object({ unit: UnitCode, period: PeriodCode }),
      },
    },
    async (request) => findApproval(app.db, await findUnit(app.db, request.query.unit), request.query.period),
  );
  app.post(
    '/api/approvals/:action',
    {
      schema: {
        summary: 'Submit, approve, return or reopen a unit’s data for a period',
        description:
          'draft → submitted → approved (the values of the unit and every unit below it, for every period within, are locked) → ' +
          'reopened with a reason. Returning a submitted period to draft also needs a reason. Every step is audited.',
        tags: ['approval'],
        params: z.object({ action: z.enum(APPROVAL_ACTIONS as [string, ...string[]]) }),
        body: z.object({ unit: UnitCode, period: PeriodCode, reason: z.string().max(2000).nullish() }),
      },
    },
    async (request) => {
      const unit = await findUnit(app.db, request.body.unit);
      return app.db.transaction((tx) =>
        changeApproval(
          tx,
          unit,
          request.body.period,
          request.params.action as (typeof APPROVAL_ACTIONS)[number],
          writeContext(request, 'api', request.body.reason ?? null),
        ),
      );
    },
  );
};
