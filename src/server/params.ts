import { z } from 'zod';
import { isPeriodCode } from '../domain/periods.js';

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
  .refine(isPeriodCode, 'a period is 2025, 2025Q3 or 2025-09')
  .describe('2025, 2025Q3 or 2025-09');
export const Year = z.coerce.number().int().min(2000).max(2100);
export const Bucket = z.enum(['year', 'quarter', 'month']);
