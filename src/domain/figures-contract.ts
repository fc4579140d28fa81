/** What `GET /api/rollup` answers: an indicator rolled up to a unit, per bucket of time. */
import { z } from 'zod';

export const RolledUpValueSchema = z.object({
  period: z.string(),
  value: z.number().nullable().describe('null: no unit reported, or (without sign-in) not published'),
  reported: z.number().int().describe('Units that reported: "112 of 135 communes reported"'),
  expected: z.number().int(),
  published: z.boolean().optional().describe('Given without sign-in: false when the figure is withheld'),
});

export const RollUpSchema = z
  .object({ indicator: z.string(), unit: z.string(), values: z.array(RolledUpValueSchema) })
  .meta({ id: 'RollUp' });
