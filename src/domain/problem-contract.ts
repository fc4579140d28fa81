/**
 * The problem document (RFC 9457) every API error answers with, as application/problem+json.
 * The server documents it on every route (src/server/problem-responses.ts); the web app reads its type.
 */
import { z } from 'zod';
import { ERROR_CODES } from './error-codes.js';

/** Loose: an upload's bad rows carry more (file, row, column, code, params) than every error has. */
export const FieldErrorSchema = z.looseObject({
  path: z.string().describe('Where: a query field, a JSON path, or a file’s row and column'),
  message: z.string(),
});

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('In the language of Accept-Language (vi or en)'),
    code: z.enum(ERROR_CODES).describe('Stable code: word the problem from it rather than from `detail`'),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
    current: z.unknown().optional().describe('For 412: what is stored now, and who changed it'),
  })
  .meta({ id: 'Problem' });

export type ProblemDocument = z.output<typeof ProblemSchema>;
