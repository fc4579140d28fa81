import { z } from 'zod';
import { ROW_ERROR_CODES } from '../domain/messages/row-messages.js';
import type { ImportReport } from '../intake/import-report.js';
import { WriteSummarySchema } from '../domain/values-contract.js';

const RowErrorSchema = z.object({
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().describe('The spreadsheet row or CSV record, 1-based, as the user sees it'),
  column: z.string().describe('The header as written in the file; empty for a problem with the whole row'),
  field: z.enum(['indicator', 'unit', 'period', 'value', 'comment', 'row']),
  value: z.string().describe('The cell as read; empty for an empty cell'),
  reason: z.string().describe('The reason in English'),
  code: z.enum(ROW_ERROR_CODES).describe('Stable code: word the problem from it and `params`'),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string().describe('The whole sentence in the language of Accept-Language (vi or en)'),
});

const DiffRowSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  status: z.enum(['new', 'changed', 'unchanged']),
  oldValue: z.number().nullable(),
  newValue: z.number(),
  oldComment: z.string().nullable(),
  newComment: z.string().nullable(),
});

/** What `POST /api/imports` answers: a preview (200) or a commit (201). */
export const ImportReportSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sheet: z.string().nullable(),
  rowsRead: z.number().int(),
  valuesFound: z.number().int(),
  errors: z.array(RowErrorSchema).describe('The first 1,000 bad cells; `errorCount` says how many there are'),
  errorCount: z.number().int(),
  warnings: z.array(RowErrorSchema).describe('Findings that do not refuse the file (rules of lower importance)'),
  changes: WriteSummarySchema.nullable(),
  diff: z
    .object({ new: z.array(DiffRowSchema), changed: z.array(DiffRowSchema), unchanged: z.array(DiffRowSchema) })
    .describe('The first 500 values of each kind against the stored ones; the counts are in `changes`'),
  committed: z.boolean(),
  batchId: z.number().int().nullable(),
}) satisfies z.ZodType<ImportReport>;
