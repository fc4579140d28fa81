/** What the DHIS2 routes answer: an ImportSummary as DHIS2 words it, exported dataValueSets, and the mappings. */
import { z } from 'zod';

export const Dhis2ConflictSchema = z.object({
  object: z.string(),
  value: z.string(),
  errorCode: z.string(),
  indexes: z.array(z.number().int()).describe('Positions in dataValues'),
});

export const Dhis2ImportSummarySchema = z
  .object({
    responseType: z.literal('ImportSummary'),
    status: z.enum(['SUCCESS', 'ERROR']),
    description: z.string(),
    importCount: z.object({
      imported: z.number().int(),
      updated: z.number().int(),
      ignored: z.number().int(),
      deleted: z.number().int(),
    }),
    conflicts: z.array(Dhis2ConflictSchema),
    dryRun: z.boolean(),
  })
  .meta({ id: 'Dhis2ImportSummary' });

export const Dhis2DataValueSetSchema = z
  .object({
    dataValues: z.array(
      z.object({
        dataElement: z.string(),
        period: z.string().describe('2025, 2025Q3 or 202509'),
        orgUnit: z.string(),
        categoryOptionCombo: z.string(),
        value: z.string(),
        storedBy: z.string(),
        lastUpdated: z.string(),
        comment: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'Dhis2DataValueSet' });

export const Dhis2MappingSchema = z
  .object({ kind: z.enum(['data_element', 'org_unit']), dhis2Id: z.string(), code: z.string() })
  .meta({ id: 'Dhis2Mapping' });
