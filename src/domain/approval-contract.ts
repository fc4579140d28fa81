/** What the approval routes answer: one unit's state for a period, and the overview of a unit and those below. */
import { z } from 'zod';

export const ApprovalStatusSchema = z.enum(['draft', 'submitted', 'approved', 'reopened']);
export const ApprovalActionSchema = z.enum(['submit', 'approve', 'return', 'reopen']);
export const ApprovalScreenStateSchema = z.enum([
  'not_started',
  'draft',
  'submitted',
  'approved',
  'returned',
  'reopened',
]);

export const ApprovalStateSchema = z
  .object({
    unit: z.string(),
    period: z.string(),
    status: ApprovalStatusSchema,
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
    reason: z.string().nullable(),
    submittedBy: z
      .string()
      .nullable()
      .describe('Who last submitted it: they may not approve it (separation of duties)'),
  })
  .meta({ id: 'ApprovalState' });

export const UnitApprovalSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  level: z.string(),
  state: ApprovalScreenStateSchema,
  reason: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  lockedBy: z
    .object({ unit: z.string(), period: z.string() })
    .nullable()
    .describe(
      'An approval of a longer period or of a unit above that locks these values whatever this state; no step is offered then',
    ),
  actions: z
    .array(ApprovalActionSchema)
    .describe('The steps the workflow allows from this state; the permission table decides who may take them'),
});

export const ApprovalOverviewSchema = z
  .object({
    unit: z.string(),
    period: z.string(),
    units: z.array(UnitApprovalSchema),
    counts: z.object(
      Object.fromEntries(ApprovalScreenStateSchema.options.map((s) => [s, z.number().int()])) as {
        [S in z.output<typeof ApprovalScreenStateSchema>]: z.ZodNumber;
      },
    ),
  })
  .meta({ id: 'ApprovalOverview' });
