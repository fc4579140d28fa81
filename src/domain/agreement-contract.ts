/** What the agreement routes answer (`GET /api/agreements`, `GET /api/agreements/{code}`). */
import { z } from 'zod';

const AgreementFields = {
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  signedOn: z.string().nullable().describe('YYYY-MM-DD'),
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  provinceCode: z.string().nullable(),
  source: z.string().nullable(),
};

export const AgreementSummarySchema = z
  .object({ id: z.number().int(), ...AgreementFields })
  .meta({ id: 'AgreementSummary' });

export const AgreementAreaSchema = z.object({
  code: z.string(),
  position: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string(),
});

export const AgreementDetailSchema = z
  .object({
    ...AgreementFields,
    parties: z.array(
      z.object({ code: z.string(), role: z.enum(['province', 'partner']), nameVi: z.string(), nameEn: z.string() }),
    ),
    areas: z.array(AgreementAreaSchema),
    commitments: z.array(
      z.object({
        id: z.number().int(),
        areaCode: z.string().nullable(),
        ownerParty: z.string(),
        textVi: z.string(),
        textEn: z.string(),
        dueDate: z.string().nullable().describe('YYYY-MM-DD'),
        status: z.enum(['planned', 'in_progress', 'done', 'cancelled']),
      }),
    ),
  })
  .meta({ id: 'AgreementDetail' });
