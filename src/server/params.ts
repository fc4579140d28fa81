import { z } from 'zod';
import { FIRST_YEAR, isPeriodCode, LAST_YEAR } from '../domain/periods.js';

/** Query and path fields several route groups share, validated once here. */
export const UnitCode = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
export const IndicatorCode = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, ., - and _ only');
export const PeriodCode = z
  .string()
  .max(16)
  .refine(isPeriodCode, `a period is 2025, 2025Q3 or 2025-09, in the years ${FIRST_YEAR}–${LAST_YEAR}`)
  .describe('2025, 2025Q3 or 2025-09');
export const Year = z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR);
export const Bucket = z.enum(['year', 'quarter', 'month']);
