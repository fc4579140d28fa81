/** What the validation routes answer: the rules, a run's findings, and a finding's explanation. */
import { z } from 'zod';

export const ImportanceSchema = z.enum(['high', 'medium', 'low']);

export const ValidationRuleSchema = z
  .object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    left: z.string().describe("Formula text, e.g. 'POP_COVERED' or 'TEACHERS_SIGNED + TEACHERS_PENDING'"),
    operator: z.enum(['<', '<=', '==', '!=', '>=', '>']),
    right: z.string(),
    importance: ImportanceSchema,
    tolerance: z.number().optional().describe('Absolute slack for == and !='),
    version: z.number().int(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'ValidationRule' });

export const FindingExplanationInfoSchema = z.object({
  comment: z.string(),
  explainedBy: z.string(),
  explainedAt: z.string().describe('ISO 8601, UTC'),
});

export const ViolationSchema = z
  .object({
    kind: z.enum(['bounds', 'rule', 'outlier']),
    ruleCode: z.string().describe("The rule's code, or 'bounds' / 'outlier' for the built-in checks"),
    indicator: z.string().nullable().describe('Null for a rule spanning several indicators'),
    unit: z.string(),
    period: z.string(),
    value: z.number().nullable(),
    message: z.string().describe('In English'),
    importance: ImportanceSchema,
    explanation: FindingExplanationInfoSchema.nullable().describe(
      'Set when a reviewer has marked the finding explained',
    ),
  })
  .meta({ id: 'Violation' });

export const ValidationResultSchema = z
  .object({ unit: z.string(), period: z.string(), violations: z.array(ViolationSchema) })
  .meta({ id: 'ValidationResult' });

export const FindingExplanationSchema = FindingExplanationInfoSchema.extend({
  ruleCode: z.string(),
  indicator: z.string().nullable(),
  unit: z.string(),
  period: z.string(),
}).meta({ id: 'FindingExplanation' });
