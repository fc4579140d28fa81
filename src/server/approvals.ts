import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPROVAL_PERMISSION, approvalStatus, changeApprovalAs } from '../application/change-approval.js';
import { APPROVAL_ACTIONS } from '../domain/approval/approval-workflow.js';
import { approvalOverview } from '../application/approval-overview.js';
import { PeriodCode, UnitCode } from './params.js';
import { ApprovalOverviewSchema, ApprovalStateSchema } from '../domain/approval-contract.js';
import type { ApprovalState } from '../db/approvals.js';
import type { ApprovalOverview } from '../application/approval-overview.js';
import { schemaFits, type SchemaFits } from './schema-fit.js';

schemaFits<SchemaFits<typeof ApprovalStateSchema, ApprovalState>>();
schemaFits<SchemaFits<typeof ApprovalOverviewSchema, ApprovalOverview>>();

const STEP_SUMMARIES = {
  submit: 'Submit a unit’s data for a period for approval',
  approve: 'Approve a unit’s submitted data: its values, and those of every unit below, are locked for the period',
  return: 'Return a submitted period to draft, with a reason',
  reopen: 'Reopen an approved period, with a reason: its values can be changed again',
} as const;

export interface ApprovalRouteOptions {
  separationOfDuties: boolean;
}

export const approvalRoutes: FastifyPluginAsyncZod<ApprovalRouteOptions> = async (app, options) => {
  app.get(
    '/api/approvals',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'Approval status of a unit for a period',
        tags: ['approval'],
        querystring: z.object({ unit: UnitCode, period: PeriodCode }),
        response: { 200: ApprovalStateSchema },
      },
    },
    (request) => approvalStatus(app.db, request.query.unit, request.query.period),
  );
  app.get(
    '/api/approvals/overview',
    {
      config: { permission: 'data.read' },
      schema: {
        summary: 'For a period, a unit and every unit below it with its approval state, and the counts per state',
        tags: ['approval'],
        querystring: z.object({ unit: UnitCode, period: PeriodCode }),
        response: { 200: ApprovalOverviewSchema },
      },
    },
    (request) => approvalOverview(app.db, request.query.unit, request.query.period),
  );
  for (const action of APPROVAL_ACTIONS) {
    app.post(
      `/api/approvals/${action}`,
      {
        config: { permission: APPROVAL_PERMISSION[action] },
        schema: {
          summary: STEP_SUMMARIES[action],
          description:
            'draft → submitted → approved (locked) → reopened with a reason; a submitted period can be returned to draft ' +
            'with a reason. Nobody approves a period they submitted or entered values in. Every step is audited.',
          tags: ['approval'],
          body: z.object({ unit: UnitCode, period: PeriodCode, reason: z.string().max(2000).nullish() }),
          response: { 200: ApprovalStateSchema },
        },
      },
      (request) =>
        changeApprovalAs(
          app.db,
          request.actor,
          { unit: request.body.unit, period: request.body.period, action, reason: request.body.reason ?? null },
          options,
          request.id,
        ),
    );
  }
};
